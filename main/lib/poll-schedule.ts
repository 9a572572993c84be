// How long a waiter sleeps between two status requests. A provider's job is usually short, so the first
// sleeps are short too (a 400 ms job is seen about 100 ms after it ends, not after a fixed second), and each
// sleep grows by a constant factor: the sleep stays a fixed share of the time already waited, so a job that
// takes T is seen within about (growth − 1)·T of its end, whatever T is, and a long job costs requests that
// grow with log T, not with T. A ceiling keeps a long wait from going deaf, and a cap on the number of
// requests keeps one stuck job from sending hundreds. Pure; the randomness is injected.

export interface PollSchedule {
  /** The sleep after the first request (before jitter). */
  firstDelayMs: number;
  /** Each later sleep is the one before × growth (≥ 1), up to maxDelayMs. */
  growth: number;
  maxDelayMs: number;
  /**
   * Share of each sleep taken off at random: 0.2 sleeps 80–100 % of it. Jitter only shortens, so maxDelayMs
   * is a true ceiling; it keeps a row of kiosks that came back online together from polling in step.
   */
  jitter: number;
  /** Requests per wait, the first included; the wait ends after the last one. */
  maxPolls: number;
}

export function checkSchedule(schedule: PollSchedule): void {
  const { firstDelayMs: first, growth, maxDelayMs: max, jitter, maxPolls } = schedule;
  const problems = [
    !(first >= 0) && `firstDelayMs must be ≥ 0 (got ${first})`,
    !(growth >= 1) && `growth must be ≥ 1 (got ${growth})`,
    !(max >= first) && `maxDelayMs must be ≥ firstDelayMs (got ${max} < ${first})`,
    !(jitter >= 0 && jitter < 1) && `jitter must be in [0, 1) (got ${jitter})`,
    !(Number.isInteger(maxPolls) && maxPolls >= 1) && `maxPolls must be a whole number ≥ 1 (got ${maxPolls})`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new RangeError(`poll schedule: ${problems.join('; ')}`);
}

/** The nominal sleep after the `attempt`-th request (1-based), before jitter. */
export function nominalDelay(attempt: number, schedule: PollSchedule): number {
  // The exponent is bounded so a very long wait cannot overflow to Infinity·0 = NaN.
  const grown = schedule.firstDelayMs * schedule.growth ** Math.min(Math.max(0, attempt - 1), 1_000);
  return Math.min(schedule.maxDelayMs, grown);
}

/** The sleep after the `attempt`-th request: the nominal one, shortened by up to `jitter` of it. */
export function pollDelay(attempt: number, schedule: PollSchedule, random: () => number): number {
  const nominal = nominalDelay(attempt, schedule);
  return Math.round(nominal * (1 - schedule.jitter * random()));
}
