// `tsx tamper.ts DIR KIND`: what somebody holding the database file and its data key (but not the audit key)
// can do to the audit log: drop the append-only triggers and rewrite rows with plain SQL.
import { keychainService, KeytarSecretStore, loadOrCreateDataKey } from '../../../main/keys';
import { openStore } from '../../../main/store/connection';

const TAMPERING: Record<string, string> = {
  // An entry's actor changed.
  edit: `UPDATE audit_log SET actor = 'acc-somebody' WHERE seq = 3`,
  // An entry removed (seq 3 is now missing).
  delete: `DELETE FROM audit_log WHERE seq = 3`,
  // Entries 3 and 4 swapped (through a free seq, since seq is the primary key).
  reorder: `
    UPDATE audit_log SET seq = 1000 WHERE seq = 3;
    UPDATE audit_log SET seq = 3 WHERE seq = 4;
    UPDATE audit_log SET seq = 4 WHERE seq = 1000;`,
  // A made-up entry put in at 3, the genuine 3… moved up by one to make room.
  insert: `
    UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 3;
    UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1003;
    INSERT INTO audit_log (seq, at, action, actor, record_id, subject, details_json, mac)
    VALUES (3, '2026-01-05T09:00:00.000Z', 'export', 'acc-1', NULL, NULL, '{"masked":false}', '${'ab'.repeat(32)}');`,
  // The newest two entries cut off.
  truncate: `DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 2 FROM audit_log)`,
};

const [dir, kind] = process.argv.slice(2);
const sql = TAMPERING[kind ?? ''];
if (!dir || !sql) throw new Error(`usage: tsx tamper.ts DIR ${Object.keys(TAMPERING).join('|')}`);
const store = openStore(dir, {
  key: await loadOrCreateDataKey(new KeytarSecretStore({ service: keychainService() }), dir),
});
try {
  store.db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql}`);
} finally {
  store.close();
}
