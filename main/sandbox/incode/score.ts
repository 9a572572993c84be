// `GET /omni/get/score` (PROTOCOLS 3.5): values are strings, each check {value, status[, key]}. How each status
// is derived is listed at the top of rules.ts; the key order follows the documented fixture.
import type { DocumentAnalysis } from './analysis';
import {
  CLIENT_RULES,
  type ScoreStatus,
  type SelfieFace,
  type Thresholds,
  failsClientRules,
  similarityStatus,
  worstStatus,
} from './rules';
import type { FaceMatch } from './sessions';

interface Check {
  value: string;
  status: ScoreStatus;
}

interface KeyedCheck extends Check {
  key: string;
}

export interface ScoreInput {
  /** The front side, once ID_VALIDATION_FINISHED was reached (else null). */
  front: DocumentAnalysis | null;
  /** What process/face compared, once FACE_VALIDATION_FINISHED was reached (else null). */
  face: FaceMatch | null;
  flags: { hasLenses: boolean; hasFaceMask: boolean };
  thresholds: Thresholds;
}

const fixed = (n: number) => n.toFixed(1);
const OVERALL_VALUE: Record<ScoreStatus, string> = { OK: '100.0', WARN: '50.0', FAIL: '0.0', UNKNOWN: '0.0' };

function idValidation(front: DocumentAnalysis) {
  const classified = front.verdict.classification;
  const status: ScoreStatus = !classified ? 'FAIL' : failsClientRules(front) ? 'WARN' : 'OK';
  const passed = (key: string): KeyedCheck => ({
    value: classified ? 'PASSED' : 'FAILED',
    status: classified ? 'OK' : 'FAIL',
    key,
  });
  const quality = (key: string, value: number, min: number): KeyedCheck => ({
    value: String(value),
    status: value >= min ? 'OK' : 'FAIL',
    key,
  });
  const idSpecific: KeyedCheck[] = [
    { value: classified ? '100' : '0', status: classified ? 'OK' : 'FAIL', key: 'documentClassification' },
  ];
  if (classified) {
    idSpecific.push(
      { value: '100', status: 'OK', key: 'birthDateValidity' },
      { value: '100', status: 'OK', key: 'visiblePhotoFeatures' },
      // A KTP is valid for life ("SEUMUR HIDUP").
      { value: '100', status: 'OK', key: 'documentExpired' },
    );
  }
  return {
    photoSecurityAndQuality: [
      passed('tamperCheck'),
      passed('alignment'),
      { value: classified ? 'OK' : 'FAIL', status: classified ? 'OK' : 'FAIL', key: 'screenIdLiveness' },
      { value: classified ? 'OK' : 'FAIL', status: classified ? 'OK' : 'FAIL', key: 'paperIdLiveness' },
      quality('balancedLightFront', front.glare, CLIENT_RULES.minGlare),
      quality('sharpnessFront', front.sharpness, CLIENT_RULES.minSharpness),
    ],
    idSpecific,
    customFields: [],
    appliedRule: null,
    overall: { value: OVERALL_VALUE[status], status } satisfies Check,
  };
}

function liveness(selfie: SelfieFace, t: Thresholds) {
  const score = selfie.liveness;
  const status: ScoreStatus = score >= t.liveness ? 'OK' : 'FAIL';
  return {
    overall: { value: fixed(score * 100), status } satisfies Check,
    photoQuality: { value: fixed(selfie.sharpness) },
    livenessScore: { value: fixed(score * 100), status } satisfies Check,
  };
}

function faceRecognition(face: FaceMatch, input: ScoreInput) {
  const { hasLenses, hasFaceMask } = input.flags;
  const maskCheck: Check = { value: hasFaceMask ? '100.0' : '0.0', status: hasFaceMask ? 'FAIL' : 'OK' };
  const lensesCheck = { status: (hasLenses ? 'FAIL' : 'OK') as ScoreStatus };
  const faceBrightness: Check = {
    value: fixed(face.selfie.lumaMean),
    status: face.isBright ? 'OK' : 'WARN',
  };
  const match = similarityStatus(face.similarity, input.thresholds);
  const status = worstStatus([match, maskCheck.status, lensesCheck.status, faceBrightness.status]);
  return {
    existingUser: false,
    existingInterviewId: null,
    maskCheck,
    lensesCheck,
    faceBrightness,
    nameMatch: null,
    appliedRule: null,
    overall: { value: fixed(face.similarity * 100), status } satisfies Check,
    customerId: null,
  };
}

export function scoreBody(input: ScoreInput) {
  const id = input.front ? idValidation(input.front) : null;
  const live = input.face ? liveness(input.face.selfie, input.thresholds) : null;
  const faces = input.face ? faceRecognition(input.face, input) : null;
  const parts = [id?.overall, live?.overall, faces?.overall].filter((p): p is Check => p !== undefined);
  const overall: Check =
    parts.length === 0
      ? { value: '0.0', status: 'UNKNOWN' }
      : {
          value: fixed(Math.min(...parts.map((p) => Number(p.value)))),
          status: worstStatus(parts.map((p) => p.status)),
        };
  const classified = input.front?.verdict.classification ?? false;
  return {
    idValidation: id,
    liveness: live,
    faceRecognition: faces,
    idOcrConfidence: input.front
      ? { overallConfidence: { value: classified ? '99.0' : '0.0', status: classified ? 'OK' : 'FAIL' } }
      : null,
    overall,
  };
}
