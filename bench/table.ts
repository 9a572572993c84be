// One plain-text table for the whole bench: fixed columns, left-aligned text, right-aligned numbers, and a
// rule between sections so each measurement group reads on its own.

export interface Row {
  measurement: string;
  n: number | string;
  p50: string;
  p99: string;
  other: string;
  note: string;
}

export interface Section {
  title: string;
  rows: Row[];
}

const HEADER: Row = {
  measurement: 'measurement',
  n: 'n',
  p50: 'p50',
  p99: 'p99',
  other: 'other',
  note: 'note',
};
type Column = keyof Row;
const COLUMNS: readonly Column[] = ['measurement', 'n', 'p50', 'p99', 'other', 'note'];
const RIGHT_ALIGNED: ReadonlySet<Column> = new Set<Column>(['n', 'p50', 'p99']);
const SEPARATOR = ' | ';

export function renderTable(sections: readonly Section[]): string {
  const all = [HEADER, ...sections.flatMap((s) => s.rows)];
  const widths = new Map<Column, number>(
    COLUMNS.map((c) => [c, Math.max(...all.map((row) => String(row[c]).length))]),
  );
  const line = (row: Row) =>
    COLUMNS.map((c) => {
      const text = String(row[c]);
      const width = widths.get(c) ?? 0;
      return RIGHT_ALIGNED.has(c) && row !== HEADER ? text.padStart(width) : text.padEnd(width);
    })
      .join(SEPARATOR)
      .trimEnd();
  const total = COLUMNS.reduce((sum, c) => sum + (widths.get(c) ?? 0), 0) + SEPARATOR.length * 5;
  const rule = '-'.repeat(total);
  const out = [line(HEADER), rule.replace(/-/g, '=')];
  for (const section of sections) {
    out.push(`[${section.title}]`);
    for (const row of section.rows) out.push(line(row));
    out.push(rule);
  }
  return out.join('\n');
}
