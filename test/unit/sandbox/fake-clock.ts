// A clock the test moves by hand. `sleep` waits on the fake time, so nothing in a test sleeps for real.
import type { Clock } from '../../../main/lib/clock';

export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function fakeClock(start = Date.UTC(2021, 11, 13, 6, 25, 2)): FakeClock {
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
