// A waiter, not a setInterval: poll, and between polls sleep an exponentially growing, jittered delay
// bounded by a minimum and a maximum, until the answer is final or a hard deadline (measured with the
// injected clock) passes. Jitter keeps a row of kiosks that came back online together from polling in step.
import { abortReason, type Clock } from './clock';

export type PollAnswer<T> = { done: true; value: T } | { done: false };
export type WaitResult<T> =
  { state: 'done'; value: T; attempts: number } | { state: 'timeout'; attempts: number };

/** full: uniform in [min, min·2^(n−1)] capped at max; decorrelated: uniform in [min, 3·previous] capped at max. */
export type Jitter = 'full' | 'decorrelated';

export interface BackoffOptions {
  minDelayMs: number;
  maxDelayMs: number;
  jitter?: Jitter;
  /** [0, 1); injected so tests are deterministic. */
  random?: () => number;
}

export interface WaitOptions<T> extends BackoffOptions {
  /** attempt counts from 1. A thrown error ends the wait with that error. */
  poll: (attempt: number) => Promise<PollAnswer<T>>;
  /** From the first poll; no poll starts after it. */
  deadlineMs: number;
  clock: Clock;
  signal?: AbortSignal;
}

/** The delay after the `attempt`-th try (1-based), given the previous delay (for decorrelated jitter). */
export function backoffDelay(attempt: number, previousDelayMs: number, options: BackoffOptions): number {
  const { minDelayMs: min, maxDelayMs: max } = options;
  if (!(min >= 0) || !(max >= min)) throw new RangeError(`backoff needs 0 ≤ min ≤ max (got ${min}, ${max})`);
  const random = options.random ?? Math.random;
  const ceiling =
    options.jitter === 'decorrelated'
      ? Math.min(max, Math.max(min, previousDelayMs * 3))
      : Math.min(max, min * 2 ** Math.min(attempt - 1, 52));
  return Math.round(min + random() * (ceiling - min));
}

export async function waitFor<T>(options: WaitOptions<T>): Promise<WaitResult<T>> {
  const { clock, signal } = options;
  if (!(options.deadlineMs >= 0)) throw new RangeError('deadlineMs must be ≥ 0');
  const deadline = clock.now() + options.deadlineMs;
  let previousDelay = options.minDelayMs;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    const answer = await options.poll(attempt);
    if (answer.done) return { state: 'done', value: answer.value, attempts: attempt };

    const remaining = deadline - clock.now();
    if (remaining <= 0) return { state: 'timeout', attempts: attempt };
    const delay = backoffDelay(attempt, previousDelay, options);
    previousDelay = delay;
    // Never sleep past the deadline: the last poll happens at the deadline, not after it.
    await clock.sleep(Math.min(delay, remaining), signal);
  }
}
