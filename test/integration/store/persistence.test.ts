// The store on a real file across a close and a reopen, as the kiosk sees it after a restart or a crash.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openStore } from '../../../main/store/connection';
import { schemaVersion } from '../../../main/store/migrate';
import { MIGRATIONS } from '../../../main/store/migrations';
import {
  createRecord,
  getImages,
  getRecord,
  getStepOutputs,
  putImage,
  saveStepOutput,
  transition,
} from '../../../main/store/records';
import { T0, TEST_KEY, at, tempDir, tempStore } from '../../unit/store/temp-store';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 0xff, 0xd9]);

describe('store on disk', () => {
  it('creates the data folder and keeps everything across close and reopen', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const first = openStore(dir, { key: TEST_KEY });
    expect(first.path).toBe(path.join(dir, DATABASE_FILE));
    createRecord(first, { id: 'KEEP00001', mode: 'self_service', provider: 'faceverify', now: T0 });
    putImage(first, 'KEEP00001', 'id_card', JPEG, at(1));
    transition(first, 'KEEP00001', {
      from: ['captured'],
      to: 'pending',
      patch: { submittedAt: at(2), nextAttemptAt: at(2), attempts: 1 },
      now: at(2),
    });
    saveStepOutput(first, 'KEEP00001', 'createSession', { sessionId: 's-1', url: 'https://x' }, at(3));
    const before = getRecord(first, 'KEEP00001');
    first.close();

    expect(fs.existsSync(first.path)).toBe(true);
    const second = tempStore(dir);
    expect(getRecord(second, 'KEEP00001')).toEqual(before);
    expect(getImages(second, 'KEEP00001').id_card?.equals(JPEG)).toBe(true);
    expect(getStepOutputs(second, 'KEEP00001')).toEqual({
      createSession: { sessionId: 's-1', url: 'https://x' },
    });
    expect(schemaVersion(second.db)).toBe(MIGRATIONS.length);
  });

  it('runs in WAL mode with foreign keys, NORMAL sync and a busy timeout on every open', () => {
    const dir = tempDir();
    openStore(dir, { key: TEST_KEY }).close();
    const store = tempStore(dir);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(fs.existsSync(`${store.path}-wal`)).toBe(true);
  });

  it('lets a reader see the last commit while a writer holds a transaction open (WAL)', () => {
    const dir = tempDir();
    const writer = tempStore(dir);
    const reader = tempStore(dir);
    createRecord(writer, { id: 'WALREC001', mode: 'assisted', provider: 'sandbox', now: T0 });
    writer.db.prepare('BEGIN IMMEDIATE').run();
    transition(writer, 'WALREC001', { from: ['captured'], to: 'pending', now: at(1) });
    expect(getRecord(reader, 'WALREC001')?.status).toBe('captured');
    writer.db.prepare('COMMIT').run();
    expect(getRecord(reader, 'WALREC001')?.status).toBe('pending');
  });
});
