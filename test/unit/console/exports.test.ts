// Exports from the console: the export engine streamed to whatever the transport hands over (a response, a
// file the save dialog chose), masked unless a reason is typed, audited by the engine before its first byte.
import fs from 'node:fs';
import path from 'node:path';
import type { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { consoleHarness, DAY, makeRecord, NIK } from './fixtures';
import { tempDir } from '../store/temp-store';
import { collectOutput } from '../../support/collect-output';

const REQUEST = { firstDay: DAY, format: 'csv', includeTraining: false, masked: true } as const;

async function collect(
  write: (out: PassThrough) => Promise<number>,
): Promise<{ text: string; rows: number }> {
  const { bytes, result } = await collectOutput(write);
  return { text: bytes.toString('utf8'), rows: result };
}

describe('a console export', () => {
  it('streams a masked CSV of the day, named for the kiosk and the day, audited as the supervisor', async () => {
    const { store, service, entries } = await consoleHarness();
    makeRecord(store, { id: 'EXPORTREC01' });
    makeRecord(store, { id: 'EXPORTTRAIN', provider: 'sandbox' });
    const prepared = service.exports.prepare(REQUEST, 'SUP1');
    expect(prepared.fileName).toBe('loket-CAB-01-K2-2026-01-05.csv');
    expect(prepared.contentType).toBe('text/csv; charset=utf-8');
    const { text, rows } = await collect((out) => prepared.write(out));
    expect(rows).toBe(1);
    const records = (
      parse(text.replace(/^\uFEFF/, ''), { columns: true, relax_column_count: true }) as Array<
        Record<string, string>
      >
    ).filter((row) => !row.reference?.startsWith('#'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ reference: 'EXPORTREC01', nik_masked: '3174**********12' });
    expect(text).not.toContain(NIK);
    expect(text).not.toContain('SITI');
    expect(entries()).toEqual([
      {
        action: 'export',
        actor: 'SUP1',
        record_id: null,
        details: expect.objectContaining({ format: 'csv', masked: true, rows: 1, includeTraining: false }),
      },
    ]);
  });

  it('unmasked only with a typed reason, of which the audit keeps the length and hash', async () => {
    const { store, service, entries } = await consoleHarness();
    makeRecord(store, { id: 'EXPORTREC02' });
    for (const reason of [undefined, '   ']) {
      expect(() => service.exports.prepare({ ...REQUEST, masked: false, reason }, 'SUP1')).toThrow(
        expect.objectContaining({ code: 'reason_required' }),
      );
    }
    const prepared = service.exports.prepare(
      { ...REQUEST, masked: false, reason: 'OJK audit ticket 42' },
      'SUP1',
    );
    expect(prepared.fileName).toBe('loket-CAB-01-K2-2026-01-05-unmasked.csv');
    const { text } = await collect((out) => prepared.write(out));
    expect(text).toContain(NIK);
    expect(entries()[0]?.details).toMatchObject({ masked: false, reasonLength: 19 });
    expect(JSON.stringify(entries())).not.toContain('OJK');
  });

  it('refuses a range longer than a quarter or backwards, before anything is audited', async () => {
    const { service, entries } = await consoleHarness();
    expect(() => service.exports.prepare({ ...REQUEST, lastDay: '2026-09-01' }, 'SUP1')).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    expect(() => service.exports.prepare({ ...REQUEST, lastDay: '2026-01-01' }, 'SUP1')).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    expect(entries()).toEqual([]);
  });

  it('writes into the file the save dialog chose, whole; a cancelled dialog exports nothing', async () => {
    const dir = tempDir();
    const asked: string[] = [];
    let answer: string | null = null;
    const { store, service, entries } = await consoleHarness({
      chooseSavePath: async (name) => {
        asked.push(name);
        return answer;
      },
    });
    makeRecord(store, { id: 'EXPORTREC03' });
    expect(await service.exports.saveToFile({ ...REQUEST, format: 'xlsx' }, 'SUP1')).toEqual({
      saved: false,
    });
    expect(entries()).toEqual([]);
    answer = path.join(dir, 'chosen.xlsx');
    fs.writeFileSync(answer, 'an older file the dialog asked to replace');
    expect(await service.exports.saveToFile({ ...REQUEST, format: 'xlsx' }, 'SUP1')).toEqual({
      saved: true,
      fileName: 'chosen.xlsx',
      rows: 1,
    });
    expect(asked).toEqual(['loket-CAB-01-K2-2026-01-05.xlsx', 'loket-CAB-01-K2-2026-01-05.xlsx']);
    // A zip (XLSX) replaced the old file, and no temporary file is left beside it.
    expect(fs.readFileSync(answer).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir)).toEqual(['chosen.xlsx']);
    expect(entries().map((entry) => entry.action)).toEqual(['export']);
  });

  it('has no save dialog in the browser host', async () => {
    const { service } = await consoleHarness();
    await expect(service.exports.saveToFile(REQUEST, 'SUP1')).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });
});
