// The onboarding status machine (PROTOCOLS 3.7), as a pure function of the session's milestones and the
// clock: nothing runs in the background, the status is worked out when asked, so a fake clock drives it.
//   UNKNOWN → ID_VALIDATION_FINISHED      stepDelay after process/id
//           → POST_PROCESSING_FINISHED    stepDelay after that
//           → FACE_VALIDATION_FINISHED    stepDelay after process/face, never before POST_PROCESSING_FINISHED
//           → ONBOARDING_FINISHED         stepDelay after that ("mark session completed" on the last step,
//                                         the seed's advice), or — with finishOnFaceValidation false — once
//                                         /omni/finish-status was called
//   any state but ONBOARDING_FINISHED --(session older than the TTL)--> EXPIRED
// While the fault switch `stuck` is set (PUT /_sandbox/faults {"stuckJobs":true}) ONBOARDING_FINISHED is never
// reached; the earlier steps go on as usual.
export const ONBOARDING_STATUSES = [
  'UNKNOWN',
  'ID_VALIDATION_FINISHED',
  'POST_PROCESSING_FINISHED',
  'FACE_VALIDATION_FINISHED',
  'ONBOARDING_FINISHED',
  'EXPIRED',
] as const;

export type OnboardingStatus = (typeof ONBOARDING_STATUSES)[number];

export interface Milestones {
  createdAt: number;
  /** Last /omni/process/id. */
  idProcessedAt: number | null;
  /** Last /omni/process/face. */
  faceProcessedAt: number | null;
  /** First /omni/finish-status. */
  finishRequestedAt: number | null;
}

export interface StatusTiming {
  stepDelayMs: number;
  sessionTtlMs: number;
  finishOnFaceValidation: boolean;
  /** The sandbox's fault switch, read on every call. */
  faults?: { readonly stuck: boolean };
}

export interface Timeline {
  idValidation: number | null;
  postProcessing: number | null;
  faceValidation: number | null;
  onboarding: number | null;
}

/** When each status is (or will be) reached; null = not until another call is made. */
export function timeline(m: Milestones, t: StatusTiming): Timeline {
  const step = t.stepDelayMs;
  const idValidation = m.idProcessedAt === null ? null : m.idProcessedAt + step;
  const postProcessing = idValidation === null ? null : idValidation + step;
  const faceValidation =
    m.faceProcessedAt === null || postProcessing === null
      ? null
      : Math.max(m.faceProcessedAt + step, postProcessing);
  let onboarding: number | null = null;
  if (t.faults?.stuck) {
    onboarding = null;
  } else if (t.finishOnFaceValidation) {
    onboarding = faceValidation === null ? null : faceValidation + step;
  } else if (m.finishRequestedAt !== null) {
    // Completing the session waits for whatever is still being processed.
    onboarding = Math.max(m.finishRequestedAt, faceValidation ?? postProcessing ?? m.finishRequestedAt);
  }
  return { idValidation, postProcessing, faceValidation, onboarding };
}

export function isExpired(m: Milestones, t: StatusTiming, now: number): boolean {
  return now >= m.createdAt + t.sessionTtlMs;
}

export function onboardingStatus(m: Milestones, t: StatusTiming, now: number): OnboardingStatus {
  const at = timeline(m, t);
  const reached = (time: number | null) => time !== null && time <= now;
  const expiresAt = m.createdAt + t.sessionTtlMs;
  // Finished before the expiry stays finished; anything else expires.
  if (reached(at.onboarding) && (at.onboarding ?? 0) < expiresAt) return 'ONBOARDING_FINISHED';
  if (now >= expiresAt) return 'EXPIRED';
  if (reached(at.faceValidation)) return 'FACE_VALIDATION_FINISHED';
  if (reached(at.postProcessing)) return 'POST_PROCESSING_FINISHED';
  if (reached(at.idValidation)) return 'ID_VALIDATION_FINISHED';
  return 'UNKNOWN';
}
