// The day report as a PDF, with pdfkit: embedded fonts (DejaVu, assets/fonts/, subset into the file), a
// first page with what the report covers, the audit chain's head and the summary (counts by decision,
// status, provider and operator; the median time to decision) and the hourly chart, then the table of
// records, paged, one line per record. A footer on every page repeats the range, the masking and the chain's
// head. Two passes over the same snapshot: the summary first (it heads the report), then the table. Pages are
// written out as they fill (no buffered pages), so memory stays flat however many records there are.
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { formatLocal, type LocalTime } from '../lib/local-day';
import { drawHourlyChart } from './pdf-chart';
import { COLOURS, CONTENT_WIDTH, fontFiles, FOOTER_Y, MARGIN, PAGE, TABLE } from './pdf-layout';
import { provenanceFields, type Provenance } from './provenance';
import { describeRange } from './range';
import type { ExportRow } from './rows';
import { nextTurn, watchOutput } from './streams';
import { createSummariser, type DaySummary } from './summarise';

interface TableColumn {
  header: string;
  width: number;
  cell(row: ExportRow, local: (ms: number) => LocalTime, multiDay: boolean): string;
}

const fixed = (value: number | null, digits: number) => (value === null ? '' : value.toFixed(digits));
const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

const TABLE_COLUMNS: readonly TableColumn[] = [
  {
    header: 'time',
    width: 14,
    // The date too when the report covers more than one day.
    cell: (r, local, multiDay) =>
      formatLocal(local(r.createdAt))
        .slice(multiDay ? 5 : 11, 19)
        .replace('T', ' '),
  },
  { header: 'reference', width: 27, cell: (r) => r.reference },
  { header: 'mode', width: 13, cell: (r) => r.mode },
  { header: 'provider', width: 11, cell: (r) => r.provider + (r.training ? '*' : '') },
  { header: 'status', width: 12, cell: (r) => r.status },
  { header: 'decision', width: 13, cell: (r) => r.decision ?? '' },
  { header: 'live', width: 11, cell: (r) => `${fixed(r.liveness, 2)} ${yesNo(r.live)}`.trim() },
  { header: 'match', width: 11, cell: (r) => `${fixed(r.similarity, 2)} ${yesNo(r.match)}`.trim() },
  { header: 'secs', width: 8, cell: (r) => fixed(r.secondsToDecision, 1) },
  { header: 'operator', width: 13, cell: (r) => r.operator ?? '' },
  { header: 'nik', width: 17, cell: (r) => (r.nik !== undefined ? (r.nik ?? '') : (r.nikMasked ?? '')) },
];
const NAME_COLUMN: TableColumn = { header: 'name', width: 24, cell: (r) => r.name ?? '' };

/** `rows` is called twice, for the summary and for the table: it must give the same rows both times. */
export async function writePdf(
  rows: () => Iterable<ExportRow>,
  out: Writable,
  provenance: Provenance,
  local: (ms: number) => LocalTime,
  fontsDir?: string,
): Promise<number> {
  const summariser = createSummariser(local);
  for (const row of rows()) summariser.add(row);
  const summary = summariser.result();

  const output = watchOutput(out);
  const doc = new PDFDocument({
    size: PAGE.size,
    layout: PAGE.layout,
    margins: MARGIN,
    bufferPages: false,
    info: { Title: `Loket day report ${describeRange(provenance.range)}`, Author: 'Loket', Creator: 'Loket' },
  });
  const fonts = fontFiles(fontsDir);
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('mono', fonts.mono);
  doc.pipe(out);
  let page = 1;
  const footer = () => drawFooter(doc, provenance, page);
  doc.on('pageAdded', () => {
    page += 1;
    footer();
  });
  footer();

  drawFirstPage(doc, provenance, summary);
  const count = await drawTable(doc, rows(), provenance, local, { out, output }, summary.records);
  doc.end();
  await output.done;
  return count;
}

function drawFooter(doc: PDFKit.PDFDocument, p: Provenance, page: number): void {
  const { x, y } = doc;
  const chain = p.chain;
  const head = chain.headMac === null ? 'no head' : `head ${chain.headEntries} ${chain.headMac}`;
  const text =
    `Loket ${p.kioskId} · ${describeRange(p.range)} (${p.range.zone}) · ${p.masked ? 'masked' : 'UNMASKED'} · ` +
    `audit ${head}, verified ${chain.verified} · page ${page}`;
  // In the bottom margin: pdfkit would start a new page for text below it, so the margin is lifted meanwhile.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font('regular').fontSize(6.5).fillColor(COLOURS.muted);
  doc.text(text, MARGIN.left, FOOTER_Y, { width: CONTENT_WIDTH, lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.fillColor(COLOURS.text);
  doc.x = x;
  doc.y = y;
}

function drawFirstPage(doc: PDFKit.PDFDocument, p: Provenance, summary: DaySummary): void {
  doc
    .font('bold')
    .fontSize(16)
    .text(`Loket day report: ${describeRange(p.range)}`, MARGIN.left, MARGIN.top);
  if (p.includeTraining && summary.training > 0) {
    doc.font('bold').fontSize(9).fillColor(COLOURS.not_verified);
    doc.text(
      `Includes ${summary.training} training records (marked * in the table): nobody was verified by them.`,
    );
    doc.fillColor(COLOURS.text);
  }
  doc.moveDown(0.4);
  const top = doc.y;
  keyValues(doc, 'This report', provenanceFields(p, summary.records), MARGIN.left, top, 400);

  const decided = summary.medianSecondsToDecision;
  keyValues(
    doc,
    'Summary',
    [
      ['records', String(summary.records)],
      [
        'median time to decision',
        decided === null ? '–' : `${decided.toFixed(1)} s (submission to decision)`,
      ],
      ...counts('decision', summary.byDecision),
      ...counts('status', summary.byStatus),
      ...counts('provider', summary.byProvider),
      ...counts('operator', summary.byOperator, 8),
    ],
    MARGIN.left + 420,
    top,
    CONTENT_WIDTH - 420,
  );
  const chartTop = Math.max(doc.y, top + 190) + 10;
  doc.font('bold').fontSize(10).text('Records per hour', MARGIN.left, chartTop);
  drawHourlyChart(doc, summary, { x: MARGIN.left, y: chartTop + 16, width: CONTENT_WIDTH, height: 170 });
}

function counts(label: string, values: Record<string, number>, top = Infinity): Array<[string, string]> {
  const sorted = Object.entries(values).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const shown = sorted.slice(0, top);
  const rest = sorted.slice(top).reduce((sum, [, n]) => sum + n, 0);
  const text =
    shown.map(([key, n]) => `${key.replaceAll('_', ' ')} ${n}`).join(', ') + (rest ? `, others ${rest}` : '');
  return [[`by ${label}`, text || '–']];
}

function keyValues(
  doc: PDFKit.PDFDocument,
  title: string,
  fields: ReadonlyArray<readonly [string, string]>,
  x: number,
  y: number,
  width: number,
): void {
  doc.font('bold').fontSize(10).text(title, x, y, { width });
  for (const [label, value] of fields) {
    const rowY = doc.y + 1;
    doc.font('bold').fontSize(7.5).text(label.replaceAll('_', ' '), x, rowY, { width: 110 });
    const labelBottom = doc.y;
    doc
      .font('regular')
      .fontSize(7.5)
      .text(value, x + 112, rowY, { width: width - 112 });
    doc.y = Math.max(doc.y, labelBottom);
  }
}

async function drawTable(
  doc: PDFKit.PDFDocument,
  rows: Iterable<ExportRow>,
  p: Provenance,
  local: (ms: number) => LocalTime,
  sink: { out: Writable; output: ReturnType<typeof watchOutput> },
  expected: number,
): Promise<number> {
  const columns = p.masked ? TABLE_COLUMNS : [...TABLE_COLUMNS, NAME_COLUMN];
  const multiDay = p.range.firstDay !== p.range.lastDay;
  const line = (cells: string[]) => cells.map((cell, i) => fit(cell, columns[i]?.width ?? 10)).join(' ');
  const bottom = PAGE.height - MARGIN.bottom - TABLE.lineHeight;
  let y = bottom + 1;
  let count = 0;

  const newPage = async (first: boolean) => {
    if (!first) {
      trimLayoutCache(doc);
      // The page just finished goes out before the next one starts filling.
      await nextTurn();
      if (sink.out.writableNeedDrain) await sink.output.drained(sink.out);
    }
    doc.addPage();
    y = MARGIN.top;
    doc
      .font('bold')
      .fontSize(9)
      .text(`Records (${expected})${p.masked ? '' : ' — UNMASKED'}`, MARGIN.left, y, {
        lineBreak: false,
      });
    y += 14;
    doc.font('mono').fontSize(TABLE.fontSize).fillColor(COLOURS.muted);
    doc.text(line(columns.map((c) => c.header)), MARGIN.left, y, { lineBreak: false });
    doc.fillColor(COLOURS.text);
    y += TABLE.lineHeight;
  };

  await newPage(true);
  for (const row of rows) {
    if (y > bottom) await newPage(false);
    doc.text(line(columns.map((c) => c.cell(row, local, multiDay))), MARGIN.left, y, { lineBreak: false });
    y += TABLE.lineHeight;
    count += 1;
  }
  if (count === 0) doc.font('regular').fontSize(9).text('No records in this range.', MARGIN.left, y);
  return count;
}

/** Pads to the column, or cuts with an ellipsis: the table is monospaced, one text run per record. */
function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/**
 * pdfkit caches the glyph layout of every distinct word it has set, for the document's life: with a
 * reference, a time and a NIK per line that is every record, and 100,000 records took ~750 MB. Turning the
 * cache off (fontLayoutCache: false) kept memory flat but made the table eight times slower, since most words
 * (states, decisions, the padding) repeat on every line. So the cache is kept and emptied at each page:
 * repeated words are laid out again once per page, unique ones are let go. pdfkit exposes no API for this;
 * the font in use and its cache are read through the document's internal `_font`.
 */
function trimLayoutCache(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: { layoutCache?: Record<string, unknown> } })._font;
  if (font?.layoutCache) font.layoutCache = Object.create(null) as Record<string, unknown>;
}
