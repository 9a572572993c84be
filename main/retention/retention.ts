// Retention: photos go a configurable number of days after a record is final, whole records after another,
// and a person's data goes on request, by record id or by NIK (Indonesia's personal data law treats
// biometrics as specific data). Final records (decided or failed) age out by their decision; records
// abandoned before submission (captured or retake, untouched) by their last change; a customer in the queue
// never loses their capture. Every purge and deletion is logged with counts and record ids only.
import { noAudit, type AuditLog } from '../audit/events';
import { createLogger } from '../lib/log';
import { inTransaction, type Store } from '../store/connection';
import {
  deleteImagesOf,
  deleteRecordCounted,
  listAbandonedBefore,
  listFinalBefore,
  listFinalWithImagesBefore,
  listRecordIdsByNik,
  type DeletedRows,
} from '../store/retention-queries';

const log = createLogger('retention');

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Photos of a final record are deleted this many days after its decision. */
  imageDays: number;
  /** A final record is deleted whole (photos, step outputs) this many days after its decision. */
  recordDays: number;
  /** A captured or retake record is deleted whole this many days after it last changed. */
  abandonedDays: number;
}

export interface PurgeOptions extends RetentionPolicy {
  /** Epoch milliseconds. */
  now: number;
}

/** Records deleted, with the photos and step outputs that went with them. */
export type DeletionCounts = DeletedRows;

export interface PurgeCounts {
  /** Final records older than imageDays that lost their photos (the records themselves are kept). */
  imagesPurged: { records: number; images: number };
  /** Final records older than recordDays, deleted with their photos and step outputs. */
  recordsDeleted: DeletionCounts;
  /** Records abandoned before submission for longer than abandonedDays, deleted whole. */
  abandonedDeleted: DeletionCounts;
}

export interface DeletionResult extends DeletionCounts {
  /** The records deleted; ids only, never anything about the person. */
  recordIds: string[];
}

/** Deletes what has outlived the policy, in one transaction, and returns what went. */
export function purgeExpired(
  store: Store,
  { imageDays, recordDays, abandonedDays, now }: PurgeOptions,
  audit: AuditLog = noAudit,
): PurgeCounts {
  checkDays('imageDays', imageDays);
  checkDays('recordDays', recordDays);
  checkDays('abandonedDays', abandonedDays);
  if (!Number.isFinite(now)) throw new RangeError(`now must be a time, got ${now}`);
  const recordCutoff = new Date(now - recordDays * DAY_MS).toISOString();
  const imageCutoff = new Date(now - imageDays * DAY_MS).toISOString();
  const abandonedCutoff = new Date(now - abandonedDays * DAY_MS).toISOString();

  const result = withSecureDelete(store, () =>
    inTransaction(store, () => {
      // Whole records first, so their photos are counted once, as part of the record.
      const expired = listFinalBefore(store, recordCutoff);
      const recordsDeleted = sumDeletions(expired.map((id) => deleteRecordCounted(store, id)));
      const abandoned = listAbandonedBefore(store, abandonedCutoff);
      const abandonedDeleted = sumDeletions(abandoned.map((id) => deleteRecordCounted(store, id)));
      const withOldImages = listFinalWithImagesBefore(store, imageCutoff);
      const images = withOldImages.reduce((sum, id) => sum + deleteImagesOf(store, id), 0);
      // Counts only: a purge can reach thousands of records, whose ids go to the log line below.
      audit.append({
        action: 'retention_purge',
        actor: 'system',
        details: {
          imageDays,
          recordDays,
          abandonedDays,
          imagesPurgedRecords: withOldImages.length,
          images,
          recordsDeleted: recordsDeleted.records,
          abandonedDeleted: abandonedDeleted.records,
        },
      });
      return {
        counts: {
          imagesPurged: { records: withOldImages.length, images },
          recordsDeleted,
          abandonedDeleted,
        },
        deletedIds: expired,
        abandonedIds: abandoned,
        imageIds: withOldImages,
      };
    }),
  );

  const { counts } = result;
  // Logged even when nothing expired: the line is the evidence that retention runs.
  log.info('retention purge', {
    imageDays,
    recordDays,
    abandonedDays,
    imagesPurged: { ...counts.imagesPurged, recordIds: result.imageIds },
    recordsDeleted: { ...counts.recordsDeleted, recordIds: result.deletedIds },
    abandonedDeleted: { ...counts.abandonedDeleted, recordIds: result.abandonedIds },
  });
  return counts;
}

/** Deletes one record, in whatever state, with its photos and step outputs. */
export function deleteByRecordId(
  store: Store,
  recordId: string,
  audit: AuditLog = noAudit,
  actor = 'system',
): DeletionResult {
  const counts = withSecureDelete(store, () =>
    inTransaction(store, () => {
      const deleted = deleteRecordCounted(store, recordId);
      if (deleted.records > 0) auditDeletion(audit, actor, 'record_id', recordId, deleted);
      return deleted;
    }),
  );
  const result = { ...counts, recordIds: counts.records > 0 ? [recordId] : [] };
  logDeletion('record_id', result);
  return result;
}

/** Deletes every record whose OCR read this NIK, in whatever state, with their photos and step outputs. */
export function deleteByNik(
  store: Store,
  nik: string,
  audit: AuditLog = noAudit,
  actor = 'system',
): DeletionResult {
  const result = withSecureDelete(store, () =>
    inTransaction(store, () => {
      const ids = listRecordIdsByNik(store, nik);
      const parts = ids.map((id) => {
        const deleted = deleteRecordCounted(store, id);
        auditDeletion(audit, actor, 'nik', id, deleted);
        return deleted;
      });
      return { ...sumDeletions(parts), recordIds: ids };
    }),
  );
  // The NIK itself is never logged: the record ids are how an auditor ties the deletion to the request.
  logDeletion('nik', result);
  return result;
}

/** One entry per record deleted, in the deletion's transaction; the NIK asked for is never written. */
function auditDeletion(
  audit: AuditLog,
  actor: string,
  by: 'record_id' | 'nik',
  recordId: string,
  deleted: DeletionCounts,
): void {
  audit.append({
    action: 'deletion_on_request',
    actor,
    recordId,
    details: { by, images: deleted.images, steps: deleted.steps },
  });
}

function logDeletion(by: 'record_id' | 'nik', result: DeletionResult): void {
  const { records, images, steps, recordIds } = result;
  log.info('personal data deleted on request', { by, records, images, steps, recordIds });
}

function sumDeletions(parts: readonly DeletionCounts[]): DeletionCounts {
  return parts.reduce(
    (sum, part) => ({
      records: sum.records + part.records,
      images: sum.images + part.images,
      steps: sum.steps + part.steps,
    }),
    { records: 0, images: 0, steps: 0 },
  );
}

/**
 * Runs fn with SQLite's secure_delete on, so the deleted photos and rows are overwritten with zeros rather
 * than left in free pages, then checkpoints the WAL so the zeroed pages reach the database file and the old
 * ones leave the log. The checkpoint is best effort: a reader elsewhere may hold it back until later.
 */
function withSecureDelete<T>(store: Store, fn: () => T): T {
  const before = store.db.pragma('secure_delete', { simple: true });
  const restore = before === 1 || before === 2 ? before : 0;
  store.db.pragma('secure_delete = ON');
  try {
    const result = fn();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  } finally {
    store.db.pragma(`secure_delete = ${restore}`);
  }
}

function checkDays(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number of days`);
}
