// The console's reads of the records table: a day's page of records with its filters, the search by
// reference code or full NIK, and the review queue. Constant statements with bound parameters: an absent
// filter is a NULL that its `(@x IS NULL OR …)` term lets through, so the text never depends on the
// request. Each is served by an index (test/unit/console/queries.test.ts checks the plans): a day by
// records_created_at, walked backwards for newest-first with no sort; a reference code by
// records_reference; a NIK by records_nik and record_corrections_nik; the queue by records_awaiting_review.
import type { Store } from '../store/connection';
import { prepared } from '../store/statements';

/** What a list row reads: no OCR but the NIK (masked before it leaves main), no raw answer, no photos. */
export interface ListRow {
  id: string;
  created_at: string;
  mode: string;
  provider: string;
  training: number;
  status: string;
  decision: string | null;
  confirmed_decision: string | null;
  operator: string | null;
  nik_flags_json: string | null;
  nik: string | null;
  supervisor_decision: string | null;
}

const COLUMNS = `
  r.id, r.created_at, r.mode, r.provider, r.training, r.status, r.decision, r.confirmed_decision, r.operator,
  r.nik_flags_json, COALESCE(r.nik, json_extract(r.ocr_json, '$.nik')) AS nik,
  (SELECT s.decision FROM record_supervisor_decisions s WHERE s.record_id = r.id) AS supervisor_decision`;

const DAY_FILTER = `
  r.created_at >= @from AND r.created_at < @to
  AND (@includeTraining = 1 OR r.training = 0)
  AND (@decision IS NULL OR r.decision = @decision)
  AND (@status IS NULL OR r.status = @status)
  AND (@operator IS NULL OR r.operator = @operator)
  AND (@mode IS NULL OR r.mode = @mode)
  AND (@provider IS NULL OR r.provider = @provider)`;

const DAY_PAGE = `
  SELECT ${COLUMNS} FROM records r WHERE ${DAY_FILTER}
  ORDER BY r.created_at DESC, r.id DESC LIMIT @limit OFFSET @offset`;
const DAY_COUNT = `SELECT COUNT(*) AS n FROM records r WHERE ${DAY_FILTER}`;

const BY_ID = `SELECT ${COLUMNS} FROM records r WHERE r.id = ?`;

// When each provider step completed; never its output, which holds tokens and job ids.
const STEP_TIMES = `SELECT step, done_at FROM record_steps WHERE record_id = ? ORDER BY done_at, step`;

// The expression is records_reference's own, so the planner can use it.
const BY_REFERENCE = `SELECT ${COLUMNS} FROM records r WHERE substr(r.id, -8) = ? ORDER BY r.created_at DESC`;

// The column (plausible NIKs, migration 003) and the NIKs staff typed in as corrections; both indexed.
const BY_NIK = `
  SELECT ${COLUMNS} FROM records r
  WHERE r.id IN (
    SELECT id FROM records WHERE nik = ?
    UNION SELECT record_id FROM record_corrections WHERE field = 'nik' AND value_after = ?)
  ORDER BY r.created_at DESC`;

// Word for word records_awaiting_review's WHERE, so the partial index can serve it; oldest first. Without
// statistics SQLite's planner prefers records_status_next_attempt (every decided record, then a sort), so
// INDEXED BY pins the partial index, which holds only the records that wait: a statement that cannot use it
// fails at prepare rather than quietly scanning.
const AWAITING = `
  r.status = 'decided'
  AND (r.decision = 'needs_review' OR (r.mode = 'assisted' AND r.nik_flags_json <> '[]'))
  AND NOT EXISTS (SELECT 1 FROM record_supervisor_decisions s WHERE s.record_id = r.id)`;
const QUEUE = `
  SELECT ${COLUMNS} FROM records r INDEXED BY records_awaiting_review WHERE ${AWAITING}
  ORDER BY r.created_at, r.id LIMIT ?`;
const QUEUE_COUNT = `
  SELECT COUNT(*) AS n FROM records r INDEXED BY records_awaiting_review WHERE ${AWAITING} AND r.training = 0`;

/** The statements, for the query-plan test. */
export const CONSOLE_QUERIES = {
  byId: BY_ID,
  stepTimes: STEP_TIMES,
  dayPage: DAY_PAGE,
  dayCount: DAY_COUNT,
  byReference: BY_REFERENCE,
  byNik: BY_NIK,
  queue: QUEUE,
  queueCount: QUEUE_COUNT,
} as const;

export interface DayQuery {
  /** The day as UTC instants, [from, to). */
  from: string;
  to: string;
  includeTraining: boolean;
  decision: string | null;
  status: string | null;
  operator: string | null;
  mode: string | null;
  provider: string | null;
}

interface DayParams extends Omit<DayQuery, 'includeTraining'> {
  includeTraining: 0 | 1;
}

const params = (query: DayQuery): DayParams => ({ ...query, includeTraining: query.includeTraining ? 1 : 0 });

export function dayPage(store: Store, query: DayQuery, limit: number, offset: number): ListRow[] {
  return prepared<[DayParams & { limit: number; offset: number }], ListRow>(store, DAY_PAGE).all({
    ...params(query),
    limit,
    offset,
  });
}

export function dayCount(store: Store, query: DayQuery): number {
  return prepared<[DayParams], { n: number }>(store, DAY_COUNT).get(params(query))?.n ?? 0;
}

export function byId(store: Store, id: string): ListRow | undefined {
  return prepared<[string], ListRow>(store, BY_ID).get(id);
}

export function stepTimes(store: Store, id: string): Array<{ step: string; done_at: string }> {
  return prepared<[string], { step: string; done_at: string }>(store, STEP_TIMES).all(id);
}

/** `code` is a reference code's 8 canonical characters (common/reference-code.ts parseReferenceCode). */
export function byReference(store: Store, code: string): ListRow[] {
  return prepared<[string], ListRow>(store, BY_REFERENCE).all(code);
}

export function byNik(store: Store, nik: string): ListRow[] {
  return prepared<[string, string], ListRow>(store, BY_NIK).all(nik, nik);
}

/** Records waiting for a supervisor, oldest first, training ones included (the caller splits them). */
export function awaitingReview(store: Store, limit: number): ListRow[] {
  return prepared<[number], ListRow>(store, QUEUE).all(limit);
}

export function countAwaitingReview(store: Store): number {
  return prepared<[], { n: number }>(store, QUEUE_COUNT).get()?.n ?? 0;
}
