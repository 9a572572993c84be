// Independent readers for the exports: csv-parse for CSV, exceljs' reader for XLSX, pdf.js for the PDF's
// text. None of them shares code with the writers beyond the file format itself.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** Every CSV record, as arrays of fields (the BOM removed and reported). */
export function readCsv(bytes: Buffer): { bom: boolean; records: string[][] } {
  const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
  return { bom, records };
}

export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The PDF's text, page by page: one line per baseline, top to bottom, its words single-spaced. */
export async function readPdfText(bytes: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const lines = new Map<number, string[]>();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = Math.round(item.transform[5] ?? 0);
        lines.set(y, [...(lines.get(y) ?? []), item.str]);
      }
      pages.push(
        [...lines.entries()]
          .sort(([a], [b]) => b - a)
          // pdf.js splits a line at wide gaps; the words are what the tests look at.
          .map(([, parts]) => parts.join(' ').replace(/\s+/g, ' ').trim())
          .join('\n'),
      );
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return pages;
}
