// Issue 11's console: the supervisor's decision on a record, and the indexes the console reads by.
//
// A supervisor's approve or reject is a row of its own, beside the provider's decision (records.decision)
// and the desk's confirmation (records.confirmed_*), never over either: the record keeps what the provider
// answered and what the desk said, and this row says what the supervisor decided, why, who and when. One
// row per record (the primary key): a supervisor's decision is final. It goes with its record (retention,
// deletion on request). The reason's text is kept here, with the record it explains; the audit log keeps
// only its length and a keyed hash.
//
// records_reference serves the console's search by reference code (the last 8 characters of a ULID id, see
// common/reference-code.ts), which staff type at the counter: an expression index, so the search is a
// lookup, not a scan. records_awaiting_review is the review queue: decided records the provider left to a
// person (needs_review) or whose NIK checks are open at an assisted desk. It is partial, so it holds only
// those; a record leaves the queue when its supervisor decision row exists (a primary-key probe).
//
// Frozen: every constant is spelled out here.
import type { Migration } from './migration';

export const supervisorReviewMigration: Migration = {
  version: 8,
  name: 'supervisor-review',
  up(db) {
    db.exec(`
      CREATE TABLE record_supervisor_decisions (
        record_id TEXT PRIMARY KEY NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX records_reference ON records (substr(id, -8));

      CREATE INDEX records_awaiting_review ON records (created_at, id)
        WHERE status = 'decided'
          AND (decision = 'needs_review' OR (mode = 'assisted' AND nik_flags_json <> '[]'));
    `);
  },
};
