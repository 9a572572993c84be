// Migration 005: staff accounts, who served the customer, on which kiosk, under which consent, and the
// desk's review (NIK flags, corrections, confirmation). Older rows keep everything they had and say
// nobody; the new columns round-trip through the repositories.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/store/migrate';
import { MIGRATIONS } from '../../../main/store/migrations';
import {
  addCorrection,
  correctedFields,
  createRecord,
  deleteRecord,
  getRecord,
  listCorrections,
  transition,
} from '../../../main/store/records';
import { listRecordIdsByIdSuffix, listRecordIdsByNik } from '../../../main/store/retention-queries';
import { T0, at, tempStore } from './temp-store';

const NIK = '3174054507900012';

describe('migration 005 (desk and consent)', () => {
  it('keeps the rows before it, which name no operator, kiosk or consent', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.slice(0, 4));
      db.prepare(
        `INSERT INTO records (id, created_at, updated_at, mode, provider, status, decision, ocr_json)
         VALUES ('OLDREC0001', '${T0}', '${T0}', 'assisted', 'incode', 'decided', 'verified', '{"name":"X"}')`,
      ).run();
      expect(migrate(db, MIGRATIONS.slice(0, 5))).toEqual([5]);
      expect(
        db
          .prepare(
            `SELECT id, decision, ocr_json, operator, kiosk_id, consent_version, nik_flags_json, confirmed_at
             FROM records`,
          )
          .all(),
      ).toEqual([
        {
          id: 'OLDREC0001',
          decision: 'verified',
          ocr_json: '{"name":"X"}',
          operator: null,
          kiosk_id: null,
          consent_version: null,
          nik_flags_json: null,
          confirmed_at: null,
        },
      ]);
      expect(() => db.prepare(`UPDATE records SET consent_language = 'fr'`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE records SET confirmed_decision = 'needs_review'`).run()).toThrow(
        /CHECK/,
      );
      expect(() => db.prepare(`UPDATE records SET nik_flags_json = '[not json'`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('keeps account names unique in any case, and roles to the three', () => {
    const { db } = tempStore();
    const insert = db.prepare<[string, string, string, string]>(
      `INSERT INTO accounts (id, name, name_key, role, password_hash, created_at, updated_at, password_changed_at)
       VALUES (?, ?, ?, ?, 'h', '${T0}', '${T0}', '${T0}')`,
    );
    insert.run('ACC0000001', 'Siti', 'siti', 'operator');
    expect(() => insert.run('ACC0000002', 'SITI', 'siti', 'admin')).toThrow(/UNIQUE/);
    expect(() => insert.run('ACC0000003', 'Budi', 'budi', 'root')).toThrow(/CHECK/);
  });

  it('round-trips the operator, kiosk and consent of a new record, and its review fields', () => {
    const store = tempStore();
    createRecord(store, {
      id: 'DESKREC001',
      mode: 'self_service',
      provider: 'identifai',
      now: T0,
      operator: 'self_service',
      kioskId: 'JKT-01',
      consent: { version: '1', language: 'en' },
    });
    expect(getRecord(store, 'DESKREC001')).toMatchObject({
      operator: 'self_service',
      kioskId: 'JKT-01',
      consentVersion: '1',
      consentLanguage: 'en',
      consentAt: T0,
      nikFlags: null,
      confirmedAt: null,
    });
    transition(store, 'DESKREC001', { from: ['captured'], to: 'pending', now: at(1) });
    transition(store, 'DESKREC001', { from: ['pending'], to: 'in_progress', now: at(2) });
    transition(store, 'DESKREC001', {
      from: ['in_progress'],
      to: 'decided',
      patch: { decision: 'verified', ocr: { nik: NIK }, nikFlags: ['sex_mismatch'] },
      now: at(3),
    });
    transition(store, 'DESKREC001', {
      from: ['decided'],
      to: 'decided',
      patch: {
        confirmedBy: 'ACC0000001',
        confirmedAt: at(4),
        confirmedDecision: 'verified',
        confirmReason: 'ok',
      },
      now: at(4),
    });
    expect(getRecord(store, 'DESKREC001')).toMatchObject({
      nikFlags: ['sex_mismatch'],
      confirmedBy: 'ACC0000001',
      confirmedDecision: 'verified',
      confirmReason: 'ok',
      // Fixed at creation: a later write never touches them.
      operator: 'self_service',
      consentAt: T0,
    });
  });

  it('keeps corrections beside the reading, finds a corrected NIK, and deletes them with the record', () => {
    const store = tempStore();
    createRecord(store, { id: 'CORREC0001', mode: 'assisted', provider: 'incode', now: T0 });
    addCorrection(store, 'CORREC0001', { field: 'nik', before: null, after: NIK, by: 'ACC1', at: at(1) });
    addCorrection(store, 'CORREC0001', {
      field: 'name',
      before: 'SlTI',
      after: 'SITI',
      by: 'ACC1',
      at: at(2),
    });
    addCorrection(store, 'CORREC0001', {
      field: 'name',
      before: 'SITI',
      after: 'SITI A',
      by: 'ACC2',
      at: at(3),
    });
    const corrections = listCorrections(store, 'CORREC0001');
    expect(corrections.map((c) => [c.field, c.before, c.after, c.by])).toEqual([
      ['nik', null, NIK, 'ACC1'],
      ['name', 'SlTI', 'SITI', 'ACC1'],
      ['name', 'SITI', 'SITI A', 'ACC2'],
    ]);
    expect(correctedFields({ name: 'SlTI', sex: 'PEREMPUAN' }, corrections)).toEqual({
      nik: NIK,
      name: 'SITI A',
      sex: 'PEREMPUAN',
    });
    // A deletion request by NIK reaches the NIK staff typed in, not only the one the provider read.
    expect(listRecordIdsByNik(store, NIK)).toEqual(['CORREC0001']);
    expect(listRecordIdsByIdSuffix(store, 'XXXX0001')).toEqual([]);
    expect(listRecordIdsByIdSuffix(store, 'RREC0001')).toEqual(['CORREC0001']);
    deleteRecord(store, 'CORREC0001');
    expect(listCorrections(store, 'CORREC0001')).toEqual([]);
    expect(store.db.prepare(`SELECT COUNT(*) AS n FROM record_corrections`).get()).toEqual({ n: 0 });
  });

  it('reads a record’s corrections through their index', () => {
    const { db } = tempStore();
    const detail = db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT field FROM record_corrections WHERE record_id = 'X' ORDER BY id`,
      )
      .all()
      .map((row) => row.detail)
      .join('\n');
    expect(detail).toMatch(/USING (COVERING )?INDEX record_corrections_record/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
