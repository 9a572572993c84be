// Interval arithmetic for splitting a verification's wall time into "a request was in flight", "the client
// was sleeping between polls" and "neither" (the kiosk's own work).

export interface Interval {
  start: number;
  end: number;
}

/** Sorted, disjoint, with touching or overlapping intervals joined. */
export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

export function totalLength(merged: readonly Interval[]): number {
  return merged.reduce((sum, i) => sum + (i.end - i.start), 0);
}

/** Length of the overlap of two merged (sorted, disjoint) lists. */
export function overlapLength(a: readonly Interval[], b: readonly Interval[]): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (!x || !y) break;
    sum += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end < y.end) i++;
    else j++;
  }
  return sum;
}
