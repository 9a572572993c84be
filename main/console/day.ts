// The day at a glance: the export's own row source and summary (main/export/rows.ts, summarise.ts), so the
// console and the PDF day report count the same records the same way. Real and training records are
// summarised apart; the training ones are counted always and shown only when asked for.
import type { DayCounts, DaySummary } from '../../common/console';
import { oldestWaitingSince } from '../store/retention-queries';
import type { Store } from '../store/connection';
import { localClock, type LocalTime } from '../lib/local-day';
import { listAccounts } from '../accounts/repository';
import { exportRange } from '../export/range';
import { exportRows } from '../export/rows';
import { createSummariser, type DaySummary as Summary } from '../export/summarise';
import { countAwaitingReview } from './queries';

export interface DayDeps {
  store: Store;
  /** The kiosk's zone (main/lib/local-day.ts kioskTimeZone). */
  zone: string;
}

export function daySummary(deps: DayDeps, day: string, includeTraining: boolean): DaySummary {
  const { store, zone } = deps;
  const range = exportRange(day, day, zone);
  const local: (ms: number) => LocalTime = localClock(zone);
  const real = createSummariser(local);
  const training = createSummariser(local);
  // Masked rows: the summary needs no NIK, and the row source then reads no name at all.
  for (const row of exportRows(store.db, { range, masked: true, includeTraining: true, kioskId: '' })) {
    (row.training ? training : real).add(row);
  }
  const trainingSummary = training.result();
  return {
    day,
    zone,
    counts: counts(real.result()),
    trainingRecords: trainingSummary.records,
    training: includeTraining ? counts(trainingSummary) : null,
    awaitingReview: countAwaitingReview(store),
    oldestWaitingSince: oldestWaitingSince(store),
    staff: listAccounts(store).map(({ id, name, role }) => ({ id, name, role })),
  };
}

/** The summary without its training count: each set of counts is all real or all training. */
function counts(summary: Summary): DayCounts {
  const { records, byStatus, byDecision, byProvider, byOperator, perHour, medianSecondsToDecision } = summary;
  return { records, byStatus, byDecision, byProvider, byOperator, perHour, medianSecondsToDecision };
}
