// CSV through csv-stringify: RFC 4180 (fields quoted when they hold a comma, a quote or a line break; quotes
// doubled; CRLF after every record), UTF-8 with a byte-order mark so that Excel opens it as UTF-8, and cells
// that a spreadsheet would run as a formula (= + - @ at the start) prefixed with a quote. One header row,
// one row per record, then one trailer row: '#trailer' followed by label=value fields (the rows count and
// the audit chain's head), as bank batch files end with a trailer record; a loader drops the last row.
// Streamed in chunks: the library's synchronous stringifier turns each batch of rows into one string, which
// is written when the output has room: per-record writes through the library's Transform cost more than
// the formatting itself.
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { localText } from '../lib/local-day';
import { columnsFor, type Column } from './columns';
import { provenanceFields, type Provenance } from './provenance';
import type { ExportRow } from './rows';
import { watchOutput } from './streams';

export const TRAILER_MARK = '#trailer';
const BATCH_ROWS = 1000;
const OPTIONS = { record_delimiter: 'windows', escape_formulas: true } as const;
const BOM = '\ufeff';

export async function writeCsv(
  rows: Iterable<ExportRow>,
  out: Writable,
  provenance: Provenance,
): Promise<number> {
  const output = watchOutput(out);
  const columns = columnsFor(provenance.masked);
  const time = localText(provenance.range.zone);
  const write = async (records: string[][], prefix = '') => {
    if (!out.write(prefix + stringify(records, OPTIONS))) await output.drained(out);
  };
  await write([columns.map((column) => column.key)], BOM);
  let batch: string[][] = [];
  let count = 0;
  for (const row of rows) {
    batch.push(cells(columns, row, time));
    count += 1;
    if (batch.length === BATCH_ROWS) {
      await write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch);
  await write([
    [TRAILER_MARK, ...provenanceFields(provenance, count).map(([label, value]) => `${label}=${value}`)],
  ]);
  out.end();
  await output.done;
  return count;
}

function cells(columns: readonly Column[], row: ExportRow, time: (ms: number) => string): string[] {
  const out = new Array<string>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as Column;
    const value = column.value(row);
    out[i] = value === null ? '' : column.type === 'datetime' ? time(value as number) : String(value);
  }
  return out;
}
