// Migration 008 and the console's statements: the supervisor's decision is a row beside the record that goes
// with it, and every console query is served by an index (no scan of records, no sort step), read from the
// query plans SQLite gives for the statements as the console runs them.
import { describe, expect, it } from 'vitest';
import { CONSOLE_QUERIES } from '../../../main/console/queries';
import type { Store } from '../../../main/store/connection';
import { deleteRecord } from '../../../main/store/records';
import { addSupervisorDecision, getSupervisorDecision } from '../../../main/store/record-supervisor';
import { tempStore } from '../store/temp-store';
import { makeRecord } from './fixtures';

const FILTER_PARAMS = {
  from: '2026-01-04T17:00:00.000Z',
  to: '2026-01-05T17:00:00.000Z',
  includeTraining: 0,
  decision: 'needs_review',
  status: null,
  operator: null,
  mode: null,
  provider: null,
};
const DAY_PARAMS = { ...FILTER_PARAMS, limit: 25, offset: 0 };

function plan(store: Store, sql: string, ...params: unknown[]): string {
  return store.db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => row.detail)
    .join('\n');
}

describe('the console queries', () => {
  it('page a day newest first from records_created_at, walked backwards with no sort', () => {
    const store = tempStore();
    const page = plan(store, CONSOLE_QUERIES.dayPage, DAY_PARAMS);
    expect(page).toMatch(
      /SEARCH r USING (COVERING )?INDEX records_created_at \(created_at>\? AND created_at<\?\)/,
    );
    expect(page).not.toMatch(/TEMP B-TREE|SCAN r\b/);
    // The supervisor's decision is a primary-key probe per row.
    expect(page).toMatch(/SEARCH s USING PRIMARY KEY \(record_id=\?\)/);
    expect(plan(store, CONSOLE_QUERIES.dayCount, FILTER_PARAMS)).toMatch(
      /USING (COVERING )?INDEX records_created_at/,
    );
  });

  it('find a reference code through records_reference and a NIK through its two indexes', () => {
    const store = tempStore();
    expect(plan(store, CONSOLE_QUERIES.byReference, 'K7Q43ZPX')).toMatch(/USING INDEX records_reference/);
    const nik = plan(store, CONSOLE_QUERIES.byNik, '3174054507900012', '3174054507900012');
    expect(nik).toMatch(/USING (COVERING )?INDEX records_nik \(nik=\?\)/);
    expect(nik).toMatch(/USING (COVERING )?INDEX record_corrections_nik/);
    expect(nik).not.toMatch(/SCAN (records|r)\b/);
  });

  it('read the review queue from the partial index records_awaiting_review, oldest first', () => {
    const store = tempStore();
    for (const [sql, params] of [
      [CONSOLE_QUERIES.queue, [500]],
      [CONSOLE_QUERIES.queueCount, []],
    ] as const) {
      const queue = plan(store, sql, ...params);
      expect(queue).toMatch(/records_awaiting_review/);
      expect(queue).not.toMatch(/TEMP B-TREE/);
    }
    expect(plan(store, CONSOLE_QUERIES.byId, 'X')).toMatch(
      /USING INDEX sqlite_autoindex_records_1 \(id=\?\)/,
    );
    expect(plan(store, CONSOLE_QUERIES.stepTimes, 'X')).toMatch(/USING PRIMARY KEY \(record_id=\?\)/);
  });
});

describe('migration 008: the supervisor decision', () => {
  it('is one row per record, for a decided or rejected record, with a reason, and goes with the record', () => {
    const store = tempStore();
    const id = makeRecord(store, { id: 'SUPERREC0001', decision: 'needs_review' });
    const decision = {
      decision: 'approved',
      reason: 'KTP asli diperiksa',
      by: 'ACC2',
      at: '2026-01-05T09:00:00.000Z',
    } as const;
    addSupervisorDecision(store, id, decision);
    expect(getSupervisorDecision(store, id)).toEqual(decision);
    // Once: a second decision is refused by the primary key.
    expect(() => addSupervisorDecision(store, id, { ...decision, decision: 'rejected' })).toThrow(
      /UNIQUE|PRIMARY/,
    );
    const insert = store.db.prepare(
      `INSERT INTO record_supervisor_decisions VALUES (?, ?, ?, 'ACC2', '2026-01-05T09:00:00.000Z')`,
    );
    const other = makeRecord(store, { id: 'SUPERREC0002' });
    expect(() => insert.run(other, 'overruled', 'x')).toThrow(/CHECK/);
    expect(() => insert.run(other, 'approved', '   ')).toThrow(/CHECK/);
    expect(() => insert.run('NOSUCHRECORD', 'approved', 'x')).toThrow(/FOREIGN KEY/);
    // The provider's decision is untouched, and deleting the record takes the row with it.
    expect(store.db.prepare(`SELECT decision FROM records WHERE id = ?`).get(id)).toEqual({
      decision: 'needs_review',
    });
    deleteRecord(store, id);
    expect(getSupervisorDecision(store, id)).toBeNull();
  });
});
