// The client's own decisions (which token, when to retry, what to throw), pinned with a scripted fetch.
// The same paths run over real HTTP in test/integration/providers/identifai.
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../main/providers/provider';
import {
  createIdentifaiClient,
  type IdentifaiClientOptions,
} from '../../../../main/providers/identifai/client';
import { FakeClock } from '../../../support/clocks';
import {
  scriptedFetch,
  type Answer,
  type ScriptedFetchOptions,
  type Script,
} from '../../../support/scripted-fetch';
import { rejected, SIGNATURE_ANSWER, tokenAnswer } from './answers';

const credentials = { accessKey: 'UNITACCESSKEY02', secretKey: 'unit-secret-key-2' };
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

function setup(
  script: Script,
  options: Partial<IdentifaiClientOptions> = {},
  fetchOptions: ScriptedFetchOptions = {},
) {
  const clock = new FakeClock(Date.UTC(2024, 4, 1, 9, 0, 0));
  const { fetch, seen } = scriptedFetch(script, fetchOptions);
  const client = createIdentifaiClient({
    baseUrl: 'https://identifai.test/',
    credentials,
    fetch,
    clock,
    random: () => 0.5,
    retries: 2,
    retryDelay: { minDelayMs: 10, maxDelayMs: 20 },
    poll: { firstDelayMs: 100, growth: 2, maxDelayMs: 400, deadlineMs: 5_000 },
    ...options,
  });
  return { client, seen, clock };
}

/** Routes by path; `submit` decides the analytics answers, counting submission tokens as they are minted. */
function router(
  submit: (req: { headers: Record<string, string>; body: unknown }, n: number) => Answer,
): Script {
  let tokens = 0;
  let submits = 0;
  return (req) => {
    if (req.path === '/public/auth/v1/signatures') return SIGNATURE_ANSWER;
    if (req.path === '/auth/v1/submission_tokens') return tokenAnswer(++tokens);
    if (req.path.startsWith('/v1/analytics/') || req.path.startsWith('/syncv2/analytics/'))
      return submit(req, ++submits);
    return { status: 404, body: { ok: false, message: 'no route' } };
  };
}

describe('submit', () => {
  it('mints a token with the HMAC pair, then posts data-URI images with that token', async () => {
    const { client, seen } = setup(router(() => ({ status: 200, body: { job_id: 'job-1', ok: true } })));
    const submission = await client.submit('faceMatchLiveness', {
      images: [jpeg, jpeg],
      additionalParams: { liveness_threshold: 0.6 },
      clientRef: 'rec123456',
    });
    expect(submission).toEqual({
      mode: 'async',
      jobId: 'job-1',
      token: 'sub-token-1',
      submittedAt: '2024-05-01T09:00:00.000Z',
    });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /public/auth/v1/signatures',
      'POST /auth/v1/submission_tokens',
      'POST /v1/analytics/face-match-liveness-v1',
    ]);
    expect(seen[1]?.headers).toMatchObject({
      authorization: `NODEFLUX-HMAC-SHA256 Credential=${credentials.accessKey}/20240501/nodeflux.api.v1beta1.ImageAnalytic/StreamImageAnalytic, SignedHeaders=x-nodeflux-timestamp, Signature=${'a'.repeat(64)}`,
      'x-nodeflux-timestamp': '20240501T090000Z',
    });
    expect(seen[2]?.headers.authorization).toBe('sub-token-1');
    expect(seen[2]?.body).toEqual({
      images: ['data:image/jpeg;base64,/9j/2Q==', 'data:image/jpeg;base64,/9j/2Q=='],
      additional_params: { liveness_threshold: 0.6 },
      client_ref: 'rec123456',
    });
  });

  it('reads the job id from job.id too, and uses a configured slug', async () => {
    const { client, seen } = setup(
      router(() => ({
        status: 202,
        body: { job: { id: 'job-2', result: { status: 'on going' } }, ok: true },
      })),
      {
        slugs: { ocrKtp: 'ocr-ktp-v2' },
      },
    );
    await expect(client.submit('ocrKtp', { images: [jpeg] })).resolves.toMatchObject({ jobId: 'job-2' });
    expect(seen.at(-1)?.path).toBe('/v1/analytics/ocr-ktp-v2');
  });

  it.each(['Submission token is expired', 'Submission token is already used'])(
    '"%s" → a new token and one retry',
    async (message) => {
      const { client, seen } = setup(
        router((_req, n) =>
          n === 1 ? rejected(message) : { status: 200, body: { job_id: 'job-3', ok: true } },
        ),
      );
      await expect(client.submit('ocrKtp', { images: [jpeg] })).resolves.toMatchObject({
        jobId: 'job-3',
        token: 'sub-token-2',
      });
      const analytics = seen.filter((r) => r.path.startsWith('/v1/analytics'));
      expect(analytics.map((r) => r.headers.authorization)).toEqual(['sub-token-1', 'sub-token-2']);
    },
  );

  it('a refused token with HTTP 200 and ok:false is treated the same way', async () => {
    const { client } = setup(
      router((_req, n) =>
        n === 1
          ? { status: 200, body: rejected('Submission token is expired').body }
          : { status: 200, body: { job_id: 'j', ok: true } },
      ),
    );
    await expect(client.submit('ocrKtp', { images: [jpeg] })).resolves.toMatchObject({
      jobId: 'j',
      token: 'sub-token-2',
    });
  });

  it('a second refused token in a row → provider_auth, after exactly two submissions', async () => {
    const { client, seen } = setup(router(() => rejected('Submission token is already used')));
    const error = await client.submit('ocrKtp', { images: [jpeg] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_auth' });
    expect((error as Error).message).not.toContain('sub-token');
    expect(seen.filter((r) => r.path.startsWith('/v1/analytics'))).toHaveLength(2);
  });

  it('a 401 on the token request → one fresh signature and one retry', async () => {
    let tokenCalls = 0;
    const { client, seen } = setup((req) => {
      if (req.path === '/public/auth/v1/signatures') return SIGNATURE_ANSWER;
      if (req.path === '/auth/v1/submission_tokens')
        return ++tokenCalls === 1 ? { status: 401, body: { ok: false } } : tokenAnswer(tokenCalls);
      return { status: 200, body: { job_id: 'j', ok: true } };
    });
    await expect(client.submit('ocrKtp', { images: [jpeg] })).resolves.toMatchObject({
      token: 'sub-token-2',
    });
    expect(seen.filter((r) => r.path === '/public/auth/v1/signatures')).toHaveLength(2);
  });

  it('401 on the token request twice → provider_auth', async () => {
    const { client, seen } = setup((req) =>
      req.path === '/public/auth/v1/signatures'
        ? SIGNATURE_ANSWER
        : { status: 401, body: { ok: false, message: 'Invalid authorization' } },
    );
    await expect(client.submit('ocrKtp', { images: [jpeg] })).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_auth',
    });
    expect(seen.filter((r) => r.path === '/auth/v1/submission_tokens')).toHaveLength(2);
  });

  // Issue 4: an analytics POST creates a billed job. A failure after which IdentifAI may have created it is
  // not retried here (the record's next attempt submits again and logs the duplicate window); the requests
  // around it (signatures, submission tokens) bill nothing and keep their retries.
  it('a 5xx on the analytics POST → one request, no backoff, provider_unavailable', async () => {
    const { client, seen, clock } = setup(router(() => ({ status: 503 })));
    const error = await client.submit('ocrKtp', { images: [jpeg] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_unavailable' });
    expect(seen.filter((r) => r.path.startsWith('/v1/analytics'))).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a 5xx on a syncv2 POST is not retried either', async () => {
    const { client, seen } = setup(
      router(() => ({ status: 502 })),
      { mode: 'syncv2' },
    );
    await expect(client.submit('ocrKtp', { images: [jpeg] })).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
    expect(seen.filter((r) => r.path.startsWith('/syncv2/analytics'))).toHaveLength(1);
  });

  it('a time-out, a reset connection or a cut-off 200 on the analytics POST → one request each', async () => {
    for (const answer of ['hang', 'network-error', { status: 200, raw: '{"job_id":"j' }] as const) {
      const { client, seen } = setup(
        router(() => answer),
        { timeoutMs: 50 },
        { networkErrorCode: 'ECONNRESET' },
      );
      await expect(client.submit('ocrKtp', { images: [jpeg] })).rejects.toMatchObject({
        code: 'provider_unavailable',
      });
      expect(seen.filter((r) => r.path.startsWith('/v1/analytics'))).toHaveLength(1);
    }
  });

  it('a 429 on the analytics POST is retried (no job was created), then the job', async () => {
    const { client, seen, clock } = setup(
      router((_req, n) => (n === 1 ? { status: 429 } : { status: 200, body: { job_id: 'j', ok: true } })),
    );
    await expect(client.submit('ocrKtp', { images: [jpeg] })).resolves.toMatchObject({ jobId: 'j' });
    const analytics = seen.filter((r) => r.path.startsWith('/v1/analytics'));
    expect(analytics).toHaveLength(2);
    // The same token: a 429 did not use it up.
    expect(analytics.map((r) => r.headers.authorization)).toEqual(['sub-token-1', 'sub-token-1']);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('429 asking for longer than an in-place wait → not retried here; provider_unavailable carries Retry-After', async () => {
    const { client, seen } = setup(
      router(() => ({ status: 429, body: { ok: false }, headers: { 'Retry-After': '12' } })),
    );
    const error = await client.submit('ocrKtp', { images: [jpeg] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_unavailable', retryAfterMs: 12_000 });
    // 12 s is past the longest in-place backoff: the sync engine schedules the next attempt after it.
    expect(seen.filter((r) => r.path.startsWith('/v1/analytics'))).toHaveLength(1);
  });

  it('a refused connection on the analytics POST (never sent) is retried a bounded number of times', async () => {
    const { client, seen } = setup(router(() => 'network-error')); // ECONNREFUSED
    await expect(client.submit('ocrKtp', { images: [jpeg] })).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
    expect(seen.filter((r) => r.path.startsWith('/v1/analytics'))).toHaveLength(3);
  });

  it('5xx and network failures on the signature and token requests are retried a bounded number of times', async () => {
    const { client, seen, clock } = setup((req) =>
      req.path === '/public/auth/v1/signatures' ? SIGNATURE_ANSWER : { status: 503 },
    );
    await expect(client.submit('ocrKtp', { images: [jpeg] })).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
    expect(seen.filter((r) => r.path === '/auth/v1/submission_tokens')).toHaveLength(3);
    expect(seen.filter((r) => r.path.startsWith('/v1/analytics'))).toHaveLength(0);
    expect(clock.sleeps).toHaveLength(2);

    const down = setup(() => 'network-error', {}, { networkErrorCode: 'ECONNRESET' });
    await expect(down.client.submit('ocrKtp', { images: [jpeg] })).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
    expect(down.seen).toHaveLength(3);
  });

  it('a 400 on submission is a permanent rejection', async () => {
    const { client } = setup(
      router(() => ({ status: 400, body: { ok: false, message: 'image must be a data URI' } })),
    );
    await expect(client.submit('ocrKtp', { images: [jpeg] })).rejects.toMatchObject({
      name: 'IdentifaiRejection',
      code: 'provider_rejected',
    });
  });

  it('syncv2 posts to /syncv2/analytics and reads the flat answer', async () => {
    const flat = {
      analytic_type: 'OCR_KTP',
      job_id: 'sync-1',
      message: 'OCR_KTP Service Success',
      ok: true,
      result: [{ nik: '1' }],
      status: 'success',
    };
    const { client, seen } = setup(
      router(() => ({ status: 200, body: flat })),
      { mode: 'syncv2' },
    );
    const submission = await client.submit('ocrKtp', { images: [jpeg] });
    expect(submission).toMatchObject({
      mode: 'syncv2',
      jobId: 'sync-1',
      result: { status: 'success', items: [{ nik: '1' }], raw: flat },
    });
    expect(seen.at(-1)?.path).toBe('/syncv2/analytics/ocr-ktp');
    expect(seen.at(-1)?.headers.authorization).toBe('sub-token-1');
  });

  it('syncv2 reads an incompleted answer sent with a 4xx status', async () => {
    const flat = {
      analytic_type: 'FACE_MATCH_LIVENESS',
      job_id: 's',
      message: 'No face detected',
      ok: true,
      result: [],
      status: 'incompleted',
    };
    const { client } = setup(
      router(() => ({ status: 400, body: flat })),
      { mode: 'syncv2' },
    );
    await expect(client.submit('faceMatchLiveness', { images: [jpeg, jpeg] })).resolves.toMatchObject({
      result: { status: 'incompleted', message: 'No face detected' },
    });
  });

  it('syncv2 can be HMAC-authorised instead', async () => {
    const flat = { status: 'success', result: [], message: 'ok', ok: true };
    const { client, seen } = setup(
      router(() => ({ status: 200, body: flat })),
      { mode: 'syncv2', syncAuthorisation: 'hmac' },
    );
    await client.submit('ocrKtp', { images: [jpeg] });
    expect(seen.some((r) => r.path.includes('submission_tokens'))).toBe(false);
    expect(seen.at(-1)?.headers.authorization).toMatch(/^NODEFLUX-HMAC-SHA256 /);
  });
});

describe('waitForJob', () => {
  const jobBody = (status: string, message = '') => ({
    job: { id: 'job-9', result: { status, analytic_type: 'OCR_KTP', result: [] } },
    message,
    ok: true,
  });

  it('polls with the submission token until the status is terminal', async () => {
    const statuses = ['on going', 'on-going', 'ongoing', 'success'];
    const { client, seen, clock } = setup((req) =>
      req.path === '/v1/jobs/job-9'
        ? { status: 200, body: jobBody(statuses.shift() ?? 'success', 'done') }
        : SIGNATURE_ANSWER,
    );
    const polls: number[] = [];
    const result = await client.waitForJob(
      { jobId: 'job-9', token: 'sub-1', submittedAt: new Date(clock.now()).toISOString() },
      { onPoll: (n) => polls.push(n) },
    );
    expect(result).toMatchObject({ status: 'success', message: 'done' });
    expect(polls).toEqual([1, 2, 3, 4]);
    expect(seen.every((r) => r.headers.authorization === 'sub-1')).toBe(true);
    // 100, 200, 400 ms nominal (the test's schedule), each shortened by jitter 0.2 × random.
    expect(clock.sleeps).toHaveLength(3);
    clock.sleeps.forEach((delay, i) => {
      expect(delay).toBeLessThanOrEqual(100 * 2 ** i);
      expect(delay).toBeGreaterThanOrEqual(0.8 * 100 * 2 ** i);
    });
  });

  it('stops at maxPolls, naming the setting; the record is retried later', async () => {
    const { client, seen, clock } = setup((req) =>
      req.path === '/v1/jobs/job-9' ? { status: 200, body: jobBody('on going') } : SIGNATURE_ANSWER,
    );
    const error = await client
      .waitForJob({ jobId: 'job-9', token: 'sub-1', submittedAt: new Date(clock.now()).toISOString() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', code: 'provider_unavailable' });
    expect(String(error)).not.toMatch(/maxPollsPerJob/); // the 5 s deadline came first
    const capped = setup(
      (req) =>
        req.path === '/v1/jobs/job-9' ? { status: 200, body: jobBody('on going') } : SIGNATURE_ANSWER,
      { poll: { maxPolls: 3 } },
    );
    const stopped = await capped.client
      .waitForJob({ jobId: 'job-9', token: 'sub-1', submittedAt: new Date(capped.clock.now()).toISOString() })
      .catch((e: unknown) => e);
    expect(stopped).toMatchObject({
      code: 'provider_unavailable',
      message: expect.stringMatching(
        /3 checks, the most allowed per job \(identifai\.maxPollsPerJob\)/,
      ) as string,
    });
    expect(capped.seen.filter((r) => r.path === '/v1/jobs/job-9')).toHaveLength(3);
    expect(seen.length).toBeGreaterThan(3);
  });

  it('falls back to the HMAC pair when IdentifAI says the token has expired, and stays on it', async () => {
    let polls = 0;
    const { client, seen, clock } = setup((req) => {
      if (req.path === '/public/auth/v1/signatures') return SIGNATURE_ANSWER;
      if (req.headers.authorization === 'sub-1') return rejected('Submission token is expired');
      return { status: 200, body: jobBody(++polls < 2 ? 'on going' : 'success') };
    });
    await client.waitForJob({
      jobId: 'job-9',
      token: 'sub-1',
      submittedAt: new Date(clock.now()).toISOString(),
    });
    const gets = seen
      .filter((r) => r.method === 'GET')
      .map((r) => (r.headers.authorization?.startsWith('NODEFLUX') ? 'hmac' : r.headers.authorization));
    expect(gets).toEqual(['sub-1', 'hmac', 'hmac']);
  });

  it('goes straight to the HMAC pair for a job submitted more than the token lifetime ago', async () => {
    const { client, seen, clock } = setup((req) =>
      req.path === '/public/auth/v1/signatures'
        ? SIGNATURE_ANSWER
        : { status: 200, body: jobBody('success') },
    );
    await client.waitForJob({
      jobId: 'job-9',
      token: 'sub-1',
      submittedAt: new Date(clock.now() - 10 * 60_000).toISOString(),
    });
    expect(seen.filter((r) => r.method === 'GET').map((r) => r.headers.authorization?.slice(0, 8))).toEqual([
      'NODEFLUX',
    ]);
  });

  it('reads a final job sent with a 4xx status', async () => {
    const { client, clock } = setup(() => ({
      status: 400,
      body: jobBody('incompleted', 'No face detected'),
    }));
    await expect(
      client.waitForJob({ jobId: 'job-9', token: 'sub-1', submittedAt: new Date(clock.now()).toISOString() }),
    ).resolves.toMatchObject({
      status: 'incompleted',
      message: 'No face detected',
    });
  });

  it('gives up at the deadline with provider_unavailable, having counted its polls', async () => {
    const { client, clock } = setup(() => ({ status: 200, body: jobBody('on going') }));
    const error = await client
      .waitForJob({ jobId: 'job-9', token: 'sub-1', submittedAt: new Date(clock.now()).toISOString() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', code: 'provider_unavailable' });
    expect((error as Error).message).toMatch(/after 5 s \(\d+ checks\)/);
  });

  it('stops with the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('operator cancelled');
    const { client, clock } = setup((_req, n) => {
      if (n === 1) controller.abort(reason);
      return { status: 200, body: jobBody('on going') };
    });
    await expect(
      client.waitForJob(
        { jobId: 'job-9', token: 'sub-1', submittedAt: new Date(clock.now()).toISOString() },
        { signal: controller.signal },
      ),
    ).rejects.toBe(reason);
  });
});
