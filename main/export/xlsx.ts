// XLSX through exceljs' streaming writer (stream.xlsx.WorkbookWriter): each row is committed as it is
// written, so the workbook is never held in memory. Typed cells: times are dates (the kiosk's wall clock;
// the zone is on the About sheet), scores and seconds numbers, flags booleans. The header row is bold and
// frozen with the reference column, so both stay in view while scrolling. A second sheet, About, holds what
// the export covers, the row count and the audit chain's head.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LocalTime } from '../lib/local-day';
import { columnsFor, type Column } from './columns';
import { provenanceFields, type Provenance } from './provenance';
import type { ExportRow } from './rows';
import { nextTurn, watchOutput } from './streams';

/** Rows between two turns of the event loop, for the zip stream inside exceljs to move its data. */
const ROWS_PER_TURN = 500;
/** zlib's fastest level. The bench's 100,000 rows: 3.4 s and 10.1 MB, where the default (6) took 4.1 s for
 *  7.8 MB; a day's file is small either way, and the export is what the supervisor waits for. */
const ZLIB_LEVEL = 1;
/** How much XML may wait for the compressor before the writer waits for it. */
const ZIP_BACKLOG_BYTES = 1024 * 1024;

/** The style of every cell without a number format, one object for all (see the styles below). */
const NO_STYLE: Partial<ExcelJS.Style> = {};
/** Dates need a format to show as dates; numbers and flags read well in Excel's General format. */
const NUMBER_FORMATS: Partial<Record<Column['type'], string>> = {
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

export async function writeXlsx(
  rows: Iterable<ExportRow>,
  out: Writable,
  provenance: Provenance,
  local: (ms: number) => LocalTime,
): Promise<number> {
  const output = watchOutput(out);
  const columns = columnsFor(provenance.masked);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: ZLIB_LEVEL } },
  });
  workbook.creator = 'Loket';
  workbook.created = new Date(provenance.generatedAt);

  const sheet = workbook.addWorksheet('Records', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.columns = columns.map((column) => {
    const numFmt = NUMBER_FORMATS[column.type];
    return {
      header: column.key,
      key: column.key,
      width: column.width,
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();

  // One style object per column, shared by all its cells: exceljs gives each new cell a style object of its
  // own and renders it to find its style id, which was most of the export's time; a shared object is looked up
  // by identity instead (styles-xform's WeakMap).
  const styles = columns.map((column): Partial<ExcelJS.Style> => {
    const numFmt = NUMBER_FORMATS[column.type];
    return numFmt ? { numFmt } : NO_STYLE;
  });
  let count = 0;
  for (const row of rows) {
    const added = sheet.addRow(cells(columns, row, local));
    added.eachCell((cell, column) => (cell.style = styles[column - 1] ?? NO_STYLE));
    added.commit();
    count += 1;
    if (count % ROWS_PER_TURN === 0) {
      await nextTurn();
      const zip = zipEntryOf(sheet);
      if (zip && zip.buffered() > ZIP_BACKLOG_BYTES) await output.drained(zip.stream);
      if (out.writableNeedDrain) await output.drained(out);
    }
  }
  sheet.commit();

  const about = workbook.addWorksheet('About');
  about.columns = [
    { header: 'field', key: 'field', width: 22 },
    { header: 'value', key: 'value', width: 70 },
  ];
  about.getRow(1).font = { bold: true };
  for (const [field, value] of provenanceFields(provenance, count)) about.addRow({ field, value }).commit();
  about.commit();

  await workbook.commit();
  await output.done;
  return count;
}

function cells(
  columns: readonly Column[],
  row: ExportRow,
  local: (ms: number) => LocalTime,
): ExcelJS.CellValue[] {
  return columns.map((column) => {
    const value = column.value(row);
    // No cell at all for no value: exceljs would otherwise make one, style it and skip it when writing.
    if (value === null) return undefined;
    if (column.type === 'datetime' && typeof value === 'number') return local(value).wallClock;
    return value;
  });
}

/**
 * The zip entry the sheet's XML is being compressed through. exceljs' sheet stream (a StreamBuf) writes into
 * it without waiting, so when compression falls behind, the XML piles up in that stream's buffer: 100,000
 * rows held ~60 MB more than 20,000. Waiting for its 'drain' once the backlog passes ZIP_BACKLOG_BYTES is the
 * backpressure exceljs does not give. There is no public API for it: the sheet's `stream`, its `pipes` and
 * the pipe's `_writableState` (readable-stream 3, inside archiver) are internals, read defensively; should
 * they change, the export still works, only without the bound.
 */
function zipEntryOf(sheet: ExcelJS.Worksheet): { stream: Writable; buffered(): number } | undefined {
  const stream = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream;
  const pipe = stream?.pipes?.[0] as (Writable & { _writableState?: { length?: unknown } }) | undefined;
  if (!pipe || typeof pipe.once !== 'function') return undefined;
  return {
    stream: pipe,
    buffered: () => {
      const length = pipe._writableState?.length;
      return typeof length === 'number' ? length : 0;
    },
  };
}
