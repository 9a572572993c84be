// Encryption at rest, checked on the raw bytes: a record with a NIK-bearing OCR payload and a real JPEG is
// written, and neither the NIK, the name, nor any stretch of the JPEG can be found in loket.db, its WAL or
// its shared-memory file. The right key reads everything back; a wrong key is a DatabaseKeyError that leaves
// the file as it was; an unencrypted loket.db from an earlier Loket is encrypted in place on first open.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureLogging } from '../../../main/lib/log';
import { DATABASE_FILE, openStore, type Store } from '../../../main/store/connection';
import { DatabaseKeyError, databaseFileState } from '../../../main/store/encryption';
import { migrate } from '../../../main/store/migrate';
import {
  createRecord,
  getImages,
  getRecord,
  getStepOutputs,
  putImage,
  saveStepOutput,
  transition,
} from '../../../main/store/records';
import { ktpCard } from '../../fixtures/images';
import { T0, at, tempDir, tempStore } from '../../unit/store/temp-store';

const NIK = '3171234507890001';
const NAME = 'SITI RAHAYU WIBISONO';
const ADDRESS = 'JL. MELATI INDAH NO. 17';
const OCR = {
  nik: NIK,
  name: NAME,
  birthPlace: 'SURABAYA',
  birthDate: '07-05-1990',
  address: ADDRESS,
};
const ID = 'SECRET0001';

let jpeg: Buffer;
/** 32 bytes from the middle of the JPEG's entropy-coded data: found only if the image is stored in clear. */
let jpegSlice: Buffer;

beforeAll(async () => {
  jpeg = await ktpCard('A');
  jpegSlice = jpeg.subarray(Math.floor(jpeg.length / 2), Math.floor(jpeg.length / 2) + 32);
});

const logLines: string[] = [];
configureLogging({ sink: (line) => logLines.push(line), level: 'warn' });
afterEach(() => void logLines.splice(0));

/** Writes the record every test looks for: OCR payload, step output with the NIK, the JPEG, a decision. */
function writeSensitiveRecord(store: Store): void {
  createRecord(store, { id: ID, mode: 'assisted', provider: 'sandbox', now: T0 });
  putImage(store, ID, 'id_card', jpeg, at(1));
  transition(store, ID, { from: ['captured'], to: 'pending', now: at(2) });
  transition(store, ID, { from: ['pending'], to: 'in_progress', now: at(3) });
  saveStepOutput(store, ID, 'ocr', { fields: OCR }, at(4));
  transition(store, ID, {
    from: ['in_progress'],
    to: 'decided',
    patch: { decidedAt: at(5), decision: 'verified', ocr: OCR, raw: { ocr: OCR } },
    now: at(5),
  });
}

function expectReadable(store: Store): void {
  expect(getRecord(store, ID)).toMatchObject({ status: 'decided', decision: 'verified', ocr: OCR });
  expect(getImages(store, ID).id_card?.equals(jpeg)).toBe(true);
  expect(getStepOutputs(store, ID)).toEqual({ ocr: { fields: OCR } });
}

/** The database's files on disk right now: loket.db and, while a connection is open, -wal and -shm. */
function databaseFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(DATABASE_FILE))
    .map((name) => path.join(dir, name));
}

/** Every needle that must not be found in clear, in the encodings SQLite would store it in. */
function needles(): [string, Buffer][] {
  return [
    ['NIK', Buffer.from(NIK)],
    ['NIK (UTF-16)', Buffer.from(NIK, 'utf16le')],
    ['name', Buffer.from(NAME)],
    ['address', Buffer.from(ADDRESS)],
    ['JPEG slice', jpegSlice],
    ['JPEG start', jpeg.subarray(0, 32)],
    ['SQLite header', Buffer.from('SQLite format 3\0', 'latin1')],
    ['table name', Buffer.from('record_images')],
  ];
}

function expectNoPlaintext(files: readonly string[]): void {
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const [what, needle] of needles()) {
      expect(bytes.includes(needle), `${what} found in ${path.basename(file)}`).toBe(false);
    }
  }
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(databaseFiles(dir).map((file) => [path.basename(file), sha256(file)]));
}

describe('encryption at rest', () => {
  it('keeps personal fields and images out of loket.db, its WAL and -shm, open and closed', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const store = openStore(dir, { key });
    writeSensitiveRecord(store);

    // While open, the last writes sit in the WAL: it must be encrypted too.
    const open = databaseFiles(dir).map((file) => path.basename(file));
    expect(open).toEqual(expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`]));
    expect(fs.statSync(path.join(dir, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(jpeg.length);
    expectNoPlaintext(databaseFiles(dir));

    // After a checkpoint the pages are in loket.db itself.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expectNoPlaintext(databaseFiles(dir));
    store.close();
    expect(fs.statSync(path.join(dir, DATABASE_FILE)).size).toBeGreaterThan(jpeg.length);
    expectNoPlaintext(databaseFiles(dir));
    // Nothing else was written beside it: temporary data stays in memory.
    expect(fs.readdirSync(dir)).toEqual([DATABASE_FILE]);
    expect(databaseFileState(path.join(dir, DATABASE_FILE))).toBe('encrypted');
  });

  it('reads everything back with the right key, after a reopen', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const first = openStore(dir, { key });
    writeSensitiveRecord(first);
    first.close();

    const second = tempStore(dir, Buffer.from(key));
    expectReadable(second);
    expect(second.db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
  });

  it('is a SQLCipher 4 file: opens with the stock SQLCipher 4 settings and the raw key', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const store = openStore(dir, { key });
    writeSensitiveRecord(store);
    store.close();

    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      db.pragma(`cipher = 'sqlcipher'`);
      db.pragma('legacy = 4');
      db.pragma(`key = "x'${key.toString('hex')}'"`);
      const row = db
        .prepare<[string], { ocr: string }>(`SELECT ocr_json AS ocr FROM records WHERE id = ?`)
        .get(ID);
      expect(JSON.parse(row?.ocr ?? 'null')).toEqual(OCR);
    } finally {
      db.close();
    }
  });

  it('refuses a wrong key with DatabaseKeyError and leaves every byte of the file as it was', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const store = openStore(dir, { key });
    writeSensitiveRecord(store);
    store.close();
    const before = snapshot(dir);

    const wrong = randomBytes(32);
    expect(() => openStore(dir, { key: wrong })).toThrow(DatabaseKeyError);
    try {
      openStore(dir, { key: wrong });
    } catch (error) {
      expect(error).toMatchObject({ problem: 'wrong_key', code: 'storage' });
      expect((error as Error).message).toMatch(/not in this computer's keychain/);
      expect((error as Error).message).toMatch(/kept untouched/);
      expect((error as Error).message).not.toContain(key.toString('hex'));
      expect((error as Error).message).not.toContain(wrong.toString('hex'));
    }
    expect(snapshot(dir)).toEqual(before);
    expect(fs.readdirSync(dir)).toEqual([DATABASE_FILE]);

    // And the right key still opens it.
    expectReadable(tempStore(dir, key));
  });

  it('encrypts an unencrypted loket.db from an earlier Loket in place, WAL included, and still reads it', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    // As an earlier Loket left it: plaintext, WAL mode, migrated.
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(old);
    const store: Store = { db: old, path: file, noteWrite: () => undefined, close: () => old.close() };
    writeSensitiveRecord(store);
    old.close();
    expect(databaseFileState(file)).toBe('plaintext');
    // The control: in an unencrypted file the needles are there to be found.
    expect(fs.readFileSync(file).includes(Buffer.from(NIK))).toBe(true);
    expect(fs.readFileSync(file).includes(jpegSlice)).toBe(true);

    const key = randomBytes(32);
    const encrypted = tempStore(dir, key);
    expectReadable(encrypted);
    expect(encrypted.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expectNoPlaintext(databaseFiles(dir));
    encrypted.close();
    expectNoPlaintext(databaseFiles(dir));
    expect(databaseFileState(file)).toBe('encrypted');

    // Said so in the log, with nothing from the database in the line.
    const line = logLines.find((text) => text.includes('encrypted an unencrypted database'));
    expect(line).toBeDefined();
    for (const secret of [NIK, NAME, ADDRESS, key.toString('hex'), key.toString('base64')])
      expect(line).not.toContain(secret);

    // Without the key it no longer opens; with it, it still does (and is not encrypted twice).
    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_schema').get()).toThrow(/not a database/);
    plain.close();
    expectReadable(tempStore(dir, key));
    expect(logLines.filter((text) => text.includes('encrypted an unencrypted database'))).toHaveLength(1);
  });

  it('also takes in what a crash left in the unencrypted WAL', () => {
    const source = tempDir();
    const dir = tempDir();
    const old = new Database(path.join(source, DATABASE_FILE));
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(old);
    writeSensitiveRecord({ db: old, path: old.name, noteWrite: () => undefined, close: () => old.close() });
    // Copy the files while the connection is open: the WAL is not checkpointed, as after a power cut.
    expect(fs.statSync(path.join(source, `${DATABASE_FILE}-wal`)).size).toBeGreaterThan(0);
    for (const name of fs.readdirSync(source)) fs.copyFileSync(path.join(source, name), path.join(dir, name));
    old.close();

    const key = randomBytes(32);
    const store = tempStore(dir, key);
    expectReadable(store);
    store.close();
    expectNoPlaintext(databaseFiles(dir));
    expect(fs.readdirSync(dir)).toEqual([DATABASE_FILE]);
  });

  it('refuses an unencrypted database from a newer Loket without encrypting or changing it', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.close();
    const before = sha256(file);
    expect(() => openStore(dir, { key: randomBytes(32) })).toThrow(/newer Loket/);
    expect(sha256(file)).toBe(before);
    expect(databaseFileState(file)).toBe('plaintext');
  });

  it('takes only a 32-byte Buffer as the key, before it creates anything', () => {
    const dir = path.join(tempDir(), 'data');
    for (const key of [randomBytes(16), randomBytes(33), Buffer.alloc(0), 'a'.repeat(64), undefined]) {
      expect(() => openStore(dir, { key: key as Buffer })).toThrow(TypeError);
    }
    expect(fs.existsSync(dir)).toBe(false);
  });
});
