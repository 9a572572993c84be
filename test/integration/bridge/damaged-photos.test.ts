// A photo that does not decode is refused at capture, over the real host and handlers: cut off, garbage
// after a whole header, or empty, it is answered invalid_image, nothing is stored for it, and the record is
// otherwise as it was (a photo it already had stays, and it still verifies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateDataKey } from '../../../main/keys';
import { getImages, openStore } from '../../../main/store';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import { ktpCard, selfieA } from '../../fixtures/images';
import { garbageAfterHeader, truncated } from '../../support/damaged-jpegs';
import { call, startKiosk, type Kiosk } from './kiosk-harness';
import { startRecord } from './verify-helper';

let sandbox: Sandbox;
let kiosk: Kiosk;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, jobDurationMs: 100 });
  kiosk = await startKiosk(sandbox.url);
});

afterAll(async () => {
  await kiosk?.close();
  await sandbox?.close();
});

const started = () => startRecord(kiosk, { mode: 'assisted' });

// The specimen KTP is the card itself, as the kiosk's crop would be: it is sent as one.
const addImage = (recordId: string, kind: 'id_card' | 'selfie', bytes: Buffer) =>
  call(kiosk, 'verification.addImage', {
    recordId,
    kind,
    imageBase64: bytes.toString('base64'),
    ...(kind === 'id_card' ? { cardCrop: true } : {}),
  });

async function storedImages(recordId: string): Promise<Record<string, Buffer | undefined>> {
  const store = openStore(kiosk.dataDir, { key: await loadOrCreateDataKey(kiosk.secrets, kiosk.dataDir) });
  try {
    return getImages(store, recordId);
  } finally {
    store.close();
  }
}

const DAMAGED: ReadonlyArray<[string, () => Promise<Buffer>]> = [
  ['cut off at 10%', async () => truncated(await selfieA(), 0.1)],
  ['cut off at 50%', async () => truncated(await selfieA(), 0.5)],
  ['cut off at 90%', async () => truncated(await selfieA(), 0.9)],
  ['cut off before its last bytes', async () => truncated(await selfieA(), 0.999)],
  ['garbage after a whole header', async () => garbageAfterHeader(await selfieA())],
  ['empty', async () => Buffer.alloc(0)],
];

describe('a photo that does not decode, over the host', () => {
  it.each(DAMAGED)('a selfie %s is refused as invalid_image and nothing is stored', async (_name, make) => {
    const recordId = await started();
    expect((await addImage(recordId, 'id_card', await ktpCard('A'))).envelope.ok).toBe(true);

    const refused = await addImage(recordId, 'selfie', await make());
    expect(refused.envelope).toMatchObject({ ok: false, error: { code: 'invalid_image' } });

    expect((await call(kiosk, 'verification.get', { recordId })).envelope).toMatchObject({
      ok: true,
      value: { status: 'captured', images: ['id_card'] },
    });
    expect(Object.keys(await storedImages(recordId))).toEqual(['id_card']);
  });

  it('keeps the photo the record already had, and the record still verifies', async () => {
    const recordId = await started();
    const card = await ktpCard('A');
    expect((await addImage(recordId, 'id_card', card)).envelope.ok).toBe(true);
    expect((await addImage(recordId, 'selfie', await selfieA())).envelope.ok).toBe(true);

    const refused = await addImage(recordId, 'id_card', garbageAfterHeader(card));
    expect(refused.envelope).toMatchObject({ ok: false, error: { code: 'invalid_image' } });
    expect((await storedImages(recordId)).id_card?.equals(card)).toBe(true);

    expect((await call(kiosk, 'verification.submit', { recordId })).envelope).toMatchObject({
      ok: true,
      value: { status: 'decided', outcome: { decision: 'verified' } },
    });
  });
});
