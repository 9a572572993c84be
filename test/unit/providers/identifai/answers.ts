// IdentifAI's answers for the scripted fetch (test/support/scripted-fetch.ts) of the client's unit tests.
export const SIGNATURE_ANSWER = {
  status: 200,
  body: { headers: { 'x-nodeflux-timestamp': '20240501T090000Z' }, ok: true, token: 'a'.repeat(64) },
};
export const tokenAnswer = (n: number) => ({
  status: 200,
  body: { ok: true, submission_token: `sub-token-${n}` },
});
export const rejected = (message: string) => ({
  status: 401,
  body: { code: 'not-authenticate', errors: [], message, ok: false },
});
