import { describe, expect, it } from 'vitest';
import { checkSchedule, nominalDelay, pollDelay } from '../../../main/lib/poll-schedule';
import { IDENTIFAI_DEFAULTS } from '../../../main/providers/identifai/client';

describe('poll schedule', () => {
  const schedule = { firstDelayMs: 100, growth: 1.15, maxDelayMs: 5_000, jitter: 0.2, maxPolls: 60 };

  it('grows geometrically from the first delay up to the ceiling', () => {
    expect(nominalDelay(1, schedule)).toBe(100);
    expect(nominalDelay(2, schedule)).toBeCloseTo(115);
    expect(nominalDelay(3, schedule)).toBeCloseTo(132.25);
    expect(nominalDelay(40, schedule)).toBe(5_000);
    expect(nominalDelay(1e9, schedule)).toBe(5_000);
  });

  it('jitter takes at most its share off, never adds', () => {
    expect(pollDelay(1, schedule, () => 0)).toBe(100);
    expect(pollDelay(1, schedule, () => 0.999999)).toBe(80);
    expect(pollDelay(40, schedule, () => 0.5)).toBe(4_500);
  });

  it('sees a job within about (growth − 1) of its duration: the IdentifAI default at 0.4 s and 3 s', () => {
    // Replays the default schedule without jitter, as the waiter runs it (gaps between request starts, a
    // round trip of `rtMs` each), against a job that ends at `jobMs`; the overshoot (seen − jobMs) is what
    // the customer waits for nothing.
    const seenAt = (jobMs: number, rtMs: number) => {
      let t = 0;
      for (let attempt = 1; ; attempt++) {
        if (t + rtMs >= jobMs) return { seen: t + rtMs, polls: attempt };
        t += Math.max(rtMs, nominalDelay(attempt, IDENTIFAI_DEFAULTS.poll));
      }
    };
    const short = seenAt(400, 50);
    const long = seenAt(3_000, 50);
    expect(short.seen - 400).toBeLessThan(200);
    expect(long.seen - 3_000).toBeLessThan(0.2 * 3_000 + 50);
    expect(long.polls).toBeLessThan(20);
  });

  it('names every broken field', () => {
    expect(() => checkSchedule({ ...schedule, growth: 0.9, maxPolls: 1.5 })).toThrow(
      /growth must be ≥ 1.*maxPolls must be a whole number/,
    );
    expect(() => checkSchedule(schedule)).not.toThrow();
  });
});
