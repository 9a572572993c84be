// Cell values as text, for the formats that write text (CSV, the PDF's table): times in the kiosk's zone
// with their offset, numbers as JavaScript writes them, flags as true/false, nothing as an empty cell.
import { formatLocal, type LocalTime } from '../lib/local-day';
import type { Column } from './columns';
import type { ExportRow } from './rows';

export function textCells(
  columns: readonly Column[],
  row: ExportRow,
  local: (ms: number) => LocalTime,
): string[] {
  return columns.map((column) => {
    const value = column.value(row);
    if (value === null) return '';
    if (column.type === 'datetime' && typeof value === 'number') return formatLocal(local(value));
    return String(value);
  });
}
