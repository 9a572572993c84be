// One record as the supervisor first sees it: the outcome and scores, the NIK checks, the corrections (who
// and when, not what), the desk's and the supervisor's decisions beside the provider's, which photos exist,
// and a timeline of its life: its own timestamps, the provider steps as they completed, and its audit
// entries. The OCR values, the corrections' values and the photos are not here: they come one request at a
// time, each audited (reveal.ts).
import type { RecordDetail, TimelineEntry } from '../../common/console';
import { OCR_FIELD_NAMES } from '../../common/review';
import { auditRowsOfRecord } from '../audit/rows';
import { BridgeFailure } from '../bridge/failure';
import { getRecord, listCorrections, listImageKinds, type StoredRecord } from '../store';
import type { Store } from '../store/connection';
import { getSupervisorDecision } from '../store/record-supervisor';
import { toListItem } from './list-item';
import { byId, stepTimes } from './queries';
import { confirmationOf } from '../review/confirmation';

export function recordDetail(store: Store, recordId: string): RecordDetail {
  const record = getRecord(store, recordId);
  const row = byId(store, recordId);
  if (!record || !row) throw new BridgeFailure('not_found', 'There is no such verification.');
  const ocr = record.ocr ?? {};
  return {
    ...toListItem(row),
    kioskId: record.kioskId,
    attempts: record.attempts,
    nextAttemptAt: record.nextAttemptAt,
    outcome:
      record.decision === null
        ? null
        : {
            liveness: score(record.liveness),
            live: record.live,
            similarity: score(record.similarity),
            match: record.match,
            providerMessage: record.providerMessage ?? '',
          },
    error: record.errorCode === null ? null : { code: record.errorCode, message: record.errorMessage ?? '' },
    fieldsRead: OCR_FIELD_NAMES.filter((field) => (ocr[field] ?? '').trim() !== ''),
    flagCodes: record.nikFlags ?? [],
    corrections: listCorrections(store, recordId).map(({ field, by, at }) => ({ field, by, at })),
    confirmation: confirmationOf(record),
    supervisorDecision: getSupervisorDecision(store, recordId),
    images: listImageKinds(store, recordId),
    timeline: timeline(store, record),
  };
}

/** Four decimals, as the providers report them and the exports print them: a double read back can have
 *  sixteen digits after the point, which every scanner (and the redactor) takes for a NIK. */
const score = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

/** Everything that happened to the record, oldest first; at equal times, states before steps before audit. */
function timeline(store: Store, record: StoredRecord): TimelineEntry[] {
  const states: TimelineEntry[] = (
    [
      ['created', record.createdAt],
      ['captured', record.capturedAt],
      ['submitted', record.submittedAt],
      ['started', record.startedAt],
      ['decided', record.decidedAt],
      // Only while it still waits: a final record's next attempt would never come.
      ['next_attempt', record.status === 'pending' ? record.nextAttemptAt : null],
    ] as const
  ).flatMap(([state, at]) => (at === null ? [] : [{ kind: 'state' as const, state, at }]));
  const steps: TimelineEntry[] = stepTimes(store, record.id).map((row) => ({
    kind: 'step',
    step: row.step,
    at: row.done_at,
  }));
  const audit: TimelineEntry[] = auditRowsOfRecord(store, record.id).map((row) => ({
    kind: 'audit',
    seq: row.seq,
    at: row.at,
    action: row.action,
    actor: row.actor,
    details: JSON.parse(row.details_json) as Record<string, string | number | boolean | null>,
  }));
  const order = { state: 0, step: 1, audit: 2 } as const;
  return [...states, ...steps, ...audit].sort(
    (a, b) => a.at.localeCompare(b.at) || order[a.kind] - order[b.kind],
  );
}
