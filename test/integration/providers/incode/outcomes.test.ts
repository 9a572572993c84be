// The Incode provider over real HTTP against the sandbox: one verification per test card — a match, another
// person, a printed photo, a blank card, a cat, two people, a dark selfie — and what each becomes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageKind } from '../../../../common/record';
import { createIncodeProvider } from '../../../../main/providers/incode/provider';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/server';
import { recordingContext } from '../../../support/step-context';
import {
  blankImage,
  catImage,
  ktpCard,
  selfieA,
  selfieBColour,
  selfieDark,
  selfieGrey,
  twoFaces,
} from '../../../fixtures/images';
import { clientOptions, countJobs, incodeJobs } from './helpers';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

async function verify(images: Record<ImageKind, Buffer>, recordId: string) {
  const provider = createIncodeProvider({ client: clientOptions(`${sandbox.url}/incode`) });
  const recording = recordingContext(images, { recordId });
  const result = await provider.verify(recording.ctx);
  return { result, ...recording };
}

describe('Incode over HTTP: outcomes', () => {
  it('the KTP of A and a selfie of A → verified, with liveness, match and OCR', async () => {
    const { result, saves } = await verify(
      { id_card: await ktpCard('A'), selfie: await selfieA() },
      'INCHAPPY0001',
    );
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: {
        decision: 'verified',
        live: true,
        match: true,
        providerMessage: expect.stringMatching(/^overall OK/) as unknown,
      },
    });
    if (result.kind !== 'decided') return;
    expect(result.outcome.liveness).toBeGreaterThan(0.5);
    expect(result.outcome.similarity).toBeGreaterThan(0.5);
    expect(result.outcome.ocr).toMatchObject({
      name: expect.any(String) as unknown,
      nik: expect.stringMatching(/^\d{16}$/) as unknown,
    });
    expect(saves.map(([step]) => step)).toEqual([
      'start',
      'front_id',
      'process_id',
      'selfie',
      'process_face',
      'onboarding',
      'score',
      'ocr',
    ]);
    const jobs = await incodeJobs(sandbox.url, 'INCHAPPY0001');
    expect(countJobs(jobs, 'omni/start')).toBe(1);
  });

  it('another person’s selfie → not_verified', async () => {
    const { result } = await verify(
      { id_card: await ktpCard('A'), selfie: await selfieBColour() },
      'INCOTHER0001',
    );
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'not_verified', match: false } });
  });

  it('a grey (printed) photo → retake selfie, spoof_suspected', async () => {
    const { result, saved } = await verify(
      { id_card: await ktpCard('A'), selfie: await selfieGrey() },
      'INCSPOOF0001',
    );
    expect(result).toMatchObject({ kind: 'retake', imageKind: 'selfie', reason: 'spoof_suspected' });
    expect(Object.keys(saved)).toEqual(['start', 'front_id', 'process_id']);
  });

  it('a blank ID card → retake id_card', async () => {
    const { result, saved } = await verify(
      { id_card: await blankImage(), selfie: await selfieA() },
      'INCBLANK0001',
    );
    expect(result).toMatchObject({
      kind: 'retake',
      imageKind: 'id_card',
      reason: 'id_not_recognised',
      providerMessage: 'UNKNOWN_DOCUMENT_TYPE',
    });
    expect(Object.keys(saved)).toEqual(['start']);
  });

  it('a cat as the selfie → retake center_face (4019)', async () => {
    const { result } = await verify({ id_card: await ktpCard('A'), selfie: await catImage() }, 'INCCAT00001');
    expect(result).toMatchObject({ kind: 'retake', imageKind: 'selfie', reason: 'center_face' });
    if (result.kind === 'retake') expect(result.providerMessage).toMatch(/^4019/);
  });

  it('two people in the selfie → retake only_one_person (4010)', async () => {
    const { result } = await verify({ id_card: await ktpCard('A'), selfie: await twoFaces() }, 'INCTWO00001');
    expect(result).toMatchObject({ kind: 'retake', imageKind: 'selfie', reason: 'only_one_person' });
    if (result.kind === 'retake') expect(result.providerMessage).toMatch(/^4010/);
  });

  it('a dark selfie → retake too_dark', async () => {
    const { result } = await verify(
      { id_card: await ktpCard('A'), selfie: await selfieDark() },
      'INCDARK0001',
    );
    expect(result).toMatchObject({ kind: 'retake', imageKind: 'selfie', reason: 'too_dark' });
  });

  it('after a selfie retake, the next run continues the same session with the new selfie', async () => {
    const id_card = await ktpCard('A');
    const provider = createIncodeProvider({ client: clientOptions(`${sandbox.url}/incode`) });
    const first = recordingContext({ id_card, selfie: await selfieGrey() }, { recordId: 'INCRETAKE001' });
    await expect(provider.verify(first.ctx)).resolves.toMatchObject({ kind: 'retake', imageKind: 'selfie' });

    const second = recordingContext(
      { id_card, selfie: await selfieA() },
      { recordId: 'INCRETAKE001', saved: first.saved },
    );
    await expect(provider.verify(second.ctx)).resolves.toMatchObject({
      kind: 'decided',
      outcome: { decision: 'verified' },
    });
    const jobs = await incodeJobs(sandbox.url, 'INCRETAKE001');
    expect(countJobs(jobs, 'omni/start')).toBe(1);
    expect(countJobs(jobs, 'omni/add/front-id/v2')).toBe(1);
  });
});

describe('Incode over HTTP: the selfie codes and flags no fixture produces', () => {
  it.each([
    [100, 'too_dark'],
    [101, 'remove_glasses'],
    [3007, 'too_dark_move'],
    [3009, 'try_later'],
    [4005, 'poor_conditions'],
  ] as const)('the sandbox answering %i → retake %s', async (code, reason) => {
    const forced = await startSandbox({ port: 0, incode: { forceSelfieErrorCode: code } });
    try {
      const provider = createIncodeProvider({ client: clientOptions(`${forced.url}/incode`) });
      const { ctx } = recordingContext(
        { id_card: await ktpCard('A'), selfie: await selfieA() },
        { recordId: `INCCODE${code}` },
      );
      await expect(provider.verify(ctx)).resolves.toMatchObject({
        kind: 'retake',
        imageKind: 'selfie',
        reason,
      });
    } finally {
      await forced.close();
    }
  });

  it.each([
    [{ hasLenses: true }, 'remove_glasses'],
    [{ hasFaceMask: true }, 'remove_mask'],
  ] as const)('selfie flags %o → retake %s', async (flags, reason) => {
    const forced = await startSandbox({ port: 0, incode: { forceSelfieFlags: flags } });
    try {
      const provider = createIncodeProvider({ client: clientOptions(`${forced.url}/incode`) });
      const { ctx } = recordingContext(
        { id_card: await ktpCard('A'), selfie: await selfieA() },
        { recordId: 'INCFLAGS0001' },
      );
      await expect(provider.verify(ctx)).resolves.toMatchObject({
        kind: 'retake',
        imageKind: 'selfie',
        reason,
      });
    } finally {
      await forced.close();
    }
  });
});
