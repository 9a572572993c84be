// Assembles the Incode Omni stand-in: its session store, its policy and its routes, ready to be mounted under
// /incode. The rules it answers by are at the top of rules.ts.
import type { Clock } from '../../lib/clock';
import { SANDBOX_INCODE } from '../credentials';
import type { Router } from '../http/router';
import type { JobRegistry } from '../registry';
import { DEFAULT_FLOW, type FlowSettings, type IncodeEnv } from './responses';
import { DEFAULT_THRESHOLDS, type ScoreStatus } from './rules';
import { incodeRoutes } from './routes';
import { IncodeSessionStore } from './sessions';

/** Session-token lifetime: Incode's documented default. */
export const DEFAULT_SESSION_TTL_SECONDS = 90 * 24 * 60 * 60;
export const DEFAULT_STEP_DELAY_MS = 300;
export const DEFAULT_CARD_WIDTH_FRACTION = 0.9;
export const DEFAULT_SELFIE_AGE = 31;
/** `.invalid` never resolves: nothing can follow the sandbox's redirection anywhere. */
export const DEFAULT_REDIRECTION_URL = 'https://sandbox.loket.invalid/incode/finished';
/** [UNCONFIRMED] the `action` vocabulary of /omni/finish-status; only "approved" is attested. */
export const DEFAULT_FINISH_ACTIONS: Record<ScoreStatus, string> = {
  OK: 'approved',
  WARN: 'manualReview',
  FAIL: 'rejected',
  UNKNOWN: 'none',
};

/** The knobs; PROTOCOLS 3 marks several of these [UNCONFIRMED], the defaults are the documented or likeliest. */
export interface IncodeSandboxOptions {
  /** Accepted `x-api-key` values; default: the published sandbox key in credentials.ts. */
  apiKeys?: string[];
  /** Accepted `api-version` values; default ['1.0']. */
  apiVersions?: string[];
  clientId?: string;
  env?: IncodeEnv;
  /** Capture timeouts (s) and retries returned by /omni/start. */
  flow?: Partial<FlowSettings>;
  /** Delay of each asynchronous status step (process/id → ID_VALIDATION_FINISHED → …); default 300 ms. */
  stepDelayMs?: number;
  /** Sessions older than this are EXPIRED and their token refused; default 90 days. */
  sessionTtlSeconds?: number;
  /**
   * true (default): ONBOARDING_FINISHED follows FACE_VALIDATION_FINISHED by itself (the flow's "mark session
   * completed" is on its last step, as the seed advises); false: only after GET /omni/finish-status.
   */
  finishOnFaceValidation?: boolean;
  /** Share of the frame width the card is assumed to fill, for horizontalResolution; default 0.9. */
  cardWidthFraction?: number;
  /** process/face answers 1 at or above (default 0.7); score WARN band below it down to faceWarnThreshold. */
  faceMatchThreshold?: number;
  faceWarnThreshold?: number;
  /** Selfie liveness at or above which confidence is 0 (live); default 0.6. */
  livenessThreshold?: number;
  /** Test switch: nothing detects lenses or masks, these set the selfie flags (and the score checks). */
  forceSelfieFlags?: { hasLenses?: boolean; hasFaceMask?: boolean };
  /** Test switch: answer every selfie upload with this error code (e.g. 100, 101, 3007, 4005). */
  forceSelfieErrorCode?: number;
  /** The selfie's `age` (not estimated); default 31. */
  selfieAge?: number;
  /** finish-status `redirectionUrl` when /omni/start had no redirectUrl. */
  redirectionUrl?: string;
  /** finish-status `action` per overall score status. */
  finishActions?: Partial<Record<ScoreStatus, string>>;
}

export interface IncodeDeps {
  clock: Clock;
  registry: JobRegistry;
  /** The sandbox's fault switch: onboarding never finishes while it is set. */
  faults?: { readonly stuck: boolean };
}

export function createIncodeSandbox(deps: IncodeDeps, options: IncodeSandboxOptions = {}): Router {
  const clientId = options.clientId ?? 'loket-sandbox';
  const sessionTtlMs = (options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS) * 1000;
  return incodeRoutes({
    clock: deps.clock,
    registry: deps.registry,
    sessions: new IncodeSessionStore(deps.clock, clientId, sessionTtlMs),
    auth: {
      apiKeys: options.apiKeys ?? [SANDBOX_INCODE.apiKey],
      apiVersions: options.apiVersions ?? ['1.0'],
    },
    timing: {
      stepDelayMs: options.stepDelayMs ?? DEFAULT_STEP_DELAY_MS,
      sessionTtlMs,
      finishOnFaceValidation: options.finishOnFaceValidation ?? true,
      faults: deps.faults,
    },
    thresholds: {
      faceMatch: options.faceMatchThreshold ?? DEFAULT_THRESHOLDS.faceMatch,
      faceWarn: options.faceWarnThreshold ?? DEFAULT_THRESHOLDS.faceWarn,
      liveness: options.livenessThreshold ?? DEFAULT_THRESHOLDS.liveness,
    },
    clientId,
    env: options.env ?? 'demo',
    flow: { ...DEFAULT_FLOW, ...options.flow },
    cardWidthFraction: options.cardWidthFraction ?? DEFAULT_CARD_WIDTH_FRACTION,
    selfieFlags: {
      hasLenses: options.forceSelfieFlags?.hasLenses ?? false,
      hasFaceMask: options.forceSelfieFlags?.hasFaceMask ?? false,
    },
    forceSelfieErrorCode: options.forceSelfieErrorCode ?? null,
    armed: { frontIdFailReason: null },
    selfieAge: options.selfieAge ?? DEFAULT_SELFIE_AGE,
    redirectionUrl: options.redirectionUrl ?? DEFAULT_REDIRECTION_URL,
    finishActions: { ...DEFAULT_FINISH_ACTIONS, ...options.finishActions },
  });
}
