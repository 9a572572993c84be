// Answer bodies for start, add-side and add-selfie (PROTOCOLS 3.2–3.4); key order follows the documented
// examples. Scores are in score.ts, OCR in ocr.ts, errors in errors.ts.
import type { DocumentAnalysis } from './analysis';
import type { SelfieVerdict } from './rules';
import type { IncodeSession } from './sessions';

export interface FlowSettings {
  idCaptureTimeout: number;
  idCaptureRetries: number;
  selfieCaptureTimeout: number;
  selfieCaptureRetries: number;
}

export const DEFAULT_FLOW: FlowSettings = {
  idCaptureTimeout: 16,
  idCaptureRetries: 3,
  selfieCaptureTimeout: 16,
  selfieCaptureRetries: 3,
};

export type IncodeEnv = 'stage' | 'demo' | 'saas';

export function startBody(
  session: IncodeSession,
  flow: FlowSettings,
  clientId: string,
  env: IncodeEnv,
  existingSession: boolean,
) {
  return {
    token: session.token,
    interviewId: session.interviewId,
    interviewCode: session.interviewCode,
    flowType: 'flow',
    idCaptureTimeout: flow.idCaptureTimeout,
    idCaptureRetries: flow.idCaptureRetries,
    selfieCaptureTimeout: flow.selfieCaptureTimeout,
    selfieCaptureRetries: flow.selfieCaptureRetries,
    clientId,
    env,
    existingSession,
  };
}

/** HTTP 200 either way: on failure the "always on failure" fields, on success the "always on success" ones. */
export function sideBody(side: DocumentAnalysis, which: 'front' | 'back') {
  const quality = {
    sharpness: side.sharpness,
    glare: side.glare,
    horizontalResolution: side.horizontalResolution,
  };
  if (!side.verdict.classification) {
    return { ...quality, classification: false, failReason: side.verdict.failReason };
  }
  return {
    ...quality,
    classification: true,
    readability: side.verdict.readability,
    typeOfId: 'IdentificationCard',
    countryCode: 'IDN',
    issueName: 'IDN IdentificationCard KTP',
    sessionStatus: 'Alive',
    // A KTP is one-sided: the web SDK reads this to skip the back capture.
    ...(which === 'front' ? { skipBackIdCapture: true } : {}),
  };
}

export function selfieBody(
  verdict: Extract<SelfieVerdict, { ok: true }>,
  flags: { hasLenses: boolean; hasFaceMask: boolean },
  age: number,
) {
  return {
    confidence: verdict.confidence,
    isBright: verdict.isBright,
    hasLenses: flags.hasLenses,
    hasFaceMask: flags.hasFaceMask,
    age,
    sessionStatus: 'Alive',
  };
}
