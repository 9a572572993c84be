// IdentifAI as a VerificationProvider: prepare the two images → submit face-match-liveness → submit
// ocr-ktp → wait for both → decide. Each submission is saved the moment IdentifAI answers it, and a saved
// submission is never sent again: a resumed run only polls. Keys, tokens and images stay out of every message.
import { abortReason } from '../../lib/clock';
import { createLogger } from '../../lib/log';
import type { ProviderResult, StepContext, VerificationProvider } from '../provider';
import { mapFailure, stopIfAborted } from '../shared/failures';
import {
  createIdentifaiClient,
  type AnalyticName,
  type IdentifaiClient,
  type IdentifaiClientOptions,
} from './client';
import { IdentifaiRejection } from './errors';
import type { JobResult } from './job';
import { decide, DEFAULT_THRESHOLDS, type RetakeRules, type Thresholds } from './outcome';
import { DEFAULT_IMAGE_LIMITS, prepareImages, type ImageLimits } from './images';
import { fromSaved, STEP_NAMES, toSaved, type SavedStep } from './steps';

export interface IdentifaiProviderDeps {
  /** A client, or the options to create one. */
  client: IdentifaiClient | IdentifaiClientOptions;
  /** 'sandbox' in training mode (same protocol, local server). Default 'identifai'. */
  name?: 'identifai' | 'sandbox';
  /** Loket's own pass marks, also sent as additional_params. Default 0.6 / 0.7. */
  thresholds?: Thresholds;
  retakeMessages?: RetakeRules;
  images?: Partial<ImageLimits>;
}

const log = createLogger('identifai');

export function createIdentifaiProvider(deps: IdentifaiProviderDeps): VerificationProvider {
  const client = 'submit' in deps.client ? deps.client : createIdentifaiClient(deps.client);
  const thresholds = deps.thresholds ?? DEFAULT_THRESHOLDS;
  const limits = { ...DEFAULT_IMAGE_LIMITS, ...deps.images };

  /** Submits unless a submission was saved; either way returns what to wait on. */
  const submitted = async (ctx: StepContext, analytic: AnalyticName): Promise<SavedStep> => {
    const step = STEP_NAMES[analytic];
    const saved = fromSaved(ctx.saved[step]);
    if (saved) {
      log.info('resuming a saved submission', { recordId: ctx.recordId, step });
      return saved;
    }
    if (ctx.saved[step] !== undefined) {
      log.warn('ignoring an unreadable saved step', { recordId: ctx.recordId, step });
    }

    const images = await prepareImages(analytic, ctx.images, limits);
    const additionalParams =
      analytic === 'faceMatchLiveness'
        ? { liveness_threshold: thresholds.liveness, similarity_threshold: thresholds.similarity }
        : undefined;
    stopIfAborted(ctx);
    ctx.sending(step);
    const submission = await client.submit(analytic, {
      images,
      additionalParams,
      clientRef: ctx.recordId,
      signal: ctx.signal,
    });
    ctx.save(step, toSaved(submission));
    log.info('submitted', { recordId: ctx.recordId, step, mode: submission.mode });
    return submission.mode === 'async'
      ? {
          kind: 'job',
          job: { jobId: submission.jobId, token: submission.token, submittedAt: submission.submittedAt },
        }
      : { kind: 'final', result: submission.result };
  };

  const run = async (ctx: StepContext): Promise<ProviderResult> => {
    const needsSubmit =
      !fromSaved(ctx.saved[STEP_NAMES.faceMatchLiveness]) || !fromSaved(ctx.saved[STEP_NAMES.ocrKtp]);
    if (needsSubmit) {
      ctx.progress('authorising', 0.05);
      await client.authorise(ctx.signal);
    }
    ctx.progress('submitting', 0.15);
    const face = await submitted(ctx, 'faceMatchLiveness');
    ctx.progress('submitting', 0.3);
    const ocr = await submitted(ctx, 'ocrKtp');
    ctx.progress('processing', 0.4);

    // Both jobs are waited on together; a final face answer that ends the run stops the OCR wait.
    const ocrAbort = new AbortController();
    const stopOcr = () => ocrAbort.abort(abortReason(ctx.signal));
    ctx.signal.addEventListener('abort', stopOcr, { once: true });
    const wait = (
      step: SavedStep,
      signal: AbortSignal,
      onPoll?: (attempt: number) => void,
    ): Promise<JobResult> =>
      step.kind === 'final' ? Promise.resolve(step.result) : client.waitForJob(step.job, { signal, onPoll });
    // Creeps towards 0.7 while the face job runs, so the screen shows life without claiming to know the end.
    const faceProgress = (attempt: number) => ctx.progress('processing', 0.4 + 0.3 * (1 - 0.8 ** attempt));
    stopIfAborted(ctx);
    const faceResultP = wait(face, ctx.signal, faceProgress);
    const ocrResult = wait(ocr, ocrAbort.signal);
    ocrResult.catch(() => undefined); // observed below, or deliberately abandoned
    try {
      const faceResult = await faceResultP;
      if (faceResult.status !== 'success')
        return decide({ face: faceResult, ocr: null, thresholds, retakeMessages: deps.retakeMessages });
      ctx.progress('reading_id', 0.75);
      const ocrFinal = await ocrResult;
      return decide({ face: faceResult, ocr: ocrFinal, thresholds, retakeMessages: deps.retakeMessages });
    } finally {
      ctx.signal.removeEventListener('abort', stopOcr);
      ocrAbort.abort(new Error('no longer needed'));
    }
  };

  return {
    name: deps.name ?? 'identifai',
    async verify(ctx) {
      try {
        const result = await run(ctx);
        // A retaken photo is a new submission: the saved jobs belong to the old one.
        if (result.kind === 'retake') for (const step of Object.values(STEP_NAMES)) ctx.forget(step);
        ctx.progress('done', 1);
        return result;
      } catch (error) {
        if (ctx.signal.aborted) throw abortReason(ctx.signal);
        return mapFailure(error, ctx.recordId, { provider: 'IdentifAI', log, rejection: IdentifaiRejection });
      }
    },
  };
}
