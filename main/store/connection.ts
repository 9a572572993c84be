// Opens the one SQLite file Loket keeps, DIR/loket.db, encrypted with the data key (see encryption.ts), with
// the pragmas every connection needs, migrates it and starts its WAL checkpointer (checkpointer.ts).
// Everything else in the store goes through the Store handle this returns.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createLogger } from '../lib/log';
import { systemTimers, type Timers } from '../lib/timers';
import { startCheckpointer, type CheckpointBounds, type CheckpointEvent } from './checkpointer';
import { applyKey, assertDataKey, canRead, DatabaseKeyError, encryptInPlace } from './encryption';
import { migrate, refuseFutureDatabase } from './migrate';

export const DATABASE_FILE = 'loket.db';

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

const log = createLogger('store');

export interface Store {
  /** The raw connection: for the store's own modules and tests. Everything else uses the repositories. */
  readonly db: Database.Database;
  readonly path: string;
  /** Tells the checkpointer that a write is under way; the store's statements call it (statements.ts). */
  noteWrite(): void;
  /** Stops the checkpointer, folds the WAL into the file (TRUNCATE) and closes the connection. */
  close(): void;
}

export interface OpenStoreOptions {
  /** The data key: 32 random bytes from the OS keychain (main/keys loadOrCreateDataKey). */
  key: Buffer;
  /** The better_sqlite3.node built for Electron's ABI, when it is not the one beside the package. */
  nativeBinding?: string | undefined;
  /** When the WAL is checkpointed (checkpointer.ts): tests drive the timers, the bench reads the events. */
  checkpoints?: {
    timers?: Timers;
    bounds?: Partial<CheckpointBounds>;
    onCheckpoint?: (event: CheckpointEvent) => void;
  };
}

/**
 * Opens DIR/loket.db with the key. An unencrypted loket.db from a Loket before encryption is encrypted in
 * place first. A file the key does not open is a DatabaseKeyError, and the file is left exactly as it was.
 */
export function openStore(dataDir: string, options: OpenStoreOptions): Store {
  assertDataKey(options?.key);
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const db = openKeyed(file, options);
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
  // Started by whoever opens the store (the app, the host, the CLIs), stopped by close: every writer on
  // this connection (the bridge's handlers, the sync engine, retention) is covered by the one checkpointer.
  const checkpointer = startCheckpointer({
    db,
    timers: options.checkpoints?.timers ?? systemTimers,
    bounds: options.checkpoints?.bounds,
    onCheckpoint: options.checkpoints?.onCheckpoint,
  });
  return {
    db,
    path: file,
    noteWrite: checkpointer.noteWrite,
    close: () => {
      try {
        checkpointer.close();
      } finally {
        db.close();
      }
    },
  };
}

/** A connection the key has been proven to open, encrypting an earlier unencrypted file on the way. */
function openKeyed(file: string, options: OpenStoreOptions): Database.Database {
  const keyed = tryKey(file, options);
  if (keyed) return keyed;
  // The key does not open it: either an unencrypted file from before, or someone else's key.
  encryptPlaintext(file, options);
  const encrypted = tryKey(file, options);
  if (encrypted) return encrypted;
  throw new DatabaseKeyError('wrong_key', file);
}

/** A connection with the key applied if the key reads the file; otherwise null, the connection closed. */
function tryKey(file: string, options: OpenStoreOptions): Database.Database | null {
  const db = connect(file, options);
  try {
    applyKey(db, options.key);
    if (canRead(db)) return db;
  } catch (error) {
    db.close();
    throw error;
  }
  db.close();
  return null;
}

/**
 * If file is an unencrypted database (it opens and reads without a key), encrypts it in place with the key;
 * otherwise throws DatabaseKeyError without having written anything. sqlite3mc cannot rekey in WAL mode, so
 * this leaves WAL (checkpointing any WAL a crash left behind into the file), rekeys under a rollback journal,
 * and openStore switches back to WAL. A database from a newer Loket is refused before anything is written.
 */
function encryptPlaintext(file: string, options: OpenStoreOptions): void {
  const plain = connect(file, options);
  try {
    if (!canRead(plain)) throw new DatabaseKeyError('wrong_key', file);
    refuseFutureDatabase(plain);
    const mode = plain.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete')
      throw new Error(`SQLite could not leave WAL mode (got ${String(mode)}) for ${file}`);
    encryptInPlace(plain, options.key);
  } finally {
    plain.close();
  }
  // The file name and sizes only: nothing from inside the database.
  log.warn('encrypted an unencrypted database from an earlier Loket in place', {
    file: DATABASE_FILE,
    bytes: fs.statSync(file).size,
  });
}

function connect(file: string, options: OpenStoreOptions): Database.Database {
  return new Database(file, {
    timeout: BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * Runs fn in one write transaction (BEGIN IMMEDIATE, so a read-then-write inside cannot race another
 * connection). Nested calls become savepoints, so repositories can use it and callers can still group them.
 */
export function inTransaction<T>(store: Store, fn: () => T): T {
  return store.db.transaction(fn).immediate();
}
