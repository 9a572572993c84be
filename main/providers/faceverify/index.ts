// The faceverify.ai provider's public surface, for the provider factory and the tests.
export {
  createFaceverifyProvider,
  FACEVERIFY_PROVIDER_DEFAULTS,
  type AwaitResult,
  type FaceverifyProviderDeps,
} from './provider';
export {
  createFaceverifyClient,
  FACEVERIFY_DEFAULTS,
  type CreateSessionRequest,
  type FaceverifyClient,
  type FaceverifyClientOptions,
  type PollSettings,
  type StatusRead,
  type WaitSessionOptions,
} from './client';
export {
  present,
  qrDataUrl,
  type DisplayMode,
  type HostedWindowHandle,
  type HostedWindowOpener,
} from './display';
export { DEFAULT_AUTH_REJECTIONS, FaceverifyRejection } from './errors';
export { decide, unreadable } from './outcome';
export { readCreatedSession, readSessionState, type CreatedSession, type SessionState } from './session';
export { signRequest, CLIENT_HEADER, SIGNATURE_HEADER, type SignInput } from './signature';
export { SESSION_STEP, type SavedSession } from './steps';
export type { FaceverifyCredentials } from './transport';
