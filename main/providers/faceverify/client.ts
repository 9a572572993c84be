// The faceverify.ai API client: options and defaults, and the three things the provider needs — create (or
// get the existing) session, read a session's status once, wait for a session to end.
import { createLogger } from '../../lib/log';
import { registerSecret } from '../../lib/redact';
import { DEFAULT_RETRY_POLICY } from '../../lib/retry';
import { waitFor, type PollSettings } from '../../lib/waiter';
import { ProviderError } from '../provider';
import { transportSettings, type ClientTransportOptions } from '../shared/transport';
import { classify, DEFAULT_AUTH_REJECTIONS, isObject, refusalOf } from './errors';
import { readCreatedSession, readSessionState, type CreatedSession, type SessionState } from './session';
import { createTransport, type FaceverifyCredentials } from './transport';

export type { PollSettings };

export interface FaceverifyClientOptions extends ClientTransportOptions {
  /** Default https://start.faceverify.ai (the sandbox: `${url}/faceverify`). */
  baseUrl?: string;
  credentials: FaceverifyCredentials;
  /** Per HTTP request; default 15 000 ms. */
  timeoutMs?: number;
  /** Status polling; default: at once, then 2 s growing ×1.2 (jittered) up to 5 s, 200 GETs, 10 min deadline. */
  poll?: Partial<PollSettings>;
  /** Default '/api/v1/session'. */
  createPath?: string;
  /** [UNCONFIRMED] the status endpoint; `{sessionId}` is replaced. Default '/api/v1/session/{sessionId}'. */
  statusPath?: string;
  /** [UNCONFIRMED] which 400 / success:false bodies mean bad credentials; default DEFAULT_AUTH_REJECTIONS. */
  authRejections?: readonly RegExp[];
}

export interface CreateSessionRequest {
  /** Loket sends the record id: the same identifier returns the existing session. */
  uniqueIdentifier: string;
  /** ISO 3166-1 alpha-2, e.g. 'ID'. */
  country: string;
  /** [UNCONFIRMED] where the hosted page sends the person when done; only sent when set. */
  returnUrl?: string;
  signal?: AbortSignal;
}

export interface WaitSessionOptions {
  signal?: AbortSignal;
  /** Overrides the client's poll settings for this wait. */
  poll?: Partial<PollSettings>;
  /** Told after every GET, with the attempt number (for progress). */
  onPoll?: (attempt: number, state: SessionState) => void;
}

export interface FaceverifyClient {
  /** POST /api/v1/session: "create new sessions or get existing session link". */
  createSession(request: CreateSessionRequest): Promise<CreatedSession>;
  /** One signed GET of the session's status, no waiting. */
  getSession(sessionId: string, signal?: AbortSignal): Promise<SessionState>;
  /** Polls until the status is final (completed, failed, expired); ProviderError('provider_unavailable') at the deadline. */
  waitForSession(sessionId: string, options?: WaitSessionOptions): Promise<SessionState>;
}

export const FACEVERIFY_DEFAULTS = {
  baseUrl: 'https://start.faceverify.ai',
  timeoutMs: 15_000,
  retries: DEFAULT_RETRY_POLICY.retries,
  retryDelay: { minDelayMs: DEFAULT_RETRY_POLICY.minDelayMs, maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs },
  // A person is doing a face check, which takes tens of seconds: a first look after 2 s, then a little less
  // often (×1.2 up to 5 s). 200 GETs outlast the 10 min deadline (about 125 needed).
  poll: {
    firstDelayMs: 2_000,
    growth: 1.2,
    maxDelayMs: 5_000,
    jitter: 0.2,
    maxPolls: 200,
    deadlineMs: 10 * 60 * 1000,
  },
  createPath: '/api/v1/session',
  statusPath: '/api/v1/session/{sessionId}',
} as const;

const log = createLogger('faceverify');

export function createFaceverifyClient(options: FaceverifyClientOptions): FaceverifyClient {
  const settings = transportSettings(options, FACEVERIFY_DEFAULTS);
  const { clock } = settings;
  const patterns = options.authRejections ?? DEFAULT_AUTH_REJECTIONS;
  registerSecret(options.credentials.clientId);
  registerSecret(options.credentials.secretKey);
  const send = createTransport({ ...settings, credentials: options.credentials });
  const createPath = options.createPath ?? FACEVERIFY_DEFAULTS.createPath;
  const statusPath = options.statusPath ?? FACEVERIFY_DEFAULTS.statusPath;
  const poll = { ...FACEVERIFY_DEFAULTS.poll, ...options.poll };

  const getSession = async (sessionId: string, signal?: AbortSignal): Promise<SessionState> => {
    const what = 'the session status';
    let body: unknown;
    try {
      ({ body } = await send({
        method: 'GET',
        path: statusPath.replace('{sessionId}', encodeURIComponent(sessionId)),
        signal,
      }));
    } catch (error) {
      throw classify(error, what, patterns);
    }
    const state = readSessionState(body, sessionId);
    if (state) return state;
    if (isObject(body) && body.success === false) throw refusalOf(body, what, patterns);
    throw new ProviderError(
      'provider_unavailable',
      'faceverify answered the status request without a status.',
    );
  };

  return {
    async createSession(request) {
      const what = 'the session request';
      // Key order is the seed's: {country, uniqueIdentifier}.
      const body: Record<string, string> = {
        country: request.country,
        uniqueIdentifier: request.uniqueIdentifier,
      };
      if (request.returnUrl) body.returnUrl = request.returnUrl;
      let answer: unknown;
      try {
        ({ body: answer } = await send({ method: 'POST', path: createPath, body, signal: request.signal }));
      } catch (error) {
        throw classify(error, what, patterns);
      }
      const session = readCreatedSession(answer);
      if (!session) {
        if (isObject(answer) && answer.success === false) throw refusalOf(answer, what, patterns);
        throw new ProviderError(
          'provider_unavailable',
          'faceverify answered the session request without a session id, token and link.',
        );
      }
      registerSecret(session.token);
      log.info('session ready', { sessionId: session.sessionId });
      return session;
    },

    getSession,

    async waitForSession(sessionId, waitOptions = {}) {
      const settings = { ...poll, ...waitOptions.poll };
      const outcome = await waitFor<SessionState>({
        ...settings,
        clock,
        random: options.random,
        signal: waitOptions.signal,
        poll: async (attempt) => {
          const state = await getSession(sessionId, waitOptions.signal);
          waitOptions.onPoll?.(attempt, state);
          return state.status === 'pending' ? { done: false } : { done: true, value: state };
        },
      });
      if (outcome.state === 'timeout') {
        const limit = outcome.reason === 'max_polls' ? ', the most allowed (faceverify.maxPolls)' : '';
        throw new ProviderError(
          'provider_unavailable',
          `The faceverify session had not ended after ${Math.round(outcome.elapsedMs / 1000)} s (${outcome.attempts} checks${limit}); it will be checked again.`,
        );
      }
      return outcome.value;
    },
  };
}
