// The one row source every export format reads: the records created in a range of local days, oldest
// first, read with better-sqlite3's iterate() so that only one row is in memory at a time, and mapped to the
// export's row. Masking happens here, before any format sees a row: a masked row has no field that could
// hold the full NIK or the name, so no writer can leak them by mistake. Addresses and photos are never read.
import type Database from 'better-sqlite3-multiple-ciphers';
import { maskNik } from '../../common/nik';
import type { ExportRange } from './range';

// The NIK column holds plausible NIKs only (migration 003); the OCR text stands in where the rule kept it out.
// The operator and kiosk are the record's own (migration 005: who served the customer, on which kiosk; a
// record from before has none, and the kiosk exporting stands in). Served by records_created_at.
const SELECT = (withName: boolean, withTraining: boolean) => `
  SELECT r.id, r.created_at, r.submitted_at, r.decided_at, r.mode, r.provider, r.training, r.status, r.decision,
    r.liveness, r.live, r.similarity, r.match, r.error_code, r.confirmed_decision AS desk_decision,
    (SELECT s.decision FROM record_supervisor_decisions s WHERE s.record_id = r.id) AS supervisor_decision,
    COALESCE(r.nik, json_extract(r.ocr_json, '$.nik')) AS nik,
    ${withName ? `json_extract(r.ocr_json, '$.name')` : 'NULL'} AS name,
    r.operator, r.kiosk_id
  FROM records r
  WHERE r.created_at >= @from AND r.created_at < @to${withTraining ? '' : ' AND r.training = 0'}
  ORDER BY r.created_at, r.id`;

/** Every statement the exports run, by the options that choose it (constants: nothing is built from input). */
export const EXPORT_QUERIES = {
  masked: SELECT(false, false),
  maskedWithTraining: SELECT(false, true),
  unmasked: SELECT(true, false),
  unmaskedWithTraining: SELECT(true, true),
} as const;

export interface RecordRowRaw {
  id: string;
  created_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  mode: string;
  provider: string;
  training: number;
  status: string;
  decision: string | null;
  liveness: number | null;
  live: number | null;
  similarity: number | null;
  match: number | null;
  error_code: string | null;
  desk_decision: string | null;
  supervisor_decision: string | null;
  nik: string | null;
  name: string | null;
  operator: string | null;
  kiosk_id: string | null;
}

export interface ExportRow {
  reference: string;
  /** Epoch ms. */
  createdAt: number;
  submittedAt: number | null;
  decidedAt: number | null;
  /** From submission to decision: the wait for the provider (and the queue, when it was offline). */
  secondsToDecision: number | null;
  mode: string;
  provider: string;
  training: boolean;
  status: string;
  decision: string | null;
  liveness: number | null;
  live: boolean | null;
  similarity: number | null;
  match: boolean | null;
  errorCode: string | null;
  /** The desk's confirmation and the supervisor's decision, each beside the provider's `decision`. */
  deskDecision: string | null;
  supervisorDecision: string | null;
  operator: string | null;
  kioskId: string;
  /** As on screen: the region code and the last two digits. */
  nikMasked: string | null;
  /** Only in an unmasked export. */
  nik?: string | null;
  name?: string | null;
}

export interface RowQuery {
  range: Pick<ExportRange, 'from' | 'to'>;
  masked: boolean;
  includeTraining: boolean;
  kioskId: string;
}

export function queryOf({ masked, includeTraining }: Pick<RowQuery, 'masked' | 'includeTraining'>): string {
  if (masked) return includeTraining ? EXPORT_QUERIES.maskedWithTraining : EXPORT_QUERIES.masked;
  return includeTraining ? EXPORT_QUERIES.unmaskedWithTraining : EXPORT_QUERIES.unmasked;
}

/** The raw rows, one at a time: what the bench times as the floor an export is compared with. */
export function iterateRaw(db: Database.Database, query: RowQuery): IterableIterator<RecordRowRaw> {
  return db
    .prepare<[{ from: string; to: string }], RecordRowRaw>(queryOf(query))
    .iterate({ from: query.range.from, to: query.range.to });
}

export function* exportRows(db: Database.Database, query: RowQuery): Generator<ExportRow> {
  for (const raw of iterateRaw(db, query)) yield toExportRow(raw, query);
}

export function toExportRow(
  raw: RecordRowRaw,
  { masked, kioskId }: Pick<RowQuery, 'masked' | 'kioskId'>,
): ExportRow {
  const createdAt = Date.parse(raw.created_at);
  const submittedAt = raw.submitted_at === null ? null : Date.parse(raw.submitted_at);
  const decidedAt = raw.decided_at === null ? null : Date.parse(raw.decided_at);
  const row: ExportRow = {
    reference: raw.id,
    createdAt,
    submittedAt,
    decidedAt,
    secondsToDecision:
      raw.status === 'decided' && submittedAt !== null && decidedAt !== null
        ? Math.max(0, decidedAt - submittedAt) / 1000
        : null,
    mode: raw.mode,
    provider: raw.provider,
    training: raw.training === 1,
    status: raw.status,
    decision: raw.decision,
    liveness: score(raw.liveness),
    live: raw.live === null ? null : raw.live === 1,
    similarity: score(raw.similarity),
    match: raw.match === null ? null : raw.match === 1,
    errorCode: raw.error_code,
    deskDecision: raw.desk_decision,
    supervisorDecision: raw.supervisor_decision,
    operator: raw.operator,
    kioskId: raw.kiosk_id ?? kioskId,
    nikMasked: raw.nik === null ? null : maskNik(raw.nik),
  };
  if (!masked) {
    row.nik = raw.nik;
    row.name = raw.name;
  }
  return row;
}

const COUNT_ALL = `SELECT COUNT(*) AS n FROM records WHERE created_at >= @from AND created_at < @to`;
const COUNT_REAL = `${COUNT_ALL} AND training = 0`;
/** The counting statements, exported so a test can check that they read the index alone. */
export const COUNT_QUERIES = { all: COUNT_ALL, real: COUNT_REAL } as const;

/** How many rows the query will give, in the same snapshot (for the audit entry, a header, a progress bar). */
export function countRows(db: Database.Database, query: RowQuery): number {
  const sql = query.includeTraining ? COUNT_ALL : COUNT_REAL;
  return db.prepare<[{ from: string; to: string }], { n: number }>(sql).get(query.range)?.n ?? 0;
}

/**
 * Scores to four decimals, as the providers report them. A score read back from a double can otherwise print
 * as 0.5700000000000001: sixteen digits, which every scanner (and Loket's own redactor) takes for a NIK.
 */
function score(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}
