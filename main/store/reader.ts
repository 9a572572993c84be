// A second, read-only connection to loket.db, for long reads that must not hold the app's own connection:
// better-sqlite3 runs one statement at a time per connection, so an export streaming 100,000 rows through
// iterate() on the store's connection would block every write (a decision, a capture) until it finished.
// In WAL mode this reader sees one snapshot for as long as its read transaction lasts (readSnapshot), while
// the store goes on writing. It never migrates: open the store first.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DATABASE_FILE } from './connection';
import { applyKey, canRead, DatabaseKeyError } from './encryption';

export interface ReaderOptions {
  key: Buffer;
  nativeBinding?: string | undefined;
}

export function openReader(dataDir: string, options: ReaderOptions): Database.Database {
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applyKey(db, options.key);
    if (!canRead(db)) throw new DatabaseKeyError('wrong_key', file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs fn inside one read transaction, so every query in it sees the same snapshot of the database. */
export async function readSnapshot<T>(db: Database.Database, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN');
  try {
    return await fn();
  } finally {
    db.exec('COMMIT');
  }
}
