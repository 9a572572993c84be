// Every format read back by an independent reader (csv-parse, exceljs' reader, pdf.js): the rows are the
// day's records, in the kiosk's zone, masked unless asked; training records only on request and then
// labelled; the chain's head printed; and every export audited.
import { afterEach, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { MASKED_COLUMNS } from '../../../main/export/columns';
import { ExportRequestError } from '../../../main/export/export';
import { iterateAuditRows } from '../../../main/audit/rows';
import { nameOf, nikOf, recordIdOf } from '../../support/day-of-records';
import { readCsv, readPdfText, readXlsx } from '../../support/read-back';
import { harness, SIXTEEN_DIGITS, type Harness } from './harness';

const N = 240;
/** seedDay: every 10th record (i = 0, 10, …) is training; the rest are real. */
const REAL = N - N / 10;
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});
async function day(records = N): Promise<Harness> {
  const h = await harness(records);
  open.push(h);
  return h;
}
const realIds = Array.from({ length: N }, (_, i) => i)
  .filter((i) => i % 10 !== 0)
  .map((i) => recordIdOf('DAY', i));

function exportEntries(h: Harness) {
  return [...iterateAuditRows(h.store)]
    .filter((row) => row.action === 'export')
    .map((row) => ({ actor: row.actor, details: JSON.parse(row.details_json) as Record<string, unknown> }));
}

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, CRLF, a header, the day’s real records and a trailer with the chain head', async () => {
    const h = await day();
    // The head as it stood before the export: its own entry comes after it.
    const state = await h.audit.state();
    const { bytes, rows } = await h.run();
    expect(rows).toBe(REAL);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').length).toBe(REAL + 3); // header, rows, trailer, and the empty tail
    const { bom, records } = readCsv(bytes);
    expect(bom).toBe(true);
    const [header, ...rest] = records;
    expect(header).toEqual(MASKED_COLUMNS.map((c) => c.key));
    const trailer = rest.pop() ?? [];
    expect(rest.map((r) => r[0])).toEqual(realIds);
    // The zone rule: the records a second either side of the local day are not in it.
    expect(text).not.toMatch(/BEFORE|AFTER/);
    expect(rest[0]?.[1]).toBe('2026-01-05T00:05:59+07:00');
    expect(trailer[0]).toBe('#trailer');
    expect(trailer).toContain(`rows=${REAL}`);
    expect(trailer).toContain(`audit_head_mac=${state.head?.mac}`);
    expect(trailer).toContain('audit_verified=yes');
    expect(trailer).toContain('masked=yes');
  });

  it('masks: the NIK as on screen, no name, no address, no 16-digit number anywhere', async () => {
    const h = await day();
    const text = (await h.run()).bytes.toString('utf8');
    const { records } = readCsv(Buffer.from(text));
    expect(records[1]?.at(-1)).toBe(`${nikOf(1).slice(0, 4)}**********${nikOf(1).slice(-2)}`);
    expect(text).not.toMatch(SIXTEEN_DIGITS);
    expect(text).not.toContain(nameOf(1));
    expect(text).not.toContain('JL. MERDEKA');
    expect(exportEntries(h)).toEqual([
      {
        actor: 'acc-7',
        details: {
          format: 'csv',
          from: '2026-01-05',
          to: '2026-01-05',
          zone: 'Asia/Jakarta',
          masked: true,
          includeTraining: false,
          rows: REAL,
        },
      },
    ]);
  });

  it('unmasked needs a reason, adds the NIK and the name, and audits the reason by length and hash only', async () => {
    const h = await day();
    await expect(h.run({ masking: { masked: false, reason: '   ' } })).rejects.toThrow(ExportRequestError);
    expect(exportEntries(h)).toEqual([]);
    const reason = `court order 17/2026 for ${nikOf(1)}`;
    const { bytes } = await h.run({ masking: { masked: false, reason } });
    const { records } = readCsv(bytes);
    expect(records[0]?.slice(-2)).toEqual(['nik', 'name']);
    expect(records[1]?.slice(-2)).toEqual([nikOf(1), nameOf(1)]);
    expect(bytes.toString('utf8')).toContain('masked=no (unmasked: audited)');
    const [entry] = exportEntries(h);
    expect(entry?.details).toMatchObject({ masked: false, reasonLength: reason.length, rows: REAL });
    expect(entry?.details.reasonHash).toMatch(/^[a-p]{24}$/);
    const log = [...iterateAuditRows(h.store)].map((row) => JSON.stringify(row)).join('\n');
    expect(log).not.toContain('court order');
    expect(log).not.toMatch(SIXTEEN_DIGITS);
  });

  it('quotes commas, quotes and line breaks, and escapes every cell a spreadsheet would run as a formula', async () => {
    const h = await day();
    // Text from outside Loket (a provider's error code) is the way in for a formula.
    const codes = ['=HYPERLINK("http://x.example")\nsecond line', '+1', '-2', '@SUM(A1)', 'a,b "c"'];
    const update = h.store.db.prepare('UPDATE records SET error_code = ? WHERE id = ?');
    codes.forEach((code, k) => update.run(code, realIds[k]));
    const { records } = readCsv((await h.run()).bytes);
    const errorCode = MASKED_COLUMNS.findIndex((c) => c.key === 'error_code');
    expect(records.slice(1, 1 + codes.length).map((r) => r[errorCode])).toEqual([
      `'${codes[0]}`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      'a,b "c"',
    ]);
  });

  it('includes training records only on request, flagged in the training column', async () => {
    const h = await day();
    const { records } = readCsv((await h.run({ includeTraining: true })).bytes);
    const body = records.slice(1, -1);
    expect(body).toHaveLength(N);
    const training = MASKED_COLUMNS.findIndex((c) => c.key === 'training');
    expect(body.filter((r) => r[training] === 'true').map((r) => r[0])).toEqual(
      Array.from({ length: N / 10 }, (_, k) => recordIdOf('DAY', k * 10)),
    );
    expect(records.at(-1)).toContain('training_records=included, flagged in the training column');
  });
});

describe('the XLSX export', () => {
  it('has typed columns, a bold frozen header, the records, and an About sheet with the chain head', async () => {
    const h = await day();
    const before = await h.audit.state();
    const { bytes, rows } = await h.run({ format: 'xlsx' });
    expect(rows).toBe(REAL);
    const book = await readXlsx(bytes);
    const sheet = book.getWorksheet('Records') as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(REAL + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...MASKED_COLUMNS.map((c) => c.key)]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    const first = sheet.getRow(2);
    const col = (key: string) => MASKED_COLUMNS.findIndex((c) => c.key === key) + 1;
    expect(first.getCell(col('reference')).value).toBe(realIds[0]);
    // The kiosk's wall clock: 00:05:59 WIB.
    expect(first.getCell(col('created_at')).value).toEqual(new Date('2026-01-05T00:05:59.000Z'));
    expect(first.getCell(col('created_at')).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(typeof first.getCell(col('liveness')).value).toBe('number');
    expect(typeof first.getCell(col('seconds_to_decision')).value).toBe('number');
    expect(first.getCell(col('training')).value).toBe(false);
    const ids: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && ids.push(row.getCell(1).value));
    expect(ids).toEqual(realIds);
    const about = new Map<string, string>();
    book
      .getWorksheet('About')
      ?.eachRow((row, n) => n > 1 && about.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(about.get('rows')).toBe(String(REAL));
    expect(about.get('audit_head_mac')).toBe(before.head?.mac);
    expect(about.get('audit_verified')).toBe('yes');
    const all: string[] = [];
    for (const ws of book.worksheets)
      ws.eachRow((row) => row.eachCell((cell) => all.push(String(cell.value))));
    expect(all.join('\n')).not.toMatch(SIXTEEN_DIGITS);
  });
});

describe('the PDF day report', () => {
  it('has the summary, the hourly chart, every record in the table, the head on every page, and masks', async () => {
    const h = await day();
    const before = await h.audit.state();
    const { bytes, rows } = await h.run({ format: 'pdf', includeTraining: true });
    expect(rows).toBe(N);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The fonts are embedded (a subset of DejaVu), not referenced.
    expect(bytes.toString('latin1')).toMatch(/\/FontFile2/);
    const pages = await readPdfText(bytes);
    const text = pages.join('\n');
    expect(pages[0]).toContain('Loket day report: 2026-01-05');
    expect(pages[0]).toContain(`Includes ${N / 10} training records`);
    expect(pages[0]).toMatch(/by decision\s+verified \d+/);
    expect(pages[0]).toContain('median time to decision');
    // The chart's hour axis.
    expect(pages[0]).toMatch(/00 01 02 03 .* 22 23/);
    const references = text.match(/DAY\d{10}/g) ?? [];
    expect(new Set(references).size).toBe(N);
    expect(references).toHaveLength(N);
    const head = before.head?.mac ?? 'no head';
    for (const page of pages) expect(page).toContain(head);
    // No NIK, also not with the text's spacing taken out (the chart's hour axis, "00 01 02 …", is what a
    // grouped-digits pattern would match, so the seeded NIKs are looked for themselves).
    expect(text).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
    const squeezed = text.replace(/\s/g, '');
    for (let i = 0; i < N; i++) expect(squeezed).not.toContain(nikOf(i));
    expect(text).not.toContain(nameOf(1));
    expect(text).toContain(`${nikOf(1).slice(0, 4)}**********${nikOf(1).slice(-2)}`);
    expect(exportEntries(h)[0]?.details).toMatchObject({ format: 'pdf', rows: N, includeTraining: true });
  });

  it('unmasked shows the NIK and the name, and says so on every page', async () => {
    const h = await day(30);
    const { bytes } = await h.run({ format: 'pdf', masking: { masked: false, reason: 'audit request 4' } });
    const pages = await readPdfText(bytes);
    expect(pages.join('\n')).toContain(nikOf(1));
    expect(pages.join('\n')).toContain(nameOf(1));
    for (const page of pages) expect(page).toContain('UNMASKED');
  });
});
