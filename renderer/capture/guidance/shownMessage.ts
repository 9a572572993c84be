// Which guidance message is on screen. A new problem replaces the shown one at once unless the shown one has
// been up for less than `minShowMs`: messages then stay long enough to be read instead of flickering between
// two checks that take turns on a borderline frame. "All good" (null) is shown at once: the green guide is
// the cue the person is waiting for.
import type { Problem } from './protocol';

export interface Shown {
  problem: Problem | null;
  since: number;
}

export const SHOWN_START: Shown = { problem: null, since: -Infinity };

export function nextShown(shown: Shown, problem: Problem | null, now: number, minShowMs: number): Shown {
  if (problem === shown.problem) return shown;
  if (problem !== null && shown.problem !== null && now - shown.since < minShowMs) return shown;
  return { problem, since: now };
}
