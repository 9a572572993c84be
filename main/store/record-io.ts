// Reading and writing one whole record row: the base the repositories build on.
import type { Store } from './connection';
import { RecordNotFoundError } from './errors';
import { fromRow, nikColumn, toRow, type RecordRow, type StoredRecord } from './record-row';
import { prepared } from './statements';

const SELECT_ONE = `SELECT * FROM records WHERE id = ?`;

// One statement writes every mutable column: the merged record is computed in TypeScript, so no SQL is
// ever assembled from the patch's keys.
const UPDATE = `
  UPDATE records SET
    updated_at = @updated_at, status = @status, captured_at = @captured_at, submitted_at = @submitted_at,
    started_at = @started_at, decided_at = @decided_at, attempts = @attempts,
    next_attempt_at = @next_attempt_at, decision = @decision, liveness = @liveness, live = @live,
    similarity = @similarity, match = @match, ocr_json = @ocr_json, provider_message = @provider_message,
    retake_kind = @retake_kind, retake_reason = @retake_reason, error_code = @error_code,
    error_message = @error_message, raw_json = @raw_json, nik = @nik, nik_flags_json = @nik_flags_json,
    confirmed_by = @confirmed_by, confirmed_at = @confirmed_at, confirmed_decision = @confirmed_decision,
    confirm_reason = @confirm_reason
  WHERE id = @id`;

export function getRecord(store: Store, id: string): StoredRecord | undefined {
  const row = prepared<[string], RecordRow>(store, SELECT_ONE).get(id);
  return row ? fromRow(row) : undefined;
}

/** Like getRecord, for callers that cannot continue without the record. */
export function requireRecord(store: Store, id: string): StoredRecord {
  const record = getRecord(store, id);
  if (!record) throw new RecordNotFoundError(id);
  return record;
}

/** Writes a record's status and mutable fields back; callers hold the transaction that read it. */
export function writeRecord(store: Store, record: StoredRecord): void {
  // The NIK column follows ocr_json in the same statement, so it can never disagree with it (migration 003).
  prepared<[RecordRow & { nik: string | null }]>(store, UPDATE).run({
    ...toRow(record),
    nik: nikColumn(record),
  });
}
