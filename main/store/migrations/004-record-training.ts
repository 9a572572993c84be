// Training records (the built-in sandbox verified them, not a provider) are flagged in the row itself, so
// no report, export or screen can mistake one for a real verification, whatever the provider column says
// later. Rows saved before this migration were training exactly when the sandbox served them.
import type { Migration } from './migration';

export const migration004: Migration = {
  version: 4,
  name: 'record-training',
  up(db) {
    db.exec(`
      ALTER TABLE records ADD COLUMN training INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1));
      UPDATE records SET training = 1 WHERE provider = 'sandbox';
    `);
  },
};
