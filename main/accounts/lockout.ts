// When failed sign-ins lock an account, as a pure function of its counters and the time. maxFailures wrong
// passwords in a row lock it for lockoutMs; while locked nothing is checked (the same answer whatever the
// password), and once the time has passed the account starts again with a clean count.
export interface LockoutPolicy {
  maxFailures: number;
  lockoutMs: number;
}

export interface LockoutState {
  failedSignIns: number;
  /** Epoch milliseconds; null when not locked. */
  lockedUntil: number | null;
}

/** Until when the account is locked at `now`, or null. */
export function lockedAt(state: LockoutState, now: number): number | null {
  return state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null;
}

/** The counters after one more wrong password at `now`; lockedNow when this one locked the account. */
export function afterFailure(
  state: LockoutState,
  now: number,
  policy: LockoutPolicy,
): { state: LockoutState; lockedNow: boolean } {
  const locked = lockedAt(state, now);
  // Failures while locked are not counted: they are never checked.
  if (locked !== null) return { state, lockedNow: false };
  // A lock that has run out leaves a clean count behind.
  const failures = (state.lockedUntil === null ? state.failedSignIns : 0) + 1;
  if (failures >= policy.maxFailures) {
    return { state: { failedSignIns: 0, lockedUntil: now + policy.lockoutMs }, lockedNow: true };
  }
  return { state: { failedSignIns: failures, lockedUntil: null }, lockedNow: false };
}

export const afterSuccess = (): LockoutState => ({ failedSignIns: 0, lockedUntil: null });
