// The sandbox's fault switches over real HTTP, seen by a plain fetch as the kiosk would see them: 503 with a
// JSON body, 429 with Retry-After, no answer at all, broken JSON, answers lost after the job was created,
// jobs that never finish; every fault counted in GET /_sandbox/faults, changed at run time by PUT and DELETE,
// and never applied to /_sandbox/* itself.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_IDENTIFAI } from '../../../../main/sandbox/credentials';
import { loadFaceModel } from '../../../../main/faces/model';
import { FAULT_HEADER } from '../../../../main/sandbox/faults/http';
import { NO_FAULTS } from '../../../../main/sandbox/faults/policy';
import { type Sandbox, startSandbox } from '../../../../main/sandbox/server';
import * as fx from '../../../fixtures/images';
import { identifai } from '../identifai-client';
import { incode } from '../incode/incode-client';
import { clearFaults, getFaults, jobs, putFaults } from './helpers';

let sandbox: Sandbox;
let api: ReturnType<typeof identifai>;

beforeAll(async () => {
  await loadFaceModel();
  sandbox = await startSandbox({ jobDurationMs: 0, incode: { stepDelayMs: 0 } });
  api = identifai(sandbox.url);
});

afterEach(async () => {
  await clearFaults(sandbox.url);
});

afterAll(async () => {
  await sandbox.close();
});

const credentials = { access_key: SANDBOX_IDENTIFAI.accessKey, secret_key: SANDBOX_IDENTIFAI.secretKey };

/** POST /identifai/public/auth/v1/signatures with a plain fetch: the cheapest IdentifAI call. */
function signature(init: RequestInit = {}): Promise<Response> {
  return fetch(`${sandbox.url}/identifai/public/auth/v1/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
    ...init,
  });
}

async function faceMatchBody(clientRef: string) {
  return {
    images: [fx.toDataUri(await fx.ktpCard('A')), fx.toDataUri(await fx.selfieA())],
    client_ref: clientRef,
  };
}

describe('each fault kind, as a plain fetch sees it', () => {
  it('answers 503 with a JSON body', async () => {
    await putFaults(sandbox.url, { errorRate: 1 });
    const res = await signature();
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get(FAULT_HEADER)).toBe('error');
    expect(await res.json()).toEqual({
      code: 'service-unavailable',
      errors: [],
      message: 'Service temporarily unavailable (sandbox fault)',
      ok: false,
    });
  });

  it('answers 429 with Retry-After (2 s by default, or as set)', async () => {
    await putFaults(sandbox.url, { rateLimitRate: 1 });
    const res = await signature();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toMatchObject({ ok: false, code: 'too-many-requests' });
    await putFaults(sandbox.url, { rateLimitRate: 1, retryAfterSeconds: 9 });
    expect((await signature()).headers.get('retry-after')).toBe('9');
  });

  it('never answers a time-out, so the client gives up', async () => {
    await putFaults(sandbox.url, { timeoutRate: 1 });
    const started = Date.now();
    const error = await signature({ signal: AbortSignal.timeout(300) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('answers 200 with JSON that does not parse', async () => {
    await putFaults(sandbox.url, { malformedRate: 1 });
    const res = await signature();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(text.startsWith('{')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('counts every injected fault and every provider request', async () => {
    const before = await getFaults(sandbox.url);
    for (const policy of [{ errorRate: 1 }, { rateLimitRate: 1 }, { malformedRate: 1 }, { errorRate: 1 }]) {
      await putFaults(sandbox.url, policy);
      await (await signature()).text();
    }
    await putFaults(sandbox.url, { timeoutRate: 1 });
    await signature({ signal: AbortSignal.timeout(100) }).catch(() => undefined);
    await clearFaults(sandbox.url);
    expect((await signature()).status).toBe(200);
    const after = await getFaults(sandbox.url);
    expect(after.injected).toEqual({
      error: before.injected.error + 2,
      rateLimit: before.injected.rateLimit + 1,
      timeout: before.injected.timeout + 1,
      malformed: before.injected.malformed + 1,
      afterHandling: before.injected.afterHandling,
    });
    expect(after.requests).toBe(before.requests + 6);
  });
});

describe('faults on the calls that create things', () => {
  it('creates no job, session or token for a faulted submission, start or auth call', async () => {
    const token = await api.submissionToken();
    const body = await faceMatchBody('faultedsubmit');
    const count = (await jobs(sandbox.url)).length;
    await putFaults(sandbox.url, { errorRate: 0.5, rateLimitRate: 0.5 });
    expect([429, 503]).toContain((await api.analytics('face-match-liveness-v1', body, token)).status);
    expect([429, 503]).toContain((await incode(sandbox.url).start({ countryCode: 'ALL' })).status);
    expect([429, 503]).toContain((await signature()).status);
    expect(await jobs(sandbox.url)).toHaveLength(count);
    await clearFaults(sandbox.url);
    // The token was not consumed by the faulted submission.
    expect((await api.analytics('face-match-liveness-v1', body, token)).status).toBe(200);
    expect(await jobs(sandbox.url)).toHaveLength(count + 1);
  });

  it('handles the request and then answers 503 with faultAfterHandlingRate: the job exists', async () => {
    const token = await api.submissionToken();
    await putFaults(sandbox.url, { faultAfterHandlingRate: 1 });
    const submitted = await api.analytics(
      'face-match-liveness-v1',
      await faceMatchBody('lostanswer1'),
      token,
    );
    expect(submitted.status).toBe(503);
    expect(submitted.json).toMatchObject({ ok: false, code: 'service-unavailable' });
    const started = await incode(sandbox.url).start({ countryCode: 'ALL', externalCustomerId: 'lost-start' });
    expect(started.status).toBe(503);
    const mine = (await jobs(sandbox.url)).filter((j) =>
      ['lostanswer1', 'lost-start'].includes(j.client_ref ?? ''),
    );
    expect(mine.map((j) => [j.provider, j.analytic])).toEqual([
      ['identifai', 'face-match-liveness-v1'],
      ['incode', 'omni/start'],
    ]);
    expect((await getFaults(sandbox.url)).injected.afterHandling).toBeGreaterThanOrEqual(2);
    // The retry the kiosk would make finds the one-time token spent: the duplicate window is real.
    await clearFaults(sandbox.url);
    const retry = await api.analytics('face-match-liveness-v1', await faceMatchBody('lostanswer1'), token);
    expect(retry.status).toBe(401);
  });

  it('closes the socket without an answer with faultAfterHandlingAs "drop"', async () => {
    await putFaults(sandbox.url, { faultAfterHandlingRate: 1, faultAfterHandlingAs: 'drop' });
    const error = await incode(sandbox.url)
      .start({ countryCode: 'ALL', externalCustomerId: 'dropped-start' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((await jobs(sandbox.url)).some((j) => j.client_ref === 'dropped-start')).toBe(true);
  });
});

describe('stuck jobs', () => {
  it('keeps IdentifAI jobs "on going" until the switch is turned off', async () => {
    await putFaults(sandbox.url, { stuckJobs: true });
    const token = await api.submissionToken();
    const submitted = await api.analytics('face-match-liveness-v1', await faceMatchBody('stuckjob01'), token);
    expect(submitted.status).toBe(200);
    const id = String(submitted.json.job_id);
    const status = async () =>
      ((await api.job(id, token)).json.job as { result: { status: string } }).result.status;
    for (let i = 0; i < 5; i++) {
      expect(await status()).toBe('on going');
      await new Promise((r) => setTimeout(r, 100));
    }
    await clearFaults(sandbox.url);
    await expect.poll(status, { timeout: 10_000 }).toBe('success');
  });

  it('keeps Incode onboarding short of ONBOARDING_FINISHED until the switch is turned off', async () => {
    await putFaults(sandbox.url, { stuckJobs: true });
    const s = await incode(sandbox.url).session({ countryCode: 'ALL' });
    expect((await s.addFront(await fx.ktpCard('A'))).status).toBe(200);
    expect((await s.processId()).status).toBe(200);
    expect((await s.addSelfie(await fx.selfieA())).status).toBe(200);
    expect((await s.processFace()).status).toBe(200);
    await s.waitFor('FACE_VALIDATION_FINISHED');
    await new Promise((r) => setTimeout(r, 300));
    expect((await s.status()).json.onboardingStatus).toBe('FACE_VALIDATION_FINISHED');
    await clearFaults(sandbox.url);
    await s.waitFor('ONBOARDING_FINISHED');
  });
});

describe('the switches at run time', () => {
  it('flips the line bad → good → bad without restarting', async () => {
    await putFaults(sandbox.url, { errorRate: 1 });
    expect((await signature()).status).toBe(503);
    const cleared = await clearFaults(sandbox.url);
    expect(cleared.policy).toMatchObject({ ...NO_FAULTS });
    expect((await signature()).status).toBe(200);
    await putFaults(sandbox.url, { rateLimitRate: 1 });
    expect((await signature()).status).toBe(429);
  });

  it('answers GET with the policy in force, every field filled in', async () => {
    const put = await putFaults(sandbox.url, { timeoutRate: 0.25, seed: 11 });
    const got = await getFaults(sandbox.url);
    expect(got).toEqual(put);
    expect(got.policy).toEqual({ ...NO_FAULTS, timeoutRate: 0.25, seed: 11 });
    expect(Object.keys(got.injected).sort()).toEqual([
      'afterHandling',
      'error',
      'malformed',
      'rateLimit',
      'timeout',
    ]);
  });

  it('refuses an invalid policy with 400 and keeps the one in force', async () => {
    await putFaults(sandbox.url, { errorRate: 0.1, seed: 1 });
    const res = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ errorRate: 0.8, timeoutRate: 0.8, colour: 'red' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: string[] };
    expect(body.errors.join('\n')).toMatch(/unknown field "colour"/);
    expect(body.errors.join('\n')).toMatch(/must add up to at most 1/);
    expect((await getFaults(sandbox.url)).policy.errorRate).toBe(0.1);
    const notJson = await fetch(`${sandbox.url}/_sandbox/faults`, { method: 'PUT', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('replays the same faults for the same seed', async () => {
    const run = async () => {
      await putFaults(sandbox.url, { errorRate: 0.3, rateLimitRate: 0.3, seed: 2024 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await signature();
        await res.text();
        statuses.push(res.status);
      }
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
  });

  it('never faults /_sandbox/* (nor /incode/_sandbox/*)', async () => {
    for (const policy of [
      { errorRate: 1 },
      { timeoutRate: 1 },
      { malformedRate: 1 },
      { faultAfterHandlingRate: 1 },
    ]) {
      await putFaults(sandbox.url, policy);
      const before = (await getFaults(sandbox.url)).requests;
      const signal = AbortSignal.timeout(2_000);
      expect(await (await fetch(`${sandbox.url}/_sandbox/health`, { signal })).json()).toEqual({ ok: true });
      expect((await fetch(`${sandbox.url}/_sandbox/jobs`, { signal })).status).toBe(200);
      const armed = await fetch(`${sandbox.url}/incode/_sandbox/fail-next-upload`, {
        method: 'POST',
        body: JSON.stringify({ upload: 'front-id' }),
        signal,
      });
      expect(armed.status).toBe(200);
      expect((await getFaults(sandbox.url)).requests).toBe(before);
    }
  });
});
