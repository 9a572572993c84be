// Staff corrections of what the provider read. The provider's reading stays in records.ocr_json as it came;
// every correction is a row of its own (before, after, who, when), so the record's history can be shown and
// nothing read is ever overwritten. Rows go with their record (ON DELETE CASCADE): retention and deletion
// on request remove them too.
import type { OcrFields } from '../../common/record';
import type { Store } from './connection';
import type { IsoTime } from './record-row';
import { prepared } from './statements';

export interface StoredCorrection {
  field: keyof OcrFields;
  before: string | null;
  after: string;
  by: string;
  at: IsoTime;
}

interface CorrectionRow {
  field: string;
  value_before: string | null;
  value_after: string;
  corrected_by: string;
  corrected_at: string;
}

const INSERT = `
  INSERT INTO record_corrections (record_id, field, value_before, value_after, corrected_by, corrected_at)
  VALUES (?, ?, ?, ?, ?, ?)`;
const SELECT = `
  SELECT field, value_before, value_after, corrected_by, corrected_at FROM record_corrections
  WHERE record_id = ? ORDER BY id`;

/** Appends one correction; the caller holds the transaction that also recomputes the record's flags. */
export function addCorrection(store: Store, recordId: string, correction: StoredCorrection): void {
  prepared<[string, string, string | null, string, string, string]>(store, INSERT).run(
    recordId,
    correction.field,
    correction.before,
    correction.after,
    correction.by,
    correction.at,
  );
}

/** The record's corrections, oldest first. */
export function listCorrections(store: Store, recordId: string): StoredCorrection[] {
  return prepared<[string], CorrectionRow>(store, SELECT)
    .all(recordId)
    .map((row) => ({
      // The review service only ever writes OCR field names (the bridge validates them).
      field: row.field as keyof OcrFields,
      before: row.value_before,
      after: row.value_after,
      by: row.corrected_by,
      at: row.corrected_at,
    }));
}

/** The fields as read with every correction applied, later ones over earlier ones. */
export function correctedFields(read: OcrFields, corrections: readonly StoredCorrection[]): OcrFields {
  const fields: OcrFields = { ...read };
  for (const correction of corrections) fields[correction.field] = correction.after;
  return fields;
}
