import { describe, expect, it } from 'vitest';
import { activityIntervalMs, createThrottle } from '../../../../renderer/components/throttle';
import { secondsLeft } from '../../../../renderer/components/useCountdown';

describe('the activity report throttle', () => {
  it('lets the first touch through, then one per interval', () => {
    let now = 1_000;
    const due = createThrottle(30_000, () => now);
    expect(due()).toBe(true);
    now += 29_999;
    expect(due()).toBe(false);
    now += 1;
    expect(due()).toBe(true);
    expect(due()).toBe(false);
  });

  it('reports every 30 s at most, and three times at least inside a short idle limit', () => {
    expect(activityIntervalMs(10 * 60_000)).toBe(30_000);
    expect(activityIntervalMs(60_000)).toBe(20_000);
    expect(activityIntervalMs(6_000)).toBe(2_000);
    expect(activityIntervalMs(600)).toBe(500);
  });
});

describe('a countdown read from its deadline', () => {
  it('counts whole seconds up, and never below zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 1)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 60_000)).toBe(0);
  });
});
