// Every human-readable string the IdentifAI stand-in answers with. The confirmed ones come from the seeds and
// PROTOCOLS 1.8; the rest are marked: they are the sandbox's own wording (or casing PROTOCOLS calls
// unconfirmed), so all of them can be overridden through `startSandbox({ identifai: { messages } })`.
export const DEFAULT_MESSAGES = {
  jobSubmitted: 'Job successfully submitted!',
  faceMatchLivenessSuccess: 'Face Match Liveness Success',
  faceLivenessSuccess: 'Face Liveness Success',
  faceLivenessUnderqualified: 'Face Liveness Underqualified',
  facePairNotMatch: 'The Face Pair Not Match',
  /** [UNCONFIRMED] success text of the plain face-match analytic. */
  faceMatchSuccess: 'Face Match Success',
  ocrKtpSuccess: 'OCR_KTP Service Success',
  /** Seed wording; casing [UNCONFIRMED] per PROTOCOLS 1.8. */
  noFaceDetected: 'No face detected',
  multipleFaces: 'Multiple faces are detected',
  faceOccluded: 'the face is most likely occluded',
  /** Sandbox wording: an image that is not a KTP (uniform, no photo, photo not on the right). */
  ktpNotDetected: 'KTP is not detected',
  /** Sandbox wording: the `failed` status (decodes, but too small to analyse). */
  imageTooSmall: 'Image resolution is too small',
  /** Sandbox wording: the analysis itself crashed. */
  analyticFailed: 'Analytic failed',
  tokenExpired: 'Submission token is expired',
  tokenUsed: 'Submission token is already used',
  /** Sandbox wording for authentication failures the documents do not show. */
  tokenUnknown: 'Submission token is invalid',
  tokenWrongJob: 'Submission token does not belong to this job',
  authorizationMissing: 'Authorization header is required',
  authorizationInvalid: 'Invalid authorization',
  badCredentials: 'Invalid access key or secret key',
} as const;

export type MessageKey = keyof typeof DEFAULT_MESSAGES;
export type Messages = Record<MessageKey, string>;

export function resolveMessages(overrides: Partial<Messages> = {}): Messages {
  return { ...DEFAULT_MESSAGES, ...overrides };
}
