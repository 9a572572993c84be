// What the renderer may see of a stored record: outcome and status, never images, tokens or raw answers.
import type { ImageKind, RecordView } from '../../common/record';
import type { StoredRecord } from '../store';

export function toView(record: StoredRecord, imageKinds: readonly ImageKind[]): RecordView {
  const outcome =
    record.status === 'decided' && record.decision
      ? {
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
  };
}
