// The faceverify stand-in over real HTTP: authentication (four distinct 400s), the seed's 200 shape, the
// same session for the same identifier, the status endpoint, the hosted page and its CSP, the face check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../../../main/providers/faceverify/signature';
import { SANDBOX_FACEVERIFY } from '../../../../main/sandbox/credentials';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/server';
import { catImage, selfieA, selfieGrey } from '../../../fixtures/images';
import { call, faceverify, sandboxJobs, sessionData, ShiftClock, signedCall, submitFrame } from './helpers';

let sandbox: Sandbox;
let fv: ReturnType<typeof faceverify>;
const clock = new ShiftClock();
const OTHER = { clientId: 'other-client', secretKey: 'other-secret-000' };

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    clock,
    faceverify: { credentials: [{ ...SANDBOX_FACEVERIFY }, OTHER] },
  });
  fv = faceverify(sandbox.url);
});
afterAll(async () => sandbox.close());

describe('POST /faceverify/api/v1/session authentication', () => {
  const body = { country: 'ID', uniqueIdentifier: 'AUTH0001' };
  it.each([
    ['no x-auth-client', { clientId: null }, 'MISSING_CLIENT'],
    ['an unknown client', { clientId: 'who-is-this' }, 'UNKNOWN_CLIENT'],
    ['no x-hmac-signature', { signature: null }, 'MISSING_SIGNATURE'],
    ['a wrong signature', { secretKey: 'not-the-secret' }, 'INVALID_SIGNATURE'],
  ] as const)('%s → 400 %s', async (_name, options, code) => {
    const reply = await fv.createSession(body, options);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ success: false, code, message: expect.any(String) as string });
  });

  it('the four bodies are distinct', async () => {
    const replies = await Promise.all([
      fv.createSession(body, { clientId: null }),
      fv.createSession(body, { clientId: 'who-is-this' }),
      fv.createSession(body, { signature: null }),
      fv.createSession(body, { secretKey: 'nope' }),
    ]);
    expect(new Set(replies.map((r) => r.text)).size).toBe(4);
  });

  it('verifies over the raw body and the full path received', async () => {
    const url = `${fv.base}/api/v1/session`;
    // Signed over one body, another sent: refused.
    const signature = signRequest({
      method: 'POST',
      url,
      contentType: 'application/json',
      body: '{"country":"ID","uniqueIdentifier":"AUTH0002"}',
      ...SANDBOX_FACEVERIFY,
    });
    const tampered = await signedCall('POST', url, '{"country": "ID", "uniqueIdentifier": "AUTH0002"}', {
      signature,
    });
    expect(tampered.json.code).toBe('INVALID_SIGNATURE');
    // Signed without the /faceverify prefix: refused.
    const unprefixed = await signedCall('POST', url, JSON.stringify(body), {
      signature: signRequest({
        method: 'POST',
        url: `${sandbox.url}/api/v1/session`,
        contentType: 'application/json',
        body: JSON.stringify(body),
        ...SANDBOX_FACEVERIFY,
      }),
    });
    expect(unprefixed.json.code).toBe('INVALID_SIGNATURE');
    // Any spacing is fine when it is what was signed and sent.
    const spaced = await signedCall('POST', url, '{"country": "ID", "uniqueIdentifier": "AUTH0003"}');
    expect(spaced.status).toBe(200);
  });

  it('refuses a body that is not a JSON object, after authentication', async () => {
    const reply = await signedCall('POST', `${fv.base}/api/v1/session`, '[1,2]');
    expect(reply.status).toBe(400);
    expect(reply.json.code).toBe('INVALID_BODY');
  });
});

describe('sessions', () => {
  it("answers the seed's shape with a link under the sandbox", async () => {
    const reply = await fv.createSession({ country: 'ID', uniqueIdentifier: 'SHAPE0001' });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json)).toEqual(['success', 'data']);
    const data = sessionData(reply);
    expect(reply.json.success).toBe(true);
    expect(Object.keys(data)).toEqual(['sessionId', 'baseUrl', 'Token', 'url']);
    expect(data.baseUrl).toBe(`${sandbox.url}/faceverify`);
    expect(data.Token).toMatch(/^eyJhbGciOi/);
    expect(data.url).toBe(`${sandbox.url}/faceverify/new/${data.Token}`);
  });

  it('the same uniqueIdentifier gets the same session, recorded once', async () => {
    const first = sessionData(await fv.createSession({ country: 'ID', uniqueIdentifier: 'IDEM0001' }));
    const second = sessionData(await fv.createSession({ country: 'ID', uniqueIdentifier: 'IDEM0001' }));
    expect(second).toEqual(first);
    const other = sessionData(await fv.createSession({ country: 'ID', uniqueIdentifier: 'IDEM0002' }));
    expect(other.sessionId).not.toBe(first.sessionId);
    const jobs = (await sandboxJobs(sandbox.url)).filter((j) => j.client_ref === 'IDEM0001');
    expect(jobs).toEqual([
      {
        id: first.sessionId,
        provider: 'faceverify',
        analytic: 'session',
        client_ref: 'IDEM0001',
        createdAt: expect.any(String) as string,
      },
    ]);
  });

  it('reports a session as pending, signed; unknown and foreign sessions are 404', async () => {
    const data = sessionData(await fv.createSession({ country: 'ID', uniqueIdentifier: 'STATUS0001' }));
    const status = await fv.status(data.sessionId);
    expect(status.status).toBe(200);
    expect(status.json).toEqual({ success: true, data: { sessionId: data.sessionId, status: 'pending' } });
    expect((await fv.status('no-such-session')).status).toBe(404);
    expect((await fv.status(data.sessionId, OTHER)).status).toBe(404);
    expect((await fv.status(data.sessionId, { secretKey: 'wrong' })).json.code).toBe('INVALID_SIGNATURE');
  });
});

describe('the hosted page', () => {
  it('is served with a strict CSP of its own; its script and stylesheet are separate files', async () => {
    const data = sessionData(await fv.createSession({ country: 'ID', uniqueIdentifier: 'PAGE0001' }));
    const page = await call(data.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).toContain('Start face check');
    expect(page.text).not.toMatch(/<script>|<style>|style="|onclick=/i);
    expect(page.text).toContain('src="/faceverify/assets/hosted.js"');

    const js = await call(`${sandbox.url}/faceverify/assets/hosted.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.text).toContain('getUserMedia');
    const css = await call(`${sandbox.url}/faceverify/assets/hosted.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect((await call(`${sandbox.url}/faceverify/assets/other.js`)).status).toBe(404);
  });

  it('an unknown link is 404', async () => {
    expect((await call(`${sandbox.url}/faceverify/new/not-a-token`)).status).toBe(404);
  });
});

describe('the face check', () => {
  const open = async (id: string, extra: Record<string, string> = {}) =>
    sessionData(await fv.createSession({ country: 'ID', uniqueIdentifier: id, ...extra }));

  it('a colour selfie completes the session: live, no match reported', async () => {
    const data = await open('CHECK0001');
    const reply = await submitFrame(data.url, await selfieA());
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ success: true, data: { status: 'completed', returnUrl: null } });
    const status = await fv.status(data.sessionId);
    expect(status.json).toEqual({
      success: true,
      data: {
        sessionId: data.sessionId,
        status: 'completed',
        result: {
          liveness: expect.any(Number) as number,
          live: true,
          similarity: null,
          match: null,
          message: 'Liveness check passed',
        },
      },
    });
    // Done is done: the page says so, and a second frame is refused.
    expect((await call(data.url)).text).toContain('Verification complete. You can return to the kiosk.');
    expect((await submitFrame(data.url, await selfieA())).status).toBe(409);
    // The same identifier still gets this (finished) session.
    expect((await open('CHECK0001')).sessionId).toBe(data.sessionId);
  });

  it('a greyscale picture completes the session as not live', async () => {
    const data = await open('CHECK0002');
    await submitFrame(data.url, await selfieGrey());
    const result = (await fv.status(data.sessionId)).json.data as Record<string, unknown>;
    expect(result.status).toBe('completed');
    expect(result.result).toMatchObject({ live: false, message: 'Liveness check failed' });
  });

  it('no face fails the session with "No face detected"', async () => {
    const data = await open('CHECK0003');
    const reply = await submitFrame(data.url, await catImage());
    expect(reply.json).toMatchObject({ success: true, data: { status: 'failed' } });
    const result = (await fv.status(data.sessionId)).json.data as Record<string, unknown>;
    expect(result).toMatchObject({ status: 'failed', result: { live: false, message: 'No face detected' } });
  });

  it('echoes a returnUrl for the page to go back to', async () => {
    const data = await open('CHECK0004', { returnUrl: 'http://127.0.0.1:1/back' });
    const reply = await submitFrame(data.url, await selfieA());
    expect(reply.json).toEqual({
      success: true,
      data: { status: 'completed', returnUrl: 'http://127.0.0.1:1/back' },
    });
  });

  it('refuses a frame that is not an image, and lets the person try again', async () => {
    const data = await open('CHECK0005');
    const bad = await submitFrame(data.url, Buffer.from('not a jpeg'));
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('INVALID_IMAGE');
    const empty = await call(`${data.url}/result`, { method: 'POST', body: '{}' });
    expect(empty.json.code).toBe('INVALID_BODY');
    expect((await fv.status(data.sessionId)).json.data).toMatchObject({ status: 'pending' });
  });

  it('expires after the TTL (30 min): status, page and result all say so; a new session follows', async () => {
    const data = await open('EXPIRE0001');
    clock.advance(30 * 60 * 1000);
    try {
      expect((await fv.status(data.sessionId)).json.data).toEqual({
        sessionId: data.sessionId,
        status: 'expired',
      });
      const page = await call(data.url);
      expect(page.status).toBe(410);
      expect(page.text).toContain('expired');
      const late = await submitFrame(data.url, await selfieA());
      expect(late.status).toBe(410);
      expect(late.json.code).toBe('SESSION_EXPIRED');
      expect((await open('EXPIRE0001')).sessionId).not.toBe(data.sessionId);
    } finally {
      clock.offset = 0;
    }
  });
});
