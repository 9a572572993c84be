// When a record that could not be sent is tried again: exponential backoff with full jitter, capped, and
// never sooner than the provider asked (429 Retry-After). Full jitter spreads a branch's queued records
// so that a provider coming back is not hit by all of them at the same instant.
export interface BackoffPolicy {
  /** Delay ceiling of the first retry. */
  baseMs: number;
  /** No retry waits longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, capMs: 15 * 60_000 };

/** `attempts` counts the attempts made so far (1 after the first failure). */
export function nextAttemptDelay(
  attempts: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.round(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0, 1_000);
}
