// What the shell does when something breaks, as pure decisions: a renderer that crashed or hung is
// reloaded with the customer's session wiped (a kiosk must come back by itself, and the next person must
// not see the last one's photos); an uncaught error in main relaunches the app instead of leaving a
// frozen window, unless it keeps happening, when a relaunch loop would only hide the fault.

/** Electron's RenderProcessGoneDetails['reason']. */
export type RendererGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export interface RecoveryDecision {
  action: 'reload';
  /** Wait this long first: a renderer that crashes at once again is not reloaded in a tight loop. */
  delayMs: number;
  /** Unsubmitted records and their photos are deleted before the page comes back. */
  wipeSession: true;
}

const RELOAD_DELAYS_MS = [0, 1_000, 5_000, 15_000, 30_000, 60_000] as const;
/** Crashes further apart than this start the count again. */
const CRASH_WINDOW_MS = 5 * 60 * 1000;

/** `recentCrashes`: when earlier renderer losses happened (ms), this one not included. */
export function rendererGoneDecision(recentCrashes: readonly number[], now: number): RecoveryDecision {
  const inWindow = recentCrashes.filter((at) => now - at < CRASH_WINDOW_MS).length;
  const delayMs = RELOAD_DELAYS_MS[Math.min(inWindow, RELOAD_DELAYS_MS.length - 1)] ?? 60_000;
  return { action: 'reload', delayMs, wipeSession: true };
}

/** A page that stops answering gets this long to recover by itself before it is reloaded. */
export const UNRESPONSIVE_GRACE_MS = 10_000;

export function hungRendererDecision(unresponsiveSince: number | null, now: number): 'wait' | 'reload' {
  return unresponsiveSince !== null && now - unresponsiveSince >= UNRESPONSIVE_GRACE_MS ? 'reload' : 'wait';
}

// --- main-process crashes --------------------------------------------------------------------------------

/** Relaunch times travel to the next process on its command line, as one switch. */
export const RELAUNCH_SWITCH = '--loket-relaunched';
const MAX_RELAUNCHES = 5;
const RELAUNCH_WINDOW_MS = 10 * 60 * 1000;

export function parseRelaunches(argv: readonly string[]): number[] {
  const prefix = `${RELAUNCH_SWITCH}=`;
  const arg = argv.find((a) => a.startsWith(prefix));
  if (!arg) return [];
  return arg
    .slice(prefix.length)
    .split(',')
    .map(Number)
    .filter((n) => Number.isFinite(n) && n > 0);
}

export type MainCrashDecision = { action: 'relaunch'; args: string[] } | { action: 'quit'; reason: string };

/** `argv` without the executable: process.argv.slice(1). */
export function mainCrashDecision(argv: readonly string[], now: number): MainCrashDecision {
  const recent = parseRelaunches(argv).filter((at) => now - at < RELAUNCH_WINDOW_MS);
  if (recent.length >= MAX_RELAUNCHES) {
    return {
      action: 'quit',
      reason: `Loket stopped after ${recent.length} restarts in ${RELAUNCH_WINDOW_MS / 60_000} minutes.`,
    };
  }
  const kept = argv.filter((a) => !a.startsWith(`${RELAUNCH_SWITCH}=`));
  return { action: 'relaunch', args: [...kept, `${RELAUNCH_SWITCH}=${[...recent, now].join(',')}`] };
}

/** will-quit: hold the quit until the store has closed (a WAL checkpoint, the last writes), at most this long. */
export const QUIT_GRACE_MS = 10_000;

export function willQuitDecision(state: 'open' | 'closing' | 'closed'): 'hold' | 'proceed' {
  return state === 'closed' ? 'proceed' : 'hold';
}
