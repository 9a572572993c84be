// Encryption at rest: loket.db is a SQLCipher 4 database (through better-sqlite3-multiple-ciphers), keyed with
// 32 random bytes that live in the OS keychain (main/keys/data-key.ts). Every page of the file, of its WAL and
// of the rollback journal is encrypted and authenticated; temporary tables and sorts stay in memory. This
// module holds the cipher settings, the key's validation, and the one error a key problem surfaces as.
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ErrorCode } from '../../common/errors';

/** AES-256: the key is exactly 32 bytes, used as is (a raw key: no passphrase, so no KDF on every open). */
export const DATA_KEY_BYTES = 32;

/** The first 16 bytes of every unencrypted SQLite file. An encrypted one starts with its random salt. */
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type DatabaseKeyProblem = 'wrong_key' | 'key_missing' | 'key_invalid';

/**
 * loket.db cannot be opened with the key this computer has: the wrong key, no key at all, or a keychain entry
 * that is not a key. The file is never touched when this is thrown; nothing is deleted or recreated.
 */
export class DatabaseKeyError extends Error {
  override readonly name = 'DatabaseKeyError';
  readonly code: ErrorCode = 'storage';
  constructor(
    readonly problem: DatabaseKeyProblem,
    readonly path: string,
  ) {
    super(describe(problem, path));
  }
}

function describe(problem: DatabaseKeyProblem, path: string): string {
  const untouched = `The data is kept untouched: nothing has been deleted or overwritten.`;
  const fix =
    `Restore the keychain entry 'data-key' of this computer's login keyring (service 'loket') from its ` +
    `backup, or move ${path} aside to start with an empty database (its records cannot be read without ` +
    `the key).`;
  switch (problem) {
    case 'wrong_key':
      return `${path} is encrypted with a key that is not in this computer's keychain (the keychain holds a different one), or it is damaged. ${untouched} ${fix}`;
    case 'key_missing':
      return `${path} is encrypted with a key that is not in this computer's keychain (there is no 'data-key' entry). ${untouched} ${fix}`;
    case 'key_invalid':
      return `The keychain entry 'data-key' is not a Loket database key (expected ${DATA_KEY_BYTES} bytes in base64), so ${path} cannot be opened. ${untouched} ${fix}`;
  }
}

/** Throws unless key is a Buffer of exactly 32 bytes: the only thing a key pragma is ever built from. */
export function assertDataKey(key: unknown): asserts key is Buffer {
  if (!Buffer.isBuffer(key) || key.length !== DATA_KEY_BYTES) {
    throw new TypeError(`The database key must be a Buffer of ${DATA_KEY_BYTES} bytes`);
  }
}

/**
 * The cipher, pinned rather than left to the library's defaults: SQLCipher 4 (AES-256-CBC per page,
 * HMAC-SHA512 per page, a random 16-byte salt in place of the header), so the file can also be opened with
 * the stock sqlcipher tools given the key. `legacy = 4` is what makes it byte-compatible with SQLCipher 4
 * (sqlite3mc's own variant would leave header bytes 16–23 in the clear and be readable only by sqlite3mc).
 */
function selectCipher(db: Database.Database): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

/** Must run before anything else on the connection. PRAGMA takes no bound parameters, so the statement is
 *  built only from the validated Buffer's hex digits: nothing a caller passes as text can reach it. */
export function applyKey(db: Database.Database, key: Buffer): void {
  assertDataKey(key);
  selectCipher(db);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  noTempFiles(db);
}

/** Sorts, temporary indices and VACUUM's copy stay in memory, never in an unencrypted temp file. */
export function noTempFiles(db: Database.Database): void {
  db.pragma('temp_store = MEMORY');
}

/** Encrypts an unencrypted database in place. The connection must be in a rollback journal mode (sqlite3mc
 *  cannot rekey in WAL mode); the rewrite is one transaction, so a crash leaves the old file whole. */
export function encryptInPlace(db: Database.Database, key: Buffer): void {
  assertDataKey(key);
  selectCipher(db);
  noTempFiles(db);
  db.pragma(`rekey = "x'${key.toString('hex')}'"`);
}

/** True when the connection's key opens the file (a new, empty file included); false on SQLITE_NOTADB,
 *  which is what a wrong key, a missing key or an encrypted file read without one all look like. */
export function canRead(db: Database.Database): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') return false;
    throw error;
  }
}

export type DatabaseFileState = 'absent' | 'plaintext' | 'encrypted';

/**
 * What is at path, from its first bytes, without opening it: nothing (or an empty file), an unencrypted SQLite
 * database from a Loket before encryption, or anything else, which is treated as encrypted data to keep.
 */
export function databaseFileState(path: string): DatabaseFileState {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  try {
    const header = Buffer.alloc(PLAINTEXT_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    if (read === 0) return 'absent';
    return read === header.length && header.equals(PLAINTEXT_HEADER) ? 'plaintext' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}
