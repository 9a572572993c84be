// IdentifAI authentication in the sandbox over real HTTP: signatures, the HMAC header pair, one-time
// submission tokens (reuse and expiry with the exact documented bodies), and who may read a job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDENTIFAI } from '../../../main/sandbox/credentials';
import { SUBMISSION_TOKEN_PATTERN } from '../../../main/sandbox/identifai/ids';
import { computeToken, formatAuthorization } from '../../../main/sandbox/identifai/signature';
import { type Sandbox, startSandbox } from '../../../main/sandbox/server';
import { blankImage, toDataUri } from '../../fixtures/images';
import { type FakeClock, fakeClock } from '../../unit/sandbox/fake-clock';
import { call, identifai, jobResult } from './identifai-client';

const EXPIRED = '{"code":"not-authenticate","errors":[],"message":"Submission token is expired","ok":false}';
const USED =
  '{"code":"not-authenticate","errors":[],"message":"Submission token is already used","ok":false}';

let clock: FakeClock;
let sandbox: Sandbox;
let api: ReturnType<typeof identifai>;
let ocrBody: { images: string[] };

beforeAll(async () => {
  clock = fakeClock(Date.UTC(2021, 11, 13, 6, 25, 2));
  sandbox = await startSandbox({ clock, jobDurationMs: 400 });
  api = identifai(sandbox.url);
  ocrBody = { images: [toDataUri(await blankImage())] };
});

afterAll(async () => {
  await sandbox.close();
});

describe('POST /public/auth/v1/signatures', () => {
  it('signs good credentials with the Nodeflux algorithm at the sandbox time', async () => {
    const reply = await api.signature();
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json)).toEqual(['headers', 'ok', 'token']);
    expect(reply.json).toEqual({
      headers: { 'x-nodeflux-timestamp': '20211213T062502Z' },
      ok: true,
      token: computeToken(SANDBOX_IDENTIFAI.secretKey, '20211213T062502Z'),
    });
  });

  it.each([
    ['a wrong secret', { access_key: SANDBOX_IDENTIFAI.accessKey, secret_key: 'nope' }],
    ['a wrong access key', { access_key: 'NOPE', secret_key: SANDBOX_IDENTIFAI.secretKey }],
    ['no keys', {}],
  ])('refuses %s with 401 not-authenticate', async (_label, body) => {
    const reply = await api.post('/public/auth/v1/signatures', body);
    expect(reply.status).toBe(401);
    expect(reply.json).toMatchObject({ ok: false, code: 'not-authenticate', errors: [] });
    expect(typeof reply.json.message).toBe('string');
  });
});

describe('POST /auth/v1/submission_tokens', () => {
  it('issues <uuid>-<base32> tokens for a valid HMAC header pair', async () => {
    const reply = await api.post('/auth/v1/submission_tokens', undefined, await api.hmacHeaders());
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json)).toEqual(['ok', 'submission_token']);
    expect(String(reply.json.submission_token)).toMatch(SUBMISSION_TOKEN_PATTERN);
  });

  it('accepts "," without a following space', async () => {
    const headers = await api.hmacHeaders();
    headers.authorization = (headers.authorization ?? '').replace(/, /g, ',');
    expect((await api.post('/auth/v1/submission_tokens', undefined, headers)).status).toBe(200);
  });

  it('refuses missing, mangled and mis-signed headers with 401', async () => {
    const good = await api.hmacHeaders();
    const ts = good['x-nodeflux-timestamp'] ?? '';
    const variants: Array<Record<string, string>> = [
      {},
      { authorization: good.authorization ?? '' },
      {
        ...good,
        authorization: formatAuthorization(SANDBOX_IDENTIFAI.accessKey, ts, computeToken('wrong', ts)),
      },
      { ...good, 'x-nodeflux-timestamp': '20211213T062503Z' },
      { ...good, authorization: (good.authorization ?? '').replace('/20211213/', '/20211214/') },
      { ...good, authorization: 'NODEFLUX-HMAC-SHA256 garbage' },
      { ...good, authorization: 'Bearer something' },
    ];
    for (const headers of variants) {
      const reply = await api.post('/auth/v1/submission_tokens', undefined, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(401);
      expect(reply.json).toMatchObject({ code: 'not-authenticate', errors: [], ok: false });
    }
  });
});

describe('one-time submission tokens', () => {
  it('creates one job per token, then answers "already used" with the exact body', async () => {
    const token = await api.submissionToken();
    const first = await api.analytics('ocr-ktp', ocrBody, token);
    expect(first.status).toBe(200);
    const second = await api.analytics('ocr-ktp', ocrBody, token);
    expect(second.status).toBe(401);
    expect(second.text).toBe(USED);
  });

  it('does not burn a token on a rejected body', async () => {
    const token = await api.submissionToken();
    expect((await api.analytics('ocr-ktp', { images: ['not a data uri'] }, token)).status).toBe(400);
    expect((await api.analytics('ocr-ktp', ocrBody, token)).status).toBe(200);
  });

  it('answers "expired" with the exact body once the TTL has passed, for submit and for read', async () => {
    const unused = await api.submissionToken();
    const used = await api.submissionToken();
    const job = await api.analytics('ocr-ktp', ocrBody, used);
    const id = String(job.json.job_id);
    expect((await api.job(id, used)).status).toBe(200);
    clock.advance(299_999);
    expect((await api.job(id, used)).status).toBe(200);
    clock.advance(1);
    const submit = await api.analytics('ocr-ktp', ocrBody, unused);
    expect(submit.status).toBe(401);
    expect(submit.text).toBe(EXPIRED);
    const read = await api.job(id, used);
    expect(read.status).toBe(401);
    expect(read.text).toBe(EXPIRED);
    // The HMAC pair still reads the job after the token has expired.
    expect((await api.job(id, await api.hmacHeaders())).status).toBe(200);
  });

  it('lets a token read only the job it created', async () => {
    const a = await api.submissionToken();
    const b = await api.submissionToken();
    const jobA = String((await api.analytics('ocr-ktp', ocrBody, a)).json.job_id);
    const jobB = String((await api.analytics('ocr-ktp', ocrBody, b)).json.job_id);
    expect((await api.job(jobA, a)).status).toBe(200);
    const cross = await api.job(jobB, a);
    expect(cross.status).toBe(401);
    expect(cross.text).toBe(USED);
    const unusedToken = await api.submissionToken();
    expect((await api.job(jobA, unusedToken)).status).toBe(401);
  });

  it('refuses unknown tokens, and a missing Authorization header', async () => {
    const unknown = await api.analytics(
      'ocr-ktp',
      ocrBody,
      '9268e8f3-1c2e-4b39-8604-61fe30a29908-GIYDEMJNGA4S2MRS',
    );
    expect(unknown.status).toBe(401);
    expect(unknown.json).toMatchObject({ code: 'not-authenticate', ok: false });
    expect((await api.post('/v1/analytics/ocr-ktp', ocrBody)).status).toBe(401);
  });
});

describe('jobs on the sandbox clock', () => {
  it('stay "on going" until the job duration has passed, then carry the final envelope', async () => {
    const token = await api.submissionToken();
    const submitted = await api.analytics('ocr-ktp', ocrBody, token);
    const id = String(submitted.json.job_id);
    // Real time passes (the analysis finishes), sandbox time does not: still on going.
    await new Promise((r) => setTimeout(r, 1500));
    const early = await api.job(id, token);
    expect(early.status).toBe(200);
    expect(jobResult(early)).toEqual({ status: 'on going', analytic_type: 'OCR_KTP', result: [] });
    clock.advance(400);
    const done = await api.job(id, token);
    expect(Object.keys(done.json)).toEqual(['job', 'message', 'ok']);
    expect(done.json).toEqual({
      job: { id, result: { status: 'incompleted', analytic_type: 'OCR_KTP', result: [] } },
      message: 'KTP is not detected',
      ok: true,
    });
  });

  it('answers 404 for an unknown job', async () => {
    const reply = await api.job('0'.repeat(48) + 'GIYDEMJNGEYC2MBX', await api.hmacHeaders());
    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('the sandbox server', () => {
  it('answers health, 404 and 405', async () => {
    expect((await call(`${sandbox.url}/_sandbox/health`)).json).toEqual({ ok: true });
    expect((await call(`${sandbox.url}/nowhere`)).status).toBe(404);
    expect((await call(`${api.base}/v1/analytics/ocr-ktp`)).status).toBe(405);
  });

  it('adds the configured latency to every response', async () => {
    const slow = await startSandbox({ latencyMs: 300 });
    try {
      const started = performance.now();
      expect((await call(`${slow.url}/_sandbox/health`)).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      await slow.close();
    }
  });

  it('honours an HMAC lifetime when one is configured', async () => {
    const c = fakeClock();
    const strict = await startSandbox({ clock: c, identifai: { hmacTokenTtlSeconds: 60 } });
    try {
      const s = identifai(strict.url);
      const headers = await s.hmacHeaders();
      expect((await s.post('/auth/v1/submission_tokens', undefined, headers)).status).toBe(200);
      c.advance(61_000);
      expect((await s.post('/auth/v1/submission_tokens', undefined, headers)).status).toBe(401);
    } finally {
      await strict.close();
    }
  });
});
