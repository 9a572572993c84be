// Records and errors shaped like main's answers, for the renderer's pure tests.
import type { BridgeError } from '../../../common/errors';
import type { Outcome, RecordView } from '../../../common/record';

export const outcome: Outcome = {
  decision: 'verified',
  liveness: 0.97,
  live: true,
  similarity: 0.88,
  match: true,
  ocr: { nik: '3171014501900001', name: 'SITI AMINAH' },
  providerMessage: 'OK',
};

export function record(patch: Partial<RecordView> = {}): RecordView {
  return {
    id: 'rec000001',
    createdAt: '2025-01-01T00:00:00.000Z',
    mode: 'assisted',
    provider: 'sandbox',
    training: true,
    status: 'captured',
    images: [],
    outcome: null,
    retake: null,
    error: null,
    nextAttemptAt: null,
    referenceCode: 'REC0-0001',
    operator: null,
    kioskId: 'kiosk-test',
    consent: null,
    review: null,
    ...patch,
  };
}

export const unavailable: BridgeError = { code: 'provider_unavailable', message: 'timed out' };
