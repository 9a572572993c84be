// A provider that cannot be reached: the capture is kept (images and record written before any provider
// call), the person is told it is saved, and nothing was submitted anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../../common/consent';
import { loadOrCreateDataKey } from '../../../main/keys';
import { getImages, getRecord, openStore } from '../../../main/store';
import { ktpCard, selfieA } from '../../fixtures/images';
import { freePort } from '../../support/free-port';
import { call, startKiosk, type Kiosk } from './kiosk-harness';

let kiosk: Kiosk;
let deadPort: number;

beforeAll(async () => {
  // Nothing listens there: connections are refused, as with a downed provider.
  deadPort = await freePort();
  kiosk = await startKiosk(`http://127.0.0.1:${deadPort}`, { settings: { mode: 'self_service' } });
});

afterAll(async () => {
  await kiosk?.close();
});

describe('provider unreachable', () => {
  it('keeps the record pending with its photos and says why', async () => {
    const started = await call(kiosk, 'verification.start', {
      mode: 'self_service',
      consent: { version: CONSENT_VERSION, language: 'id' },
    });
    if (!started.envelope.ok) throw new Error('start failed');
    const recordId = started.envelope.value.id;
    await call(kiosk, 'verification.addImage', {
      recordId,
      kind: 'id_card',
      cardCrop: true,
      imageBase64: (await ktpCard('A')).toString('base64'),
    });
    await call(kiosk, 'verification.addImage', {
      recordId,
      kind: 'selfie',
      imageBase64: (await selfieA()).toString('base64'),
    });

    const submitted = await call(kiosk, 'verification.submit', { recordId });
    expect(submitted.envelope).toMatchObject({
      ok: true,
      value: { status: 'pending', error: { code: 'provider_unavailable' } },
    });
    if (!submitted.envelope.ok) return;
    expect(submitted.envelope.value.nextAttemptAt).toEqual(expect.any(String));

    const sync = await call(kiosk, 'sync.status', {});
    expect(sync.envelope).toMatchObject({ ok: true, value: { pending: 1, reachable: false } });

    // Read the database file itself through a second connection: the capture is on disk.
    const key = await loadOrCreateDataKey(kiosk.secrets, kiosk.dataDir);
    const store = openStore(kiosk.dataDir, { key });
    try {
      expect(getRecord(store, recordId)).toMatchObject({
        status: 'pending',
        mode: 'self_service',
        attempts: 1,
      });
      expect(Object.keys(getImages(store, recordId)).sort()).toEqual(['id_card', 'selfie']);
    } finally {
      store.close();
    }
  });
});
