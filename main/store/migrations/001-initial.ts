// The first schema: records, their two images, and the provider step outputs that let a run resume after a
// crash. STRICT tables so a wrongly typed value fails loudly instead of being coerced.
import type { Migration } from './migration';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE records (
        id TEXT PRIMARY KEY NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('assisted', 'self_service')),
        -- No CHECK on provider: adding a provider must not require rebuilding this table; the code
        -- validates it on the way in and on the way out.
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
        retake_reason TEXT
          CHECK (retake_reason IN ('no_face', 'multiple_faces', 'face_occluded', 'poor_quality')),
        error_code TEXT,
        error_message TEXT,
        raw_json TEXT CHECK (json_valid(raw_json))
      ) STRICT;

      -- The queue's hot query: records in a given state, the earliest next attempt first. id breaks ties
      -- (ids are time-ordered) without a sort step.
      CREATE INDEX records_status_next_attempt ON records (status, next_attempt_at, id);

      CREATE TABLE record_images (
        record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('id_card', 'selfie')),
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (record_id, kind)
      ) STRICT;

      CREATE TABLE record_steps (
        record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        step TEXT NOT NULL,
        output_json TEXT NOT NULL CHECK (json_valid(output_json)),
        done_at TEXT NOT NULL,
        PRIMARY KEY (record_id, step)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
