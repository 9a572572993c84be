// Migration 006: the audit log table (STRICT, append-only by trigger) and the records index the exports
// read by, checked with the query plans of the statements that use them.
import { describe, expect, it } from 'vitest';
import { COUNT_QUERIES, EXPORT_QUERIES } from '../../../main/export/rows';
import { tempStore } from './temp-store';

const plan = (store: ReturnType<typeof tempStore>, sql: string) =>
  store.db
    .prepare<[{ from: string; to: string }], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all({ from: '2026-01-04T17:00:00.000Z', to: '2026-01-05T17:00:00.000Z' })
    .map((row) => row.detail)
    .join('\n');

describe('the audit-log migration', () => {
  it('creates a STRICT audit_log whose triggers refuse UPDATE and DELETE', () => {
    const store = tempStore();
    const table = store.db.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'audit_log'`).get();
    expect(table).toEqual({ strict: 1 });
    const triggers = store.db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name`,
      )
      .all();
    expect(triggers).toEqual([{ name: 'audit_log_no_delete' }, { name: 'audit_log_no_update' }]);
    expect(() =>
      store.db
        .prepare(`INSERT INTO audit_log VALUES (0, 't', 'a', 'b', NULL, NULL, '{}', ?)`)
        .run('a'.repeat(64)),
    ).toThrow(/CHECK/);
    expect(() =>
      store.db
        .prepare(`INSERT INTO audit_log VALUES (1, 't', 'a', 'b', NULL, NULL, 'not json', ?)`)
        .run('a'.repeat(64)),
    ).toThrow(/CHECK/);
  });

  it('lets every export query search records by created_at, without reading the audit log', () => {
    const store = tempStore();
    for (const sql of Object.values(EXPORT_QUERIES)) {
      const detail = plan(store, sql);
      expect(detail).toMatch(/SEARCH r USING (COVERING )?INDEX records_created_at/);
      // The operator and kiosk are the record's own (migration 005): no per-row lookup in the log.
      expect(detail).not.toMatch(/audit_log/);
      expect(detail).not.toMatch(/SCAN r\b/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
    for (const sql of Object.values(COUNT_QUERIES)) {
      expect(plan(store, sql)).toMatch(/SEARCH records USING COVERING INDEX records_created_at/);
    }
  });
});
