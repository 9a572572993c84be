// How often the renderer tells main that someone is at the screen (session.activity). Main resets its idle
// clocks on each report (the desk's sign-out, the self-service backstop wipe), so a report every few seconds
// of constant tapping would be noise; one per interval, on the first touch of it, is enough.

/** True at most once per `intervalMs`: on the first call, then on the first call after each interval. */
export function createThrottle(intervalMs: number, now: () => number): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    const time = now();
    if (time - last < intervalMs) return false;
    last = time;
    return true;
  };
}

/**
 * The reporting interval for an idle limit: every 30 s at most, and at least three reports inside the limit,
 * so a short setting (a test's, or a strict branch's) still never signs out someone who is working.
 */
export function activityIntervalMs(idleMs: number): number {
  return Math.max(500, Math.min(30_000, Math.floor(idleMs / 3)));
}
