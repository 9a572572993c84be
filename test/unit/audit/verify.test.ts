// verifyChain over rows in memory: each kind of tampering is named, with the first entry it touched.
// The same cases run against the real encrypted database through the CLI in test/integration/audit/.
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../main/audit/verify';
import type { AuditRow } from '../../../main/audit/rows';
import { forged, genuineChain, KEY } from './chain';

const N = 10;
const renumber = (rows: AuditRow[]) => rows.map((row, i) => ({ ...row, seq: i + 1 }));

describe('verifyChain', () => {
  it('passes a genuine chain anchored by its head, and an empty one', () => {
    const { rows, head } = genuineChain(N);
    expect(verifyChain(rows, KEY, head)).toEqual({ ok: true, count: N, anchored: N });
    expect(verifyChain([], KEY, null)).toEqual({ ok: true, count: 0, anchored: 0 });
    expect(verifyChain([], KEY, { count: 0, mac: null })).toEqual({ ok: true, count: 0, anchored: 0 });
  });

  it('passes entries appended after the head was written, and says how many it covers', () => {
    const { rows } = genuineChain(N);
    const { head } = genuineChain(7);
    expect(verifyChain(rows, KEY, head)).toEqual({ ok: true, count: N, anchored: 7 });
  });

  it('fails every row under another key', () => {
    const { rows, head } = genuineChain(N);
    expect(verifyChain(rows, Buffer.alloc(32, 8), head)).toMatchObject({ ok: false, seq: 1 });
  });

  it('names an edited entry (its MAC kept, or replaced by a guess)', () => {
    const { rows, head } = genuineChain(N);
    const kept = rows.map((row) =>
      row.seq === 4 ? { ...row, details_json: '{"decision":"not_verified","n":4}' } : row,
    );
    expect(verifyChain(kept, KEY, head)).toMatchObject({ ok: false, problem: 'edited', seq: 4 });
    const guessed = rows.map((row) =>
      row.seq === 4 ? { ...row, actor: 'acc-1', mac: 'cd'.repeat(32) } : row,
    );
    expect(verifyChain(guessed, KEY, head)).toMatchObject({ ok: false, problem: 'edited', seq: 4 });
    const last = rows.map((row) => (row.seq === N ? { ...row, action: 'export' } : row));
    expect(verifyChain(last, KEY, head)).toMatchObject({ ok: false, problem: 'edited', seq: N });
  });

  it('names a removed entry, also when the rows after it were renumbered', () => {
    const { rows, head } = genuineChain(N);
    const gap = rows.filter((row) => row.seq !== 5);
    expect(verifyChain(gap, KEY, head)).toMatchObject({ ok: false, problem: 'removed', seq: 5 });
    const two = rows.filter((row) => row.seq !== 5 && row.seq !== 6);
    expect(verifyChain(two, KEY, head)).toMatchObject({ ok: false, problem: 'removed', seq: 5 });
    expect(verifyChain(renumber(gap), KEY, head)).toMatchObject({ ok: false, problem: 'removed', seq: 5 });
    const first = rows.filter((row) => row.seq !== 1);
    expect(verifyChain(first, KEY, head)).toMatchObject({ ok: false, problem: 'removed', seq: 1 });
  });

  it('names reordered entries: rows moved whole, or contents swapped under fixed seqs and MACs', () => {
    const { rows, head } = genuineChain(N);
    const swapped = rows.map((row) =>
      row.seq === 3 ? { ...row, seq: 4 } : row.seq === 4 ? { ...row, seq: 3 } : row,
    );
    swapped.sort((a, b) => a.seq - b.seq);
    expect(verifyChain(swapped, KEY, head)).toMatchObject({ ok: false, problem: 'reordered', seq: 3 });

    const moved = rows
      .map((row) => (row.seq === 2 ? { ...row, seq: N + 1 } : row))
      .sort((a, b) => a.seq - b.seq);
    expect(verifyChain(moved, KEY, head)).toMatchObject({ ok: false, problem: 'reordered', seq: 2 });

    const r6 = rows[5] as AuditRow;
    const r7 = rows[6] as AuditRow;
    const contents = rows.map((row) =>
      row.seq === 6 ? { ...r7, seq: 6, mac: r6.mac } : row.seq === 7 ? { ...r6, seq: 7, mac: r7.mac } : row,
    );
    expect(verifyChain(contents, KEY, head)).toMatchObject({ ok: false, problem: 'reordered', seq: 6 });
  });

  it('names inserted entries: in the middle (the rest renumbered up), at the start, after the head', () => {
    const { rows, head } = genuineChain(N);
    const middle = renumber([...rows.slice(0, 4), forged(0), ...rows.slice(4)]);
    expect(verifyChain(middle, KEY, head)).toMatchObject({ ok: false, problem: 'inserted', seq: 5 });
    const twoInMiddle = renumber([...rows.slice(0, 4), forged(0), forged(0), ...rows.slice(4)]);
    expect(verifyChain(twoInMiddle, KEY, head)).toMatchObject({ ok: false, problem: 'inserted', seq: 5 });
    const start = renumber([forged(0), ...rows]);
    expect(verifyChain(start, KEY, head)).toMatchObject({ ok: false, problem: 'inserted', seq: 1 });
    const end = [...rows, forged(N + 1)];
    expect(verifyChain(end, KEY, head)).toMatchObject({ ok: false, problem: 'inserted', seq: N + 1 });
  });

  it('names a truncated chain from the head, and one cut back then written again', () => {
    const { rows, head } = genuineChain(N);
    expect(verifyChain(rows.slice(0, 7), KEY, head)).toMatchObject({
      ok: false,
      problem: 'truncated',
      seq: 8,
    });
    expect(verifyChain([], KEY, head)).toMatchObject({ ok: false, problem: 'truncated', seq: 1 });
    // Cut back to 7, then three new genuine entries: the kiosk went on appending after the cut.
    const { rows: rewritten } = genuineChain(N, KEY, 8);
    expect(verifyChain(rewritten, KEY, head)).toMatchObject({ ok: false, problem: 'truncated', seq: N });
  });

  it('names a missing head when there are entries', () => {
    const { rows } = genuineChain(N);
    expect(verifyChain(rows, KEY, null)).toMatchObject({ ok: false, problem: 'head_missing', seq: 1 });
  });

  it('names the first problem when there are several', () => {
    const { rows, head } = genuineChain(N);
    const both = rows
      .filter((row) => row.seq !== 8)
      .map((row) => (row.seq === 3 ? { ...row, actor: 'acc-2' } : row));
    expect(verifyChain(both, KEY, head)).toMatchObject({ ok: false, problem: 'edited', seq: 3 });
  });
});
