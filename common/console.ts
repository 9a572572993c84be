// What the supervisor's console sees and asks, as the bridge carries it: the day at a glance, the records
// (a page at a time, masked), one record's detail with its timeline, the review queue, the audit chain's
// state and the exports. Every channel that carries these needs a signed-in supervisor or admin, decided in
// main (main/accounts/access.ts). Nothing here holds a NIK or a name except the reveal's answer, which
// main audits before it is sent.
import { z } from 'zod';
import { ROLES } from './roles';
import { NIK_FLAGS } from './nik-checks';
import { PROVIDER_NAMES } from './providers';
import {
  ConfirmationSchema,
  DECISIONS,
  IMAGE_KINDS,
  MODES,
  OcrFieldsSchema,
  RECORD_STATUSES,
} from './record';
import { CorrectionSchema, OCR_FIELD_NAMES, REASON_MAX, type OcrFieldName } from './review';

/** A local day of the kiosk, as the date picker gives it. */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');

/** The supervisor's answer in the review queue; stored as approved / rejected beside the provider's. */
export const SUPERVISOR_ACTIONS = ['approve', 'reject'] as const;
export type SupervisorAction = (typeof SUPERVISOR_ACTIONS)[number];
export const SUPERVISOR_DECISIONS = ['approved', 'rejected'] as const;
export type SupervisorDecision = (typeof SUPERVISOR_DECISIONS)[number];

export const SupervisorDecisionSchema = z.object({
  decision: z.enum(SUPERVISOR_DECISIONS),
  reason: z.string(),
  /** The supervisor's account id. */
  by: z.string(),
  at: z.string(),
});

/** A member of staff as the console names them (staff names are no customer's data). */
export const StaffMemberSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });
export type StaffMember = z.infer<typeof StaffMemberSchema>;

const Count = z.number().int().nonnegative();
const Counts = z.record(z.string(), Count);

export const HOUR_DECISIONS = ['verified', 'not_verified', 'needs_review', 'undecided'] as const;
export type HourDecision = (typeof HOUR_DECISIONS)[number];

/** main/export/summarise.ts's DaySummary, as it crosses the bridge. */
export const DayCountsSchema = z.object({
  records: Count,
  byStatus: Counts,
  /** 'none' for records the provider has not decided. */
  byDecision: Counts,
  byProvider: Counts,
  /** The last member of staff who acted on each record: an account id, 'training', or 'none'. */
  byOperator: Counts,
  /** 24 local hours, each by decision. */
  perHour: z.array(z.object({ verified: Count, not_verified: Count, needs_review: Count, undecided: Count })),
  medianSecondsToDecision: z.number().nonnegative().nullable(),
});
export type DayCounts = z.infer<typeof DayCountsSchema>;

export const DaySummarySchema = z.object({
  day: DaySchema,
  zone: z.string(),
  /** The real records of the day: training ones are never in these counts. */
  counts: DayCountsSchema,
  /** How many training records the day has (always told, so it is clear they were left out). */
  trainingRecords: Count,
  /** The training records' own counts, only when asked for. */
  training: DayCountsSchema.nullable(),
  /** Records waiting for a supervisor now (any day), training ones left out. */
  awaitingReview: Count,
  /** When the record that has waited longest for the provider was submitted (null: nothing waits). */
  oldestWaitingSince: z.string().nullable(),
  staff: z.array(StaffMemberSchema),
});
export type DaySummary = z.infer<typeof DaySummarySchema>;

export const RecordListItemSchema = z.object({
  id: z.string(),
  referenceCode: z.string(),
  createdAt: z.string(),
  mode: z.enum(MODES),
  provider: z.enum(PROVIDER_NAMES),
  training: z.boolean(),
  status: z.enum(RECORD_STATUSES),
  /** The provider's decision, as it answered. */
  decision: z.enum(DECISIONS).nullable(),
  /** The desk's confirmation and the supervisor's decision, each beside the provider's. */
  confirmed: ConfirmationSchema.shape.decision.nullable(),
  supervisor: z.enum(SUPERVISOR_DECISIONS).nullable(),
  /** Who served the customer: an account id, 'training', 'self_service', or null. */
  operator: z.string().nullable(),
  /** How many NIK checks are open. */
  flags: Count,
  /** As on every screen: the region code and the last two digits. */
  nikMasked: z.string().nullable(),
  /** Why it waits in the review queue; empty when it does not. */
  awaiting: z.array(z.enum(['needs_review', 'nik_flags'])),
});
export type RecordListItem = z.infer<typeof RecordListItemSchema>;

export const RECORD_PAGE_SIZE = 25;

export const RecordFilterSchema = z
  .object({
    day: DaySchema,
    decision: z.enum(DECISIONS).optional(),
    status: z.enum(RECORD_STATUSES).optional(),
    operator: z.string().min(1).max(128).optional(),
    mode: z.enum(MODES).optional(),
    provider: z.enum(PROVIDER_NAMES).optional(),
    includeTraining: z.boolean().optional(),
    /** 1-based. */
    page: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();
export type RecordFilter = z.infer<typeof RecordFilterSchema>;

export const RecordPageSchema = z.object({
  items: z.array(RecordListItemSchema),
  total: Count,
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type RecordPage = z.infer<typeof RecordPageSchema>;

/**
 * Finding a record by what the customer holds: the reference code they were shown, or their NIK typed in
 * full. Exactly 16 digits: a partial NIK would let anyone list the people of a district born on a day, and
 * probing digit by digit would undo the masking every screen applies.
 */
export const RecordSearchSchema = z.union([
  z.object({ reference: z.string().trim().min(1).max(20) }).strict(),
  z.object({ nik: z.string().regex(/^\d{16}$/, 'a NIK is searched in full: 16 digits') }).strict(),
]);
export type RecordSearch = z.infer<typeof RecordSearchSchema>;

export const TimelineEntrySchema = z.discriminatedUnion('kind', [
  /** A moment in the record's life (its own timestamps). */
  z.object({
    kind: z.literal('state'),
    at: z.string(),
    state: z.enum(['created', 'captured', 'submitted', 'started', 'decided', 'next_attempt']),
  }),
  /** A provider step that completed (its output, which holds tokens and job ids, is never shown). */
  z.object({ kind: z.literal('step'), at: z.string(), step: z.string() }),
  /** An audit entry about the record: ids and codes only. */
  z.object({
    kind: z.literal('audit'),
    at: z.string(),
    seq: z.number().int().positive(),
    action: z.string(),
    actor: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const RecordDetailSchema = RecordListItemSchema.extend({
  kioskId: z.string().nullable(),
  attempts: Count,
  nextAttemptAt: z.string().nullable(),
  outcome: z
    .object({
      liveness: z.number().nullable(),
      live: z.boolean().nullable(),
      similarity: z.number().nullable(),
      match: z.boolean().nullable(),
      providerMessage: z.string(),
    })
    .nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** The fields the provider read (names only: the values wait for "reveal"). */
  fieldsRead: z.array(z.enum(OCR_FIELD_NAMES as [OcrFieldName, ...OcrFieldName[]])),
  flagCodes: z.array(z.enum(NIK_FLAGS)),
  /** Corrections without their values (those come with "reveal"). */
  corrections: z.array(CorrectionSchema.omit({ before: true, after: true })),
  confirmation: ConfirmationSchema.nullable(),
  supervisorDecision: SupervisorDecisionSchema.nullable(),
  images: z.array(z.enum(IMAGE_KINDS)),
  timeline: z.array(TimelineEntrySchema),
});
export type RecordDetail = z.infer<typeof RecordDetailSchema>;

/** The reveal's answer: the fields as read and as corrected, and every correction with its values. */
export const RevealedFieldsSchema = z.object({
  recordId: z.string(),
  read: OcrFieldsSchema,
  fields: OcrFieldsSchema,
  corrections: z.array(CorrectionSchema),
});
export type RevealedFields = z.infer<typeof RevealedFieldsSchema>;

export const ReviewQueueSchema = z.object({
  items: z.array(RecordListItemSchema),
  /** Training records that wait too, left out unless asked for. */
  training: Count,
});
export type ReviewQueue = z.infer<typeof ReviewQueueSchema>;

export const SupervisorDecisionRequestSchema = z
  .object({
    recordId: z.string().regex(/^[A-Za-z0-9]{6,128}$/),
    action: z.enum(SUPERVISOR_ACTIONS),
    // Required: main refuses an empty one with reason_required, after trimming.
    reason: z.string().max(REASON_MAX),
  })
  .strict();

export const AuditEntryViewSchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  action: z.string(),
  actor: z.string(),
  recordId: z.string().nullable(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

export const CHAIN_PROBLEMS = [
  'edited',
  'removed',
  'reordered',
  'inserted',
  'truncated',
  'head_missing',
] as const;

export const AuditStateSchema = z.object({
  /** Entries in the database. */
  entries: Count,
  /** The head kept in the keychain (null: none). */
  head: z.object({ count: Count, mac: z.string().nullable() }).nullable(),
  verify: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), count: Count, anchored: Count }),
    z.object({
      ok: z.literal(false),
      problem: z.enum(CHAIN_PROBLEMS),
      seq: z.number().int(),
      count: Count,
      message: z.string(),
    }),
  ]),
  day: DaySchema,
  /** The day's entries, newest first, up to AUDIT_DAY_LIMIT. */
  dayEntries: z.array(AuditEntryViewSchema),
  dayTotal: Count,
});
export type AuditState = z.infer<typeof AuditStateSchema>;
export const AUDIT_DAY_LIMIT = 500;

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export from the console. Masked unless `masked: false`, which needs a typed reason (main checks). */
export const ConsoleExportRequestSchema = z
  .object({
    firstDay: DaySchema,
    lastDay: DaySchema.optional(),
    format: z.enum(EXPORT_FORMATS),
    includeTraining: z.boolean(),
    masked: z.boolean(),
    reason: z.string().max(REASON_MAX).optional(),
  })
  .strict();
export type ConsoleExportRequest = z.infer<typeof ConsoleExportRequestSchema>;

export const SavedExportSchema = z.discriminatedUnion('saved', [
  /** The supervisor closed the save dialog: nothing was exported (and nothing audited). */
  z.object({ saved: z.literal(false) }),
  z.object({ saved: z.literal(true), fileName: z.string(), rows: Count }),
]);
export type SavedExport = z.infer<typeof SavedExportSchema>;
