// Repository functions for verification records. Every state change is one transaction; every statement is
// a constant with bound parameters. Images and step outputs live in their own files and are re-exported here
// so callers have one place to import the store's verbs from.
import type { Mode, RecordStatus } from '../../common/record';
import { RECORD_STATUSES } from '../../common/record';
import type { ProviderName } from '../../common/providers';
import type { ConsentLanguage } from '../../common/consent';
import { inTransaction, type Store } from './connection';
import { InvalidTransitionError } from './errors';
import { requireRecord, writeRecord } from './record-io';
import {
  applyPatch,
  fromRow,
  toRow,
  type IsoTime,
  type MutableRecordFields,
  type RecordRow,
  type StoredRecord,
} from './record-row';
import { prepared } from './statements';

export type { IsoTime, MutableRecordFields, StoredRecord } from './record-row';
export { addCorrection, correctedFields, listCorrections, type StoredCorrection } from './record-corrections';
export { getImageAnalyses, getImages, listImageKinds, putImage } from './record-images';
export { clearStepOutputs, deleteStepOutput, getStepOutputs, saveStepOutput } from './record-steps';
export { newRecordId } from './record-id';
export { getRecord, requireRecord } from './record-io';

/** The bridge's rule for ids, and IdentifAI's for client_ref: 6–128 letters or digits. */
const RECORD_ID = /^[A-Za-z0-9]{6,128}$/;

const INSERT = `
  INSERT INTO records (
    id, created_at, updated_at, mode, provider, training, status, captured_at, submitted_at, started_at, decided_at,
    attempts, next_attempt_at, decision, liveness, live, similarity, match, ocr_json, provider_message,
    retake_kind, retake_reason, error_code, error_message, raw_json, operator, kiosk_id, consent_version,
    consent_language, consent_at, nik_flags_json, confirmed_by, confirmed_at, confirmed_decision, confirm_reason
  ) VALUES (
    @id, @created_at, @updated_at, @mode, @provider, @training, @status, @captured_at, @submitted_at, @started_at,
    @decided_at, @attempts, @next_attempt_at, @decision, @liveness, @live, @similarity, @match, @ocr_json,
    @provider_message, @retake_kind, @retake_reason, @error_code, @error_message, @raw_json, @operator,
    @kiosk_id, @consent_version, @consent_language, @consent_at, @nik_flags_json, @confirmed_by,
    @confirmed_at, @confirmed_decision, @confirm_reason
  )`;

const DELETE_ONE = `DELETE FROM records WHERE id = ?`;
const COUNT_BY_STATUS = `SELECT status, COUNT(*) AS n FROM records GROUP BY status`;
const LAST_DECIDED = `SELECT MAX(decided_at) AS at FROM records WHERE decided_at IS NOT NULL`;

// The queue's hot queries, served by records_status_next_attempt. A JSON array stands in for a variable
// IN list, so the statement text never depends on how many statuses are asked for.
const BY_STATUS = `
  SELECT * FROM records WHERE status IN (SELECT value FROM json_each(?))
  ORDER BY next_attempt_at, id`;
const DUE = `
  SELECT * FROM records
  WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
  ORDER BY next_attempt_at, id LIMIT ?`;
/** The queue's statements, exported so a test can check their query plans. */
export const QUEUE_QUERIES = { byStatus: BY_STATUS, due: DUE } as const;

const EARLIEST_PENDING = `
  SELECT MIN(next_attempt_at) AS at FROM records WHERE status = 'pending' AND next_attempt_at IS NOT NULL`;

export interface NewRecord {
  id: string;
  mode: Mode;
  provider: ProviderName;
  /** Default: the sandbox provider is training, every other one is not. */
  training?: boolean;
  now: IsoTime;
  /** An account id, 'training' or 'self_service'; null: nobody was signed in. */
  operator?: string | null;
  kioskId?: string | null;
  /** The consent the customer accepted, stored with the time the record was made. */
  consent?: { version: string; language: ConsentLanguage } | null;
}

/** A new record starts as 'captured' with no images; putImage fills it. */
export function createRecord(store: Store, fields: NewRecord): StoredRecord {
  const { id, mode, provider, training, now, consent } = fields;
  if (!RECORD_ID.test(id)) throw new TypeError('A record id is 6–128 letters or digits');
  const record: StoredRecord = {
    id,
    createdAt: now,
    updatedAt: now,
    mode,
    provider,
    training: training ?? provider === 'sandbox',
    status: 'captured',
    capturedAt: null,
    submittedAt: null,
    startedAt: null,
    decidedAt: null,
    attempts: 0,
    nextAttemptAt: null,
    decision: null,
    liveness: null,
    live: null,
    similarity: null,
    match: null,
    ocr: null,
    providerMessage: null,
    retakeKind: null,
    retakeReason: null,
    errorCode: null,
    errorMessage: null,
    raw: null,
    operator: fields.operator ?? null,
    kioskId: fields.kioskId ?? null,
    consentVersion: consent?.version ?? null,
    consentLanguage: consent?.language ?? null,
    consentAt: consent ? now : null,
    nikFlags: null,
    confirmedBy: null,
    confirmedAt: null,
    confirmedDecision: null,
    confirmReason: null,
  };
  prepared<[RecordRow]>(store, INSERT).run(toRow(record));
  return record;
}

export interface Transition {
  /** The states the record may be in now; anything else throws InvalidTransitionError. */
  from: readonly RecordStatus[];
  to: RecordStatus;
  patch?: Partial<MutableRecordFields>;
  now: IsoTime;
}

/** Atomic check-and-set of a record's status, with any fields that change alongside it. */
export function transition(
  store: Store,
  id: string,
  { from, to, patch = {}, now }: Transition,
): StoredRecord {
  return inTransaction(store, () => {
    const current = requireRecord(store, id);
    if (!from.includes(current.status)) throw new InvalidTransitionError(id, current.status, to, from);
    const next: StoredRecord = { ...applyPatch(current, patch), status: to, updatedAt: now };
    writeRecord(store, next);
    return next;
  });
}

/** Deletes the record with its images and step outputs (foreign keys cascade); false when there was none. */
export function deleteRecord(store: Store, id: string): boolean {
  return prepared<[string]>(store, DELETE_ONE).run(id).changes > 0;
}

export function countByStatus(store: Store): Record<RecordStatus, number> {
  const counts = Object.fromEntries(RECORD_STATUSES.map((status) => [status, 0])) as Record<
    RecordStatus,
    number
  >;
  for (const { status, n } of prepared<[], { status: RecordStatus; n: number }>(
    store,
    COUNT_BY_STATUS,
  ).all()) {
    counts[status] = n;
  }
  return counts;
}

/** When the last verification was decided: the kiosk's "last sync". */
export function lastDecidedAt(store: Store): IsoTime | null {
  return prepared<[], { at: string | null }>(store, LAST_DECIDED).get()?.at ?? null;
}

/** Records in any of the given states, the earliest next attempt first (never-scheduled ones before all). */
export function listByStatus(store: Store, statuses: readonly RecordStatus[]): StoredRecord[] {
  return prepared<[string], RecordRow>(store, BY_STATUS).all(JSON.stringify(statuses)).map(fromRow);
}

/** Pending records whose next attempt is due at `now` (or was never scheduled), the most overdue first. */
export function listDue(store: Store, now: IsoTime, limit = 50): StoredRecord[] {
  return prepared<[string, number], RecordRow>(store, DUE).all(now, limit).map(fromRow);
}

/** The next time a pending record wants another attempt, so the sync engine knows when to wake. */
export function earliestNextAttempt(store: Store): IsoTime | null {
  return prepared<[], { at: string | null }>(store, EARLIEST_PENDING).get()?.at ?? null;
}
