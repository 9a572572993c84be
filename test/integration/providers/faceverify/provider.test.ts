// The faceverify provider against the sandbox over real HTTP: the kiosk shows the hosted session, a person
// completes it (the hosted page's own result POST), and the provider reports what the check found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaceverifyProvider } from '../../../../main/providers/faceverify/provider';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/server';
import { catImage, selfieA, selfieGrey } from '../../../fixtures/images';
import { ShiftClock } from '../../../support/clocks';
import { recordingContext } from '../../../support/step-context';
import { call, sandboxJobs } from '../../sandbox/faceverify/helpers';
import { clientOptions, personCompletes, savedSessionUrl, startPeer } from './helpers';

const IMAGES = { id_card: Buffer.alloc(0), selfie: Buffer.alloc(0) };
const clock = new ShiftClock();
let sandbox: Sandbox;
let base: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clock });
  base = `${sandbox.url}/faceverify`;
});
afterAll(async () => sandbox.close());

describe('faceverify provider against the sandbox', () => {
  it("display 'window' without an opener: the action carries the link; a colour selfie is verified", async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base), display: 'window' });
    const rec = recordingContext(IMAGES, { recordId: 'FVWINDOW01' });
    const [result] = await Promise.all([provider.verify(rec.ctx), personCompletes(rec, await selfieA())]);

    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'verified', live: true, similarity: null, match: null, ocr: {} },
    });
    const session = rec.saved.session as { sessionId: string; url: string; token: string };
    expect(session.url).toBe(`${base}/new/${session.token}`);
    expect(rec.actions).toEqual([{ kind: 'hosted_session', url: session.url, qrDataUrl: null }, null]);
    expect(rec.progress.at(-1)).toEqual(['done', 1]);
    // The Token is in the saved step only.
    expect(JSON.stringify((result as { raw: unknown }).raw)).not.toContain(session.token);
    const jobs = (await sandboxJobs(sandbox.url)).filter((j) => j.client_ref === 'FVWINDOW01');
    expect(jobs).toHaveLength(1);
  });

  it("display 'qr': the action carries a PNG QR code and no link", async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base), display: 'qr' });
    const rec = recordingContext(IMAGES, { recordId: 'FVQR000001' });
    const [result] = await Promise.all([provider.verify(rec.ctx), personCompletes(rec, await selfieA())]);
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'verified' } });
    const [action] = rec.actions;
    expect(action?.url).toBeNull();
    expect(action?.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const png = Buffer.from(action?.qrDataUrl?.split(',')[1] ?? '', 'base64');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('a main-process window is opened and closed; the action carries neither link nor code', async () => {
    const opened: string[] = [];
    let closed = 0;
    const provider = createFaceverifyProvider({
      client: clientOptions(base),
      openHostedWindow: (url) => {
        opened.push(url);
        return { closed: new Promise<void>(() => undefined), close: () => void (closed += 1) };
      },
    });
    const rec = recordingContext(IMAGES, { recordId: 'FVOPENER01' });
    await Promise.all([provider.verify(rec.ctx), personCompletes(rec, await selfieA())]);
    expect(opened).toEqual([(rec.saved.session as { url: string }).url]);
    expect(closed).toBe(1);
    expect(rec.actions).toEqual([{ kind: 'hosted_session', url: null, qrDataUrl: null }, null]);
  });

  it('a greyscale picture is not_verified (not live)', async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base) });
    const rec = recordingContext(IMAGES, { recordId: 'FVGREY0001' });
    const [result] = await Promise.all([provider.verify(rec.ctx), personCompletes(rec, await selfieGrey())]);
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'not_verified', live: false, providerMessage: 'Liveness check failed' },
    });
  });

  it('no face is not_verified with "No face detected"', async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base) });
    const rec = recordingContext(IMAGES, { recordId: 'FVCAT00001' });
    const [result] = await Promise.all([provider.verify(rec.ctx), personCompletes(rec, await catImage())]);
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'not_verified', providerMessage: 'No face detected' },
    });
  });

  it('an unsaved session is asked for again and is the same session (no second registry entry)', async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base), poll: { deadlineMs: 300 } });
    const first = recordingContext(IMAGES, { recordId: 'FVIDEM0001' });
    await expect(provider.verify(first.ctx)).rejects.toMatchObject({ code: 'provider_unavailable' });
    const firstSession = first.saved.session as { sessionId: string };

    // A crash lost the save: the next run POSTs again with the same identifier.
    const second = recordingContext(IMAGES, { recordId: 'FVIDEM0001' });
    const [result] = await Promise.all([
      createFaceverifyProvider({ client: clientOptions(base) }).verify(second.ctx),
      personCompletes(second, await selfieA()),
    ]);
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'verified' } });
    expect((second.saved.session as { sessionId: string }).sessionId).toBe(firstSession.sessionId);
    expect((await sandboxJobs(sandbox.url)).filter((j) => j.client_ref === 'FVIDEM0001')).toHaveLength(1);
  });

  it('the deadline is provider_unavailable; the next run polls the same saved session', async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base), poll: { deadlineMs: 300 } });
    const first = recordingContext(IMAGES, { recordId: 'FVDEAD0001' });
    await expect(provider.verify(first.ctx)).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_unavailable',
    });
    expect(first.actions.at(-1)).toBeNull();
    expect(first.forgotten).toEqual([]);

    const second = recordingContext(IMAGES, { recordId: 'FVDEAD0001', saved: first.saved });
    const [result] = await Promise.all([
      createFaceverifyProvider({ client: clientOptions(base) }).verify(second.ctx),
      personCompletes(second, await selfieA()),
    ]);
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'verified' } });
    expect(second.saves).toEqual([]);
  });

  it('an expired session fails provider_rejected and is forgotten', async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base) });
    const rec = recordingContext(IMAGES, { recordId: 'FVEXPIRE01' });
    const running = provider.verify(rec.ctx);
    await savedSessionUrl(rec);
    clock.advance(31 * 60 * 1000);
    try {
      const result = await running;
      expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
      expect(rec.forgotten).toEqual(['session']);
      expect(rec.saved).toEqual({});
      expect(rec.actions.at(-1)).toBeNull();
    } finally {
      clock.offset = 0;
    }
  });

  it('bad credentials are provider_auth', async () => {
    for (const credentials of [
      { clientId: 'unknown-client', secretKey: 'x-secret-123' },
      { clientId: 'loket-sandbox-client', secretKey: 'not-the-secret' },
    ]) {
      const provider = createFaceverifyProvider({ client: clientOptions(base, { credentials }) });
      const rec = recordingContext(IMAGES, { recordId: 'FVAUTH0001' });
      await expect(provider.verify(rec.ctx)).rejects.toMatchObject({
        name: 'ProviderError',
        code: 'provider_auth',
      });
      expect(rec.saves).toEqual([]);
      expect(rec.actions).toEqual([]);
    }
  });

  it('a refused request (400, not credentials) fails provider_rejected', async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base), country: 'x'.repeat(20) });
    const result = await provider.verify(recordingContext(IMAGES, { recordId: 'FVREJ00001' }).ctx);
    expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
  });

  it('5xx after bounded retries is provider_unavailable', async () => {
    const peer = await startPeer(503);
    try {
      const provider = createFaceverifyProvider({ client: clientOptions(peer.url) });
      await expect(provider.verify(recordingContext(IMAGES).ctx)).rejects.toMatchObject({
        code: 'provider_unavailable',
      });
      expect(peer.seen).toEqual(Array(3).fill('POST /api/v1/session'));
    } finally {
      await peer.close();
    }
  });

  it('a time-out after bounded retries is provider_unavailable', async () => {
    const peer = await startPeer('hang');
    try {
      const provider = createFaceverifyProvider({
        client: clientOptions(peer.url, { timeoutMs: 200, retries: 1 }),
      });
      await expect(provider.verify(recordingContext(IMAGES).ctx)).rejects.toMatchObject({
        code: 'provider_unavailable',
        message: expect.stringMatching(/no answer within 200 ms/) as string,
      });
      expect(peer.seen).toHaveLength(2);
    } finally {
      await peer.close();
    }
  });

  it('the hosted page of a finished session says so', async () => {
    const provider = createFaceverifyProvider({ client: clientOptions(base) });
    const rec = recordingContext(IMAGES, { recordId: 'FVPAGE0001' });
    await Promise.all([provider.verify(rec.ctx), personCompletes(rec, await selfieA())]);
    const page = await call((rec.saved.session as { url: string }).url);
    expect(page.text).toContain('Verification complete. You can return to the kiosk.');
  });
});
