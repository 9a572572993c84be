// The Incode Omni API client: options and defaults, and one method per call the provider makes, in the
// seed's order — start a session, upload the front of the ID, process the ID, upload the selfie, process
// the face, wait for onboarding, finish, fetch scores, fetch OCR. The client holds no session state: each
// call is given the session it belongs to, so a record resumed after a restart uses its saved token.
import { HttpError } from '../../lib/http-error';
import { registerSecret } from '../../lib/redact';
import { DEFAULT_RETRY_POLICY } from '../../lib/retry';
import { waitFor, type PollSettings, type WaitEnd } from '../../lib/waiter';
import { ProviderError } from '../provider';
import { transportSettings, type ClientTransportOptions } from '../shared/transport';
import { classify, errorCode, errorText, isObject } from './errors';
import { createTransport } from './transport';

export type { PollSettings };

export interface IncodeClientOptions extends ClientTransportOptions {
  /** Default https://demo-api.incodesmile.com; production is (UNCONFIRMED) https://saas-api.incodesmile.com. */
  baseUrl?: string;
  apiKey: string;
  /** The flow configured in Incode's dashboard; without it Incode uses the account's default flow. */
  configurationId?: string;
  /** Default 'ALL' ('BRA' only for Brazilian IDs). */
  countryCode?: string;
  /** Per HTTP request; default 30 000 ms (a few MB of base64 over a branch uplink). */
  timeoutMs?: number;
  /** Onboarding-status polling; default: at once, then 250 ms growing ×1.2 (jittered) up to 5 s, 60 GETs, 120 s. */
  poll?: Partial<PollSettings>;
  /**
   * [UNCONFIRMED] The query parameter that names the interview on `GET /omni/get/onboarding/status`. Default
   * null: no query, the session token identifies the interview (a production client calls it so; the web SDK
   * builds a query whose name is garbled in its bundle). Set e.g. 'interviewId' if Incode asks for one.
   */
  onboardingStatusIdParam?: string | null;
}

/** What /omni/start leaves: the session token (a secret: it opens the session for 90 days) and its id. */
export interface IncodeSession {
  token: string;
  interviewId: string;
}

export interface StartedSession extends IncodeSession {
  /** The whole answer, for the saved step (it holds the token too: it never leaves main). */
  raw: Record<string, unknown>;
}

/**
 * An image upload's answer. Incode answers an unusable photo in two ways: HTTP 200 with quality fields
 * (`classification: false`, `failReason`, `confidence: 1`…), or a 4xx whose body carries a custom code
 * (4019, 3005…). Both are the customer's to fix, so both come back as answers, not errors.
 */
export type UploadAnswer =
  | { accepted: true; body: Record<string, unknown> }
  | { accepted: false; httpStatus: number; code: number | null; message: string; body: unknown };

export const FINISHED_STATUSES = ['ONBOARDING_FINISHED', 'MANUAL_REVIEW_APPROVED', 'MANUAL_REVIEW_REJECTED'];
export const EXPIRED_STATUS = 'EXPIRED';

export type OnboardingResult = { state: 'finished' | 'expired'; status: string; raw: unknown };

/** The wait ended without a final status: its deadline passed or it used its last allowed request. */
export interface OnboardingTimeout {
  state: 'timeout';
  /** The last status seen. */
  status: string;
  attempts: number;
  elapsedMs: number;
  reason: WaitEnd;
}

export interface WaitOnboardingOptions {
  signal?: AbortSignal;
  /** Overrides the client's poll settings for this wait (the bounded wait after finish-status). */
  poll?: Partial<PollSettings>;
  /** Told after every GET, with the attempt number (for progress). */
  onPoll?: (attempt: number) => void;
}

export interface IncodeClient {
  start(externalCustomerId: string, signal?: AbortSignal): Promise<StartedSession>;
  /** `POST /omni/add/front-id/v2`; the JPEG is sent as base64 without a data: prefix. */
  addFrontId(session: IncodeSession, jpeg: Buffer, signal?: AbortSignal): Promise<UploadAnswer>;
  /** `POST /omni/process/id`: starts the asynchronous ID checks and OCR. */
  processId(session: IncodeSession, signal?: AbortSignal): Promise<unknown>;
  /** `POST /omni/add/face/third-party?imageType=selfie`; liveness is judged on upload. */
  addSelfie(session: IncodeSession, jpeg: Buffer, signal?: AbortSignal): Promise<UploadAnswer>;
  /** `POST /omni/process/face?imageType=selfie`: the face match against the ID's photo. */
  processFace(session: IncodeSession, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** One `GET /omni/get/onboarding/status`; the session is identified by its token. */
  onboardingStatus(session: IncodeSession, signal?: AbortSignal): Promise<{ status: string; raw: unknown }>;
  /** Polls until ONBOARDING_FINISHED (or a later final status) or EXPIRED, or the wait's deadline or cap. */
  waitForOnboarding(
    session: IncodeSession,
    options?: WaitOnboardingOptions,
  ): Promise<OnboardingResult | OnboardingTimeout>;
  /** `GET /omni/finish-status`: marks the session completed. */
  finish(session: IncodeSession, signal?: AbortSignal): Promise<unknown>;
  /** `GET /omni/get/score?id=…`. */
  getScore(session: IncodeSession, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** `GET /omni/get/ocr-data?id=…`. */
  getOcrData(session: IncodeSession, signal?: AbortSignal): Promise<Record<string, unknown>>;
}

export const INCODE_DEFAULTS = {
  baseUrl: 'https://demo-api.incodesmile.com',
  countryCode: 'ALL',
  timeoutMs: 30_000,
  retries: DEFAULT_RETRY_POLICY.retries,
  retryDelay: { minDelayMs: DEFAULT_RETRY_POLICY.minDelayMs, maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs },
  // Incode's processing after process/face takes seconds, and the customer is waiting: start at 250 ms and
  // grow ×1.2, so the status is seen about a fifth past the moment it changes. 60 GETs outlast the 120 s
  // deadline (about 40 needed); the cap only bites if someone raises the deadline a lot.
  poll: { firstDelayMs: 250, growth: 1.2, maxDelayMs: 5_000, jitter: 0.2, maxPolls: 60, deadlineMs: 120_000 },
  onboardingStatusIdParam: null,
} as const;

export const PATHS = {
  start: '/omni/start',
  frontId: '/omni/add/front-id/v2',
  processId: '/omni/process/id',
  selfie: '/omni/add/face/third-party?imageType=selfie',
  processFace: '/omni/process/face?imageType=selfie',
  onboardingStatus: '/omni/get/onboarding/status',
  finish: '/omni/finish-status',
  score: '/omni/get/score',
  ocr: '/omni/get/ocr-data',
} as const;

/** 4xx answers to an upload that are about the request or our credentials, never the photo. */
const NOT_ABOUT_THE_PHOTO = new Set([401, 403, 404, 405, 413]);

export function createIncodeClient(options: IncodeClientOptions): IncodeClient {
  const settings = transportSettings(options, INCODE_DEFAULTS);
  const { clock } = settings;
  const poll: PollSettings = { ...INCODE_DEFAULTS.poll, ...options.poll };
  const send = createTransport({ ...settings, apiKey: options.apiKey });

  /** A session call whose 200 answer must be a JSON object. */
  const call = async (
    what: string,
    method: 'GET' | 'POST',
    path: string,
    session: IncodeSession,
    body: unknown,
    signal: AbortSignal | undefined,
  ): Promise<Record<string, unknown>> => {
    let answer: unknown;
    try {
      ({ body: answer } = await send(method, path, { token: session.token, body, signal }));
    } catch (error) {
      throw classify(error, what, 'session');
    }
    return requireObject(answer, what);
  };

  const upload = async (
    what: string,
    path: string,
    session: IncodeSession,
    jpeg: Buffer,
    signal: AbortSignal | undefined,
  ): Promise<UploadAnswer> => {
    let answer: unknown;
    try {
      ({ body: answer } = await send('POST', path, {
        token: session.token,
        body: { base64Image: jpeg.toString('base64') },
        signal,
      }));
    } catch (error) {
      if (
        error instanceof HttpError &&
        error.kind === 'http' &&
        error.status !== null &&
        !error.retryable &&
        !NOT_ABOUT_THE_PHOTO.has(error.status)
      ) {
        return {
          accepted: false,
          httpStatus: error.status,
          code: errorCode(error.body),
          message: errorText(error.body),
          body: error.body,
        };
      }
      throw classify(error, what, 'session');
    }
    return { accepted: true, body: requireObject(answer, what) };
  };

  const statusParam = options.onboardingStatusIdParam ?? INCODE_DEFAULTS.onboardingStatusIdParam;
  const statusPath = (session: IncodeSession) =>
    statusParam
      ? `${PATHS.onboardingStatus}?${encodeURIComponent(statusParam)}=${encodeURIComponent(session.interviewId)}`
      : PATHS.onboardingStatus;

  const onboardingStatus = async (session: IncodeSession, signal?: AbortSignal) => {
    const raw = await call('the onboarding status', 'GET', statusPath(session), session, undefined, signal);
    return { status: typeof raw.onboardingStatus === 'string' ? raw.onboardingStatus : '', raw };
  };

  const byInterview = (path: string, session: IncodeSession) =>
    `${path}?id=${encodeURIComponent(session.interviewId)}`;

  return {
    async start(externalCustomerId, signal) {
      const body: Record<string, unknown> = {
        countryCode: options.countryCode ?? INCODE_DEFAULTS.countryCode,
        externalCustomerId,
      };
      if (options.configurationId) body.configurationId = options.configurationId;
      let answer: unknown;
      try {
        ({ body: answer } = await send('POST', PATHS.start, { body, signal }));
      } catch (error) {
        throw classify(error, 'a new session', 'key');
      }
      const raw = requireObject(answer, 'a new session');
      const { token, interviewId } = raw;
      if (typeof token !== 'string' || !token || typeof interviewId !== 'string' || !interviewId) {
        throw new ProviderError(
          'provider_unavailable',
          'Incode answered /omni/start without a session token or interview id.',
        );
      }
      registerSecret(token);
      return { token, interviewId, raw };
    },

    addFrontId: (session, jpeg, signal) =>
      upload('the front of the ID', PATHS.frontId, session, jpeg, signal),

    processId: (session, signal) => call('processing the ID', 'POST', PATHS.processId, session, {}, signal),

    addSelfie: (session, jpeg, signal) => upload('the selfie', PATHS.selfie, session, jpeg, signal),

    processFace: (session, signal) => call('the face match', 'POST', PATHS.processFace, session, {}, signal),

    onboardingStatus,

    async waitForOnboarding(session, waitOptions = {}) {
      const { signal } = waitOptions;
      let last = '';
      const outcome = await waitFor<OnboardingResult>({
        ...poll,
        ...waitOptions.poll,
        clock,
        random: options.random,
        signal,
        poll: async (attempt) => {
          const { status, raw } = await onboardingStatus(session, signal);
          last = status;
          waitOptions.onPoll?.(attempt);
          if (FINISHED_STATUSES.includes(status))
            return { done: true, value: { state: 'finished', status, raw } };
          if (status === EXPIRED_STATUS) return { done: true, value: { state: 'expired', status, raw } };
          return { done: false };
        },
      });
      if (outcome.state === 'done') return outcome.value;
      const { attempts, elapsedMs, reason } = outcome;
      return { state: 'timeout', status: last, attempts, elapsedMs, reason };
    },

    finish: (session, signal) =>
      call('finishing the session', 'GET', PATHS.finish, session, undefined, signal),

    getScore: (session, signal) =>
      call('the scores', 'GET', byInterview(PATHS.score, session), session, undefined, signal),

    getOcrData: (session, signal) =>
      call('the OCR data', 'GET', byInterview(PATHS.ocr, session), session, undefined, signal),
  };
}

function requireObject(answer: unknown, what: string): Record<string, unknown> {
  if (isObject(answer)) return answer;
  // A 200 that is not JSON is a proxy's or gateway's page, not Incode's answer: worth another try later.
  throw new ProviderError('provider_unavailable', `Incode answered ${what} without a JSON object.`);
}
