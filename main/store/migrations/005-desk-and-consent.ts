// Issue 10: the two kinds of kiosk. Staff accounts (a name unique in any case, a role, the password's hash
// with its parameters, the lockout counters); on every record who served the customer (an account id,
// 'training' or 'self_service'), which kiosk, and the consent it was made under; the desk's review: the NIK
// cross-check flags, every correction (the provider's reading stays in ocr_json, untouched), and the staff
// confirmation beside the provider's decision. Rows from before have no operator, kiosk or consent (NULL):
// nobody recorded them. Frozen: every constant is spelled out here.
import type { Migration } from './migration';

export const migration005: Migration = {
  version: 5,
  name: 'desk-and-consent',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        -- The name as compared (NFKC, lower case, single spaces): 'Siti' and 'SITI' are one account.
        name_key TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
        -- '$scrypt$ln=…,r=…,p=…$salt$hash': the parameters travel with the hash so they can be raised later.
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        password_changed_at TEXT NOT NULL,
        disabled_at TEXT,
        failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        locked_until TEXT,
        last_sign_in_at TEXT
      ) STRICT;

      ALTER TABLE records ADD COLUMN operator TEXT;
      ALTER TABLE records ADD COLUMN kiosk_id TEXT;
      ALTER TABLE records ADD COLUMN consent_version TEXT;
      ALTER TABLE records ADD COLUMN consent_language TEXT CHECK (consent_language IN ('id', 'en'));
      ALTER TABLE records ADD COLUMN consent_at TEXT;
      -- A JSON array of flag codes, written when the provider decides and after every correction.
      ALTER TABLE records ADD COLUMN nik_flags_json TEXT CHECK (json_valid(nik_flags_json));
      ALTER TABLE records ADD COLUMN confirmed_by TEXT;
      ALTER TABLE records ADD COLUMN confirmed_at TEXT;
      ALTER TABLE records ADD COLUMN confirmed_decision TEXT
        CHECK (confirmed_decision IN ('verified', 'not_verified'));
      ALTER TABLE records ADD COLUMN confirm_reason TEXT;

      CREATE TABLE record_corrections (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        -- What the field said before: the provider's reading or an earlier correction (NULL: not read).
        value_before TEXT,
        value_after TEXT NOT NULL,
        corrected_by TEXT NOT NULL,
        corrected_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX record_corrections_record ON record_corrections (record_id, id);
      -- A deletion request by NIK must also reach a NIK that staff typed in.
      CREATE INDEX record_corrections_nik ON record_corrections (value_after) WHERE field = 'nik';
    `);
  },
};
