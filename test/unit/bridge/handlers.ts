// Handlers for dispatch tests: every verb answers a fixed, valid value, and any may be overridden.
import { DEFAULT_CROP } from '../../../common/capture/crop';
import { DEFAULT_CAPTURE_THRESHOLDS } from '../../../common/capture/thresholds';
import type { RecordView } from '../../../common/record';
import type { Handlers } from '../../../main/bridge/dispatch';

export const record: RecordView = {
  id: 'REC000001',
  createdAt: '2026-11-22T00:00:00.000Z',
  mode: 'assisted',
  provider: 'sandbox',
  training: true,
  status: 'captured',
  images: [],
  outcome: null,
  retake: null,
  error: null,
  nextAttemptAt: null,
};

export function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getAppInfo: async () => ({
      version: '1',
      provider: 'sandbox',
      training: true,
      defaultLanguage: 'id',
      capture: {
        thresholds: { ...DEFAULT_CAPTURE_THRESHOLDS },
        autoCaptureHoldMs: 700,
        manualCaptureAfterSeconds: 10,
        crop: { ...DEFAULT_CROP },
      },
    }),
    startVerification: async () => record,
    addImage: async () => record,
    submitVerification: async () => record,
    getVerification: async () => record,
    discardVerification: async () => ({ discarded: true }),
    getSyncStatus: async () => ({ pending: 0, inProgress: 0, lastSyncAt: null, reachable: null }),
    ...overrides,
  };
}

/** Handlers whose record lookup fails with `text` in the error (for leak tests). */
export function failingHandlers(text: string): Handlers {
  return handlers({
    getVerification: async () => {
      throw new Error(`lookup failed: ${text}`);
    },
  });
}
