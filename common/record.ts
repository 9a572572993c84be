// The verification record as every layer sees it. States follow DESIGN.md:
// captured → pending → in_progress → decided | retake | failed; a network or 5xx failure returns the
// record to pending with a next-attempt time.
import { z } from 'zod';
import { CONSENT_LANGUAGES } from './consent';
import { NIK_FLAGS } from './nik-checks';

export const RECORD_STATUSES = ['captured', 'pending', 'in_progress', 'decided', 'retake', 'failed'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const DECISIONS = ['verified', 'not_verified', 'needs_review'] as const;
export type Decision = (typeof DECISIONS)[number];

export const MODES = ['assisted', 'self_service'] as const;
export type Mode = (typeof MODES)[number];

export const IMAGE_KINDS = ['id_card', 'selfie'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

/**
 * Why the provider wants a new photo; the renderer turns each into words in both languages. The selfie
 * reasons after 'poor_quality' follow Incode's documented client-side rules and error codes; the id_ ones
 * its ID upload rules.
 */
export const RETAKE_REASONS = [
  'no_face',
  'multiple_faces',
  'face_occluded',
  'poor_quality',
  // Incode selfie error codes (seed): 100, 101, 4010, 4019/1003/3004, 3005, 3006, 3007, 3008/3009, 3010, default
  'too_dark',
  'remove_glasses',
  'only_one_person',
  'center_face',
  'move_closer',
  'blurry',
  'too_dark_move',
  'try_later',
  'capture_failed',
  'poor_conditions',
  // Incode selfie upload rules (seed): confidence > 0, hasFaceMask, !isBright (lenses share remove_glasses)
  'spoof_suspected',
  'remove_mask',
  // Incode ID upload rules (seed): classification false, glare < 10, sharpness < 10, horizontalResolution < 155
  'id_not_recognised',
  'id_glare',
  'id_blurry',
  'id_too_small',
] as const;
export type RetakeReason = (typeof RETAKE_REASONS)[number];

/** KTP fields, in Loket's own names (provider names are mapped onto these). */
export const OcrFieldsSchema = z.object({
  nik: z.string().optional(),
  name: z.string().optional(),
  birthPlace: z.string().optional(),
  birthDate: z.string().optional(),
  sex: z.string().optional(),
  bloodType: z.string().optional(),
  address: z.string().optional(),
  rtRw: z.string().optional(),
  village: z.string().optional(),
  district: z.string().optional(),
  city: z.string().optional(),
  province: z.string().optional(),
  religion: z.string().optional(),
  maritalStatus: z.string().optional(),
  occupation: z.string().optional(),
  nationality: z.string().optional(),
  validUntil: z.string().optional(),
});
export type OcrFields = z.infer<typeof OcrFieldsSchema>;

/** One shape of outcome for every provider. */
export const OutcomeSchema = z.object({
  decision: z.enum(DECISIONS),
  liveness: z.number().nullable(),
  live: z.boolean().nullable(),
  similarity: z.number().nullable(),
  match: z.boolean().nullable(),
  ocr: OcrFieldsSchema,
  /** The provider's own message, e.g. "The Face Pair Not Match". */
  providerMessage: z.string(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

/** What staff may decide when they confirm a record; an escalation to a supervisor is a later step. */
export const STAFF_DECISIONS = ['verified', 'not_verified'] as const;
export type StaffDecision = (typeof STAFF_DECISIONS)[number];

/** Staff finishing a record at the desk: their decision, beside the provider's, with who, when and why. */
export const ConfirmationSchema = z.object({
  decision: z.enum(STAFF_DECISIONS),
  reason: z.string().nullable(),
  /** The account id (or 'training'). */
  by: z.string(),
  at: z.string(),
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

/** The consent a record was made under (self-service: always; assisted: when the desk passed one). */
export const RecordConsentSchema = z.object({
  version: z.string(),
  language: z.enum(CONSENT_LANGUAGES),
  at: z.string(),
});

/**
 * What the renderer may see of a record: no images, no tokens, no raw provider answers. A self-service
 * record's view (or any view on a self-service kiosk) carries no personal data at all: `outcome.ocr` is
 * empty, the scores are null and `review` is null; the customer is shown the decision and `referenceCode`.
 */
export const RecordViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  mode: z.enum(MODES),
  provider: z.string(),
  /** Verified by the training sandbox: every screen that shows its outcome says "training". */
  training: z.boolean(),
  status: z.enum(RECORD_STATUSES),
  images: z.array(z.enum(IMAGE_KINDS)),
  outcome: OutcomeSchema.nullable(),
  retake: z.object({ kind: z.enum(IMAGE_KINDS), reason: z.enum(RETAKE_REASONS) }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  nextAttemptAt: z.string().nullable(),
  /** A short code derived from the id (common/reference-code.ts), e.g. 'K7Q4-3ZPX'. */
  referenceCode: z.string(),
  /** Who served the customer: an account id, 'training', 'self_service', or null (nobody signed in). */
  operator: z.string().nullable(),
  /** The kiosk that made the record; null for records from before kiosk ids. */
  kioskId: z.string().nullable(),
  consent: RecordConsentSchema.nullable(),
  /** The desk's part, once the provider has decided (assisted only): checks, corrections, confirmation. */
  review: z
    .object({
      flags: z.array(z.enum(NIK_FLAGS)),
      correctedFields: z.array(z.string()),
      confirmation: ConfirmationSchema.nullable(),
    })
    .nullable(),
});
export type RecordView = z.infer<typeof RecordViewSchema>;
