// What the renderer may see of a stored record: outcome and status, never images, tokens or raw answers.
// A self-service record, or any record shown on a self-service kiosk, carries no personal data at all: no
// OCR field, no score, no desk review; the customer sees the decision and a reference code. That rule lives
// here, in main, so no screen can show what it was never sent.
import type { ImageKind, RecordView } from '../../common/record';
import { referenceCode } from '../../common/reference-code';
import type { StoredRecord } from '../store';
import { confirmationOf } from '../review/confirmation';

export interface ViewOptions {
  /** The kiosk's mode: a self-service kiosk withholds personal data from every record it shows. */
  kioskMode: 'assisted' | 'self_service';
  /** Names of the fields staff corrected (assisted views only). */
  correctedFields?: readonly string[];
}

export function withholdsPersonalData(record: Pick<StoredRecord, 'mode'>, options: ViewOptions): boolean {
  return record.mode === 'self_service' || options.kioskMode === 'self_service';
}

export function toView(
  record: StoredRecord,
  imageKinds: readonly ImageKind[],
  options: ViewOptions = { kioskMode: 'assisted' },
): RecordView {
  const withhold = withholdsPersonalData(record, options);
  const outcome =
    record.status === 'decided' && record.decision
      ? withhold
        ? {
            decision: record.decision,
            liveness: null,
            live: null,
            similarity: null,
            match: null,
            ocr: {},
            providerMessage: record.providerMessage ?? '',
          }
        : {
            decision: record.decision,
            liveness: record.liveness,
            live: record.live,
            similarity: record.similarity,
            match: record.match,
            ocr: record.ocr ?? {},
            providerMessage: record.providerMessage ?? '',
          }
      : null;
  return {
    id: record.id,
    createdAt: record.createdAt,
    mode: record.mode,
    provider: record.provider,
    training: record.training,
    status: record.status,
    images: [...imageKinds],
    outcome,
    retake:
      record.status === 'retake' && record.retakeKind && record.retakeReason
        ? { kind: record.retakeKind, reason: record.retakeReason }
        : null,
    error: record.errorCode ? { code: record.errorCode, message: record.errorMessage ?? '' } : null,
    nextAttemptAt: record.nextAttemptAt,
    referenceCode: referenceCode(record.id),
    operator: record.operator,
    kioskId: record.kioskId,
    consent:
      record.consentVersion && record.consentLanguage && record.consentAt
        ? { version: record.consentVersion, language: record.consentLanguage, at: record.consentAt }
        : null,
    review:
      withhold || record.status !== 'decided'
        ? null
        : {
            flags: record.nikFlags ?? [],
            correctedFields: [...new Set(options.correctedFields ?? [])],
            confirmation: confirmationOf(record),
          },
  };
}
