// Main's capture check over the real host, handlers, store, IdentifAI client and sandbox. A bad photo is
// refused at addImage with which photo and why, nothing is stored, and the provider never hears of the
// record. A realistic card held up in a 1280×720 frame and sent as a frame is found, cropped and stored as
// the crop, and verifies. When the provider asks for a retake without saying which photo, Loket's own
// analysis picks it.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CROP_HEIGHT, CROP_WIDTH, ID1_ASPECT } from '../../../common/capture/crop';
import { CONSENT_VERSION } from '../../../common/consent';
import { loadOrCreateDataKey } from '../../../main/keys';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import { getImageAnalyses, getImages, openStore } from '../../../main/store';
import { heldCardFrame, realisticKtpFrame } from '../../fixtures/capture/held-card';
import { selfieBack, selfieClose } from '../../fixtures/capture/selfies';
import * as fx from '../../fixtures/images';
import { call, startKiosk, type Kiosk } from '../bridge/kiosk-harness';
import { startRecord } from '../bridge/verify-helper';

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

const add = (recordId: string, kind: 'id_card' | 'selfie', bytes: Buffer, cardCrop?: boolean) =>
  call(kiosk, 'verification.addImage', {
    recordId,
    kind,
    imageBase64: bytes.toString('base64'),
    ...(cardCrop === undefined ? {} : { cardCrop }),
  });

async function jobsFor(recordId: string): Promise<string[]> {
  const { jobs } = (await (await fetch(`${sandbox.url}/_sandbox/jobs`)).json()) as {
    jobs: Array<{ analytic: string; client_ref: string | null }>;
  };
  return jobs.filter((job) => job.client_ref === recordId).map((job) => job.analytic);
}

async function withStore<T>(use: (store: ReturnType<typeof openStore>) => T): Promise<T> {
  const store = openStore(kiosk.dataDir, { key: await loadOrCreateDataKey(kiosk.secrets, kiosk.dataDir) });
  try {
    return use(store);
  } finally {
    store.close();
  }
}

const blurredCard = async () =>
  sharp(await fx.ktpCard('A'))
    .blur(3)
    .jpeg({ quality: 90 })
    .toBuffer();
const cutOffCard = async () =>
  (
    await heldCardFrame({
      design: 'realistic',
      pose: { widthFraction: 0.7, rollDeg: 4, yawDeg: -6, pitchDeg: 3, cx: 1180, cy: 380 },
    })
  ).jpeg;

describe('a photo that fails the capture check', () => {
  it.each([
    { kind: 'selfie', name: 'the cat', make: fx.catImage, cardCrop: undefined, reason: 'no_face' },
    { kind: 'selfie', name: 'two people', make: fx.twoFaces, cardCrop: undefined, reason: 'multiple_faces' },
    {
      kind: 'selfie',
      name: 'a greyscale (printed) photo',
      make: fx.selfieGrey,
      cardCrop: undefined,
      reason: 'printed_photo',
    },
    { kind: 'selfie', name: 'a dark room', make: fx.selfieDark, cardCrop: undefined, reason: 'too_dark' },
    {
      kind: 'selfie',
      name: 'a face far from the camera',
      make: () => selfieBack(0.3),
      cardCrop: undefined,
      reason: 'face_too_small',
    },
    {
      kind: 'id_card',
      name: 'a frame with no card',
      make: fx.blankImage,
      cardCrop: undefined,
      reason: 'no_card',
    },
    {
      kind: 'id_card',
      name: 'a card running out of the frame',
      make: cutOffCard,
      cardCrop: undefined,
      reason: 'card_cut_off',
    },
    { kind: 'id_card', name: 'a blurred card crop', make: blurredCard, cardCrop: true, reason: 'blurry' },
    {
      kind: 'id_card',
      name: 'a "crop" that is a selfie',
      make: fx.selfieA,
      cardCrop: true,
      reason: 'no_card',
    },
  ] as const)(
    '$kind, $name: refused at addImage as $reason, nothing stored, no provider request',
    async ({ kind, make, cardCrop, reason }) => {
      const recordId = await started();
      const refused = await add(recordId, kind, await make(), cardCrop);
      expect(refused.envelope).toMatchObject({
        ok: false,
        error: { code: 'photo_rejected', photo: { kind, reason } },
      });
      if (!refused.envelope.ok) expect(refused.envelope.error.message).toMatch(/Take that photo again\.$/);
      expect(await withStore((store) => Object.keys(getImages(store, recordId)))).toEqual([]);
      const submitted = await call(kiosk, 'verification.submit', { recordId });
      expect(submitted.envelope).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
      expect(await jobsFor(recordId)).toEqual([]);
    },
  );

  it('leaves a photo the record already had in place', async () => {
    const recordId = await started();
    expect((await add(recordId, 'selfie', await fx.selfieA())).envelope.ok).toBe(true);
    expect((await add(recordId, 'selfie', await fx.catImage())).envelope.ok).toBe(false);
    const stored = await withStore((store) => getImages(store, recordId).selfie);
    expect(stored?.equals(await fx.selfieA())).toBe(true);
  });
});

describe('a realistic card held up in a 1280×720 frame', () => {
  it('sent as a frame, is cropped by main to the card, stored as the crop, and verifies in training mode', async () => {
    const recordId = await started();
    const { jpeg } = await realisticKtpFrame('A');
    expect((await add(recordId, 'id_card', jpeg)).envelope.ok).toBe(true);
    expect((await add(recordId, 'selfie', await fx.selfieA())).envelope.ok).toBe(true);

    const stored = await withStore((store) => ({
      card: getImages(store, recordId).id_card,
      analyses: getImageAnalyses(store, recordId),
    }));
    if (!stored.card) throw new Error('no stored card');
    const meta = await sharp(stored.card).metadata();
    expect([meta.width, meta.height]).toEqual([CROP_WIDTH, CROP_HEIGHT]);
    expect((meta.width ?? 0) / (meta.height ?? 1)).toBeCloseTo(ID1_ASPECT, 2);
    expect(stored.analyses.id_card).toMatchObject({ kind: 'id_card', source: 'frame', faceCount: 1 });
    expect(
      stored.analyses.id_card?.kind === 'id_card' && stored.analyses.id_card.cardWidthFraction,
    ).toBeCloseTo(0.7, 1);
    expect(stored.analyses.selfie).toMatchObject({ kind: 'selfie', faceCount: 1 });

    const submitted = await call(kiosk, 'verification.submit', { recordId });
    expect(submitted.envelope).toMatchObject({
      ok: true,
      value: { status: 'decided', outcome: { decision: 'verified', match: true, live: true } },
    });
    expect((await jobsFor(recordId)).sort()).toEqual(['face-match-liveness-v1', 'ocr-ktp']);
  });
});

describe('a card main cannot find, which the member of staff can see', () => {
  // A card whose blue has faded almost to grey (a worn card, an old print): the detector's KTP-blue test does
  // not take it for a card, white-balanced or not.
  const fadedCard = async () =>
    sharp((await realisticKtpFrame('A')).jpeg)
      .modulate({ saturation: 0.15 })
      .jpeg({ quality: 90 })
      .toBuffer();

  it('is kept whole on staff confirmation at a desk, audited, and verifies', async () => {
    const recordId = await started();
    const frame = await fadedCard();
    const refused = await add(recordId, 'id_card', frame);
    expect(refused.envelope).toMatchObject({ ok: false, error: { photo: { kind: 'id_card' } } });
    const confirmed = await call(kiosk, 'verification.addImage', {
      recordId,
      kind: 'id_card',
      imageBase64: frame.toString('base64'),
      staffConfirmed: true,
    });
    expect(confirmed.envelope.ok).toBe(true);
    const stored = await withStore((store) => ({
      card: getImages(store, recordId).id_card,
      analysis: getImageAnalyses(store, recordId).id_card,
    }));
    expect(stored.card?.equals(frame)).toBe(true);
    expect(stored.analysis).toMatchObject({ kind: 'id_card', source: 'staff_confirmed' });
    const entries = await kiosk.auditEntries();
    expect(entries.filter((e) => e.action === 'card_confirmed_by_staff')).toEqual([
      {
        action: 'card_confirmed_by_staff',
        actor: 'training',
        recordId,
        details: { refusedAs: refused.envelope.ok ? '' : refused.envelope.error.photo?.reason },
      },
    ]);
    expect((await add(recordId, 'selfie', await fx.selfieA())).envelope.ok).toBe(true);
    const submitted = await call(kiosk, 'verification.submit', { recordId });
    expect(submitted.envelope).toMatchObject({ ok: true, value: { status: 'decided' } });
  });

  it('cannot overrule what is wrong with the picture itself, nor a selfie', async () => {
    const recordId = await started();
    const blurred = await call(kiosk, 'verification.addImage', {
      recordId,
      kind: 'id_card',
      imageBase64: (await blurredCard()).toString('base64'),
      cardCrop: true,
      staffConfirmed: true,
    });
    expect(blurred.envelope).toMatchObject({ ok: false, error: { photo: { reason: 'blurry' } } });
    const cat = await call(kiosk, 'verification.addImage', {
      recordId,
      kind: 'selfie',
      imageBase64: (await fx.catImage()).toString('base64'),
      staffConfirmed: true,
    });
    expect(cat.envelope).toMatchObject({ ok: false, error: { photo: { reason: 'no_face' } } });
    expect(await withStore((store) => Object.keys(getImages(store, recordId)))).toEqual([]);
  });

  it('is never kept on a self-service kiosk, whatever the request says', async () => {
    const lobby = await startKiosk(sandbox.url, { settings: { mode: 'self_service' } });
    try {
      const start = await call(lobby, 'verification.start', {
        consent: { version: CONSENT_VERSION, language: 'en' },
      });
      if (!start.envelope.ok) throw new Error(`start failed: ${JSON.stringify(start.envelope)}`);
      const answer = await call(lobby, 'verification.addImage', {
        recordId: start.envelope.value.id,
        kind: 'id_card',
        imageBase64: (await fadedCard()).toString('base64'),
        staffConfirmed: true,
      });
      expect(answer.envelope).toMatchObject({ ok: false, error: { code: 'photo_rejected' } });
    } finally {
      await lobby.close();
    }
  });
});

describe('"No face detected" from IdentifAI, which does not say which photo', () => {
  async function noFaceOn(image: 'ktp' | 'selfie') {
    const armed = await fetch(`${sandbox.url}/identifai/_sandbox/hide-face-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ image }),
    });
    expect(armed.status).toBe(200);
  }

  it('sends the person back to the card when the card photo is the weaker face', async () => {
    const recordId = await started();
    // The specimen's photo is small on the card (face ≈ 22 % of its width); the selfie is a close-up.
    expect((await add(recordId, 'id_card', await fx.ktpCard('A'), true)).envelope.ok).toBe(true);
    expect((await add(recordId, 'selfie', await selfieClose())).envelope.ok).toBe(true);
    await noFaceOn('ktp');
    const submitted = await call(kiosk, 'verification.submit', { recordId });
    expect(submitted.envelope).toMatchObject({
      ok: true,
      value: { status: 'retake', retake: { kind: 'id_card', reason: 'no_face' } },
    });
  });

  it('and to the selfie when the selfie is the weaker face', async () => {
    const recordId = await started();
    expect((await add(recordId, 'id_card', (await realisticKtpFrame('A')).jpeg)).envelope.ok).toBe(true);
    expect((await add(recordId, 'selfie', await selfieBack(0.6))).envelope.ok).toBe(true);
    await noFaceOn('selfie');
    const submitted = await call(kiosk, 'verification.submit', { recordId });
    expect(submitted.envelope).toMatchObject({
      ok: true,
      value: { status: 'retake', retake: { kind: 'selfie', reason: 'no_face' } },
    });
  });
});
