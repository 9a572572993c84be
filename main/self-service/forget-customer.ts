// The unattended kiosk forgets its customer when they walk away. The renderer shows the countdown after
// selfService.idleSeconds without a touch and ends the session (selfService.endSession) when it runs out;
// this is main's own backstop for a page that never does (stuck, or closed): after the idle time, the
// countdown and a grace period with no activity at all, unsubmitted records and their photos are wiped.
import { createIdleWatch } from '../lib/idle-watch';
import type { Timers } from '../lib/timers';

/** Past the renderer's own countdown, so on a working page the renderer always ends the session first. */
export const BACKSTOP_GRACE_MS = 10_000;

export interface CustomerForgetter {
  touch(): void;
  stop(): void;
}

export function startForgettingCustomers(options: {
  timers: Timers;
  idleSeconds: number;
  countdownSeconds: number;
  /** Wipes the unsubmitted work; says how many records went. */
  wipe(): number;
  /** Something was wiped: the screen goes back to attract. */
  onWiped(): void;
}): CustomerForgetter {
  const quietMs = (options.idleSeconds + options.countdownSeconds) * 1000 + BACKSTOP_GRACE_MS;
  const watch = createIdleWatch(options.timers, quietMs, () => {
    if (options.wipe() > 0) options.onWiped();
    watch.start();
  });
  watch.start();
  return { touch: () => watch.touch(), stop: () => watch.stop() };
}
