// The export's columns, once for every format: the CSV header, the XLSX column (with its type) and the
// README's table all come from this list. The unmasked columns are appended only to an unmasked export.
import type { ExportRow } from './rows';

export type ColumnType = 'text' | 'datetime' | 'number' | 'boolean';

export interface Column {
  key: string;
  type: ColumnType;
  /** Characters, for XLSX. */
  width: number;
  value(row: ExportRow): string | number | boolean | null;
}

const text = (key: string, width: number, value: (row: ExportRow) => string | null): Column => ({
  key,
  type: 'text',
  width,
  value,
});
const time = (key: string, value: (row: ExportRow) => number | null): Column => ({
  key,
  type: 'datetime',
  width: 20,
  value,
});
const number = (key: string, value: (row: ExportRow) => number | null): Column => ({
  key,
  type: 'number',
  width: 11,
  value,
});
const flag = (key: string, value: (row: ExportRow) => boolean | null): Column => ({
  key,
  type: 'boolean',
  width: 9,
  value,
});

export const MASKED_COLUMNS: readonly Column[] = [
  text('reference', 28, (r) => r.reference),
  time('created_at', (r) => r.createdAt),
  time('submitted_at', (r) => r.submittedAt),
  time('decided_at', (r) => r.decidedAt),
  number('seconds_to_decision', (r) => r.secondsToDecision),
  text('mode', 13, (r) => r.mode),
  text('provider', 11, (r) => r.provider),
  flag('training', (r) => r.training),
  text('status', 12, (r) => r.status),
  text('decision', 13, (r) => r.decision),
  text('desk_decision', 13, (r) => r.deskDecision),
  text('supervisor_decision', 13, (r) => r.supervisorDecision),
  number('liveness', (r) => r.liveness),
  flag('live', (r) => r.live),
  number('similarity', (r) => r.similarity),
  flag('match', (r) => r.match),
  text('error_code', 18, (r) => r.errorCode),
  text('operator', 14, (r) => r.operator),
  text('kiosk_id', 14, (r) => r.kioskId),
  text('nik_masked', 18, (r) => r.nikMasked),
];

/** Added to an unmasked export only (a supervisor, a typed reason, an audit entry). */
export const UNMASKED_COLUMNS: readonly Column[] = [
  text('nik', 18, (r) => r.nik ?? null),
  text('name', 28, (r) => r.name ?? null),
];

export function columnsFor(masked: boolean): readonly Column[] {
  return masked ? MASKED_COLUMNS : [...MASKED_COLUMNS, ...UNMASKED_COLUMNS];
}
