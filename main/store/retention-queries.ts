// The store's side of retention and of the queue report: which records are old enough to lose their photos
// or themselves, which records hold a NIK, and what deleting them removes. The age queries return final
// records (decided or failed) and abandoned ones (captured or retake); a pending or in-progress record, still
// on its way to the provider, is never expired.
import type { Store } from './connection';
import type { IsoTime } from './record-row';
import { prepared } from './statements';

// Final means decided or failed, the states a record never leaves. decided_at is set by both final
// transitions; updated_at stands in for a row that somehow lacks it.
const FINAL_BEFORE = `
  status IN ('decided', 'failed') AND COALESCE(decided_at, updated_at) < ?`;

const FINAL_WITH_IMAGES_BEFORE = `
  SELECT id FROM records
  WHERE ${FINAL_BEFORE} AND EXISTS (SELECT 1 FROM record_images WHERE record_id = records.id)
  ORDER BY id`;
const FINAL_BEFORE_IDS = `SELECT id FROM records WHERE ${FINAL_BEFORE} ORDER BY id`;
// Abandoned: photographed but never submitted, or sent back for a retake the customer never made, and not
// touched since. Pending and in-progress records are the queue's and never match.
const ABANDONED_BEFORE = `
  SELECT id FROM records WHERE status IN ('captured', 'retake') AND updated_at < ? ORDER BY id`;

// The indexed column first; ocr_json as well, for a 16-digit number that the plausibility rule kept out of
// the column (a deletion request must still reach it), and a NIK staff typed in as a correction. A full
// scan of ocr_json, but deletion requests are rare.
const BY_NIK = `
  SELECT id FROM records WHERE nik = ?
  UNION
  SELECT id FROM records WHERE ocr_json IS NOT NULL AND json_extract(ocr_json, '$.nik') = ?
  UNION
  SELECT record_id AS id FROM record_corrections WHERE field = 'nik' AND value_after = ?
  ORDER BY id`;

// A reference code is the last 8 characters of a ULID record id (common/reference-code.ts). A scan, for a
// rare request; the code is matched in full, so only a record shown that code matches.
const BY_ID_SUFFIX = `SELECT id FROM records WHERE substr(id, -8) = ? ORDER BY id`;

const COUNT_IMAGES = `SELECT COUNT(*) AS n FROM record_images WHERE record_id = ?`;
const COUNT_STEPS = `SELECT COUNT(*) AS n FROM record_steps WHERE record_id = ?`;
const DELETE_IMAGES = `DELETE FROM record_images WHERE record_id = ?`;
const DELETE_RECORD = `DELETE FROM records WHERE id = ?`;

const OLDEST_WAITING = `
  SELECT MIN(COALESCE(submitted_at, created_at)) AS at FROM records WHERE status IN ('pending', 'in_progress')`;

/** What deleting a record removed: the rows themselves, and the photos and step outputs that cascaded. */
export interface DeletedRows {
  records: number;
  images: number;
  steps: number;
}

/** Final records, decided before `before`, that still have at least one photo. */
export function listFinalWithImagesBefore(store: Store, before: IsoTime): string[] {
  return prepared<[string], { id: string }>(store, FINAL_WITH_IMAGES_BEFORE)
    .all(before)
    .map((row) => row.id);
}

/** Final records decided before `before`. */
export function listFinalBefore(store: Store, before: IsoTime): string[] {
  return prepared<[string], { id: string }>(store, FINAL_BEFORE_IDS)
    .all(before)
    .map((row) => row.id);
}

/** Records captured or sent back for a retake, untouched since before `before`. */
export function listAbandonedBefore(store: Store, before: IsoTime): string[] {
  return prepared<[string], { id: string }>(store, ABANDONED_BEFORE)
    .all(before)
    .map((row) => row.id);
}

/** Every record whose OCR read this NIK, in any state. */
export function listRecordIdsByNik(store: Store, nik: string): string[] {
  return prepared<[string, string, string], { id: string }>(store, BY_NIK)
    .all(nik, nik, nik)
    .map((row) => row.id);
}

/** Records whose id ends in these 8 characters (a reference code without its dash). */
export function listRecordIdsByIdSuffix(store: Store, suffix: string): string[] {
  return prepared<[string], { id: string }>(store, BY_ID_SUFFIX)
    .all(suffix)
    .map((row) => row.id);
}

/** Deletes a record's photos, keeping the record; returns how many there were. */
export function deleteImagesOf(store: Store, recordId: string): number {
  return prepared<[string]>(store, DELETE_IMAGES).run(recordId).changes;
}

/**
 * Deletes a record with its photos and step outputs, and says how many of each went. The cascade does not
 * report what it removed, so the children are counted first: call it inside a transaction.
 */
export function deleteRecordCounted(store: Store, recordId: string): DeletedRows {
  const images = prepared<[string], { n: number }>(store, COUNT_IMAGES).get(recordId)?.n ?? 0;
  const steps = prepared<[string], { n: number }>(store, COUNT_STEPS).get(recordId)?.n ?? 0;
  const records = prepared<[string]>(store, DELETE_RECORD).run(recordId).changes;
  return records === 0 ? { records: 0, images: 0, steps: 0 } : { records, images, steps };
}

/** When the record that has waited longest for the provider (pending or in progress) was submitted. */
export function oldestWaitingSince(store: Store): IsoTime | null {
  return prepared<[], { at: string | null }>(store, OLDEST_WAITING).get()?.at ?? null;
}
