// The faceverify.ai API client: options and defaults, and the three things the provider needs — create (or
// get the existing) session, read a session's status once, wait for a session to end. Only the first is in
// faceverify's documents; the status endpoint is Loket's assumption (`statusPath`), so "there is no such
// endpoint" (null, or a 404/405/501 answer) is an answer of its own, never an error that fails a record.
import { HttpError } from '../../lib/http-error';
import { createLogger } from '../../lib/log';
import { registerCredential, registerSecret } from '../../lib/redact';
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
  /**
   * [UNCONFIRMED] the status endpoint; `{sessionId}` is replaced. Default '/api/v1/session/{sessionId}'. null:
   * faceverify has no status endpoint Loket can use, so none is called (readStatus answers 'no_endpoint').
   */
  statusPath?: string | null;
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

/** A status read: the session's state, or word that this service has no status endpoint Loket can use. */
export type StatusRead =
  { kind: 'state'; state: SessionState } | { kind: 'no_endpoint'; httpStatus: number | null };

export interface FaceverifyClient {
  /** POST /api/v1/session: "create new sessions or get existing session link". */
  createSession(request: CreateSessionRequest): Promise<CreatedSession>;
  /** false when no status endpoint is configured (statusPath null): every read answers 'no_endpoint'. */
  readonly statusConfigured: boolean;
  /** One signed GET of the session's status, no waiting. */
  readStatus(sessionId: string, signal?: AbortSignal): Promise<StatusRead>;
  /**
   * Polls until the status is final (completed, failed, expired) or the endpoint turns out not to exist;
   * ProviderError('provider_unavailable') at the deadline or the request cap.
   */
  waitForSession(sessionId: string, options?: WaitSessionOptions): Promise<StatusRead>;
}

/**
 * The answers that say "nothing is served here": not found, method not allowed, not implemented. On an
 * endpoint the documents do not describe they mean the assumption is wrong, not that the session is gone.
 */
const NO_ENDPOINT_STATUSES: ReadonlySet<number> = new Set([404, 405, 501]);

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
  registerCredential(options.credentials.clientId);
  registerCredential(options.credentials.secretKey);
  const send = createTransport({ ...settings, credentials: options.credentials });
  const createPath = options.createPath ?? FACEVERIFY_DEFAULTS.createPath;
  const statusPath = options.statusPath === undefined ? FACEVERIFY_DEFAULTS.statusPath : options.statusPath;
  const poll = { ...FACEVERIFY_DEFAULTS.poll, ...options.poll };
  let warnedNoEndpoint = false;

  const readStatus = async (sessionId: string, signal?: AbortSignal): Promise<StatusRead> => {
    if (statusPath === null) return { kind: 'no_endpoint', httpStatus: null };
    const what = 'the session status';
    let body: unknown;
    try {
      ({ body } = await send({
        method: 'GET',
        path: statusPath.replace('{sessionId}', encodeURIComponent(sessionId)),
        signal,
      }));
    } catch (error) {
      if (error instanceof HttpError && error.status !== null && NO_ENDPOINT_STATUSES.has(error.status)) {
        if (!warnedNoEndpoint) {
          warnedNoEndpoint = true;
          log.warn(
            'faceverify has no session status endpoint at faceverify.statusPath; results cannot be read, records wait for the customer and then go to review',
            { statusPath, httpStatus: error.status },
          );
        }
        return { kind: 'no_endpoint', httpStatus: error.status };
      }
      throw classify(error, what, patterns);
    }
    const state = readSessionState(body, sessionId);
    if (state) return { kind: 'state', state };
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

    statusConfigured: statusPath !== null,

    readStatus,

    async waitForSession(sessionId, waitOptions = {}) {
      const settings = { ...poll, ...waitOptions.poll };
      const outcome = await waitFor<StatusRead>({
        ...settings,
        clock,
        random: options.random,
        signal: waitOptions.signal,
        poll: async (attempt) => {
          const read = await readStatus(sessionId, waitOptions.signal);
          if (read.kind === 'no_endpoint') return { done: true, value: read };
          waitOptions.onPoll?.(attempt, read.state);
          return read.state.status === 'pending' ? { done: false } : { done: true, value: read };
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
