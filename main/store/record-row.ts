// The records row as SQLite holds it, the camelCase record the code uses, and the mapping between them.
// JSON columns are parsed here and 0/1 become booleans, so nothing above the store sees a raw row.
import type {
  Decision,
  ImageKind,
  Mode,
  OcrFields,
  RecordStatus,
  RetakeReason,
  StaffDecision,
} from '../../common/record';
import { OcrFieldsSchema, RETAKE_REASONS } from '../../common/record';
import type { ConsentLanguage } from '../../common/consent';
import { NIK_FLAGS, type NikFlag } from '../../common/nik-checks';
import { isProviderName, type ProviderName } from '../../common/providers';
import { isPlausibleNik } from '../../common/nik';
import { CorruptRowError } from './errors';

/** ISO-8601 UTC as Date.prototype.toISOString writes it, so that text order is time order. */
export type IsoTime = string;

export interface StoredRecord {
  id: string;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  mode: Mode;
  provider: ProviderName;
  /** Verified by the training sandbox, not a provider: never a real verification. */
  training: boolean;
  status: RecordStatus;
  capturedAt: IsoTime | null;
  submittedAt: IsoTime | null;
  startedAt: IsoTime | null;
  decidedAt: IsoTime | null;
  attempts: number;
  nextAttemptAt: IsoTime | null;
  decision: Decision | null;
  liveness: number | null;
  live: boolean | null;
  similarity: number | null;
  match: boolean | null;
  ocr: OcrFields | null;
  providerMessage: string | null;
  retakeKind: ImageKind | null;
  retakeReason: RetakeReason | null;
  errorCode: string | null;
  errorMessage: string | null;
  /** The provider's answer, kept for audit; null when there is none. */
  raw: unknown;
  /** Who served the customer: an account id, 'training', 'self_service'; null before migration 005. */
  operator: string | null;
  kioskId: string | null;
  /** The consent the record was made under (all three or none). */
  consentVersion: string | null;
  consentLanguage: ConsentLanguage | null;
  consentAt: IsoTime | null;
  /** The NIK cross-checks on the fields as corrected; null until the provider decided. */
  nikFlags: NikFlag[] | null;
  /** The desk's confirmation, beside the provider's decision (all four or none; the reason may be null). */
  confirmedBy: string | null;
  confirmedAt: IsoTime | null;
  confirmedDecision: StaffDecision | null;
  confirmReason: string | null;
}

/** What a transition may change; identity, creation and status itself are not patchable. */
export type MutableRecordFields = Omit<
  StoredRecord,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'mode'
  | 'provider'
  | 'training'
  | 'status'
  | 'operator'
  | 'kioskId'
  | 'consentVersion'
  | 'consentLanguage'
  | 'consentAt'
>;

/** The row, named as the SQL parameters are (@id, @status, …). */
export interface RecordRow {
  id: string;
  created_at: string;
  updated_at: string;
  mode: string;
  provider: string;
  training: number;
  status: string;
  captured_at: string | null;
  submitted_at: string | null;
  started_at: string | null;
  decided_at: string | null;
  attempts: number;
  next_attempt_at: string | null;
  decision: string | null;
  liveness: number | null;
  live: number | null;
  similarity: number | null;
  match: number | null;
  ocr_json: string | null;
  provider_message: string | null;
  retake_kind: string | null;
  retake_reason: string | null;
  error_code: string | null;
  error_message: string | null;
  raw_json: string | null;
  operator: string | null;
  kiosk_id: string | null;
  consent_version: string | null;
  consent_language: string | null;
  consent_at: string | null;
  nik_flags_json: string | null;
  confirmed_by: string | null;
  confirmed_at: string | null;
  confirmed_decision: string | null;
  confirm_reason: string | null;
}

export function fromRow(row: RecordRow): StoredRecord {
  if (!isProviderName(row.provider)) throw new CorruptRowError(row.id, `unknown provider '${row.provider}'`);
  return {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    // The CHECK constraints guarantee these enum columns hold only the listed values.
    mode: row.mode as Mode,
    provider: row.provider,
    training: row.training === 1,
    status: row.status as RecordStatus,
    capturedAt: row.captured_at,
    submittedAt: row.submitted_at,
    startedAt: row.started_at,
    decidedAt: row.decided_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    decision: row.decision as Decision | null,
    liveness: row.liveness,
    live: toBoolean(row.live),
    similarity: row.similarity,
    match: toBoolean(row.match),
    ocr: row.ocr_json === null ? null : parseOcr(row.id, row.ocr_json),
    providerMessage: row.provider_message,
    retakeKind: row.retake_kind as ImageKind | null,
    retakeReason: parseRetakeReason(row.id, row.retake_reason),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    raw: row.raw_json === null ? null : (JSON.parse(row.raw_json) as unknown),
    operator: row.operator,
    kioskId: row.kiosk_id,
    consentVersion: row.consent_version,
    consentLanguage: row.consent_language as ConsentLanguage | null,
    consentAt: row.consent_at,
    nikFlags: row.nik_flags_json === null ? null : parseFlags(row.id, row.nik_flags_json),
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at,
    confirmedDecision: row.confirmed_decision as StaffDecision | null,
    confirmReason: row.confirm_reason,
  };
}

export function toRow(record: StoredRecord): RecordRow {
  return {
    id: record.id,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    mode: record.mode,
    provider: record.provider,
    training: record.training ? 1 : 0,
    status: record.status,
    captured_at: record.capturedAt,
    submitted_at: record.submittedAt,
    started_at: record.startedAt,
    decided_at: record.decidedAt,
    attempts: record.attempts,
    next_attempt_at: record.nextAttemptAt,
    decision: record.decision,
    liveness: record.liveness,
    live: fromBoolean(record.live),
    similarity: record.similarity,
    match: fromBoolean(record.match),
    ocr_json: record.ocr === null ? null : JSON.stringify(record.ocr),
    provider_message: record.providerMessage,
    retake_kind: record.retakeKind,
    retake_reason: record.retakeReason,
    error_code: record.errorCode,
    error_message: record.errorMessage,
    // undefined (a value JSON cannot hold) is stored as no answer at all.
    raw_json: record.raw === null || record.raw === undefined ? null : JSON.stringify(record.raw),
    operator: record.operator,
    kiosk_id: record.kioskId,
    consent_version: record.consentVersion,
    consent_language: record.consentLanguage,
    consent_at: record.consentAt,
    nik_flags_json: record.nikFlags === null ? null : JSON.stringify(record.nikFlags),
    confirmed_by: record.confirmedBy,
    confirmed_at: record.confirmedAt,
    confirmed_decision: record.confirmedDecision,
    confirm_reason: record.confirmReason,
  };
}

/** Applies a patch: a key that is absent or undefined leaves the field as it was; null clears it. */
export function applyPatch(record: StoredRecord, patch: Partial<MutableRecordFields>): StoredRecord {
  const next: StoredRecord = { ...record };
  // Only the listed keys: an object that happens to carry `status` or `id` cannot sneak them in.
  for (const key of MUTABLE_KEYS) {
    const value = patch[key];
    if (value !== undefined) (next as Record<keyof MutableRecordFields, unknown>)[key] = value;
  }
  return next;
}

// A Record over the keys so that the compiler insists every mutable field is listed, and nothing else.
const MUTABLE: Record<keyof MutableRecordFields, true> = {
  capturedAt: true,
  submittedAt: true,
  startedAt: true,
  decidedAt: true,
  attempts: true,
  nextAttemptAt: true,
  decision: true,
  liveness: true,
  live: true,
  similarity: true,
  match: true,
  ocr: true,
  providerMessage: true,
  retakeKind: true,
  retakeReason: true,
  errorCode: true,
  errorMessage: true,
  raw: true,
  nikFlags: true,
  confirmedBy: true,
  confirmedAt: true,
  confirmedDecision: true,
  confirmReason: true,
};
const MUTABLE_KEYS = Object.keys(MUTABLE) as (keyof MutableRecordFields)[];

function parseOcr(id: string, json: string): OcrFields {
  const parsed = OcrFieldsSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new CorruptRowError(id, 'ocr_json does not hold OCR fields');
  return parsed.data;
}

function parseFlags(id: string, json: string): NikFlag[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((f) => (NIK_FLAGS as readonly unknown[]).includes(f))) {
    throw new CorruptRowError(id, 'nik_flags_json does not hold NIK flags');
  }
  return parsed as NikFlag[];
}

const toBoolean = (value: number | null): boolean | null => (value === null ? null : value === 1);
const fromBoolean = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

function parseRetakeReason(id: string, value: string | null): RetakeReason | null {
  if (value === null) return null;
  if (!(RETAKE_REASONS as readonly string[]).includes(value)) {
    throw new CorruptRowError(id, `unknown retake reason '${value}'`);
  }
  return value as RetakeReason;
}

/**
 * The value of the `nik` column (migration 003): the OCR'd NIK when it is a plausible one, else null. Kept
 * beside ocr_json so that a person's records can be found, and deleted, by their NIK.
 */
export function nikColumn(record: Pick<StoredRecord, 'ocr'>): string | null {
  const nik = record.ocr?.nik;
  return nik !== undefined && isPlausibleNik(nik) ? nik : null;
}
