// Bounded retries for failures worth another try (HttpError.retryable: 5xx, 429, network, time-out), with the
// same jittered backoff as the waiter, never sooner than an answer's Retry-After. A Retry-After longer than
// the longest in-place wait is not waited out here: the failure goes back to the caller (the sync engine
// schedules the record's next attempt after it). Anything else, and a caller's abort, goes straight back.
import { abortReason, type Clock } from './clock';
import { HttpError } from './http-error';
import { backoffDelay, type Jitter } from './waiter';

export interface RetryPolicy {
  /** Extra attempts after the first one; 0 means try once. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  jitter?: Jitter;
}

export interface RetryOptions extends RetryPolicy {
  clock: Clock;
  random?: () => number;
  signal?: AbortSignal;
  isRetryable?: (error: unknown) => boolean;
  /** Told about each failure that will be retried, e.g. for a log line. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, minDelayMs: 250, maxDelayMs: 4_000 };

export function isRetryableHttpError(error: unknown): boolean {
  return error instanceof HttpError && error.retryable;
}

export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { clock, signal } = options;
  const isRetryable = options.isRetryable ?? isRetryableHttpError;
  const retries = Math.max(0, Math.floor(options.retries));
  let previousDelay = options.minDelayMs;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    try {
      return await operation(attempt);
    } catch (error) {
      if (signal?.aborted) throw abortReason(signal);
      if (attempt > retries || !isRetryable(error)) throw error;
      const asked = error instanceof HttpError ? error.retryAfterMs : null;
      if (asked !== null && asked > options.maxDelayMs) throw error;
      const backoff = backoffDelay(attempt, previousDelay, { ...options, random: options.random });
      const delay = Math.max(backoff, asked ?? 0);
      previousDelay = delay;
      options.onRetry?.(error, attempt, delay);
      await clock.sleep(delay, signal);
    }
  }
}
