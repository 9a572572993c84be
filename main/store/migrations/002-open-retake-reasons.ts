// Retake reasons grow with every provider (Incode brings its documented selfie and ID codes), and a CHECK
// constraint cannot be altered in SQLite, so this rebuilds `records` without the CHECK on retake_reason;
// the code validates the value on the way in and out, as it does for provider. The rest of the table is
// copied as 001 left it. Frozen: the column list is spelled out.
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: 'open-retake-reasons',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE records_new (
        id TEXT PRIMARY KEY NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('assisted', 'self_service')),
        provider TEXT NOT NULL,
        status TEXT NOT NULL
          CHECK (status IN ('captured', 'pending', 'in_progress', 'decided', 'retake', 'failed')),
        captured_at TEXT,
        submitted_at TEXT,
        started_at TEXT,
        decided_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        decision TEXT CHECK (decision IN ('verified', 'not_verified', 'needs_review')),
        liveness REAL,
        live INTEGER CHECK (live IN (0, 1)),
        similarity REAL,
        match INTEGER CHECK (match IN (0, 1)),
        ocr_json TEXT CHECK (json_valid(ocr_json)),
        provider_message TEXT,
        retake_kind TEXT CHECK (retake_kind IN ('id_card', 'selfie')),
        retake_reason TEXT,
        error_code TEXT,
        error_message TEXT,
        raw_json TEXT CHECK (json_valid(raw_json))
      ) STRICT;

      INSERT INTO records_new (
        id, created_at, updated_at, mode, provider, status, captured_at, submitted_at, started_at, decided_at,
        attempts, next_attempt_at, decision, liveness, live, similarity, match, ocr_json, provider_message,
        retake_kind, retake_reason, error_code, error_message, raw_json)
      SELECT
        id, created_at, updated_at, mode, provider, status, captured_at, submitted_at, started_at, decided_at,
        attempts, next_attempt_at, decision, liveness, live, similarity, match, ocr_json, provider_message,
        retake_kind, retake_reason, error_code, error_message, raw_json
      FROM records;

      DROP TABLE records;
      ALTER TABLE records_new RENAME TO records;
      CREATE INDEX records_status_next_attempt ON records (status, next_attempt_at, id);
    `);
  },
};
