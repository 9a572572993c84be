// What an export covers: one local day or a range of them, in the kiosk's zone (main/lib/local-day.ts).
import { dayRange, parseDay } from '../lib/local-day';

export interface ExportRange {
  /** First and last local day, YYYY-MM-DD, inclusive. */
  firstDay: string;
  lastDay: string;
  /** The IANA zone the days are in. */
  zone: string;
  /** The same as UTC instants: [from, to). */
  from: string;
  to: string;
}

/** The longest range one export may cover: a quarter, so a typo in --to cannot ask for decades. */
export const MAX_RANGE_DAYS = 92;

export function exportRange(firstDay: string, lastDay: string = firstDay, zone: string): ExportRange {
  const { from, to } = dayRange(firstDay, lastDay, zone);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  if (days > MAX_RANGE_DAYS)
    throw new RangeError(`an export covers at most ${MAX_RANGE_DAYS} days (asked: ${days})`);
  parseDay(lastDay);
  return { firstDay, lastDay, zone, from, to };
}

/** '2026-01-05' or '2026-01-05 – 2026-01-07'. */
export function describeRange(range: Pick<ExportRange, 'firstDay' | 'lastDay'>): string {
  return range.firstDay === range.lastDay ? range.firstDay : `${range.firstDay} – ${range.lastDay}`;
}
