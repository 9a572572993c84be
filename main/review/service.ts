// The desk's review of a record the provider has decided: the fields read beside the card photo, staff
// corrections (the provider's reading is kept; each correction says who and when), the NIK cross-checks
// recomputed after every correction, and the confirmation that finishes the record, beside the provider's
// decision and never over it. Every change is one transaction; the audit log gets ids and field names only.
import { checkNik, normaliseNik } from '../../common/nik-checks';
import type { OcrFields } from '../../common/record';
import { referenceCode } from '../../common/reference-code';
import { confirmationNeedsReason, type Review, type StaffDecision } from '../../common/review';
import type { AuditLog } from '../audit/events';
import { BridgeFailure } from '../bridge/failure';
import { today } from '../lib/calendar';
import type { Clock } from '../lib/clock';
import {
  addCorrection,
  correctedFields,
  getImages,
  getRecord,
  inTransaction,
  listCorrections,
  listImageKinds,
  transition,
  type StoredRecord,
} from '../store';
import type { Store } from '../store';
import { confirmationOf } from './confirmation';

export interface ReviewDeps {
  store: Store;
  clock: Clock;
  audit: AuditLog;
}

export interface ReviewService {
  get(recordId: string): Review;
  correct(request: { recordId: string; field: keyof OcrFields; value: string }, by: string): Review;
  confirm(
    request: { recordId: string; decision: StaffDecision; reason?: string | undefined },
    by: string,
  ): Review;
  /** The ID card photo as base64 JPEG, for a signed-in operator (audited as photo_viewed). */
  idPhoto(recordId: string, by: string): { mime: 'image/jpeg'; imageBase64: string };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createReviewService(deps: ReviewDeps): ReviewService {
  const { store, clock, audit } = deps;

  /** An assisted record the provider has decided; anything else is not the desk's to review. */
  const reviewable = (
    recordId: string,
  ): StoredRecord & { decision: NonNullable<StoredRecord['decision']> } => {
    const record = getRecord(store, recordId);
    if (!record) throw new BridgeFailure('not_found', 'There is no such verification.');
    if (record.mode !== 'assisted') {
      throw new BridgeFailure('invalid_state', 'A self-service record is not reviewed at a desk.');
    }
    if (record.status !== 'decided' || record.decision === null) {
      throw new BridgeFailure('invalid_state', 'The provider has not answered for this record yet.');
    }
    return { ...record, decision: record.decision };
  };
  const unconfirmed = (record: StoredRecord) => {
    if (record.confirmedAt !== null) {
      throw new BridgeFailure('invalid_state', 'This record has been confirmed; it cannot change any more.');
    }
  };

  const review = (recordId: string): Review => {
    const record = reviewable(recordId);
    const read = record.ocr ?? {};
    const corrections = listCorrections(store, recordId);
    const fields = correctedFields(read, corrections);
    return {
      recordId,
      referenceCode: referenceCode(recordId),
      status: record.status,
      training: record.training,
      providerDecision: record.decision,
      providerMessage: record.providerMessage ?? '',
      read,
      fields,
      corrections,
      // Records decided before the checks existed are checked now (and stored at their first correction).
      flags: record.nikFlags ?? checkNik(fields, today(clock)),
      hasIdPhoto: listImageKinds(store, recordId).includes('id_card'),
      confirmation: confirmationOf(record),
    };
  };

  return {
    get: review,

    correct({ recordId, field, value }, by) {
      inTransaction(store, () => {
        const record = reviewable(recordId);
        unconfirmed(record);
        const fields = correctedFields(record.ocr ?? {}, listCorrections(store, recordId));
        const after = field === 'nik' ? normaliseNik(value) : value.trim();
        const before = fields[field] ?? null;
        if (after === before) return;
        const now = iso(clock.now());
        addCorrection(store, recordId, { field, before, after, by, at: now });
        transition(store, recordId, {
          from: ['decided'],
          to: 'decided',
          patch: { nikFlags: checkNik({ ...fields, [field]: after }, today(clock)) },
          now,
        });
        // The field's name only: its value (a NIK, a name) never reaches the audit log.
        audit.append({ action: 'field_corrected', actor: by, recordId, details: { field } });
      });
      return review(recordId);
    },

    confirm({ recordId, decision, reason }, by) {
      inTransaction(store, () => {
        const current = review(recordId);
        unconfirmed(reviewable(recordId));
        const typed = reason?.trim() ? reason.trim() : null;
        if (confirmationNeedsReason(decision, current.flags, current.providerDecision) && typed === null) {
          throw new BridgeFailure(
            'reason_required',
            'Confirming as verified against open checks or the provider needs a reason typed by staff.',
          );
        }
        const now = iso(clock.now());
        transition(store, recordId, {
          from: ['decided'],
          to: 'decided',
          patch: {
            nikFlags: current.flags,
            confirmedBy: by,
            confirmedAt: now,
            confirmedDecision: decision,
            confirmReason: typed,
          },
          now,
        });
        audit.append({
          action: 'review_confirmed',
          actor: by,
          recordId,
          details: {
            decision,
            providerDecision: current.providerDecision,
            flags: current.flags.length,
            reasonGiven: typed !== null,
          },
        });
      });
      return review(recordId);
    },

    idPhoto(recordId, by) {
      reviewable(recordId);
      const photo = getImages(store, recordId).id_card;
      if (!photo) throw new BridgeFailure('not_found', 'This record no longer keeps its ID card photo.');
      audit.append({ action: 'photo_viewed', actor: by, recordId, details: { kind: 'id_card' } });
      return { mime: 'image/jpeg', imageBase64: photo.toString('base64') };
    },
  };
}
