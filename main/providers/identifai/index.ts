// The IdentifAI provider's public surface, for the provider factory and the tests.
export { createIdentifaiProvider, type IdentifaiProviderDeps } from './provider';
export {
  createIdentifaiClient,
  IDENTIFAI_DEFAULTS,
  type AnalyticName,
  type IdentifaiClient,
  type IdentifaiClientOptions,
  type IdentifaiMode,
  type Submission,
  type SubmitRequest,
} from './client';
export { DEFAULT_IMAGE_LIMITS, type ImageLimits } from './images';
export { DEFAULT_RETAKE_MESSAGES, DEFAULT_THRESHOLDS, type RetakeRules, type Thresholds } from './outcome';
export { DEFAULT_TOKEN_REJECTIONS, IdentifaiRejection } from './errors';
export type { Credentials } from './signature';
