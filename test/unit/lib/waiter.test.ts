import { describe, expect, it } from 'vitest';
import { backoffDelay, waitFor, type PollAnswer } from '../../../main/lib/waiter';
import { FakeClock, sequence } from './fake-clock';

const never = async (): Promise<PollAnswer<string>> => ({ done: false });

describe('backoffDelay', () => {
  it('full jitter stays between min and min·2^(n−1), capped at max', () => {
    const opts = { minDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(1, 0, { ...opts, random: () => 0.999 })).toBe(100);
    expect(backoffDelay(3, 0, { ...opts, random: () => 0 })).toBe(100);
    expect(backoffDelay(3, 0, { ...opts, random: () => 0.5 })).toBe(250); // 100 + 0.5·(400 − 100)
    expect(backoffDelay(10, 0, { ...opts, random: () => 0.999999 })).toBe(1_000);
    for (let n = 1; n < 80; n++) {
      const d = backoffDelay(n, 0, { ...opts, random: Math.random });
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(1_000);
    }
  });

  it('decorrelated jitter stays between min and 3·previous, capped at max', () => {
    const opts = { minDelayMs: 100, maxDelayMs: 1_000, jitter: 'decorrelated' as const };
    expect(backoffDelay(2, 200, { ...opts, random: () => 0.999999 })).toBe(600);
    expect(backoffDelay(2, 200, { ...opts, random: () => 0 })).toBe(100);
    expect(backoffDelay(2, 900, { ...opts, random: () => 0.999999 })).toBe(1_000);
  });

  it('refuses a minimum above the maximum', () => {
    expect(() => backoffDelay(1, 0, { minDelayMs: 10, maxDelayMs: 5 })).toThrow(RangeError);
  });
});

describe('waitFor', () => {
  it('returns the value and the number of polls, sleeping between them', async () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    const result = await waitFor({
      poll: async (attempt) => {
        seen.push(attempt);
        return attempt === 3 ? { done: true, value: 'ready' } : { done: false };
      },
      minDelayMs: 100,
      maxDelayMs: 1_000,
      deadlineMs: 60_000,
      clock,
      random: () => 0.999999,
    });
    expect(result).toEqual({ state: 'done', value: 'ready', attempts: 3 });
    expect(seen).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([100, 200]);
  });

  it('does not sleep when the first poll is final', async () => {
    const clock = new FakeClock();
    const result = await waitFor({
      poll: async () => ({ done: true, value: 1 }),
      minDelayMs: 100,
      maxDelayMs: 1_000,
      deadlineMs: 0,
      clock,
    });
    expect(result).toEqual({ state: 'done', value: 1, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it('grows the delay exponentially and never beyond the maximum', async () => {
    const clock = new FakeClock();
    await waitFor({
      poll: never,
      minDelayMs: 100,
      maxDelayMs: 1_000,
      deadlineMs: 5_000,
      clock,
      random: () => 0.999999,
    });
    expect(clock.sleeps.slice(0, 6)).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    for (const s of clock.sleeps) expect(s).toBeLessThanOrEqual(1_000);
  });

  it('times out at the deadline, polling one last time at it, never after', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    const result = await waitFor({
      poll: never,
      minDelayMs: 1_000,
      maxDelayMs: 4_000,
      deadlineMs: 10_000,
      clock,
      random: () => 0.999999,
    });
    // 1 000 + 2 000 + 4 000 = 7 000, then 3 000 clipped to the deadline: five polls.
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 3_000]);
    expect(result).toEqual({ state: 'timeout', attempts: 5 });
    expect(clock.now() - start).toBe(10_000);
  });

  it('counts time spent inside poll against the deadline', async () => {
    const clock = new FakeClock();
    const result = await waitFor({
      poll: async () => {
        clock.advance(3_000); // a slow answer
        return { done: false };
      },
      minDelayMs: 1_000,
      maxDelayMs: 1_000,
      deadlineMs: 7_000,
      clock,
    });
    // polls at 0 (→3 s), 4 s (→7 s): the deadline has passed.
    expect(result).toEqual({ state: 'timeout', attempts: 2 });
  });

  it('uses jitter from the injected random source', async () => {
    const clock = new FakeClock();
    await waitFor({
      poll: never,
      minDelayMs: 100,
      maxDelayMs: 10_000,
      deadlineMs: 1_000,
      clock,
      random: sequence(0, 0.5),
    });
    expect(clock.sleeps.slice(0, 2)).toEqual([100, 150]);
  });

  it('rejects with the abort reason when aborted between polls, and polls no more', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const reason = new Error('kiosk closed');
    let polls = 0;
    const waiting = waitFor({
      poll: async () => {
        polls++;
        if (polls === 2) controller.abort(reason);
        return { done: false };
      },
      minDelayMs: 10,
      maxDelayMs: 10,
      deadlineMs: 60_000,
      clock,
      signal: controller.signal,
    });
    await expect(waiting).rejects.toBe(reason);
    expect(polls).toBe(2);
  });

  it('does not poll at all when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    let polls = 0;
    const waiting = waitFor({
      poll: async () => {
        polls++;
        return { done: false };
      },
      minDelayMs: 10,
      maxDelayMs: 10,
      deadlineMs: 100,
      clock: new FakeClock(),
      signal: controller.signal,
    });
    await expect(waiting).rejects.toThrow('gone');
    expect(polls).toBe(0);
  });

  it('passes a poll error straight through', async () => {
    const failing = waitFor({
      poll: async () => {
        throw new Error('boom');
      },
      minDelayMs: 10,
      maxDelayMs: 10,
      deadlineMs: 100,
      clock: new FakeClock(),
    });
    await expect(failing).rejects.toThrow('boom');
  });
});
