import { describe, expect, it } from 'vitest';
import { nextAttemptDelay } from '../../../main/sync/backoff';

const policy = { baseMs: 5_000, capMs: 60_000 };

describe('nextAttemptDelay', () => {
  it('doubles the ceiling per attempt, with full jitter below it', () => {
    expect(nextAttemptDelay(1, policy, () => 1)).toBe(5_000);
    expect(nextAttemptDelay(2, policy, () => 1)).toBe(10_000);
    expect(nextAttemptDelay(3, policy, () => 1)).toBe(20_000);
    expect(nextAttemptDelay(3, policy, () => 0.5)).toBe(10_000);
  });

  it('never exceeds the cap, however many attempts', () => {
    for (const attempts of [5, 10, 50, 1_000]) {
      expect(nextAttemptDelay(attempts, policy, () => 0.999_999)).toBeLessThanOrEqual(60_000);
    }
  });

  it('waits at least a second, so a queue never spins', () => {
    expect(nextAttemptDelay(1, policy, () => 0)).toBe(1_000);
  });

  it("honours the provider's Retry-After even above the jittered delay", () => {
    expect(nextAttemptDelay(1, policy, () => 0.1, 30_000)).toBe(30_000);
    expect(nextAttemptDelay(6, policy, () => 1, 2_000)).toBe(60_000);
  });
});
