// Where a record returned by submit (or fetched after the last progress event) sends the flow.
import type { ErrorCode } from '../../../common/errors';
import { ERROR_CODES } from '../../../common/errors';
import type { RecordView } from '../../../common/record';
import type { FlowState } from './state';

function knownCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal';
}

export function routeRecord(record: RecordView, previous: FlowState & { screen: 'waiting' }): FlowState {
  switch (record.status) {
    case 'decided':
      if (record.outcome !== null) return { screen: 'result', record, outcome: record.outcome };
      return {
        screen: 'failed',
        error: { code: 'internal', message: 'The record is decided but has no outcome' },
        retry: { action: 'start' },
      };
    case 'retake': {
      // Without a reason from main we still ask again for the selfie, the photo most often at fault.
      const retake = record.retake ?? { kind: 'selfie', reason: 'poor_quality' };
      return {
        screen: 'capture',
        recordId: record.id,
        kind: retake.kind,
        notice: { type: 'retake', reason: retake.reason },
        submitAfter: true,
      };
    }
    case 'failed':
      return {
        screen: 'failed',
        error: record.error
          ? { code: knownCode(record.error.code), message: record.error.message }
          : { code: 'internal', message: 'The verification failed without a reason' },
        // A failed record is final; the way forward is a new verification.
        retry: { action: 'start' },
      };
    case 'pending':
    case 'captured':
      // Saved, and the sync engine will send it when the provider is reachable again.
      return { screen: 'pending', record };
    case 'in_progress':
      return { ...previous, submitReturned: true };
  }
}
