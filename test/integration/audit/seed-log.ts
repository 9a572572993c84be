// `tsx seed-log.ts DIR N`: DIR/loket.db as the app makes it (data key and audit key created in the keychain
// on first use), a day of records (2026-01-05, WIB), and N audit entries; the head written at close.
import { openAuditLog } from '../../../main/audit/audit-log';
import { keychainService, KeytarSecretStore, loadOrCreateDataKey } from '../../../main/keys';
import { systemClock } from '../../../main/lib/clock';
import { openStore } from '../../../main/store/connection';
import { seedDay } from '../../support/day-of-records';

const [dir, entries] = process.argv.slice(2);
if (!dir || !entries) throw new Error('usage: tsx seed-log.ts DIR N');
const secrets = new KeytarSecretStore({ service: keychainService() });
const store = openStore(dir, { key: await loadOrCreateDataKey(secrets, dir) });
try {
  seedDay(store, { startMs: Date.parse('2026-01-04T17:00:00.000Z'), records: 50 });
  const audit = await openAuditLog({ store, secrets, clock: systemClock });
  for (let i = 0; i < Number(entries); i++) {
    audit.append({ action: i % 2 ? 'photo_viewed' : 'sign_in', actor: `acc-${i}`, details: { n: i } });
  }
  await audit.close();
} finally {
  store.close();
}
