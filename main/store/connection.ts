// Opens the one SQLite file Loket keeps, DIR/loket.db, with the pragmas every connection needs, and
// migrates it. Everything else in the store goes through the Store handle this returns.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, refuseFutureDatabase } from './migrate';

export const DATABASE_FILE = 'loket.db';

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

export interface Store {
  /** The raw connection: for the store's own modules and tests. Everything else uses the repositories. */
  readonly db: Database.Database;
  readonly path: string;
  close(): void;
}

export interface OpenStoreOptions {
  /** The better_sqlite3.node built for Electron's ABI, when it is not the one beside the package. */
  nativeBinding?: string;
}

export function openStore(dataDir: string, options: OpenStoreOptions = {}): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new Database(file, {
    timeout: BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // Before any pragma that writes (journal_mode does), so a newer Loket's file is left exactly as it was.
    refuseFutureDatabase(db);
    // WAL lets the renderer's reads and the sync engine's writes overlap; NORMAL is durable in WAL mode
    // except for the last transactions before a power cut, which the step runner tolerates by design.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`SQLite refused WAL mode (got ${String(mode)}) for ${file}`);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path: file, close: () => db.close() };
}

/**
 * Runs fn in one write transaction (BEGIN IMMEDIATE, so a read-then-write inside cannot race another
 * connection). Nested calls become savepoints, so repositories can use it and callers can still group them.
 */
export function inTransaction<T>(store: Store, fn: () => T): T {
  return store.db.transaction(fn).immediate();
}
