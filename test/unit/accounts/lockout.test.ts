import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, lockedAt, type LockoutState } from '../../../main/accounts/lockout';

const POLICY = { maxFailures: 5, lockoutMs: 15 * 60_000 };
const T = 1_800_000_000_000;

function fail(times: number, state: LockoutState = afterSuccess(), now = T) {
  let current = state;
  let lockedNow = false;
  for (let i = 0; i < times; i += 1) ({ state: current, lockedNow } = afterFailure(current, now, POLICY));
  return { state: current, lockedNow };
}

describe('the lockout rule', () => {
  it('counts four failures without locking; the fifth locks for the lockout time', () => {
    expect(fail(4)).toEqual({ state: { failedSignIns: 4, lockedUntil: null }, lockedNow: false });
    const fifth = fail(5);
    expect(fifth).toEqual({
      state: { failedSignIns: 0, lockedUntil: T + POLICY.lockoutMs },
      lockedNow: true,
    });
    expect(lockedAt(fifth.state, T + POLICY.lockoutMs - 1)).toBe(T + POLICY.lockoutMs);
    expect(lockedAt(fifth.state, T + POLICY.lockoutMs)).toBeNull();
  });

  it('neither counts nor extends failures while locked', () => {
    const locked = fail(5).state;
    expect(afterFailure(locked, T + 60_000, POLICY)).toEqual({ state: locked, lockedNow: false });
  });

  it('starts with a clean count once the lock has run out', () => {
    const locked = fail(5).state;
    const after = afterFailure(locked, T + POLICY.lockoutMs + 1, POLICY);
    expect(after).toEqual({ state: { failedSignIns: 1, lockedUntil: null }, lockedNow: false });
  });

  it('forgets failures after a success', () => {
    expect(afterSuccess()).toEqual({ failedSignIns: 0, lockedUntil: null });
    expect(fail(4, afterSuccess()).state.failedSignIns).toBe(4);
  });

  it('locks at once with a policy of one failure', () => {
    expect(afterFailure(afterSuccess(), T, { ...POLICY, maxFailures: 1 }).lockedNow).toBe(true);
  });
});
