// A waiter, not a setInterval: poll, and between polls sleep as the poll schedule says (short at first,
// growing, jittered, with a ceiling; see poll-schedule.ts), until the answer is final, the request cap is
// reached, or a hard deadline (measured with the injected clock) passes. An AbortSignal stops it at once.
// The schedule says when requests *start*: the time a poll took counts towards the sleep after it, so a slow
// branch line (or a slow answer) does not stretch the gaps, and the customer is not kept waiting a round
// trip per poll longer than the schedule. Only one request is ever in flight.
// backoffDelay is the retry policy's backoff (lib/retry), which shares the jitter vocabulary.
import { abortReason, type Clock } from './clock';
import { checkSchedule, pollDelay, type PollSchedule } from './poll-schedule';

export type { PollSchedule } from './poll-schedule';

export type PollAnswer<T> = { done: true; value: T } | { done: false };

/** Why a wait ended without a final answer: its deadline passed, or it sent its last allowed request. */
export type WaitEnd = 'deadline' | 'max_polls';

export type WaitResult<T> =
  | { state: 'done'; value: T; attempts: number }
  | { state: 'timeout'; attempts: number; reason: WaitEnd; elapsedMs: number };

/** A poll schedule and the hard deadline of one wait: what each provider client's `poll` option holds. */
export interface PollSettings extends PollSchedule {
  /** From the first poll; no poll starts after it. */
  deadlineMs: number;
}

export interface WaitOptions<T> extends PollSettings {
  /** attempt counts from 1. A thrown error ends the wait with that error. */
  poll: (attempt: number) => Promise<PollAnswer<T>>;
  clock: Clock;
  /** [0, 1); injected so tests are deterministic. */
  random?: () => number;
  signal?: AbortSignal;
}

export async function waitFor<T>(options: WaitOptions<T>): Promise<WaitResult<T>> {
  const { clock, signal } = options;
  if (!(options.deadlineMs >= 0)) throw new RangeError('deadlineMs must be ≥ 0');
  checkSchedule(options);
  const random = options.random ?? Math.random;
  const started = clock.now();
  const deadline = started + options.deadlineMs;

  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    const pollStarted = clock.now();
    const answer = await options.poll(attempt);
    if (answer.done) return { state: 'done', value: answer.value, attempts: attempt };

    const ended = (reason: WaitEnd): WaitResult<T> => ({
      state: 'timeout',
      attempts: attempt,
      reason,
      elapsedMs: clock.now() - started,
    });
    if (attempt >= options.maxPolls) return ended('max_polls');
    const remaining = deadline - clock.now();
    if (remaining <= 0) return ended('deadline');
    const took = clock.now() - pollStarted;
    const sleep = Math.max(0, pollDelay(attempt, options, random) - took);
    // Never sleep past the deadline: the last poll happens at the deadline, not after it.
    if (sleep > 0) await clock.sleep(Math.min(sleep, remaining), signal);
  }
}

/** full: uniform in [min, min·2^(n−1)] capped at max; decorrelated: uniform in [min, 3·previous] capped at max. */
export type Jitter = 'full' | 'decorrelated';

export interface BackoffOptions {
  minDelayMs: number;
  maxDelayMs: number;
  jitter?: Jitter;
  /** [0, 1); injected so tests are deterministic. */
  random?: () => number;
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
