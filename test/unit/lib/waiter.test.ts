import { describe, expect, it } from 'vitest';
import { backoffDelay, waitFor, type PollAnswer } from '../../../main/lib/waiter';
import { FakeClock, sequence } from './fake-clock';

/** A plain schedule for these tests: ×2 per poll, no jitter unless a test asks. */
const schedule = { firstDelayMs: 100, growth: 2, maxDelayMs: 1_000, jitter: 0, maxPolls: 1_000 };

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
      ...schedule,
      poll: async (attempt) => {
        seen.push(attempt);
        return attempt === 3 ? { done: true, value: 'ready' } : { done: false };
      },
      deadlineMs: 60_000,
      clock,
    });
    expect(result).toEqual({ state: 'done', value: 'ready', attempts: 3 });
    expect(seen).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([100, 200]);
  });

  it('does not sleep when the first poll is final', async () => {
    const clock = new FakeClock();
    const result = await waitFor({
      ...schedule,
      poll: async () => ({ done: true, value: 1 }),
      deadlineMs: 0,
      clock,
    });
    expect(result).toEqual({ state: 'done', value: 1, attempts: 1 });
    expect(clock.sleeps).toEqual([]);
  });

  it('starts short and grows by the factor, never beyond the ceiling', async () => {
    const clock = new FakeClock();
    await waitFor({ ...schedule, growth: 1.5, poll: never, deadlineMs: 5_000, clock });
    expect(clock.sleeps.slice(0, 7)).toEqual([100, 150, 225, 338, 506, 759, 1_000]);
    for (const s of clock.sleeps) expect(s).toBeLessThanOrEqual(1_000);
  });

  it('jitter only shortens a sleep, by at most its share, drawn from the injected random source', async () => {
    const clock = new FakeClock();
    await waitFor({
      ...schedule,
      jitter: 0.2,
      poll: never,
      deadlineMs: 2_000,
      clock,
      random: sequence(0, 0.5, 0.999999),
    });
    // nominal 100, 200, 400, 800: 100 % of the first, 90 % of the second, ~80 % of the third, then again.
    expect(clock.sleeps.slice(0, 4)).toEqual([100, 180, 320, 800]);
    const jittered = new FakeClock();
    await waitFor({ ...schedule, jitter: 0.2, poll: never, deadlineMs: 60_000, clock: jittered });
    for (const s of jittered.sleeps.slice(0, -1)) {
      expect(s).toBeLessThanOrEqual(1_000);
      expect(s).toBeGreaterThanOrEqual(80);
    }
  });

  it('times out at the deadline, polling one last time at it, never after', async () => {
    const clock = new FakeClock();
    const start = clock.now();
    const result = await waitFor({
      ...schedule,
      firstDelayMs: 1_000,
      maxDelayMs: 4_000,
      poll: never,
      deadlineMs: 10_000,
      clock,
    });
    // 1 000 + 2 000 + 4 000 = 7 000, then 3 000 clipped to the deadline: five polls.
    expect(clock.sleeps).toEqual([1_000, 2_000, 4_000, 3_000]);
    expect(result).toEqual({ state: 'timeout', attempts: 5, reason: 'deadline', elapsedMs: 10_000 });
    expect(clock.now() - start).toBe(10_000);
  });

  it('stops after maxPolls requests, before the deadline', async () => {
    const clock = new FakeClock();
    let polls = 0;
    const result = await waitFor({
      ...schedule,
      maxPolls: 4,
      poll: async () => {
        polls++;
        return { done: false };
      },
      deadlineMs: 60_000,
      clock,
    });
    expect(polls).toBe(4);
    // No sleep after the last allowed request: the caller hears of it at once.
    expect(clock.sleeps).toEqual([100, 200, 400]);
    expect(result).toEqual({ state: 'timeout', attempts: 4, reason: 'max_polls', elapsedMs: 700 });
  });

  it('counts time spent inside poll against the deadline', async () => {
    const clock = new FakeClock();
    const result = await waitFor({
      ...schedule,
      firstDelayMs: 1_000,
      growth: 1,
      poll: async () => {
        clock.advance(3_000); // a slow answer
        return { done: false };
      },
      deadlineMs: 7_000,
      clock,
    });
    // polls at 0 (→3 s), 3 s (→6 s), 6 s (→9 s): the deadline has passed. No sleeps: each answer took longer
    // than the gap the schedule asked for.
    expect(result).toMatchObject({ state: 'timeout', attempts: 3, reason: 'deadline' });
    expect(clock.sleeps).toEqual([]);
  });

  it('the schedule is of start times: a poll’s own duration is taken off the sleep after it', async () => {
    const clock = new FakeClock();
    const started: number[] = [];
    const t0 = clock.now();
    await waitFor({
      ...schedule,
      poll: async (attempt) => {
        started.push(clock.now() - t0);
        clock.advance(60); // the round trip
        return attempt === 4 ? { done: true, value: 'x' } : { done: false };
      },
      deadlineMs: 60_000,
      clock,
    });
    // Nominal gaps 100, 200, 400 between starts, whatever the 60 ms round trip.
    expect(started).toEqual([0, 100, 300, 700]);
    expect(clock.sleeps).toEqual([40, 140, 340]);
  });

  it('refuses a schedule that cannot work', async () => {
    const clock = new FakeClock();
    for (const bad of [
      { growth: 0.5 },
      { jitter: 1 },
      { maxPolls: 0 },
      { maxDelayMs: 50 },
      { firstDelayMs: -1 },
    ]) {
      await expect(waitFor({ ...schedule, ...bad, poll: never, deadlineMs: 1_000, clock })).rejects.toThrow(
        RangeError,
      );
    }
  });

  it('rejects with the abort reason when aborted between polls, and polls no more', async () => {
    const clock = new FakeClock();
    const controller = new AbortController();
    const reason = new Error('kiosk closed');
    let polls = 0;
    const waiting = waitFor({
      ...schedule,
      poll: async () => {
        polls++;
        if (polls === 2) controller.abort(reason);
        return { done: false };
      },
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
      ...schedule,
      poll: async () => {
        polls++;
        return { done: false };
      },
      deadlineMs: 100,
      clock: new FakeClock(),
      signal: controller.signal,
    });
    await expect(waiting).rejects.toThrow('gone');
    expect(polls).toBe(0);
  });

  it('passes a poll error straight through', async () => {
    const failing = waitFor({
      ...schedule,
      poll: async () => {
        throw new Error('boom');
      },
      deadlineMs: 100,
      clock: new FakeClock(),
    });
    await expect(failing).rejects.toThrow('boom');
  });
});
