// "Nothing has happened for this long": one scheduled check at a time, moved on by activity without
// rescheduling on every touch (activity only notes the time; the check, when it runs, looks again). The
// desk's idle sign-out and the self-service kiosk's forget-the-customer both use it. Time comes from the
// injected Timers, so tests move it by hand.
import type { Timers } from './timers';

export interface IdleWatch {
  /** Starts (or restarts) watching, counting from now. */
  start(): void;
  /** Notes activity now. */
  touch(): void;
  stop(): void;
  /** True when watching and the quiet time has passed (even if the scheduled check has not run yet). */
  expired(): boolean;
}

export function createIdleWatch(timers: Timers, idleMs: number, onIdle: () => void): IdleWatch {
  let lastActivity = 0;
  let cancel: (() => void) | null = null;
  const check = () => {
    cancel = null;
    const quietFor = timers.now() - lastActivity;
    if (quietFor >= idleMs) {
      onIdle();
      return;
    }
    cancel = timers.schedule(idleMs - quietFor, check);
  };
  const stop = () => {
    cancel?.();
    cancel = null;
  };
  return {
    start() {
      stop();
      lastActivity = timers.now();
      cancel = timers.schedule(idleMs, check);
    },
    touch() {
      lastActivity = timers.now();
    },
    stop,
    expired: () => cancel !== null && timers.now() - lastActivity >= idleMs,
  };
}
