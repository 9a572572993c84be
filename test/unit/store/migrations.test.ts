import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openStore } from '../../../main/store/connection';
import { DatabaseFromTheFutureError } from '../../../main/store/errors';
import { migrate, schemaVersion } from '../../../main/store/migrate';
import { MIGRATIONS, type Migration } from '../../../main/store/migrations';
import { QUEUE_QUERIES } from '../../../main/store/records';
import { TEST_KEY, tempDir, tempStore } from './temp-store';

const LATEST = MIGRATIONS.length;

function rawDatabase(dir: string): Database.Database {
  return new Database(path.join(dir, DATABASE_FILE));
}

function tableNames(db: Database.Database): string[] {
  const rows = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all();
  return rows.map((row) => row.name).sort();
}

describe('migrations', () => {
  it.each(MIGRATIONS.map((m) => [m.version, m.name, m] as const))(
    'migration %i (%s) applies on top of its predecessors and sets user_version',
    (version, _name, migration) => {
      const db = rawDatabase(tempDir());
      try {
        migrate(db, MIGRATIONS.slice(0, version - 1));
        expect(schemaVersion(db)).toBe(version - 1);
        expect(migrate(db, MIGRATIONS.slice(0, version))).toEqual([migration.version]);
        expect(schemaVersion(db)).toBe(version);
      } finally {
        db.close();
      }
    },
  );

  it('001 creates STRICT tables, the foreign keys and the queue index', () => {
    const { db } = tempStore();
    expect(tableNames(db)).toEqual(expect.arrayContaining(['record_images', 'record_steps', 'records']));
    const strict = db
      .prepare<[], { name: string; strict: number }>(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main'`,
      )
      .all()
      .filter((row) => !row.name.startsWith('sqlite_'));
    expect(strict.every((row) => row.strict === 1)).toBe(true);
    const fks = db.prepare(`SELECT "table", on_delete FROM pragma_foreign_key_list('record_images')`).all();
    expect(fks).toEqual([{ table: 'records', on_delete: 'CASCADE' }]);
    const index = db.prepare(`SELECT name FROM pragma_index_list('records') WHERE origin = 'c'`).all();
    expect(index).toContainEqual({ name: 'records_status_next_attempt' });
  });

  it('002 rebuilds records without losing rows, images or steps, and opens retake_reason', () => {
    const db = rawDatabase(tempDir());
    try {
      db.pragma('foreign_keys = ON');
      migrate(db, MIGRATIONS.slice(0, 1));
      const now = '2026-11-22T00:00:00.000Z';
      db.prepare(
        `INSERT INTO records (id, created_at, updated_at, mode, provider, status, retake_kind, retake_reason)
         VALUES ('REC0000001', ?, ?, 'assisted', 'sandbox', 'retake', 'selfie', 'no_face')`,
      ).run(now, now);
      db.prepare(`INSERT INTO record_images VALUES ('REC0000001', 'selfie', 'image/jpeg', ?, ?)`).run(
        Buffer.from([0xff, 0xd8, 0xff]),
        now,
      );
      db.prepare(`INSERT INTO record_steps VALUES ('REC0000001', 'start', '{"token":"t"}', ?)`).run(now);
      expect(() => db.prepare(`UPDATE records SET retake_reason = 'remove_glasses'`).run()).toThrow(/CHECK/);

      expect(migrate(db, MIGRATIONS.slice(0, 2))).toEqual([2]);
      expect(db.prepare(`SELECT id, status, retake_reason FROM records`).all()).toEqual([
        { id: 'REC0000001', status: 'retake', retake_reason: 'no_face' },
      ]);
      expect(db.prepare(`SELECT COUNT(*) AS n FROM record_images`).get()).toEqual({ n: 1 });
      expect(db.prepare(`SELECT COUNT(*) AS n FROM record_steps`).get()).toEqual({ n: 1 });
      db.prepare(`UPDATE records SET retake_reason = 'remove_glasses'`).run();
      // Foreign keys are back on and still point at the rebuilt table: deleting cascades.
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.prepare(`DELETE FROM records WHERE id = 'REC0000001'`).run();
      expect(db.prepare(`SELECT COUNT(*) AS n FROM record_images`).get()).toEqual({ n: 0 });
      expect(db.prepare(`SELECT name FROM pragma_index_list('records') WHERE origin = 'c'`).all()).toEqual([
        { name: 'records_status_next_attempt' },
      ]);
    } finally {
      db.close();
    }
  });

  it('a fresh store is at the latest version and a second open applies nothing', () => {
    const dir = tempDir();
    const store = openStore(dir, { key: TEST_KEY });
    expect(schemaVersion(store.db)).toBe(LATEST);
    expect(migrate(store.db)).toEqual([]);
    store.close();
  });

  it('refuses a database from the future and leaves it untouched', () => {
    const dir = tempDir();
    const db = rawDatabase(dir);
    db.pragma(`user_version = ${LATEST + 1}`);
    db.close();

    expect(() => openStore(dir, { key: TEST_KEY })).toThrow(DatabaseFromTheFutureError);
    try {
      openStore(dir, { key: TEST_KEY });
    } catch (error) {
      expect(error).toMatchObject({ databaseVersion: LATEST + 1, codeVersion: LATEST, code: 'storage' });
      expect((error as Error).message).toMatch(/newer Loket/);
    }
    const after = rawDatabase(dir);
    expect(schemaVersion(after)).toBe(LATEST + 1);
    expect(tableNames(after)).toEqual([]);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('rolls a failing migration back whole: no table, no version bump', () => {
    const db = rawDatabase(tempDir());
    const broken: Migration = {
      version: LATEST + 1,
      name: 'broken',
      up(handle) {
        handle.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('boom');
      },
    };
    migrate(db);
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(LATEST);
    expect(tableNames(db)).not.toContain('half_done');
    db.close();
  });

  it('refuses a list with a gap or a duplicate before writing anything', () => {
    const db = rawDatabase(tempDir());
    const stray: Migration = { version: LATEST + 2, name: 'stray', up: () => undefined };
    expect(() => migrate(db, [...MIGRATIONS, stray])).toThrow(/expected/);
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });
});

describe('the queue query plan', () => {
  const plan = (db: Database.Database, sql: string, ...params: unknown[]): string =>
    db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail)
      .join('\n');

  it('WHERE status IN (…) ORDER BY next_attempt_at searches the index instead of scanning', () => {
    const { db } = tempStore();
    const detail = plan(
      db,
      `SELECT id FROM records WHERE status IN ('pending', 'in_progress') ORDER BY next_attempt_at`,
    );
    expect(detail).toMatch(
      /SEARCH records USING (COVERING )?INDEX records_status_next_attempt \(status=\?\)/,
    );
    expect(detail).not.toMatch(/SCAN records/);
  });

  it('the repository statements use it too; the due query needs no sort at all', () => {
    const { db } = tempStore();
    const byStatus = plan(db, QUEUE_QUERIES.byStatus, '["pending","in_progress"]');
    expect(byStatus).toMatch(/USING INDEX records_status_next_attempt/);
    const due = plan(db, QUEUE_QUERIES.due, '2026-01-01T00:00:00.000Z', 10);
    expect(due).toMatch(/USING INDEX records_status_next_attempt/);
    expect(due).not.toMatch(/TEMP B-TREE/);
  });
});
