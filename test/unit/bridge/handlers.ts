// Handlers for dispatch tests: every verb answers a fixed, valid value, and any may be overridden.
import { DEFAULT_CROP } from '../../../common/capture/crop';
import { DEFAULT_CAPTURE_THRESHOLDS } from '../../../common/capture/thresholds';
import type { RecordDetail } from '../../../common/console';
import type { AppInfo } from '../../../common/contract';
import type { RecordView } from '../../../common/record';
import type { Review } from '../../../common/review';
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
  referenceCode: 'REC0-0001',
  operator: null,
  kioskId: 'kiosk-test',
  consent: null,
  review: null,
};

export const appInfo: AppInfo = {
  version: '1',
  provider: 'sandbox',
  providerName: 'Loket training sandbox',
  training: true,
  defaultLanguage: 'id',
  mode: 'assisted',
  kioskId: 'kiosk-test',
  signInRequired: false,
  idleSignOutMinutes: 10,
  selfService: { idleSeconds: 60, countdownSeconds: 15, resultSeconds: 15 },
  retention: { imageDays: 30, recordDays: 365, abandonedDays: 30 },
  consentVersion: '1',
  capture: {
    thresholds: { ...DEFAULT_CAPTURE_THRESHOLDS },
    autoCaptureHoldMs: 700,
    manualCaptureAfterSeconds: 10,
    crop: { ...DEFAULT_CROP },
  },
};

const review: Review = {
  recordId: 'REC000001',
  referenceCode: 'REC0-0001',
  status: 'decided',
  training: true,
  providerDecision: 'verified',
  providerMessage: 'OK',
  read: {},
  fields: {},
  corrections: [],
  flags: [],
  hasIdPhoto: true,
  confirmation: null,
};

const hours = Array.from({ length: 24 }, () => ({
  verified: 0,
  not_verified: 0,
  needs_review: 0,
  undecided: 0,
}));
const noCounts = {
  records: 0,
  byStatus: {},
  byDecision: {},
  byProvider: {},
  byOperator: {},
  perHour: hours,
  medianSecondsToDecision: null,
};

export const detail: RecordDetail = {
  id: 'REC000001',
  referenceCode: 'REC0-0001',
  createdAt: record.createdAt,
  mode: 'assisted',
  provider: 'sandbox',
  training: true,
  status: 'decided',
  decision: 'needs_review',
  confirmed: null,
  supervisor: null,
  operator: null,
  flags: 0,
  nikMasked: null,
  awaiting: ['needs_review'],
  kioskId: 'kiosk-test',
  attempts: 1,
  nextAttemptAt: null,
  outcome: null,
  error: null,
  fieldsRead: [],
  flagCodes: [],
  corrections: [],
  confirmation: null,
  supervisorDecision: null,
  images: [],
  timeline: [],
};

const signedOut = { status: 'sign_in_required', trainingAvailable: true } as const;

export function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    getAppInfo: async () => appInfo,
    startVerification: async () => record,
    addImage: async () => record,
    submitVerification: async () => record,
    getVerification: async () => record,
    discardVerification: async () => ({ discarded: true }),
    getSyncStatus: async () => ({ pending: 0, inProgress: 0, lastSyncAt: null, reachable: null }),
    getSession: async () => signedOut,
    signIn: async () => ({ outcome: 'invalid_credentials' }),
    signInTraining: async () => ({
      status: 'signed_in',
      operator: { kind: 'training' },
      signedInAt: record.createdAt,
    }),
    createFirstAdmin: async () => signedOut,
    signOut: async () => signedOut,
    reportActivity: async () => ({ signedIn: false }),
    getConsent: async () => ({ version: '1', language: 'id', title: 'Persetujuan', sections: [] }),
    declineConsent: async () => ({ declined: true }),
    endCustomerSession: async () => ({ records: 0, images: 0 }),
    getReview: async () => review,
    correctField: async () => review,
    confirmRecord: async () => review,
    getIdPhoto: async () => ({ mime: 'image/jpeg', imageBase64: '' }),
    consoleDay: async ({ day }) => ({
      day,
      zone: 'Asia/Jakarta',
      counts: noCounts,
      trainingRecords: 0,
      training: null,
      awaitingReview: 0,
      oldestWaitingSince: null,
      staff: [],
    }),
    consoleRecords: async () => ({ items: [], total: 0, page: 1, pageSize: 25 }),
    consoleSearch: async () => ({ items: [] }),
    consoleRecord: async () => detail,
    consoleReveal: async ({ recordId }) => ({ recordId, read: {}, fields: {}, corrections: [] }),
    consolePhoto: async () => ({ mime: 'image/jpeg', imageBase64: '' }),
    consoleQueue: async () => ({ items: [], training: 0 }),
    consoleDecide: async () => detail,
    consoleAudit: async ({ day }) => ({
      entries: 0,
      head: null,
      verify: { ok: true, count: 0, anchored: 0 },
      day,
      dayEntries: [],
      dayTotal: 0,
    }),
    consoleSaveExport: async () => ({ saved: false }),
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
