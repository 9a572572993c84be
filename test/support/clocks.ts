// The clocks tests drive time with (main/lib/clock's Clock), in one place:
// - FakeClock: time moves only when someone sleeps (or the test advances it); sleeps return at once and are
//   recorded. For unit tests of retries, polling and expiry.
// - manualClock(): time moves only when the test moves it, and a sleep waits until the fake time reaches
//   its end. For code that must really be parked until the test says so (the sandbox's expiry timers).
// - ShiftClock: real time plus an offset the test can push forward, with real sleeps. For integration tests
//   over real HTTP (token, job or session expiry without waiting).
// - manualTimers(): main/lib/timers' Timers run only when the test advances them. For the store's
//   checkpointer, whose work is scheduled callbacks rather than awaited sleeps.
import { abortReason, systemClock, type Clock } from '../../main/lib/clock';
import type { Timers } from '../../main/lib/timers';

export class FakeClock implements Clock {
  /** Every delay asked for, in order. */
  readonly sleeps: number[] = [];
  constructor(public time = Date.UTC(2024, 4, 1, 9, 0, 0)) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function manualClock(start = Date.UTC(2021, 11, 13, 6, 25, 2)): ManualClock {
  let now = start;
  let waiters: Array<{ at: number; resolve: () => void }> = [];
  const wake = () => {
    const due = waiters.filter((w) => w.at <= now);
    waiters = waiters.filter((w) => w.at > now);
    for (const w of due) w.resolve();
  };
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        waiters.push({ at: now + ms, resolve });
        wake();
      }),
    advance(ms) {
      now += ms;
      wake();
    },
    set(epochMs) {
      now = epochMs;
      wake();
    },
  };
}

export class ShiftClock implements Clock {
  offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms, signal);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

/** A deterministic [0, 1) sequence that repeats (a `random` for jitter). */
export function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

export interface ManualTimers extends Timers {
  /** Moves time on by ms, running every callback due by then in time order (also ones scheduled meanwhile). */
  advance(ms: number): void;
  /** Callbacks scheduled and neither run nor cancelled. */
  readonly pending: number;
}

/** Timers (main/lib/timers) whose time moves only when the test moves it: no sleeps, no real timers. */
export function manualTimers(start = 0): ManualTimers {
  let now = start;
  let nextId = 0;
  const tasks = new Map<number, { at: number; fn: () => void }>();
  const due = (until: number) =>
    [...tasks.entries()]
      .filter(([, task]) => task.at <= until)
      .sort(([a, x], [b, y]) => x.at - y.at || a - b);
  return {
    now: () => now,
    schedule(ms, fn) {
      const id = nextId++;
      tasks.set(id, { at: now + Math.max(0, ms), fn });
      return () => void tasks.delete(id);
    },
    advance(ms) {
      const until = now + ms;
      for (let next = due(until)[0]; next; next = due(until)[0]) {
        const [id, task] = next;
        tasks.delete(id);
        now = Math.max(now, task.at);
        task.fn();
      }
      now = until;
    },
    get pending() {
      return tasks.size;
    },
  };
}
