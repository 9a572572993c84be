// The wire names of the bridge, without their schemas: the sandboxed preload needs only these, and
// importing the schemas would bundle zod into it. contract.ts attaches a schema pair to every verb here
// (and the compiler refuses a verb without one).
export const CHANNEL_NAMES = {
  getAppInfo: 'app.info',
  startVerification: 'verification.start',
  addImage: 'verification.addImage',
  submitVerification: 'verification.submit',
  getVerification: 'verification.get',
  discardVerification: 'verification.discard',
  getSyncStatus: 'sync.status',
  getSession: 'session.get',
  signIn: 'session.signIn',
  signInTraining: 'session.signInTraining',
  createFirstAdmin: 'session.createFirstAdmin',
  signOut: 'session.signOut',
  reportActivity: 'session.activity',
  getConsent: 'consent.get',
  declineConsent: 'consent.decline',
  endCustomerSession: 'selfService.endSession',
  getReview: 'review.get',
  correctField: 'review.correct',
  confirmRecord: 'review.confirm',
  getIdPhoto: 'review.idPhoto',
  consoleDay: 'console.day',
  consoleRecords: 'console.records',
  consoleSearch: 'console.search',
  consoleRecord: 'console.record',
  consoleReveal: 'console.reveal',
  consolePhoto: 'console.photo',
  consoleQueue: 'console.queue',
  consoleDecide: 'console.decide',
  consoleAudit: 'console.audit',
  consoleSaveExport: 'console.saveExport',
} as const;

export const EVENT_NAMES = {
  onProgress: 'verification.progress',
  onSyncStatus: 'sync.status',
  onSessionChanged: 'session.changed',
} as const;
