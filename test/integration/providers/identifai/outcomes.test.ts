// Every documented outcome, end to end: the provider, its client and real HTTP against the IdentifAI sandbox
// (a real face detector behind it; see main/sandbox/identifai/analytics.ts for which fixture triggers what).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageKind } from '../../../../common/record';
import { createIdentifaiProvider } from '../../../../main/providers/identifai/provider';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/server';
import {
  catImage,
  ktpCard,
  selfieA,
  selfieBColour,
  selfieDark,
  selfieGrey,
  tinyImage,
  twoFaces,
} from '../../../fixtures/images';
import { clientOptions, sandboxJobs, stepContext } from './helpers';

let sandbox: Sandbox;
let base: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, jobDurationMs: 150 });
  base = `${sandbox.url}/identifai`;
});
afterAll(() => sandbox.close());

const provider = () => createIdentifaiProvider({ client: clientOptions(base) });
const images = async (
  selfie: Promise<Buffer>,
  card: Promise<Buffer> = ktpCard('A'),
): Promise<Record<ImageKind, Buffer>> => ({
  id_card: await card,
  selfie: await selfie,
});

describe('IdentifAI over HTTP: outcomes', () => {
  it('KTP and selfie of the same live person → verified, with the card read', async () => {
    const { ctx, saves, progress } = stepContext(await images(selfieA()), { recordId: 'OUTCOMEOK01' });
    const result = await provider().verify(ctx);
    expect(result.kind).toBe('decided');
    if (result.kind !== 'decided') return;
    expect(result.outcome).toMatchObject({
      decision: 'verified',
      live: true,
      match: true,
      providerMessage: 'Face Match Liveness Success',
    });
    expect(result.outcome.liveness).toBeGreaterThanOrEqual(0.6);
    expect(result.outcome.similarity).toBeGreaterThanOrEqual(0.7);
    expect(result.outcome.ocr.nik).toMatch(/^\d{16}$/);
    expect(result.outcome.ocr.name).toBeTruthy();
    expect(result.raw).toMatchObject({ face_match_liveness: { ok: true }, ocr_ktp: { ok: true } });

    expect(saves.map(([step]) => step)).toEqual(['face_match_liveness', 'ocr_ktp']);
    for (const [, output] of saves)
      expect(output).toMatchObject({
        jobId: expect.any(String) as unknown,
        token: expect.any(String) as unknown,
        submittedAt: expect.any(String) as unknown,
      });
    expect(progress.at(-1)).toEqual(['done', 1]);
    const jobs = (await sandboxJobs(sandbox.url)).filter((j) => j.client_ref === 'OUTCOMEOK01');
    expect(jobs.map((j) => j.analytic)).toEqual(['face-match-liveness-v1', 'ocr-ktp']);
  });

  it('sends by default only slugs api.identifai.id lists; the old plain slug is answered 404, naming the setting', async () => {
    // With Loket's old default (face-match-liveness) this is what every customer got.
    const old = createIdentifaiProvider({
      client: clientOptions(base, { slugs: { faceMatchLiveness: 'face-match-liveness' } }),
    });
    const { ctx } = stepContext(await images(selfieA()), { recordId: 'OLDSLUG001' });
    const refused = await old.verify(ctx);
    expect(refused).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
    if (refused.kind === 'failed') {
      expect(refused.message).toMatch(
        /404.*no analytic "face-match-liveness".*identifai\.faceMatchLivenessSlug/,
      );
    }
    const recorded = (await sandboxJobs(sandbox.url)).filter((j) => j.client_ref === 'OLDSLUG001');
    expect(recorded).toEqual([]);
  });

  it('a resumed run polls the saved jobs and submits nothing new', async () => {
    const first = stepContext(await images(selfieA()), { recordId: 'RESUME0001' });
    const firstResult = await provider().verify(first.ctx);
    const again = stepContext(await images(selfieA()), {
      recordId: 'RESUME0001',
      saved: Object.fromEntries(first.saves),
    });
    const secondResult = await provider().verify(again.ctx); // a new client: no memory of the first run
    expect(secondResult).toEqual(firstResult);
    expect(again.saves).toEqual([]);
    expect((await sandboxJobs(sandbox.url)).filter((j) => j.client_ref === 'RESUME0001')).toHaveLength(2);
  });

  it('a greyscale "printed photo" selfie → not_verified, "Face Liveness Underqualified"', async () => {
    const result = await provider().verify(stepContext(await images(selfieGrey())).ctx);
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'not_verified', live: false, providerMessage: 'Face Liveness Underqualified' },
    });
  });

  it('a selfie of another person → not_verified, "The Face Pair Not Match"', async () => {
    const result = await provider().verify(stepContext(await images(selfieBColour())).ctx);
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: {
        decision: 'not_verified',
        live: true,
        match: false,
        providerMessage: 'The Face Pair Not Match',
      },
    });
  });

  it("Loket's stricter threshold turns a provider match into not_verified", async () => {
    const strict = createIdentifaiProvider({
      client: clientOptions(base),
      thresholds: { liveness: 0.6, similarity: 0.999 },
    });
    const result = await strict.verify(stepContext(await images(selfieA())).ctx);
    // The threshold is sent as similarity_threshold too, so the provider itself reports no match.
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision: 'not_verified' } });
  });

  it.each([
    ['no face (a cat)', 'no_face', catImage, 'No face detected'],
    ['two faces', 'multiple_faces', twoFaces, 'Multiple faces are detected'],
    ['a face in the dark', 'face_occluded', selfieDark, 'the face is most likely occluded'],
  ] as const)('%s → retake the selfie (%s)', async (_name, reason, selfie, message) => {
    const result = await provider().verify(stepContext(await images(selfie())).ctx);
    // The analytic does not say which photo: the verification service decides (common/capture/retake.ts).
    expect(result).toMatchObject({ kind: 'retake', imageKind: null, reason, providerMessage: message });
  });

  it('an image too small to analyse → status failed → failed provider_rejected', async () => {
    // Loket's own minimum would stop this image before sending; lift it to reach the provider's answer.
    const lenient = createIdentifaiProvider({
      client: clientOptions(base),
      images: { minDimension: { selfie: 0, id_card: 0 } },
    });
    const result = await lenient.verify(stepContext(await images(tinyImage())).ctx);
    expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
  });

  it("Loket's own minimum size stops a tiny selfie before anything is sent", async () => {
    const { ctx } = stepContext(await images(tinyImage()), { recordId: 'TINYLOCAL01' });
    await expect(provider().verify(ctx)).resolves.toMatchObject({ kind: 'failed', code: 'invalid_image' });
    expect((await sandboxJobs(sandbox.url)).filter((j) => j.client_ref === 'TINYLOCAL01')).toEqual([]);
  });

  it('faces verified but the card unreadable → needs_review', async () => {
    // The selfie stands in for the card: the faces match, but OCR finds no KTP in a selfie.
    const result = await provider().verify(stepContext(await images(selfieA(), selfieA())).ctx);
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'needs_review', live: true, match: true, ocr: {} },
    });
  });
});
