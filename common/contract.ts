// The bridge contract: the single source for every channel between the renderer and main. The preload,
// the Electron IPC registrar, the loopback host and the renderer's client are all derived from this object,
// so a channel is added here once and nowhere else.
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES } from './channel-names';
import { CaptureThresholdsSchema } from './capture/thresholds';
import type { Envelope } from './errors';
import {
  AuditStateSchema,
  ConsoleExportRequestSchema,
  DaySchema,
  DaySummarySchema,
  RecordDetailSchema,
  RecordFilterSchema,
  RecordPageSchema,
  RecordSearchSchema,
  RevealedFieldsSchema,
  ReviewQueueSchema,
  SavedExportSchema,
  SupervisorDecisionRequestSchema,
} from './console';
import { ConsentAcceptanceSchema, ConsentDocumentSchema, CONSENT_LANGUAGES } from './consent';
import { IMAGE_KINDS, MODES, RECORD_STATUSES, RecordViewSchema, STAFF_DECISIONS } from './record';
import { PROVIDER_NAMES } from './providers';
import { FIELD_VALUE_MAX, OCR_FIELD_NAMES, REASON_MAX, ReviewSchema, type OcrFieldName } from './review';
import { CredentialsSchema, SessionChangedSchema, SessionInfoSchema, SignInResultSchema } from './session';

/** Images cross as base64 JPEG; 8 MiB of base64 is ~6 MiB of JPEG, far above a 1280×720 frame. */
export const MAX_IMAGE_BASE64_CHARS = 8 * 1024 * 1024;

const RecordId = z.string().regex(/^[A-Za-z0-9]{6,128}$/, 'a record id is 6–128 letters or digits');

/** The capture numbers main resolved from its settings: the renderer's Worker uses exactly these. */
export const CaptureInfoSchema = z.object({
  thresholds: CaptureThresholdsSchema,
  /** A frame must stay ready this long before it is taken by itself. */
  autoCaptureHoldMs: z.number().int().positive(),
  /** Self-service: the manual "Take photo" appears after this long without an automatic one. */
  manualCaptureAfterSeconds: z.number().int().nonnegative(),
  /** The card crop (common/capture/crop.ts): output size and the margin around the card. */
  crop: z.object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    margin: z.number().min(0).max(0.5),
  }),
});
export type CaptureInfo = z.infer<typeof CaptureInfoSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  provider: z.enum(PROVIDER_NAMES),
  /** The provider's name as people read it (the consent names it as the processor). */
  providerName: z.string(),
  training: z.boolean(),
  defaultLanguage: z.enum(['id', 'en']),
  /** 'assisted' (a desk with signed-in staff) or 'self_service' (unattended, consent first). */
  mode: z.enum(MODES),
  kioskId: z.string(),
  /** Assisted: whether main refuses verification channels until someone signs in. */
  signInRequired: z.boolean(),
  idleSignOutMinutes: z.number(),
  selfService: z.object({
    idleSeconds: z.number(),
    countdownSeconds: z.number(),
    resultSeconds: z.number(),
  }),
  retention: z.object({ imageDays: z.number(), recordDays: z.number(), abandonedDays: z.number() }),
  /** The consent version verification.start expects in self-service mode. */
  consentVersion: z.string(),
  capture: CaptureInfoSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const SyncStatusSchema = z.object({
  pending: z.number().int().nonnegative(),
  inProgress: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  /** null until a real request or probe has told us. */
  reachable: z.boolean().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const PROGRESS_STEPS = [
  'saving',
  'authorising',
  'submitting',
  'processing',
  'reading_id',
  'waiting_for_customer',
  'done',
] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];
/**
 * A step the customer completes outside Loket's own screens: faceverify's hosted session, opened by main in
 * a locked-down window (url null: the renderer only explains) or handed to the customer's phone as a QR
 * code, or, in the browser host, opened by the renderer from `url`.
 */
export const CustomerActionSchema = z.object({
  kind: z.literal('hosted_session'),
  url: z.url().nullable(),
  qrDataUrl: z
    .string()
    .regex(/^data:image\/png;base64,/)
    .nullable(),
});
export type CustomerAction = z.infer<typeof CustomerActionSchema>;

export const ProgressSchema = z.object({
  recordId: z.string(),
  step: z.enum(PROGRESS_STEPS),
  status: z.enum(RECORD_STATUSES),
  /** 0..1, monotonic for one submission. */
  fraction: z.number().min(0).max(1),
  action: CustomerActionSchema.nullable().optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;

const Empty = z.object({}).strict();
const ByRecord = z.object({ recordId: RecordId }).strict();
const Field = z.enum(OCR_FIELD_NAMES as [OcrFieldName, ...OcrFieldName[]]);

export const channels = {
  getAppInfo: { channel: CHANNEL_NAMES.getAppInfo, request: Empty, response: AppInfoSchema },
  startVerification: {
    channel: CHANNEL_NAMES.startVerification,
    // The kiosk's setting decides the mode; a request that names another one is refused. Self-service
    // needs the consent the customer accepted (consent.get's version and language).
    request: z
      .object({ mode: z.enum(MODES).optional(), consent: ConsentAcceptanceSchema.optional() })
      .strict(),
    response: RecordViewSchema,
  },
  addImage: {
    channel: CHANNEL_NAMES.addImage,
    request: z
      .object({
        recordId: RecordId,
        kind: z.enum(IMAGE_KINDS),
        // An empty photo is well-formed here: main refuses it as invalid_image, like any photo that does not
        // decode, so the kiosk sends the person back to the camera for it.
        imageBase64: z
          .string()
          .max(MAX_IMAGE_BASE64_CHARS)
          .regex(/^(?:[A-Za-z0-9+/]+={0,2})?$/, 'base64 without a data: prefix'),
        // id_card only: the kiosk's own crop of the card (common/capture/crop.ts), checked as it is. Without
        // it, main looks for the card in the picture and crops it; either way the stored photo is the crop.
        cardCrop: z.boolean().optional(),
        // id_card only, at an assisted desk: a member of staff looked at a photo main could not find the card
        // in (CARD_NOT_FOUND) and confirms the card is there; main then keeps the whole picture, audited.
        staffConfirmed: z.boolean().optional(),
      })
      .strict(),
    response: RecordViewSchema,
  },
  submitVerification: {
    channel: CHANNEL_NAMES.submitVerification,
    request: z.object({ recordId: RecordId }).strict(),
    response: RecordViewSchema,
  },
  getVerification: {
    channel: CHANNEL_NAMES.getVerification,
    request: z.object({ recordId: RecordId }).strict(),
    response: RecordViewSchema,
  },
  discardVerification: {
    channel: CHANNEL_NAMES.discardVerification,
    request: z.object({ recordId: RecordId }).strict(),
    response: z.object({ discarded: z.boolean() }),
  },
  getSyncStatus: { channel: CHANNEL_NAMES.getSyncStatus, request: Empty, response: SyncStatusSchema },

  // Staff sessions (assisted mode). Held in main, in memory: a restart signs everyone out.
  getSession: { channel: CHANNEL_NAMES.getSession, request: Empty, response: SessionInfoSchema },
  signIn: { channel: CHANNEL_NAMES.signIn, request: CredentialsSchema, response: SignInResultSchema },
  /** Training mode only (the sandbox provider): a newcomer in without an account. */
  signInTraining: { channel: CHANNEL_NAMES.signInTraining, request: Empty, response: SessionInfoSchema },
  /** Only while there is no account and the provider is real; refused in every other state. */
  createFirstAdmin: {
    channel: CHANNEL_NAMES.createFirstAdmin,
    request: CredentialsSchema,
    response: SessionInfoSchema,
  },
  signOut: { channel: CHANNEL_NAMES.signOut, request: Empty, response: SessionInfoSchema },
  /** The renderer's touches and keys, throttled (every ~30 s while someone is active): resets idle time. */
  reportActivity: {
    channel: CHANNEL_NAMES.reportActivity,
    request: Empty,
    response: z.object({ signedIn: z.boolean() }),
  },

  // Self-service consent, before the camera opens.
  getConsent: {
    channel: CHANNEL_NAMES.getConsent,
    request: z.object({ language: z.enum(CONSENT_LANGUAGES) }).strict(),
    response: ConsentDocumentSchema,
  },
  /** The customer declined: nothing is stored about them (the audit log notes a decline, with no record). */
  declineConsent: {
    channel: CHANNEL_NAMES.declineConsent,
    request: ConsentAcceptanceSchema,
    response: z.object({ declined: z.literal(true) }),
  },
  /** Self-service: the idle countdown ran out; unsubmitted records and their photos are deleted. */
  endCustomerSession: {
    channel: CHANNEL_NAMES.endCustomerSession,
    request: Empty,
    response: z.object({ records: z.number().int().nonnegative(), images: z.number().int().nonnegative() }),
  },

  // Assisted review: a signed-in operator only, assisted records only.
  getReview: { channel: CHANNEL_NAMES.getReview, request: ByRecord, response: ReviewSchema },
  correctField: {
    channel: CHANNEL_NAMES.correctField,
    request: z
      .object({ recordId: RecordId, field: Field, value: z.string().trim().min(1).max(FIELD_VALUE_MAX) })
      .strict(),
    response: ReviewSchema,
  },
  confirmRecord: {
    channel: CHANNEL_NAMES.confirmRecord,
    request: z
      .object({
        recordId: RecordId,
        decision: z.enum(STAFF_DECISIONS),
        reason: z.string().trim().max(REASON_MAX).optional(),
      })
      .strict(),
    response: ReviewSchema,
  },
  /** The record's ID-card photo, for the desk to show beside the fields (audited as photo_viewed). */
  getIdPhoto: {
    channel: CHANNEL_NAMES.getIdPhoto,
    request: ByRecord,
    response: z.object({ mime: z.literal('image/jpeg'), imageBase64: z.string() }),
  },

  // The supervisor's console (common/console.ts): every channel needs a signed-in supervisor or admin.
  consoleDay: {
    channel: CHANNEL_NAMES.consoleDay,
    request: z.object({ day: DaySchema, includeTraining: z.boolean().optional() }).strict(),
    response: DaySummarySchema,
  },
  consoleRecords: {
    channel: CHANNEL_NAMES.consoleRecords,
    request: RecordFilterSchema,
    response: RecordPageSchema,
  },
  /** By reference code or full NIK, any day; a NIK search is audited (without the NIK). */
  consoleSearch: {
    channel: CHANNEL_NAMES.consoleSearch,
    request: RecordSearchSchema,
    response: z.object({ items: RecordPageSchema.shape.items }),
  },
  /** One record, masked: the fields read are named, their values wait for consoleReveal. */
  consoleRecord: { channel: CHANNEL_NAMES.consoleRecord, request: ByRecord, response: RecordDetailSchema },
  /** The record's OCR fields unmasked (audited as fields_revealed). */
  consoleReveal: { channel: CHANNEL_NAMES.consoleReveal, request: ByRecord, response: RevealedFieldsSchema },
  /** One photo of one record, on request (audited as photo_viewed). */
  consolePhoto: {
    channel: CHANNEL_NAMES.consolePhoto,
    request: z.object({ recordId: RecordId, kind: z.enum(IMAGE_KINDS) }).strict(),
    response: z.object({ mime: z.literal('image/jpeg'), imageBase64: z.string() }),
  },
  consoleQueue: {
    channel: CHANNEL_NAMES.consoleQueue,
    request: z.object({ includeTraining: z.boolean().optional() }).strict(),
    response: ReviewQueueSchema,
  },
  /** Approve or reject with a reason, beside the provider's decision (audited as supervisor_decision). */
  consoleDecide: {
    channel: CHANNEL_NAMES.consoleDecide,
    request: SupervisorDecisionRequestSchema,
    response: RecordDetailSchema,
  },
  /** The audit chain verified against the keychain's head, and one day's entries. */
  consoleAudit: {
    channel: CHANNEL_NAMES.consoleAudit,
    request: z.object({ day: DaySchema }).strict(),
    response: AuditStateSchema,
  },
  /**
   * Electron: main asks the shell for a file (a save dialog) and streams the export into it. The browser
   * host has no dialog: it downloads from POST /console/export instead (main/host/export-route.ts).
   */
  consoleSaveExport: {
    channel: CHANNEL_NAMES.consoleSaveExport,
    request: ConsoleExportRequestSchema,
    response: SavedExportSchema,
  },
} as const satisfies Record<keyof typeof CHANNEL_NAMES, unknown>;

export const events = {
  onProgress: { event: EVENT_NAMES.onProgress, payload: ProgressSchema },
  onSyncStatus: { event: EVENT_NAMES.onSyncStatus, payload: SyncStatusSchema },
  /** Someone signed in or out (also an idle sign-out), or a self-service customer's session was wiped. */
  onSessionChanged: { event: EVENT_NAMES.onSessionChanged, payload: SessionChangedSchema },
} as const satisfies Record<keyof typeof EVENT_NAMES, unknown>;

export type Verb = keyof typeof channels;
export type ChannelName = (typeof channels)[Verb]['channel'];
export type RequestOf<V extends Verb> = z.input<(typeof channels)[V]['request']>;
export type ResponseOf<V extends Verb> = z.output<(typeof channels)[V]['response']>;
export type EventVerb = keyof typeof events;
export type EventName = (typeof events)[EventVerb]['event'];
export type PayloadOf<E extends EventVerb> = z.output<(typeof events)[E]['payload']>;

/** What the renderer holds as `window.loket`: one async function per verb, one subscriber per event. */
export type LoketApi = {
  [V in Verb]: (request: RequestOf<V>) => Promise<Envelope<ResponseOf<V>>>;
} & {
  [E in EventVerb]: (listener: (payload: PayloadOf<E>) => void) => () => void;
};

export const VERBS = Object.keys(channels) as Verb[];
export const EVENT_VERBS = Object.keys(events) as EventVerb[];

export function verbOfChannel(channel: string): Verb | undefined {
  return VERBS.find((verb) => channels[verb].channel === channel);
}
