// Migration 003's `nik` column: filled from the OCR on every save, backfilled for older rows, indexed.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/store/migrate';
import { MIGRATIONS } from '../../../main/store/migrations';
import { createRecord, transition } from '../../../main/store/records';
import { listRecordIdsByNik } from '../../../main/store/retention-queries';
import type { Store } from '../../../main/store/connection';
import { T0, at, tempStore } from './temp-store';

const NIK = '3171011205900001';

const nikOf = (store: Store, id: string): unknown =>
  store.db.prepare<[string], { nik: unknown }>(`SELECT nik FROM records WHERE id = ?`).get(id)?.nik;

function decide(store: Store, id: string, ocr: Record<string, string> | null): void {
  transition(store, id, {
    from: ['captured', 'decided'],
    to: 'decided',
    patch: { ocr, decidedAt: at(1) },
    now: at(1),
  });
}

describe('the nik column', () => {
  it('is null until the OCR is saved, then holds a plausible NIK', () => {
    const store = tempStore();
    createRecord(store, { id: 'NIKREC0001', mode: 'assisted', provider: 'sandbox', now: T0 });
    expect(nikOf(store, 'NIKREC0001')).toBeNull();
    decide(store, 'NIKREC0001', { nik: NIK, name: 'BUDI' });
    expect(nikOf(store, 'NIKREC0001')).toBe(NIK);
    expect(listRecordIdsByNik(store, NIK)).toEqual(['NIKREC0001']);
  });

  it.each([
    ['a month 13', '3171011213900001'],
    ['a day 35', '3171013505900001'],
    ['15 digits', '317101120590000'],
    ['a passport number', 'C1234567'],
  ])('stays null for %s', (_label, value) => {
    const store = tempStore();
    createRecord(store, { id: 'NIKREC0002', mode: 'assisted', provider: 'sandbox', now: T0 });
    decide(store, 'NIKREC0002', { nik: value });
    expect(nikOf(store, 'NIKREC0002')).toBeNull();
  });

  it('follows the OCR when it changes or goes', () => {
    const store = tempStore();
    createRecord(store, { id: 'NIKREC0003', mode: 'assisted', provider: 'sandbox', now: T0 });
    decide(store, 'NIKREC0003', { nik: NIK });
    decide(store, 'NIKREC0003', { name: 'NO NIK READ' });
    expect(nikOf(store, 'NIKREC0003')).toBeNull();
    decide(store, 'NIKREC0003', { nik: NIK });
    decide(store, 'NIKREC0003', null);
    expect(nikOf(store, 'NIKREC0003')).toBeNull();
  });

  it('a lookup by NIK searches its index', () => {
    const { db } = tempStore();
    const plan = db
      .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN SELECT id FROM records WHERE nik = ?`)
      .all(NIK)
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX records_nik/);
  });

  it('003 adds the column to existing rows and backfills plausible NIKs from their OCR', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.slice(0, 2));
      const insert = db.prepare<[string, string | null]>(
        `INSERT INTO records (id, created_at, updated_at, mode, provider, status, ocr_json)
         VALUES (?, '${T0}', '${T0}', 'assisted', 'identifai', 'decided', ?)`,
      );
      const rows: Array<[string, string | null, string | null]> = [
        ['OLDREC0001', JSON.stringify({ nik: NIK, name: 'BUDI' }), NIK],
        ['OLDREC0002', JSON.stringify({ nik: '3273015205850002' }), '3273015205850002'], // day 52: a woman
        ['OLDREC0003', JSON.stringify({ nik: '3171011213900001' }), null], // month 13
        ['OLDREC0004', JSON.stringify({ nik: '3171013505900001' }), null], // day 35
        ['OLDREC0005', JSON.stringify({ nik: '31710112059000x1' }), null],
        ['OLDREC0006', JSON.stringify({ nik: 3171011205900001 }), null], // a number, not text
        ['OLDREC0007', JSON.stringify({ name: 'NO NIK' }), null],
        ['OLDREC0008', null, null],
      ];
      for (const [id, ocr] of rows) insert.run(id, ocr);

      expect(migrate(db, MIGRATIONS.slice(0, 3))).toEqual([3]);
      expect(schemaVersion(db)).toBe(3);
      const after = db
        .prepare<[], { id: string; nik: string | null }>(`SELECT id, nik FROM records ORDER BY id`)
        .all();
      expect(after).toEqual(rows.map(([id, , nik]) => ({ id, nik })));
    } finally {
      db.close();
    }
  });
});
