// One HTTP call to Incode: base URL, the mandatory headers, time-out and bounded retries of transient
// failures (5xx, 429, network, time-out) in one place. The API key and session tokens are registered as
// secrets, so no log line or error message can carry them.
import type { Clock } from '../../lib/clock';
import type { Fetch } from '../../lib/http-error';
import { requestJson, type HttpMethod, type HttpResponse } from '../../lib/http';
import { createLogger } from '../../lib/log';
import { registerSecret } from '../../lib/redact';
import { withRetry, type RetryPolicy } from '../../lib/retry';

export const API_VERSION = '1.0';
export const HARDWARE_ID_HEADER = 'X-Incode-Hardware-Id';

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  fetch: Fetch;
  clock: Clock;
  random?: () => number;
  timeoutMs: number;
  retry: RetryPolicy;
}

export interface SendOptions {
  /** The session token from /omni/start; sent as X-Incode-Hardware-Id. Absent only for /omni/start. */
  token?: string;
  body?: unknown;
  signal?: AbortSignal;
}

export type Send = (method: HttpMethod, path: string, options?: SendOptions) => Promise<HttpResponse>;

const log = createLogger('incode');

export function createTransport(options: TransportOptions): Send {
  const base = options.baseUrl.replace(/\/+$/, '');
  registerSecret(options.apiKey);
  return (method, path, { token, body, signal } = {}) => {
    const headers: Record<string, string> = {
      'x-api-key': options.apiKey,
      'api-version': API_VERSION,
      'Content-Type': 'application/json',
    };
    if (token !== undefined) {
      registerSecret(token);
      headers[HARDWARE_ID_HEADER] = token;
    }
    return withRetry(
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
          log.warn('retrying Incode request', {
            path: path.split('?')[0],
            attempt,
            delayMs,
            error: String(error),
          }),
      },
    );
  };
}
