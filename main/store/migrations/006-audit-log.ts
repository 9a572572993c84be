// Issue 11's schema: the tamper-evident audit log, and the index the day exports read records by.
//
// audit_log is append-only. Each row's MAC (main/audit/canonical.ts) covers its own fields and the previous
// row's MAC, keyed with a secret that lives only in the OS keychain. The triggers below refuse UPDATE and
// DELETE, which stops an accident or a careless script; they do not stop somebody holding the file and the
// data key, who can drop them. That is what the MAC chain and the head kept in the keychain are for.
// seq is the rowid (INTEGER PRIMARY KEY) and is assigned by the appender as the last seq + 1, never reused.
// details_json holds the details exactly as they were MACed (sorted keys), so verifying never re-encodes.
//
// Frozen: every constant is spelled out here.
import type { Migration } from './migration';

export const auditLogMigration: Migration = {
  version: 6,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        actor TEXT NOT NULL,
        record_id TEXT,
        subject TEXT,
        details_json TEXT NOT NULL CHECK (json_valid(details_json)),
        mac TEXT NOT NULL CHECK (length(mac) = 64)
      ) STRICT;

      -- audit list --day and the console read a day at a time; exports find a record's last actor.
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_record ON audit_log (record_id, seq) WHERE record_id IS NOT NULL;

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      -- The exports read a day (or a range) of records by when they were created, in (created_at, id) order;
      -- training is in it so that counting a day's real records reads the index alone.
      CREATE INDEX records_created_at ON records (created_at, id, training);
    `);
  },
};
