// What a host wrote to its database, read back the way `npm run queue` opens it: the data key from the
// host's keychain service, on a connection of the test's own (WAL lets it share the file with the host).
import { KeytarSecretStore, loadOrCreateDataKey } from '../../main/keys';
import { RECORD_STATUSES } from '../../common/record';
import type { StoredRecord } from '../../main/store/record-row';
import { countByStatus, listByStatus } from '../../main/store/records';
import { openStore, type Store } from '../../main/store/connection';

export interface Stored {
  records: number;
  images: number;
  /** Audit actions, oldest first (the log holds ids and counts, never personal data). */
  audit: string[];
}

async function withHostStore<T>(
  dataDir: string,
  keychainService: string,
  read: (store: Store) => T,
): Promise<T> {
  const secrets = new KeytarSecretStore({ service: keychainService });
  const store = openStore(dataDir, { key: await loadOrCreateDataKey(secrets, dataDir) });
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** Every record the host keeps, whatever its state. */
export function readRecords(dataDir: string, keychainService: string): Promise<StoredRecord[]> {
  return withHostStore(dataDir, keychainService, (store) => listByStatus(store, RECORD_STATUSES));
}

export function readStored(dataDir: string, keychainService: string): Promise<Stored> {
  return withHostStore(dataDir, keychainService, (store) => {
    const records = Object.values(countByStatus(store)).reduce((sum, n) => sum + n, 0);
    const images =
      store.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM record_images').get()?.n ?? Number.NaN;
    const audit = store.db
      .prepare<[], { action: string }>('SELECT action FROM audit_log ORDER BY seq')
      .all()
      .map((row) => row.action);
    return { records, images, audit };
  });
}
