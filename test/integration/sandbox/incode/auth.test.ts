// The Incode stand-in's request checks over real HTTP: api key (403), api-version (400), session token (401),
// the error body shape, the token-only /0/ paths and the expiry of a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTERVIEW_CODE_PATTERN,
  INTERVIEW_ID_PATTERN,
  TOKEN_PATTERN,
} from '../../../../main/sandbox/incode/ids';
import { type Sandbox, startSandbox } from '../../../../main/sandbox/server';
import { fakeClock } from '../../../unit/sandbox/fake-clock';
import { CLIENT_HEADERS, incode } from './incode-client';

const clock = fakeClock();
let sandbox: Sandbox;
let api: ReturnType<typeof incode>;

beforeAll(async () => {
  sandbox = await startSandbox({ clock, incode: { sessionTtlSeconds: 60, stepDelayMs: 100 } });
  api = incode(sandbox.url);
});

afterAll(async () => {
  await sandbox.close();
});

function expectErrorBody(json: Record<string, unknown>, status: number, path: string) {
  expect(Object.keys(json)).toEqual(['timestamp', 'status', 'error', 'message', 'path']);
  expect(json).toMatchObject({ timestamp: clock.now(), status, path });
  expect(typeof json.message).toBe('string');
}

describe('/omni/start', () => {
  it('answers the documented fields', async () => {
    const reply = await api.start({
      countryCode: 'ALL',
      externalCustomerId: 'loket-rec-1',
      language: 'en-US',
    });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json)).toEqual([
      'token',
      'interviewId',
      'interviewCode',
      'flowType',
      'idCaptureTimeout',
      'idCaptureRetries',
      'selfieCaptureTimeout',
      'selfieCaptureRetries',
      'clientId',
      'env',
      'existingSession',
    ]);
    expect(reply.json.token).toMatch(TOKEN_PATTERN);
    expect(reply.json.interviewId).toMatch(INTERVIEW_ID_PATTERN);
    expect(reply.json.interviewCode).toMatch(INTERVIEW_CODE_PATTERN);
    expect(reply.json).toMatchObject({ flowType: 'flow', env: 'demo', existingSession: false });
    expect(reply.json.idCaptureRetries).toEqual(expect.any(Number));
  });

  it('resumes a session by interviewId', async () => {
    const s = await api.session();
    const again = await api.start({ countryCode: 'ALL', interviewId: s.interviewId });
    expect(again.json).toMatchObject({ interviewId: s.interviewId, token: s.token, existingSession: true });
  });

  it('wants countryCode', async () => {
    const reply = await api.start({});
    expect(reply.status).toBe(400);
    expectErrorBody(reply.json, 400, '/omni/start');
  });
});

describe('headers', () => {
  it('refuses a missing or wrong x-api-key with 403', async () => {
    const missing = await api.request(
      'POST',
      '/omni/start',
      { 'api-version': '1.0' },
      { countryCode: 'ALL' },
    );
    expect(missing.status).toBe(403);
    expectErrorBody(missing.json, 403, '/omni/start');
    expect(missing.json.error).toBe('Forbidden');
    const wrong = await api.request(
      'POST',
      '/omni/start',
      { 'x-api-key': 'not-the-key', 'api-version': '1.0' },
      { countryCode: 'ALL' },
    );
    expect(wrong.status).toBe(403);
    const s = await api.session();
    const withTokenOnly = await api.request('GET', '/omni/get/score', {
      'api-version': '1.0',
      'X-Incode-Hardware-Id': s.token,
    });
    expect(withTokenOnly.status).toBe(403);
  });

  it('refuses a missing api-version with 400', async () => {
    const reply = await api.request('POST', '/omni/start', { 'x-api-key': CLIENT_HEADERS['x-api-key'] }, {});
    expect(reply.status).toBe(400);
    expectErrorBody(reply.json, 400, '/omni/start');
    expect(reply.json.message).toBe('Missing api-version header');
  });

  it('refuses a missing or unknown session token with 401', async () => {
    const missing = await api.request('GET', '/omni/get/onboarding/status', { ...CLIENT_HEADERS });
    expect(missing.status).toBe(401);
    expectErrorBody(missing.json, 401, '/omni/get/onboarding/status');
    expect(missing.json.error).toBe('Unauthorized');
    const bad = await api.request('POST', '/omni/process/id', {
      ...CLIENT_HEADERS,
      'X-Incode-Hardware-Id': 'eyJhbGciOiJIUzI1NiJ9.e30.bogus',
    });
    expect(bad.status).toBe(401);
  });

  it('serves the token-only /0/omni paths without x-api-key, and sends Processing-Time', async () => {
    const s = await api.session();
    const res = await fetch(`${api.base}/0/omni/get/onboarding/status`, {
      headers: { 'api-version': '1.0', 'X-Incode-Hardware-Id': s.token },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ onboardingStatus: 'UNKNOWN' });
    expect(Number(res.headers.get('processing-time'))).toBeGreaterThanOrEqual(0);
    const start = await api.request(
      'POST',
      '/0/omni/start',
      { 'api-version': '1.0' },
      { countryCode: 'ALL' },
    );
    expect(start.status).toBe(404);
  });

  it('does not let a token read another interview', async () => {
    const a = await api.session();
    const b = await api.session();
    expect((await a.score(b.interviewId)).status).toBe(401);
    expect((await a.score(a.interviewId)).status).toBe(200);
  });
});

describe('expiry', () => {
  it('reports EXPIRED after the TTL and refuses further calls with 401', async () => {
    const s = await api.session();
    expect((await s.processId()).status).toBe(400); // nothing uploaded yet: 6000
    clock.advance(60_000);
    const status = await s.status();
    expect(status.status).toBe(200);
    expect(status.json).toEqual({ onboardingStatus: 'EXPIRED' });
    const score = await s.score();
    expect(score.status).toBe(401);
    expect(score.json.message).toBe('Session expired');
    expect((await s.post('/omni/process/id', {})).status).toBe(401);
    expect((await api.start({ countryCode: 'ALL', interviewId: s.interviewId })).status).toBe(400);
  });
});
