// `tsx seed-data.ts DIR`: creates DIR/loket.db as the app would (data key from the keychain, created there on
// first use) and fills it with a small queue, so the queue CLI can then be run against it in the same keyring.
import { keychainService, KeytarSecretStore, loadOrCreateDataKey } from '../../../main/keys';
import { openStore } from '../../../main/store/connection';
import { daysBefore, NIK_A, seed } from '../../unit/retention/fixtures';

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx seed-data.ts DIR');
const now = Date.now();
const store = openStore(dir, {
  key: await loadOrCreateDataKey(new KeytarSecretStore({ service: keychainService() }), dir),
});
try {
  seed(store, { id: 'CLIDECIDED01', status: 'decided', decidedAt: '2027-01-02T03:04:05.000Z', nik: NIK_A });
  seed(store, {
    id: 'CLIPENDING01',
    status: 'pending',
    submittedAt: new Date(now - 120_000).toISOString(),
    nextAttemptAt: '2099-01-01T00:00:00.000Z',
    nik: NIK_A,
  });
  seed(store, { id: 'CLIOLD000001', status: 'failed', decidedAt: daysBefore(now, 3650) });
} finally {
  store.close();
}
