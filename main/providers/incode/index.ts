// The Incode provider's public surface, for the provider factory and the tests.
export { createIncodeProvider, INCODE_PROVIDER_DEFAULTS, type IncodeProviderDeps } from './provider';
export { FINISH_STATUS_MODES, type FinishStatusMode } from './finish-mode';
export {
  createIncodeClient,
  INCODE_DEFAULTS,
  PATHS as INCODE_PATHS,
  type IncodeClient,
  type IncodeClientOptions,
  type IncodeSession,
  type OnboardingResult,
  type OnboardingTimeout,
  type PollSettings,
  type StartedSession,
  type UploadAnswer,
} from './client';
export { IncodeRejection, IncodeSessionRefused } from './errors';
export { DEFAULT_IMAGE_LIMITS, type ImageLimits } from './images';
export { decide, decisionFor, readFaceScores } from './outcome';
export { mapIncodeOcr } from './ocr';
export {
  DEFAULT_ID_THRESHOLDS,
  SELFIE_ERROR_CODES,
  frontIdRetake,
  selfieRetake,
  type IdThresholds,
} from './rules';
export { REDO_ON_RETAKE, STEPS as INCODE_STEPS, type StepName as IncodeStepName } from './steps';
