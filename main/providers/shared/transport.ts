// What every provider's transport shares: a base URL, one JSON request with a time-out (lib/http), bounded
// retries of transient failures (lib/retry: 5xx, 429, network, time-out) and a log line for each retry. Each
// provider's own transport.ts adds only its headers or signing; each errors.ts maps the HttpError.
import { systemClock, type Clock } from '../../lib/clock';
import { HttpError, type Fetch } from '../../lib/http-error';
import { requestJson, type HttpMethod, type HttpResponse } from '../../lib/http';
import type { Logger } from '../../lib/log';
import { withRetry, type RetryPolicy } from '../../lib/retry';

export interface TransportSettings {
  baseUrl: string;
  fetch: Fetch;
  clock: Clock;
  random?: () => number;
  timeoutMs: number;
  retry: RetryPolicy;
}

/** The transport options every provider client accepts, all optional (each client documents its defaults). */
export interface ClientTransportOptions {
  baseUrl?: string;
  fetch?: Fetch;
  clock?: Clock;
  random?: () => number;
  /** Per HTTP request. */
  timeoutMs?: number;
  /** Extra attempts after a 5xx, 429, network failure or time-out; default 2. */
  retries?: number;
  /** Backoff between those attempts; default 250–4 000 ms. */
  retryDelay?: { minDelayMs: number; maxDelayMs: number };
}

export interface TransportDefaults {
  baseUrl: string;
  timeoutMs: number;
  retries: number;
  retryDelay: { minDelayMs: number; maxDelayMs: number };
}

/** A client's options with the provider's defaults filled in (real fetch, system clock). */
export function transportSettings(
  options: ClientTransportOptions,
  defaults: TransportDefaults,
): TransportSettings {
  return {
    baseUrl: options.baseUrl ?? defaults.baseUrl,
    fetch: options.fetch ?? globalThis.fetch,
    clock: options.clock ?? systemClock,
    random: options.random,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    retry: {
      retries: options.retries ?? defaults.retries,
      ...(options.retryDelay ?? defaults.retryDelay),
    },
  };
}

export interface JsonCall {
  method: HttpMethod;
  /** Under the base URL; may carry a query string. */
  path: string;
  headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON by lib/http. */
  body?: unknown;
  /** Sent as it is instead of `body` (a signed body); the headers then carry the Content-Type. */
  rawBody?: string;
  /**
   * The call creates something the provider bills for (a job, a session, an upload). It is retried here
   * only when the provider certainly did not handle it (refused connection, 429); any other failure may
   * have been handled, so it goes back to the record's next attempt, which logs the duplicate window.
   */
  billable?: boolean;
  signal?: AbortSignal;
}

export interface RetryLogging {
  log: Logger;
  /** e.g. 'retrying Incode request'. */
  message: string;
  /** The fields that lead the log line (attempt, delayMs and error follow); never a secret. */
  fields: (call: JsonCall) => Record<string, unknown>;
}

export interface JsonTransport {
  /** The full URL of a path, as it is sent (faceverify signs it). */
  url(path: string): string;
  /** One call, retried while the failure is transient; the last failure is an HttpError or the abort. */
  send(call: JsonCall): Promise<HttpResponse>;
}

export function createJsonTransport(settings: TransportSettings, logging: RetryLogging): JsonTransport {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const url = (path: string) => base + path;
  return {
    url,
    send: (call) =>
      withRetry(
        () =>
          requestJson(settings.fetch, {
            method: call.method,
            url: url(call.path),
            headers: call.headers,
            body: call.body,
            rawBody: call.rawBody,
            timeoutMs: settings.timeoutMs,
            signal: call.signal,
          }),
        {
          ...settings.retry,
          clock: settings.clock,
          random: settings.random,
          signal: call.signal,
          ...(call.billable
            ? { isRetryable: (error: unknown) => error instanceof HttpError && error.neverHandled }
            : {}),
          onRetry: (error, attempt, delayMs) =>
            logging.log.warn(logging.message, {
              ...logging.fields(call),
              attempt,
              delayMs,
              error: String(error),
            }),
        },
      ),
  };
}
