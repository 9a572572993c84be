// The unattended kiosk over the real host: consent before anything is made (declining stores nothing),
// consent kept on the record, a result without personal data, the customer forgotten when the countdown
// runs out (and by main's own backstop if the page never says so).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../common/consent';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import { countByStatus, getRecord } from '../../../main/store/records';
import { BACKSTOP_GRACE_MS } from '../../../main/self-service/forget-customer';
import { manualTimers } from '../../support/clocks';
import { call, startKiosk, withStore, type Envelope, type Kiosk, type KioskOptions } from './kiosk-harness';
import { capture, verify } from './verify-helper';

let sandbox: Sandbox;
const kiosks: Kiosk[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, jobDurationMs: 100 });
});
afterEach(async () => {
  for (const kiosk of kiosks.splice(0)) await kiosk.close();
});
afterAll(async () => {
  await sandbox?.close();
});

async function selfService(options: KioskOptions = {}) {
  const kiosk = await startKiosk(sandbox.url, {
    ...options,
    settings: { mode: 'self_service', kioskId: 'LOBBY-1', ...options.settings },
  });
  kiosks.push(kiosk);
  return kiosk;
}

function value(envelope: Envelope): Record<string, unknown> {
  if (!envelope.ok) throw new Error(`refused: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

const CONSENT = { version: CONSENT_VERSION, language: 'en' } as const;
const records = (kiosk: Kiosk) =>
  withStore(kiosk, (store) => Object.values(countByStatus(store)).reduce((a, b) => a + b, 0));
const images = (kiosk: Kiosk) =>
  withStore(
    kiosk,
    (store) => store.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM record_images`).get()?.n,
  );

describe('a self-service kiosk', () => {
  it('tells the renderer what it needs, and has nobody to sign in', async () => {
    const kiosk = await selfService();
    expect(value((await call(kiosk, 'app.info', {})).envelope)).toMatchObject({
      mode: 'self_service',
      kioskId: 'LOBBY-1',
      selfService: { idleSeconds: 60, countdownSeconds: 15, resultSeconds: 15 },
      retention: { imageDays: 30, recordDays: 365 },
      consentVersion: CONSENT_VERSION,
    });
    expect(value((await call(kiosk, 'session.get', {})).envelope)).toEqual({ status: 'self_service' });
    expect((await call(kiosk, 'session.signInTraining', {})).envelope).toMatchObject({
      error: { code: 'invalid_state' },
    });
  });

  it('shows the consent with the provider and the retention days filled in', async () => {
    const kiosk = await selfService({
      settings: { retention: { imageDays: 14, recordDays: 180, abandonedDays: 3 } },
    });
    const consent = value((await call(kiosk, 'consent.get', { language: 'id' })).envelope);
    expect(consent).toMatchObject({ version: CONSENT_VERSION, language: 'id' });
    const text = JSON.stringify(consent.sections);
    expect(text).toContain('14 hari');
    expect(text).toContain('180 hari');
    expect(text).toContain('Loket training sandbox');
  });

  it('makes nothing without the accepted consent, and nothing at all when the customer declines', async () => {
    const kiosk = await selfService();
    expect((await call(kiosk, 'verification.start', {})).envelope).toMatchObject({
      error: { code: 'consent_required' },
    });
    expect(
      (await call(kiosk, 'verification.start', { consent: { version: 'old', language: 'id' } })).envelope,
    ).toMatchObject({ error: { code: 'consent_required' } });
    expect(value((await call(kiosk, 'consent.decline', CONSENT)).envelope)).toEqual({ declined: true });
    expect(await records(kiosk)).toBe(0);
    expect((await kiosk.auditEntries()).find((e) => e.action === 'consent_declined')).toEqual({
      action: 'consent_declined',
      actor: 'self_service',
      details: { version: CONSENT_VERSION, language: 'en', current: true },
    });
  });

  it('keeps the consent on the record and shows a result with no personal data, only a reference code', async () => {
    const kiosk = await selfService();
    const decided = value(await verify(kiosk, { consent: CONSENT }));
    expect(decided).toMatchObject({
      status: 'decided',
      mode: 'self_service',
      operator: 'self_service',
      kioskId: 'LOBBY-1',
      consent: { version: CONSENT_VERSION, language: 'en' },
      outcome: { decision: 'verified', ocr: {}, liveness: null, similarity: null },
      review: null,
      referenceCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/) as string,
    });
    const stored = await withStore(kiosk, (store) => getRecord(store, String(decided.id)));
    // The store keeps what was read (for the bank, under retention); the kiosk's screen never gets it.
    const nik = stored?.ocr?.nik ?? '';
    expect(nik).toMatch(/^\d{16}$/);
    expect(stored?.consentAt).toBe(decided.createdAt);
    const seen = JSON.stringify([
      decided,
      value((await call(kiosk, 'verification.get', { recordId: decided.id })).envelope),
    ]);
    for (const personal of [nik, stored?.ocr?.name ?? '', stored?.ocr?.address ?? ''])
      expect(seen).not.toContain(personal);
    // No desk on a self-service kiosk: no review, no photos back.
    expect((await call(kiosk, 'review.idPhoto', { recordId: decided.id })).envelope).toMatchObject({
      error: { code: 'invalid_state' },
    });
  });

  it('forgets the customer when the countdown ends: unsubmitted records and photos deleted, submitted kept', async () => {
    const kiosk = await selfService();
    const submitted = value(await verify(kiosk, { consent: CONSENT }));
    const leftBehind = await capture(kiosk, { consent: CONSENT });
    expect(await images(kiosk)).toBe(4);
    expect(value((await call(kiosk, 'selfService.endSession', {})).envelope)).toEqual({
      records: 1,
      images: 2,
    });
    expect(await withStore(kiosk, (store) => getRecord(store, leftBehind))).toBeUndefined();
    expect(await images(kiosk)).toBe(2);
    expect(await withStore(kiosk, (store) => getRecord(store, String(submitted.id))?.status)).toBe('decided');
    expect((await kiosk.auditEntries()).find((e) => e.action === 'session_wiped')).toEqual({
      action: 'session_wiped',
      actor: 'self_service',
      details: { reason: 'customer_left', records: 1, images: 2 },
    });
  });

  it('forgets a customer by itself when the page never ends the session', async () => {
    const timers = manualTimers(Date.now());
    const kiosk = await selfService({ timers });
    const leftBehind = await capture(kiosk, { consent: CONSENT });
    timers.advance((60 + 15) * 1000 + BACKSTOP_GRACE_MS - 1000);
    expect(await withStore(kiosk, (store) => getRecord(store, leftBehind))).toBeDefined();
    timers.advance(1000);
    expect(await withStore(kiosk, (store) => getRecord(store, leftBehind))).toBeUndefined();
  });

  it('refuses the self-service channels on an assisted desk', async () => {
    const kiosk = await startKiosk(sandbox.url);
    kiosks.push(kiosk);
    expect((await call(kiosk, 'selfService.endSession', {})).envelope).toMatchObject({
      error: { code: 'invalid_state' },
    });
    expect((await call(kiosk, 'consent.decline', CONSENT)).envelope).toMatchObject({
      error: { code: 'invalid_state' },
    });
  });
});
