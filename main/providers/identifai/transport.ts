// One HTTP call to IdentifAI: base URL, time-out and bounded retries of transient failures in one place.
import type { Clock } from '../../lib/clock';
import type { Fetch } from '../../lib/http-error';
import { requestJson, type HttpMethod, type HttpResponse } from '../../lib/http';
import { withRetry, type RetryPolicy } from '../../lib/retry';
import { createLogger } from '../../lib/log';

export interface TransportOptions {
  baseUrl: string;
  fetch: Fetch;
  clock: Clock;
  random?: () => number;
  timeoutMs: number;
  retry: RetryPolicy;
}

export interface SendOptions {
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  signal?: AbortSignal;
}

export type Send = (method: HttpMethod, path: string, options?: SendOptions) => Promise<HttpResponse>;

const log = createLogger('identifai');

export function createTransport(options: TransportOptions): Send {
  const base = options.baseUrl.replace(/\/+$/, '');
  return (method, path, { headers, body, signal } = {}) =>
    withRetry(
      () =>
        requestJson(options.fetch, {
          method,
          url: base + path,
          headers,
          body,
          timeoutMs: options.timeoutMs,
          signal,
        }),
      {
        ...options.retry,
        clock: options.clock,
        random: options.random,
        signal,
        onRetry: (error, attempt, delayMs) =>
          log.warn('retrying IdentifAI request', {
            path: redactPath(path),
            attempt,
            delayMs,
            error: String(error),
          }),
      },
    );
}

/** Job ids are not secret, but they are long and noisy in a log line. */
function redactPath(path: string): string {
  return path.replace(/\/v1\/jobs\/.+$/, '/v1/jobs/…');
}
