// The Incode client against a scripted fetch: paths, headers, bodies, the onboarding wait, and how each kind
// of failure is classified (403/401, 5xx, network, time-out, other 4xx, an upload refused for the photo).
import { describe, expect, it } from 'vitest';
import { createIncodeClient, type IncodeClientOptions } from '../../../../main/providers/incode/client';
import { IncodeRejection, IncodeSessionRefused } from '../../../../main/providers/incode/errors';
import { ProviderError } from '../../../../main/providers/provider';
import { redact } from '../../../../main/lib/redact';
import { FakeClock } from '../../../support/clocks';
import type { ScriptedFetchOptions } from '../../../support/scripted-fetch';
import {
  API_KEY,
  fakeIncode,
  INTERVIEW_ID,
  ok,
  TOKEN,
  type Answer,
  type Route,
  type RouteName,
} from './fake-incode';

const session = { token: TOKEN, interviewId: INTERVIEW_ID };
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

function client(
  script: Partial<Record<RouteName, Answer | Route>> = {},
  options: Partial<IncodeClientOptions> = {},
  fetchOptions: ScriptedFetchOptions = {},
) {
  const fake = fakeIncode(script, fetchOptions);
  const clock = new FakeClock();
  const incode = createIncodeClient({
    baseUrl: 'https://incode.test/',
    apiKey: API_KEY,
    fetch: fake.fetch,
    clock,
    random: () => 0.5,
    retries: 2,
    retryDelay: { minDelayMs: 10, maxDelayMs: 40 },
    poll: { firstDelayMs: 100, growth: 2, maxDelayMs: 400, deadlineMs: 5_000 },
    timeoutMs: 1_000,
    ...options,
  });
  return { incode, fake, clock };
}

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('createIncodeClient: requests', () => {
  it('starts a session with the key headers only, countryCode ALL and the record id', async () => {
    const { incode, fake } = client();
    const started = await incode.start('REC0001abc');
    expect(started).toMatchObject({ token: TOKEN, interviewId: INTERVIEW_ID });
    const [request] = fake.seen;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/omni/start',
      body: { countryCode: 'ALL', externalCustomerId: 'REC0001abc' },
    });
    expect(request?.headers).toMatchObject({
      'x-api-key': API_KEY,
      'api-version': '1.0',
      'content-type': 'application/json',
    });
    expect(request?.headers['x-incode-hardware-id']).toBeUndefined();
  });

  it('sends the flow id and the country code when configured', async () => {
    const { incode, fake } = client({}, { configurationId: 'flow-123', countryCode: 'IDN' });
    await incode.start('REC0001abc');
    expect(fake.seen[0]?.body).toEqual({
      countryCode: 'IDN',
      configurationId: 'flow-123',
      externalCustomerId: 'REC0001abc',
    });
  });

  it('a start answer without a token → provider_unavailable', async () => {
    const { incode } = client({ start: ok({ interviewId: INTERVIEW_ID }) });
    await expect(incode.start('R')).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_unavailable',
    });
  });

  it('every session call carries X-Incode-Hardware-Id, the key and api-version', async () => {
    const { incode, fake } = client();
    await incode.addFrontId(session, JPEG);
    await incode.processId(session);
    await incode.addSelfie(session, JPEG);
    await incode.processFace(session);
    await incode.onboardingStatus(session);
    await incode.finish(session);
    await incode.getScore(session);
    await incode.getOcrData(session);
    expect(fake.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /omni/add/front-id/v2',
      'POST /omni/process/id',
      'POST /omni/add/face/third-party',
      'POST /omni/process/face',
      'GET /omni/get/onboarding/status',
      'GET /omni/finish-status',
      'GET /omni/get/score',
      'GET /omni/get/ocr-data',
    ]);
    for (const request of fake.seen) {
      expect(request.headers).toMatchObject({
        'x-api-key': API_KEY,
        'api-version': '1.0',
        'x-incode-hardware-id': TOKEN,
        'content-type': 'application/json',
      });
    }
    expect(fake.seen.map((r) => r.query)).toEqual([
      {},
      {},
      { imageType: 'selfie' },
      { imageType: 'selfie' },
      {},
      {},
      { id: INTERVIEW_ID },
      { id: INTERVIEW_ID },
    ]);
  });

  it('uploads images as plain base64, without a data: prefix', async () => {
    const { incode, fake } = client();
    await incode.addFrontId(session, JPEG);
    await incode.addSelfie(session, JPEG);
    for (const request of fake.seen) {
      expect(request.body).toEqual({ base64Image: JPEG.toString('base64') });
    }
  });

  it('the front-id answer comes back as it is, also when it failed with HTTP 200', async () => {
    const failed = { classification: false, glare: 100, failReason: 'UNKNOWN_DOCUMENT_TYPE' };
    const { incode } = client({ frontId: ok(failed) });
    await expect(incode.addFrontId(session, JPEG)).resolves.toEqual({ accepted: true, body: failed });
  });

  it('a selfie refused with a 4xx and a code → an answer (not an error) with the code and message', async () => {
    const body = {
      timestamp: 1,
      status: 4019,
      error: 'Bad Request',
      message: 'BadRequestException: No faces found on the image',
    };
    const { incode } = client({ selfie: { status: 400, body } });
    await expect(incode.addSelfie(session, JPEG)).resolves.toEqual({
      accepted: false,
      httpStatus: 400,
      code: 4019,
      message: 'No faces found on the image',
      body,
    });
  });
});

describe('createIncodeClient: failures', () => {
  it('403 → provider_auth "Incode refused the API key", not retried', async () => {
    const { incode, fake } = client({ start: { status: 403, body: { status: 403, error: 'Forbidden' } } });
    const error = await caught(incode.start('R'));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_auth', message: 'Incode refused the API key' });
    expect(fake.seen).toHaveLength(1);
  });

  it('403 on a session call (and on an upload) → provider_auth', async () => {
    const { incode } = client({ score: { status: 403 }, selfie: { status: 403 } });
    await expect(incode.getScore(session)).rejects.toMatchObject({ code: 'provider_auth' });
    await expect(incode.addSelfie(session, JPEG)).rejects.toMatchObject({ code: 'provider_auth' });
  });

  it('401 on /omni/start → provider_auth; 401 on a session call → IncodeSessionRefused', async () => {
    const { incode } = client({
      start: { status: 401 },
      processFace: { status: 401 },
      frontId: { status: 401 },
    });
    await expect(incode.start('R')).rejects.toMatchObject({ name: 'ProviderError', code: 'provider_auth' });
    await expect(incode.processFace(session)).rejects.toBeInstanceOf(IncodeSessionRefused);
    await expect(incode.addFrontId(session, JPEG)).rejects.toBeInstanceOf(IncodeSessionRefused);
  });

  it('5xx → bounded retries with backoff, then provider_unavailable', async () => {
    const { incode, fake, clock } = client({ score: { status: 503, body: 'Service Unavailable' } });
    const error = await caught(incode.getScore(session));
    expect(error).toMatchObject({ name: 'ProviderError', code: 'provider_unavailable' });
    expect(fake.count('score')).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('a transient 502 on a GET, then a good answer → the good answer', async () => {
    const { incode, fake } = client({
      score: (_r, nth) => (nth === 0 ? { status: 502 } : ok({ overall: { value: '1', status: 'OK' } })),
    });
    await expect(incode.getScore(session)).resolves.toMatchObject({ overall: { status: 'OK' } });
    expect(fake.count('score')).toBe(2);
  });

  // Issue 4: every Incode POST creates or changes session state Incode bills for. A failure after which
  // Incode may have handled it is not retried here: the record's next attempt sends it again (and logs the
  // duplicate window). Only a failure Incode certainly never saw (429, a refused connection) is retried.
  it('a 502 on a POST is not retried: one request, provider_unavailable', async () => {
    const { incode, fake, clock } = client({
      processFace: (_r, nth) => (nth === 0 ? { status: 502 } : ok({ confidence: 1 })),
    });
    const error = await caught(incode.processFace(session));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_unavailable' });
    expect(fake.count('processFace')).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a 5xx on an upload is sent once and never taken for a bad photo', async () => {
    const { incode, fake } = client({ selfie: { status: 500, body: { status: 500 } } });
    const error = await caught(incode.addSelfie(session, JPEG));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_unavailable' });
    expect(fake.count('selfie')).toBe(1);
  });

  it('a 429 on a POST is retried (Incode did not act on it), then the good answer', async () => {
    const { incode, fake, clock } = client({
      start: (_r, nth) => (nth === 0 ? { status: 429 } : ok({ token: TOKEN, interviewId: INTERVIEW_ID })),
    });
    await expect(incode.start('R')).resolves.toMatchObject({ token: TOKEN });
    expect(fake.count('start')).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('429 asking for longer than an in-place wait → not retried here; provider_unavailable carries Retry-After', async () => {
    const { incode, fake } = client({
      selfie: { status: 429, body: { status: 429 }, headers: { 'Retry-After': '30' } },
    });
    const error = await caught(incode.addSelfie(session, JPEG));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_unavailable', retryAfterMs: 30_000 });
    // 30 s is past the longest in-place backoff: the sync engine schedules the next attempt after it.
    expect(fake.count('selfie')).toBe(1);
  });

  it('a connection reset on a POST → provider_unavailable without a retry (it may have arrived)', async () => {
    const { incode, fake } = client({ start: 'network-error' });
    await expect(incode.start('R')).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(fake.count('start')).toBe(1);
  });

  it('a refused connection on a POST (never sent) → retried, then provider_unavailable', async () => {
    const { incode, fake } = client(
      { start: 'network-error' },
      { retries: 1 },
      { networkErrorCode: 'ECONNREFUSED' },
    );
    await expect(incode.start('R')).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(fake.count('start')).toBe(2);
  });

  it('network failures on a GET → provider_unavailable after the retries', async () => {
    const { incode, fake } = client({ ocr: 'network-error' }, { retries: 1 });
    await expect(incode.getOcrData(session)).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(fake.count('ocr')).toBe(2);
  });

  it('a cut-off 200 answer to a POST is not retried: provider_unavailable, never a bad answer', async () => {
    const { incode, fake } = client({ processId: { status: 200, raw: '{"success":tr' } });
    const error = await caught(incode.processId(session));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_unavailable' });
    expect(fake.count('processId')).toBe(1);
  });

  it('no answer within timeoutMs → provider_unavailable after the retries', async () => {
    const { incode, fake } = client({ ocr: 'hang' }, { timeoutMs: 20, retries: 1 });
    const error = await caught(incode.getOcrData(session));
    expect(error).toMatchObject({ code: 'provider_unavailable' });
    expect((error as Error).message).toMatch(/no answer within 20 ms/);
    expect(fake.count('ocr')).toBe(2);
  });

  it('other 4xx → IncodeRejection with the body, not retried', async () => {
    const body = {
      status: 6000,
      error: 'Could not process',
      message: 'BadRequestException: could not process',
    };
    const { incode, fake } = client({ processId: { status: 400, body } });
    const error = await caught(incode.processId(session));
    expect(error).toBeInstanceOf(IncodeRejection);
    expect(error).toMatchObject({ body });
    expect((error as Error).message).toMatch(/code 6000/);
    expect(fake.count('processId')).toBe(1);
  });

  it('a 404 on an upload is about the request, not the photo → IncodeRejection', async () => {
    const { incode } = client({ frontId: { status: 404 } });
    await expect(incode.addFrontId(session, JPEG)).rejects.toBeInstanceOf(IncodeRejection);
  });

  it('a 200 that is not a JSON object → provider_unavailable', async () => {
    const { incode } = client({ score: { status: 200, body: 'gateway page' } });
    await expect(incode.getScore(session)).rejects.toMatchObject({ code: 'provider_unavailable' });
  });

  it('never puts the API key or the session token in a message', async () => {
    const { incode } = client({ start: { status: 403 }, score: { status: 503 }, ocr: { status: 400 } });
    const errors = [
      await caught(incode.start('R')),
      await caught(incode.getScore(session)),
      await caught(incode.getOcrData(session)),
    ];
    for (const error of errors) {
      const message = (error as Error).message;
      expect(message).not.toContain(API_KEY);
      expect(message).not.toContain(TOKEN);
    }
    // Both are registered secrets: a log line that carried them would be masked.
    expect(redact(`key ${API_KEY} token ${TOKEN}`)).toBe('key [redacted] token [redacted]');
  });
});

describe('createIncodeClient: waiting for the onboarding', () => {
  it('polls with backoff until ONBOARDING_FINISHED', async () => {
    const statuses = ['UNKNOWN', 'ID_VALIDATION_FINISHED', 'FACE_VALIDATION_FINISHED', 'ONBOARDING_FINISHED'];
    const { incode, fake, clock } = client({
      onboarding: (_r, nth) => ok({ onboardingStatus: statuses[nth] }),
    });
    const polls: number[] = [];
    const result = await incode.waitForOnboarding(session, { onPoll: (n) => polls.push(n) });
    expect(result).toMatchObject({ state: 'finished', status: 'ONBOARDING_FINISHED' });
    expect(fake.count('onboarding')).toBe(4);
    expect(polls).toEqual([1, 2, 3, 4]);
    // 100, 200, 400 ms nominal, each shortened by jitter 0.2 × random 0.5.
    expect(clock.sleeps).toEqual([90, 180, 360]);
  });

  it('sends no query by default; onboardingStatusIdParam names the interview in one', async () => {
    const plain = client({ onboarding: ok({ onboardingStatus: 'ONBOARDING_FINISHED' }) });
    await plain.incode.onboardingStatus(session);
    expect(plain.fake.seen[0]?.query).toEqual({});
    const named = client(
      { onboarding: ok({ onboardingStatus: 'ONBOARDING_FINISHED' }) },
      { onboardingStatusIdParam: 'interviewId' },
    );
    await named.incode.waitForOnboarding(session);
    expect(named.fake.seen[0]?.query).toEqual({ interviewId: session.interviewId });
  });

  it('a manual-review status after the onboarding also ends the wait', async () => {
    const { incode } = client({ onboarding: ok({ onboardingStatus: 'MANUAL_REVIEW_APPROVED' }) });
    await expect(incode.waitForOnboarding(session)).resolves.toMatchObject({ state: 'finished' });
  });

  it('EXPIRED ends the wait as expired', async () => {
    const { incode } = client({ onboarding: ok({ onboardingStatus: 'EXPIRED' }) });
    await expect(incode.waitForOnboarding(session)).resolves.toMatchObject({
      state: 'expired',
      status: 'EXPIRED',
    });
  });

  it('past the deadline → a timeout answer with the last status (the provider decides what next)', async () => {
    const { incode, fake, clock } = client({
      onboarding: ok({ onboardingStatus: 'POST_PROCESSING_FINISHED' }),
    });
    const started = clock.now();
    const result = await incode.waitForOnboarding(session);
    expect(result).toMatchObject({
      state: 'timeout',
      status: 'POST_PROCESSING_FINISHED',
      reason: 'deadline',
      elapsedMs: 5_000,
    });
    expect(clock.now() - started).toBe(5_000);
    expect(fake.count('onboarding')).toBeGreaterThan(2);
  });

  it('a per-wait poll setting caps that wait', async () => {
    const { incode, fake } = client({ onboarding: ok({ onboardingStatus: 'UNKNOWN' }) });
    await expect(incode.waitForOnboarding(session, { poll: { maxPolls: 3 } })).resolves.toMatchObject({
      state: 'timeout',
      reason: 'max_polls',
      attempts: 3,
    });
    expect(fake.count('onboarding')).toBe(3);
  });

  it('an abort stops the wait with the abort reason', async () => {
    const controller = new AbortController();
    const { incode } = client({
      onboarding: () => {
        controller.abort(new Error('operator cancelled'));
        return ok({ onboardingStatus: 'UNKNOWN' });
      },
    });
    await expect(incode.waitForOnboarding(session, { signal: controller.signal })).rejects.toThrow(
      'operator cancelled',
    );
  });
});
