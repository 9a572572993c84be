// CSV (main/export/csv-text.ts: RFC 4180 through Papa Parse, formulas escaped), UTF-8 with a byte-order mark
// so that Excel opens it as UTF-8. One header row, one row per record, then one trailer row: '#trailer'
// followed by label=value fields (the rows count and the audit chain's head), as bank batch files end with a
// trailer record; a loader drops the last row.
// Streamed in batches: each batch of raw rows becomes one string (main/export/csv-formatter.ts: in a worker
// thread for a large export), written when the output has room. At most IN_FLIGHT batches wait for their
// text, which bounds memory. Per-record writes through a Transform cost more than the formatting itself.
import type { Writable } from 'node:stream';
import type { CsvFormatter } from './csv-formatter';
import { csvHeader, csvText } from './csv-text';
import { provenanceFields, type Provenance } from './provenance';
import type { RecordRowRaw } from './rows';
import { watchOutput } from './streams';

export const TRAILER_MARK = '#trailer';
const BATCH_ROWS = 1000;
const IN_FLIGHT = 4;
const BOM = '\ufeff';

export async function writeCsv(
  rows: Iterable<RecordRowRaw>,
  out: Writable,
  provenance: Provenance,
  formatter: CsvFormatter,
): Promise<number> {
  const output = watchOutput(out);
  const texts: Promise<string>[] = [];
  const write = async (text: string) => {
    if (!out.write(text)) await output.drained(out);
  };
  const flush = async (keep: number) => {
    while (texts.length > keep) await write(await (texts.shift() as Promise<string>));
  };
  let count = 0;
  try {
    await write(BOM + csvText([csvHeader(provenance.masked)]));
    let batch: RecordRowRaw[] = [];
    for (const row of rows) {
      batch.push(row);
      count += 1;
      if (batch.length === BATCH_ROWS) {
        texts.push(formatter.text(batch));
        batch = [];
        await flush(IN_FLIGHT);
      }
    }
    if (batch.length > 0) texts.push(formatter.text(batch));
    await flush(0);
  } finally {
    await formatter.close();
  }
  const trailer = provenanceFields(provenance, count).map(([label, value]) => `${label}=${value}`);
  await write(csvText([[TRAILER_MARK, ...trailer]]));
  out.end();
  await output.done;
  return count;
}
