// The provider's step logic with a fake client: what is submitted, saved, resumed, reported and returned.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageKind } from '../../../../common/record';
import { ProviderError } from '../../../../main/providers/provider';
import { solidImages } from '../../../support/solid-images';
import { recordingContext } from '../../../support/step-context';
import type {
  AnalyticName,
  IdentifaiClient,
  Submission,
  SubmitRequest,
} from '../../../../main/providers/identifai/client';
import { IdentifaiRejection } from '../../../../main/providers/identifai/errors';
import type { JobResult } from '../../../../main/providers/identifai/job';
import type { JobRef } from '../../../../main/providers/identifai/poll';
import { createIdentifaiProvider } from '../../../../main/providers/identifai/provider';

const face = (status: JobResult['status'], message: string, items: unknown[] = []): JobResult => ({
  jobId: 'f',
  status,
  analyticType: 'FACE_MATCH_LIVENESS',
  message,
  items,
  raw: { analytic_type: 'FACE_MATCH_LIVENESS', job_id: 'f', message, ok: true, result: items, status },
});
const VERIFIED_FACE = face('success', 'Face Match Liveness Success', [
  { face_liveness: { live: true, liveness: 0.9 } },
  { face_match: { match: true, similarity: 0.95 } },
]);
const OCR = {
  ...face('success', 'OCR_KTP Service Success', [{ nik: '1801070310930005' }]),
  analyticType: 'OCR_KTP',
};

interface FakeClientLog {
  events: string[];
  submitted: Array<{ analytic: AnalyticName; request: SubmitRequest }>;
  waited: JobRef[];
}

function fakeClient(
  results: Partial<Record<string, JobResult | Error>> = {},
  mode: 'async' | 'syncv2' = 'async',
) {
  const log: FakeClientLog = { events: [], submitted: [], waited: [] };
  const client: IdentifaiClient = {
    mode,
    async authorise() {
      log.events.push('authorise');
    },
    async submit(analytic, request): Promise<Submission> {
      log.events.push(`submit ${analytic}`);
      log.submitted.push({ analytic, request });
      const submittedAt = '2024-05-01T09:00:00.000Z';
      if (mode === 'syncv2') {
        const result = results[`job-${analytic}`];
        if (!result || result instanceof Error) throw result ?? new Error('no result');
        return { mode, jobId: null, submittedAt, result };
      }
      return { mode, jobId: `job-${analytic}`, token: `token-${analytic}`, submittedAt };
    },
    async getJob() {
      throw new Error('not used');
    },
    async waitForJob(job, options) {
      log.events.push(`wait ${job.jobId}`);
      log.waited.push(job);
      options?.onPoll?.(1);
      const result = results[job.jobId];
      if (result instanceof Error) throw result;
      if (result) return result;
      if (options?.signal?.aborted) throw new Error('aborted');
      // Never finishes: only an abort ends it.
      return new Promise<JobResult>((_resolve, reject) =>
        options?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    },
  };
  return { client, log };
}

let images: Record<ImageKind, Buffer>;
beforeAll(async () => {
  images = await solidImages();
});

function context(saved: Record<string, unknown> = {}, signal = new AbortController().signal) {
  return recordingContext(images, { recordId: 'REC0001abc', saved, signal });
}

describe('createIdentifaiProvider', () => {
  it('submits both analytics, saving each answer at once, then waits and decides', async () => {
    const { client, log } = fakeClient({ 'job-faceMatchLiveness': VERIFIED_FACE, 'job-ocrKtp': OCR });
    const provider = createIdentifaiProvider({ client });
    const { ctx, progress, saves, sent } = context();
    const result = await provider.verify(ctx);

    expect(provider.name).toBe('identifai');
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'verified', ocr: { nik: '1801070310930005' } },
    });
    expect(log.events).toEqual([
      'authorise',
      'submit faceMatchLiveness',
      'submit ocrKtp',
      'wait job-faceMatchLiveness',
      'wait job-ocrKtp',
    ]);
    expect(saves).toEqual([
      [
        'face_match_liveness',
        {
          jobId: 'job-faceMatchLiveness',
          token: 'token-faceMatchLiveness',
          submittedAt: '2024-05-01T09:00:00.000Z',
        },
      ],
      ['ocr_ktp', { jobId: 'job-ocrKtp', token: 'token-ocrKtp', submittedAt: '2024-05-01T09:00:00.000Z' }],
    ]);
    // Each billable submission is announced before it is sent (`sending` is not a save).
    expect(sent).toEqual(['face_match_liveness', 'ocr_ktp']);

    const [fml, ocr] = log.submitted;
    expect(fml?.request).toMatchObject({
      clientRef: 'REC0001abc',
      additionalParams: { liveness_threshold: 0.6, similarity_threshold: 0.7 },
    });
    expect(fml?.request.images).toHaveLength(2);
    const [card, selfie] = await Promise.all((fml?.request.images ?? []).map((b) => sharp(b).metadata()));
    expect([card?.width, card?.height]).toEqual([1280, 800]); // KTP first, capped at 1280
    expect([selfie?.width, selfie?.height]).toEqual([640, 480]);
    expect(ocr?.request.images[0]?.length).toBeLessThanOrEqual(800_000);

    const steps = progress.map(([s]) => s);
    expect(steps[0]).toBe('authorising');
    expect(steps).toContain('submitting');
    expect(steps).toContain('processing');
    expect(steps).toContain('reading_id');
    expect(progress.at(-1)).toEqual(['done', 1]);
    const fractions = progress.map(([, f]) => f);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('resumes saved jobs without submitting (or authorising) again', async () => {
    const { client, log } = fakeClient({ 'saved-face': VERIFIED_FACE, 'saved-ocr': OCR });
    const provider = createIdentifaiProvider({ client, name: 'sandbox' });
    const saved = {
      face_match_liveness: { jobId: 'saved-face', token: 't1', submittedAt: '2024-05-01T08:00:00.000Z' },
      ocr_ktp: { jobId: 'saved-ocr', token: 't2', submittedAt: '2024-05-01T08:00:01.000Z' },
    };
    const { ctx, saves, sent } = context(saved);
    await expect(provider.verify(ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(log.events).toEqual(['wait saved-face', 'wait saved-ocr']);
    expect(log.waited).toEqual([saved.face_match_liveness, saved.ocr_ktp]);
    expect(saves).toEqual([]);
    expect(sent).toEqual([]);
    expect(provider.name).toBe('sandbox');
  });

  it('submits only the step that was not saved', async () => {
    const { client, log } = fakeClient({ 'saved-face': VERIFIED_FACE, 'job-ocrKtp': OCR });
    const { ctx, saves, sent } = context({
      face_match_liveness: { jobId: 'saved-face', token: 't1', submittedAt: '2024-05-01T08:00:00.000Z' },
    });
    await createIdentifaiProvider({ client }).verify(ctx);
    expect(log.events).toEqual(['authorise', 'submit ocrKtp', 'wait saved-face', 'wait job-ocrKtp']);
    expect(saves.map(([s]) => s)).toEqual(['ocr_ktp']);
    expect(sent).toEqual(['ocr_ktp']);
  });

  it('a retake ends the run without waiting for the card', async () => {
    const { client } = fakeClient({
      'job-faceMatchLiveness': face('incompleted', 'Multiple faces are detected'),
    });
    const result = await createIdentifaiProvider({ client }).verify(context().ctx);
    expect(result).toMatchObject({
      kind: 'retake',
      imageKind: null,
      reason: 'multiple_faces',
      providerMessage: 'Multiple faces are detected',
    });
  });

  it('uses and saves syncv2 answers, and resumes from them', async () => {
    const { client, log } = fakeClient(
      { 'job-faceMatchLiveness': VERIFIED_FACE, 'job-ocrKtp': OCR },
      'syncv2',
    );
    const first = context();
    await expect(createIdentifaiProvider({ client }).verify(first.ctx)).resolves.toMatchObject({
      outcome: { decision: 'verified' },
    });
    expect(log.events).toEqual(['authorise', 'submit faceMatchLiveness', 'submit ocrKtp']);

    const again = fakeClient({}, 'syncv2');
    const saved = Object.fromEntries(first.saves);
    await expect(
      createIdentifaiProvider({ client: again.client }).verify(context(saved).ctx),
    ).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(again.log.events).toEqual([]);
  });

  it('an image that cannot be used → failed invalid_image, nothing submitted', async () => {
    const { client, log } = fakeClient();
    const { ctx } = context();
    const tiny = await sharp({ create: { width: 100, height: 80, channels: 3, background: '#fff' } })
      .jpeg()
      .toBuffer();
    const result = await createIdentifaiProvider({ client }).verify({
      ...ctx,
      images: { ...images, selfie: tiny },
    });
    expect(result).toMatchObject({ kind: 'failed', code: 'invalid_image' });
    expect(log.submitted).toEqual([]);
  });

  it('a permanent refusal → failed provider_rejected', async () => {
    const { client } = fakeClient({
      'job-faceMatchLiveness': new IdentifaiRejection('IdentifAI refused the job result: unknown job', {
        ok: false,
      }),
    });
    await expect(createIdentifaiProvider({ client }).verify(context().ctx)).resolves.toMatchObject({
      kind: 'failed',
      code: 'provider_rejected',
      raw: { ok: false },
    });
  });

  it('ProviderError is thrown on, so the record goes back to pending', async () => {
    const { client } = fakeClient({
      'job-faceMatchLiveness': new ProviderError('provider_unavailable', 'down'),
    });
    await expect(createIdentifaiProvider({ client }).verify(context().ctx)).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
  });

  it('an abort rejects with its reason', async () => {
    const { client } = fakeClient({});
    const controller = new AbortController();
    const reason = new Error('kiosk shutting down');
    const run = createIdentifaiProvider({ client }).verify(context({}, controller.signal).ctx);
    setTimeout(() => controller.abort(reason), 20);
    await expect(run).rejects.toBe(reason);
  });

  it('ignores a malformed saved step and submits it afresh', async () => {
    const { client, log } = fakeClient({ 'job-faceMatchLiveness': VERIFIED_FACE, 'job-ocrKtp': OCR });
    await createIdentifaiProvider({ client }).verify(
      context({ face_match_liveness: { nonsense: true } }).ctx,
    );
    expect(log.events).toContain('submit faceMatchLiveness');
  });
});
