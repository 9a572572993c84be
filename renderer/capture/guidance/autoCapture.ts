// Auto-capture as a pure state machine over the Worker's verdicts: once every check has passed for a steady
// `holdMs`, the photo is taken. Any problem in between starts the wait again, so a card that wobbles or a face
// that turns away is not photographed mid-movement.

export type AutoCapture =
  | { phase: 'guiding' }
  /** Every check has passed since `since` (performance.now()). */
  | { phase: 'steady'; since: number }
  | { phase: 'fire'; at: number };

export const AUTO_CAPTURE_START: AutoCapture = { phase: 'guiding' };

export function nextAutoCapture(
  state: AutoCapture,
  verdict: { ok: boolean; at: number },
  holdMs: number,
): AutoCapture {
  if (state.phase === 'fire') return state;
  if (!verdict.ok) return AUTO_CAPTURE_START;
  if (state.phase === 'guiding')
    return holdMs <= 0 ? { phase: 'fire', at: verdict.at } : { phase: 'steady', since: verdict.at };
  return verdict.at - state.since >= holdMs ? { phase: 'fire', at: verdict.at } : state;
}

/** 0 → 1 while the hold runs, for the countdown ring. */
export function holdProgress(state: AutoCapture, now: number, holdMs: number): number {
  if (state.phase === 'fire') return 1;
  if (state.phase === 'guiding' || holdMs <= 0) return 0;
  return Math.min(1, Math.max(0, (now - state.since) / holdMs));
}
