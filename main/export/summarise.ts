// The day at a glance: counts by status, decision, provider and operator, records per local hour (by
// decision), and the median time from submission to decision. Pure and incremental: the PDF feeds it one
// row at a time during its first pass (memory: one number per decided record for the median), and the
// supervisor's console will feed it the same rows.
import type { LocalTime } from '../lib/local-day';

export const HOUR_DECISIONS = ['verified', 'not_verified', 'needs_review', 'undecided'] as const;
export type HourDecision = (typeof HOUR_DECISIONS)[number];

export interface SummaryInput {
  status: string;
  decision: string | null;
  provider: string;
  operator: string | null;
  training: boolean;
  createdAt: number;
  secondsToDecision: number | null;
}

export interface DaySummary {
  records: number;
  training: number;
  byStatus: Record<string, number>;
  byDecision: Record<string, number>;
  byProvider: Record<string, number>;
  /** 'none' for records no member of staff acted on. */
  byOperator: Record<string, number>;
  /** 24 local hours (summed over the days of a range), each by decision. */
  perHour: Array<Record<HourDecision, number>>;
  /** Over decided records; null when there are none. */
  medianSecondsToDecision: number | null;
}

export interface Summariser {
  add(row: SummaryInput): void;
  result(): DaySummary;
}

/** `local` turns an instant into the kiosk's wall clock (main/lib/local-day.ts localClock). */
export function createSummariser(local: (ms: number) => LocalTime): Summariser {
  const summary: DaySummary = {
    records: 0,
    training: 0,
    byStatus: {},
    byDecision: {},
    byProvider: {},
    byOperator: {},
    perHour: Array.from({ length: 24 }, () => ({
      verified: 0,
      not_verified: 0,
      needs_review: 0,
      undecided: 0,
    })),
    medianSecondsToDecision: null,
  };
  let durations = new Float64Array(1024);
  let n = 0;
  return {
    add(row) {
      summary.records += 1;
      if (row.training) summary.training += 1;
      bump(summary.byStatus, row.status);
      bump(summary.byDecision, row.decision ?? 'none');
      bump(summary.byProvider, row.provider);
      bump(summary.byOperator, row.operator ?? 'none');
      const hour = local(row.createdAt).wallClock.getUTCHours();
      const bucket = summary.perHour[hour];
      if (bucket) bucket[hourDecision(row.decision)] += 1;
      if (row.secondsToDecision !== null) {
        if (n === durations.length) {
          const grown = new Float64Array(durations.length * 2);
          grown.set(durations);
          durations = grown;
        }
        durations[n++] = row.secondsToDecision;
      }
    },
    result() {
      return { ...summary, medianSecondsToDecision: median(durations.subarray(0, n)) };
    },
  };
}

export function summarise(rows: Iterable<SummaryInput>, local: (ms: number) => LocalTime): DaySummary {
  const summariser = createSummariser(local);
  for (const row of rows) summariser.add(row);
  return summariser.result();
}

function hourDecision(decision: string | null): HourDecision {
  return decision === 'verified' || decision === 'not_verified' || decision === 'needs_review'
    ? decision
    : 'undecided';
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: Float64Array): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
