// Incode Omni as a VerificationProvider, following the seed's API integration: start a session → upload the
// front of the ID (client-side quality rules) → process the ID → upload the selfie (client-side liveness
// rules and error codes) → process the face → wait for ONBOARDING_FINISHED → scores → OCR → decide on
// `overall.status`. Each step's answer is saved the moment Incode gives it, and a saved step is never
// run again: a run cut off by a restart resumes from the last completed step, in the same Incode session.
//
// Session-token refusals (HTTP 401 on a call made with X-Incode-Hardware-Id): a token lives 90 days, so a
// 401 on a token saved by an earlier run means that session is gone (expired, revoked, or — in training
// mode — a restarted sandbox). The saved steps are forgotten and the run starts once more with a new
// session. A 401 on a token this run has just been issued cannot be fixed by another session: the steps
// are forgotten and the run ends with provider_auth. A 403 is always the API key: provider_auth.
//
// finish-status. The seed makes `GET /omni/finish-status` optional: a flow whose "Mark session completed on
// status" (Incode dashboard, flow configuration) is set to its last step completes by itself, and then
// calling it is a wasted round trip for the customer. Some flows never reach ONBOARDING_FINISHED without it,
// so by default ('on_deadline') it is called once, when the onboarding wait reaches its deadline, and the
// status is then polled again for a bounded while. The call is saved as step 'finish', so a resumed run never
// calls it twice. 'always' calls it after ONBOARDING_FINISHED as the seed's step 8 (and at a deadline);
// 'never' leaves a deadline to the retry like any other interruption.
import type { ProgressStep } from '../../../common/contract';
import type { ImageKind } from '../../../common/record';
import { abortReason } from '../../lib/clock';
import { createLogger } from '../../lib/log';
import { describeError, registerSecret } from '../../lib/redact';
import type { PollSettings } from '../../lib/waiter';
import { ProviderError, type ProviderResult, type StepContext, type VerificationProvider } from '../provider';
import {
  createIncodeClient,
  type IncodeClient,
  type IncodeClientOptions,
  type IncodeSession,
  type OnboardingTimeout,
} from './client';
import { mapFailure, stopIfAborted } from '../shared/failures';
import type { FinishStatusMode } from './finish-mode';
import { errorCode, IncodeRejection, IncodeSessionRefused, isObject } from './errors';
import { DEFAULT_IMAGE_LIMITS, prepareImage, type ImageLimits } from './images';
import { decide } from './outcome';
import { DEFAULT_ID_THRESHOLDS, frontIdRetake, selfieRetake, type IdThresholds, type Retake } from './rules';
import { readObject, readSession, REDO_ON_RETAKE, STEPS, type StepName } from './steps';

export interface IncodeProviderDeps {
  /** A client, or the options to create one. */
  client: IncodeClient | IncodeClientOptions;
  /** The seed's ID-quality floors; default glare 10, sharpness 10, horizontalResolution 155. */
  thresholds?: Partial<IdThresholds>;
  images?: Partial<ImageLimits>;
  /** When to call /omni/finish-status (see the top of this file); default 'on_deadline'. */
  finishStatus?: FinishStatusMode;
  /** The wait after a deadline's finish-status call; default 30 s (Incode only has to apply the status). */
  afterFinishPoll?: Partial<PollSettings>;
}

export const INCODE_PROVIDER_DEFAULTS = {
  finishStatus: 'on_deadline',
  afterFinishPoll: { deadlineMs: 30_000 },
} as const;

/** Incode's "could not process" code on /omni/process/id: the card must be uploaded again. */
const PROCESS_ID_FAILED = 6000;

/** Where each step sits on the progress bar (fractions only ever grow within one run). */
const PROGRESS: Readonly<Record<StepName, readonly [ProgressStep, number]>> = {
  start: ['authorising', 0.05],
  front_id: ['submitting', 0.12],
  process_id: ['submitting', 0.22],
  selfie: ['submitting', 0.3],
  process_face: ['submitting', 0.4],
  onboarding: ['processing', 0.5],
  finish: ['processing', 0.78],
  score: ['processing', 0.84],
  ocr: ['reading_id', 0.9],
};

const log = createLogger('incode');

/** The saved outputs of one run: what ctx.saved held at the start, plus this run's saves, minus its forgets. */
class SavedSteps {
  private readonly view: Map<string, unknown>;
  constructor(private readonly ctx: StepContext) {
    this.view = new Map(Object.entries(ctx.saved));
  }
  get(step: StepName): unknown {
    return this.view.get(step);
  }
  save(step: StepName, output: unknown): void {
    this.ctx.save(step, output);
    this.view.set(step, output);
  }
  forget(steps: readonly StepName[]): void {
    for (const step of steps) {
      if (!this.view.has(step)) continue;
      this.ctx.forget(step);
      this.view.delete(step);
    }
  }
}

export function createIncodeProvider(deps: IncodeProviderDeps): VerificationProvider {
  const client = 'addSelfie' in deps.client ? deps.client : createIncodeClient(deps.client);
  const thresholds: IdThresholds = { ...DEFAULT_ID_THRESHOLDS, ...deps.thresholds };
  const limits: ImageLimits = { ...DEFAULT_IMAGE_LIMITS, ...deps.images };
  const finishMode = deps.finishStatus ?? INCODE_PROVIDER_DEFAULTS.finishStatus;
  const afterFinishPoll = { ...INCODE_PROVIDER_DEFAULTS.afterFinishPoll, ...deps.afterFinishPoll };

  const run = async (ctx: StepContext, steps: SavedSteps): Promise<ProviderResult> => {
    let last = 0;
    const progress = (step: ProgressStep, fraction: number) => {
      if (fraction < last) return;
      last = fraction;
      ctx.progress(step, fraction);
    };
    const reached = (step: StepName) => progress(...PROGRESS[step]);

    const prepared = new Map<ImageKind, Promise<Buffer>>();
    const jpeg = (kind: ImageKind): Promise<Buffer> => {
      let image = prepared.get(kind);
      if (!image) {
        image = prepareImage(kind, ctx.images, limits);
        prepared.set(kind, image);
      }
      return image;
    };

    const attempt = async (restarted: boolean): Promise<ProviderResult> => {
      // A photo that cannot be used fails before a session is opened (or a saved one is touched).
      if (!readObject(steps.get('front_id'))) await jpeg('id_card');
      if (!readObject(steps.get('selfie'))) await jpeg('selfie');
      stopIfAborted(ctx);

      let session = readSession(steps.get('start'));
      const resumed = session !== null;
      if (session) {
        registerSecret(session.token);
        log.info('resuming a saved Incode session', { recordId: ctx.recordId });
      } else {
        reached('start');
        ctx.sending('start');
        const started = await client.start(ctx.recordId, ctx.signal);
        session = { token: started.token, interviewId: started.interviewId };
        steps.save('start', started.raw);
      }

      try {
        return await afterStart(ctx, steps, session, jpeg, reached, progress);
      } catch (error) {
        if (!(error instanceof IncodeSessionRefused)) throw error;
        steps.forget(STEPS);
        if (resumed && !restarted) {
          log.warn('the saved Incode session was refused; starting a new one', {
            recordId: ctx.recordId,
            step: error.what,
          });
          return attempt(true);
        }
        throw new ProviderError(
          'provider_auth',
          `Incode refused a session token it had just issued (${error.what}, HTTP 401): check the API key and the flow configuration.`,
        );
      }
    };
    return attempt(false);
  };

  const afterStart = async (
    ctx: StepContext,
    steps: SavedSteps,
    session: IncodeSession,
    jpeg: (kind: ImageKind) => Promise<Buffer>,
    reached: (step: StepName) => void,
    progress: (step: ProgressStep, fraction: number) => void,
  ): Promise<ProviderResult> => {
    const { signal } = ctx;

    if (!readObject(steps.get('front_id'))) {
      reached('front_id');
      const image = await jpeg('id_card');
      stopIfAborted(ctx);
      ctx.sending('front_id');
      const answer = await client.addFrontId(session, image, signal);
      const retake = frontIdRetake(answer, thresholds);
      if (retake) return retakeResult('id_card', retake, answer.body);
      steps.save('front_id', answer.body);
    }

    if (!readObject(steps.get('process_id'))) {
      reached('process_id');
      stopIfAborted(ctx);
      try {
        ctx.sending('process_id');
        steps.save('process_id', asObject(await client.processId(session, signal)));
      } catch (error) {
        if (error instanceof IncodeRejection && errorCode(error.body) === PROCESS_ID_FAILED) {
          const providerMessage = `Incode could not process the ID (code ${PROCESS_ID_FAILED})`;
          return retakeResult('id_card', { reason: 'id_not_recognised', providerMessage }, error.body);
        }
        throw error;
      }
    }

    if (!readObject(steps.get('selfie'))) {
      reached('selfie');
      const image = await jpeg('selfie');
      stopIfAborted(ctx);
      ctx.sending('selfie');
      const answer = await client.addSelfie(session, image, signal);
      const retake = selfieRetake(answer);
      if (retake) return retakeResult('selfie', retake, answer.body);
      steps.save('selfie', answer.body);
    }

    let processFace = readObject(steps.get('process_face'));
    if (!processFace) {
      reached('process_face');
      stopIfAborted(ctx);
      ctx.sending('process_face');
      processFace = await client.processFace(session, signal);
      steps.save('process_face', processFace);
    }

    if (!readObject(steps.get('onboarding'))) {
      reached('onboarding');
      stopIfAborted(ctx);
      // Creeps towards 0.75 while Incode works, without claiming to know the end.
      const [step, start] = PROGRESS.onboarding;
      const onPoll = (n: number) => progress(step, start + 0.25 * (1 - 0.8 ** n));
      let onboarding = await client.waitForOnboarding(session, { signal, onPoll });
      if (onboarding.state === 'timeout' && finishMode !== 'never' && !readObject(steps.get('finish'))) {
        log.warn('onboarding not finished by the deadline; calling finish-status once', {
          recordId: ctx.recordId,
          status: onboarding.status,
          checks: onboarding.attempts,
        });
        stopIfAborted(ctx);
        steps.save('finish', { calledAt: 'deadline', answer: await finish(ctx, session) });
        onboarding = await client.waitForOnboarding(session, { signal, onPoll, poll: afterFinishPoll });
      }
      if (onboarding.state === 'timeout') throw notFinished(onboarding, finishMode);
      if (onboarding.state === 'expired') {
        steps.forget(STEPS);
        return {
          kind: 'failed',
          code: 'provider_rejected',
          message:
            'The Incode session expired before its onboarding finished; the next attempt starts a new session.',
          raw: onboarding.raw,
        };
      }
      steps.save('onboarding', asObject(onboarding.raw));
    }

    if (finishMode === 'always' && !readObject(steps.get('finish'))) {
      reached('finish');
      stopIfAborted(ctx);
      steps.save('finish', { calledAt: 'after_onboarding', answer: await finish(ctx, session) });
    }

    let score = readObject(steps.get('score'));
    if (!score) {
      reached('score');
      stopIfAborted(ctx);
      score = await client.getScore(session, signal);
      steps.save('score', score);
    }

    let ocr = readObject(steps.get('ocr'));
    if (!ocr) {
      reached('ocr');
      stopIfAborted(ctx);
      ocr = await client.getOcrData(session, signal);
      steps.save('ocr', ocr);
    }

    return decide({ score, ocr, processFace });
  };

  /**
   * Marking the session completed is optional in the seed (a flow configured to complete itself does not
   * need it), so Incode refusing it (a 4xx: e.g. already completed) does not cost the customer the result.
   * Unreachable, auth and session failures still end the attempt as everywhere else.
   */
  const finish = async (ctx: StepContext, session: IncodeSession): Promise<Record<string, unknown>> => {
    try {
      return asObject(await client.finish(session, ctx.signal));
    } catch (error) {
      if (!(error instanceof IncodeRejection)) throw error;
      log.warn('Incode refused finish-status; carrying on', {
        recordId: ctx.recordId,
        error: describeError(error),
      });
      return { refused: true, answer: error.body };
    }
  };

  return {
    name: 'incode',
    async verify(ctx) {
      const steps = new SavedSteps(ctx);
      try {
        const result = await run(ctx, steps);
        // The retaken photo and everything after it run again; the session (and a good card) are kept.
        if (result.kind === 'retake' && result.imageKind) steps.forget(REDO_ON_RETAKE[result.imageKind]);
        ctx.progress('done', 1);
        return result;
      } catch (error) {
        if (ctx.signal.aborted) throw abortReason(ctx.signal);
        return mapFailure(error, ctx.recordId, { provider: 'Incode', log, rejection: IncodeRejection });
      }
    },
  };
}

/** The onboarding wait ended without a final status: the record goes back to the queue, nothing is lost. */
function notFinished(timeout: OnboardingTimeout, mode: FinishStatusMode): ProviderError {
  const limit = timeout.reason === 'max_polls' ? ', the most allowed (incode.maxPolls)' : '';
  const hint =
    mode === 'never'
      ? ' The flow may need "Mark session completed on status" in Incode\'s dashboard, or incode.finishStatus.'
      : '';
  return new ProviderError(
    'provider_unavailable',
    `Incode had not finished the onboarding after ${Math.round(timeout.elapsedMs / 1000)} s (${timeout.attempts} checks${limit}, last status ${timeout.status || 'none'}); it will be checked again.${hint}`,
  );
}

function retakeResult(imageKind: ImageKind, retake: Retake, raw: unknown): ProviderResult {
  return { kind: 'retake', imageKind, reason: retake.reason, providerMessage: retake.providerMessage, raw };
}

function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : { answer: value ?? null };
}
