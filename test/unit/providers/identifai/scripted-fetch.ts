// A fetch stand-in for unit tests: each request is handed to a script that returns a status and a JSON body.
// (Integration tests use real HTTP against the sandbox; this only pins the client's own decisions.)
import type { Fetch } from '../../../../main/lib/http-error';

export interface SeenRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Script = (
  request: SeenRequest,
  index: number,
) => { status: number; body?: unknown } | 'network-error';

export function scriptedFetch(script: Script): { fetch: Fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchStub: Fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const raw = typeof init?.body === 'string' ? init.body : undefined;
    const request: SeenRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      headers,
      body: raw ? (JSON.parse(raw) as unknown) : null,
    };
    seen.push(request);
    const answer = script(request, seen.length - 1);
    if (answer === 'network-error') throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetch: fetchStub, seen };
}

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
