// What staff at an assisted desk see and do with a record once the provider has answered: the KTP fields
// read beside the card photo, their corrections (the provider's original is kept), the NIK cross-checks, and
// the confirmation that finishes the record, beside the provider's decision and never over it.
import { z } from 'zod';
import { NIK_FLAGS } from './nik-checks';
import {
  ConfirmationSchema,
  DECISIONS,
  OcrFieldsSchema,
  RECORD_STATUSES,
  type OcrFields,
  type StaffDecision,
} from './record';

export { STAFF_DECISIONS, type Confirmation, type StaffDecision } from './record';

export const OCR_FIELD_NAMES = Object.keys(OcrFieldsSchema.shape) as (keyof OcrFields)[];
export type OcrFieldName = keyof OcrFields;

/** A corrected value, like a read one, is one line of a card. */
export const FIELD_VALUE_MAX = 200;
export const REASON_MAX = 500;

export const CorrectionSchema = z.object({
  field: z.enum(OCR_FIELD_NAMES as [OcrFieldName, ...OcrFieldName[]]),
  /** What the field said before this correction: the provider's reading or an earlier correction. */
  before: z.string().nullable(),
  after: z.string(),
  /** The account that corrected it (or 'training'). */
  by: z.string(),
  at: z.string(),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const ReviewSchema = z.object({
  recordId: z.string(),
  referenceCode: z.string(),
  status: z.enum(RECORD_STATUSES),
  training: z.boolean(),
  /** The provider's decision, as it answered. */
  providerDecision: z.enum(DECISIONS),
  providerMessage: z.string(),
  /** The fields as the provider read them; never changed. */
  read: OcrFieldsSchema,
  /** The fields with every correction applied: what the record now says. */
  fields: OcrFieldsSchema,
  /** Every correction, oldest first. */
  corrections: z.array(CorrectionSchema),
  /** The NIK cross-checks on `fields`; empty is all clear. */
  flags: z.array(z.enum(NIK_FLAGS)),
  hasIdPhoto: z.boolean(),
  confirmation: ConfirmationSchema.nullable(),
});
export type Review = z.infer<typeof ReviewSchema>;

/**
 * Confirming as verified needs a reason typed by staff when the checks are not all clear, or when the
 * provider did not say verified: staff may disagree with either, but only in words that are kept.
 */
export function confirmationNeedsReason(
  decision: StaffDecision,
  flags: readonly string[],
  providerDecision: (typeof DECISIONS)[number],
): boolean {
  return decision === 'verified' && (flags.length > 0 || providerDecision !== 'verified');
}
