// Callbacks run later, as a dependency: the store's checkpointer schedules its work through this, so its
// tests drive time by hand (test/support/clocks.ts manualTimers) instead of sleeping.
export interface Timers {
  now(): number;
  /** Runs fn once after ms (0: on the next turn of the event loop, after the work now running). Returns
   *  a function that cancels it; cancelling after it ran does nothing. */
  schedule(ms: number, fn: () => void): () => void;
}

/**
 * Node's timers, unref'd: pending background work (a checkpoint) is never a reason for a process to stay
 * alive; whoever owns that work finishes it on close.
 */
export const systemTimers: Timers = {
  now: () => Date.now(),
  schedule(ms, fn) {
    if (ms <= 0) {
      const immediate = setImmediate(fn);
      immediate.unref();
      return () => clearImmediate(immediate);
    }
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
