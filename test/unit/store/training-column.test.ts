// Migration 004's `training` flag: set on every record the training sandbox verified, backfilled for
// older rows, and carried to the record view the renderer shows.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/store/migrate';
import { MIGRATIONS } from '../../../main/store/migrations';
import { createRecord, getRecord } from '../../../main/store/records';
import { toView } from '../../../main/verification/view';
import { T0, tempStore } from './temp-store';

describe('the training flag', () => {
  it('is set for sandbox records and not for a provider', () => {
    const store = tempStore();
    createRecord(store, { id: 'TRAIN00001', mode: 'assisted', provider: 'sandbox', now: T0 });
    createRecord(store, { id: 'REAL000001', mode: 'assisted', provider: 'identifai', now: T0 });
    expect(getRecord(store, 'TRAIN00001')?.training).toBe(true);
    expect(getRecord(store, 'REAL000001')?.training).toBe(false);
  });

  it('may be set explicitly, and reaches the record view', () => {
    const store = tempStore();
    const record = createRecord(store, {
      id: 'TRAIN00002',
      mode: 'self_service',
      provider: 'incode',
      training: true,
      now: T0,
    });
    expect(toView(record, []).training).toBe(true);
    expect(toView(getRecord(store, 'TRAIN00002') ?? record, []).training).toBe(true);
  });

  it('004 flags the sandbox rows saved before it, and only those', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.slice(0, 3));
      const insert = db.prepare<[string, string]>(
        `INSERT INTO records (id, created_at, updated_at, mode, provider, status)
         VALUES (?, '${T0}', '${T0}', 'assisted', ?, 'decided')`,
      );
      insert.run('OLDREC0001', 'sandbox');
      insert.run('OLDREC0002', 'incode');
      expect(migrate(db, MIGRATIONS.slice(0, 4))).toEqual([4]);
      const rows = db.prepare(`SELECT id, training FROM records ORDER BY id`).all();
      expect(rows).toEqual([
        { id: 'OLDREC0001', training: 1 },
        { id: 'OLDREC0002', training: 0 },
      ]);
      expect(() => db.prepare(`UPDATE records SET training = 2`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
