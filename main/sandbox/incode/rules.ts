/*
 * What the Incode stand-in answers, and why: the sandbox's "test cards" for Incode. The measures come from
 * quality.ts (pixels) and ../faces (the same offline face model and descriptors as the IdentifAI stand-in);
 * the decisions below are pure, unit-tested in test/unit/sandbox/incode and pinned over HTTP in
 * test/integration/sandbox/incode. "Confident" face = detector score ≥ 0.5.
 *
 * POST /omni/add/front-id/v2 and /omni/add/back-id/v2 — always HTTP 200; the three quality numbers always:
 *   sharpness  0–100 from the contrast-normalised Laplacian variance r: 100·r/(r+0.05)   (client rule: < 10 fails)
 *   glare      0–100, HIGHER = LESS glare: 100·(1 − min(1, near-white share / 0.25))     (client rule: < 10 fails)
 *   horizontalResolution  px per inch across the card = width as sent · 0.9 / 3.37 in   (client rule: < 155 fails)
 *   e.g. ktpCard('A') 856 px → sharpness ≈ 96, glare ≈ 99, horizontalResolution 229;
 *        blank 640 px → 0, 100, 171;  a card 400 px wide → resolution 107;  a card blurred σ = 3 px → sharpness ≈ 9.
 * classification, first rule that applies:
 *   S  narrower or lower than 64 px                         → false, DOCUMENT_NOT_READABLE   (tiny)
 *   U  uniform (luma standard deviation < 8)                → false, UNKNOWN_DOCUMENT_TYPE   (blank)
 *   D  dark (mean luma < 60)                                → false, DOCUMENT_NOT_READABLE   (a card at ¼ light, selfieDark)
 *   K  no confident face, or the largest one is not in the right 45 % of the frame (a KTP's photo sits on the
 *      right; a selfie's face is central)                   → false, UNKNOWN_DOCUMENT_TYPE   (cat, selfieA, twoFaces)
 *   otherwise → true, typeOfId IdentificationCard, countryCode IDN, readability = sharpness ≥ 10 && glare ≥ 10.
 *   Quality never flips classification: a blurred card is still a KTP, the client's own rules reject it.
 *
 * POST /omni/add/face/third-party?imageType=selfie — HTTP 400 with body status <code>, first rule that applies:
 *   3010  the bytes do not decode as an image               (any non-image)
 *   3008  narrower or lower than 64 px                      (tiny)
 *   4019  no face at all                                    (cat, blank)
 *   4010  two or more confident faces                       (twoFaces)
 *   1003  only weak faces (0.3 ≤ score < 0.5): cannot crop  (rare: the face mesh confirms a face or drops it)
 *   3004  the face box reaches within 1 % of the frame edge: "Cropping area goes off the image." (half a face)
 *   3005  the face is narrower than 6 % of the frame: move closer  (selfieA shrunk to 160 px on a 640 px backdrop)
 *   3006  the face box is blurred: its sharpness (scale above) < 20   (selfieA blurred σ = 2 px)
 *   otherwise HTTP 200 {confidence, isBright, hasLenses, hasFaceMask, age, sessionStatus:'Alive'}:
 *     confidence 0 (live) / 1 (spoof): liveness as in the IdentifAI stand-in (colour of the face box — a grey or
 *       printed photo has none) ≥ 0.6 → 0; selfieA, selfieBColour, selfieDark → 0; selfieGrey → 1.
 *     isBright = mean luma of the face box ≥ 50 (selfieDark → false).
 *     hasLenses / hasFaceMask: always false — nothing is detected; the option forceSelfieFlags sets them, and
 *       forceSelfieErrorCode answers every selfie with one code (100, 101, 3007, 3009, 4005 … no image makes them).
 *     age: not estimated; the option selfieAge (default 31).
 *
 * POST /omni/process/face — confidence 1 when the selfie's face matches the largest confident face of the last
 *   front-id upload: the descriptors' similarity as the IdentifAI stand-in computes it, ≥ 0.7 → 1.
 *   ktpCard('A') + selfieA ≈ 0.99 → 1;  ktpCard('A') + selfieBColour ≈ 0.36 → 0;  no face on the front → 0.
 *
 * GET /omni/get/score — values are strings, each check {value, status}. Parts appear once their step finished
 *   (idValidation + idOcrConfidence after ID_VALIDATION_FINISHED, liveness + faceRecognition after
 *   FACE_VALIDATION_FINISHED), else null. Status per part:
 *   idValidation     FAIL classification false (or no front); WARN a client quality rule fails (glare < 10,
 *                    sharpness < 10, horizontalResolution < 155); else OK.
 *   liveness         OK liveness ≥ 0.6 (selfie confidence 0), else FAIL.
 *   faceRecognition  OK similarity ≥ 0.7; WARN 0.5 ≤ similarity < 0.7 (borderline); FAIL below, or no selfie
 *                    face/no front face; lenses or mask (forced) → FAIL; a dark face (isBright false) caps it at WARN.
 *   overall          the worst present part (FAIL > UNKNOWN > WARN > OK), value the lowest; no part yet → UNKNOWN.
 *   So: same person + live → OK; another person → faceRecognition FAIL, overall FAIL; a grey (spoof) selfie →
 *   liveness FAIL, overall FAIL. Thresholds are options (faceMatchThreshold, faceWarnThreshold, livenessThreshold).
 *
 * GET /omni/get/ocr-data — after ID_VALIDATION_FINISHED of a front classified true: one specimen identity
 *   (../ocr/specimen.ts) chosen by the 64-bit difference hash of the front image, exactly as the IdentifAI OCR
 *   stand-in chooses it, so one card reads as the same person on both providers. Otherwise `{}` (fields vary).
 */
import type { Box } from '../faces/image';

export const MIN_IMAGE_SIDE = 64;
export const CONFIDENT_FACE_SCORE = 0.5;
export const UNIFORM_LUMA_STDDEV = 8;
export const DARK_DOCUMENT_LUMA = 60;
export const KTP_PHOTO_MIN_CENTRE_X = 0.55;
export const DARK_FACE_LUMA = 50;
export const EDGE_MARGIN = 0.01;
export const MIN_FACE_WIDTH_SHARE = 0.06;
export const BLURRY_FACE_SHARPNESS = 20;
/** The seed's client-side rules for an ID side. */
export const CLIENT_RULES = { minGlare: 10, minSharpness: 10, minHorizontalResolution: 155 } as const;

export interface Thresholds {
  /** Similarity at or above which process/face answers 1 and faceRecognition is OK. */
  faceMatch: number;
  /** Similarity at or above which a non-match is WARN rather than FAIL. */
  faceWarn: number;
  /** Liveness at or above which the selfie is live (confidence 0). */
  liveness: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { faceMatch: 0.7, faceWarn: 0.5, liveness: 0.6 };

export type FailReason =
  | 'UNKNOWN_DOCUMENT_TYPE'
  | 'WRONG_DOCUMENT_SIDE'
  | 'WRONG_ONE_SIDED_DOCUMENT'
  | 'WRONG_UNFOLDED_DOCUMENT'
  | 'UNFOLDED_DOCUMENT_PAGE_MISMATCH'
  | 'DOCUMENT_NOT_READABLE'
  | 'UNABLE_TO_ALIGN_DOCUMENT'
  | 'ID_TYPE_UNACCEPTABLE'
  | 'UNEXPECTED_ERROR_OCCURRED';

export interface DocumentMeasures {
  /** Analysed size (the decoder caps the longer side). */
  width: number;
  height: number;
  lumaMean: number;
  lumaStdDev: number;
  sharpness: number;
  glare: number;
  /** Detected faces, largest first; centreX is a fraction of the width. */
  faces: ReadonlyArray<{ score: number; centreX: number }>;
}

export type DocumentVerdict =
  { classification: true; readability: boolean } | { classification: false; failReason: FailReason };

export function judgeDocument(m: DocumentMeasures): DocumentVerdict {
  const fail = (failReason: FailReason): DocumentVerdict => ({ classification: false, failReason });
  if (Math.min(m.width, m.height) < MIN_IMAGE_SIDE) return fail('DOCUMENT_NOT_READABLE');
  if (m.lumaStdDev < UNIFORM_LUMA_STDDEV) return fail('UNKNOWN_DOCUMENT_TYPE');
  if (m.lumaMean < DARK_DOCUMENT_LUMA) return fail('DOCUMENT_NOT_READABLE');
  const photo = m.faces.find((f) => f.score >= CONFIDENT_FACE_SCORE);
  if (!photo || photo.centreX < KTP_PHOTO_MIN_CENTRE_X) return fail('UNKNOWN_DOCUMENT_TYPE');
  return {
    classification: true,
    readability: m.sharpness >= CLIENT_RULES.minSharpness && m.glare >= CLIENT_RULES.minGlare,
  };
}

/** True when a side would fail one of the seed's client-side rules. */
export function failsClientRules(q: {
  sharpness: number;
  glare: number;
  horizontalResolution: number;
}): boolean {
  return (
    q.glare < CLIENT_RULES.minGlare ||
    q.sharpness < CLIENT_RULES.minSharpness ||
    q.horizontalResolution < CLIENT_RULES.minHorizontalResolution
  );
}

export interface SelfieFace {
  score: number;
  box: Box;
  lumaMean: number;
  /** 0–100, the document sharpness scale measured inside the face box. */
  sharpness: number;
  /** 0–1 (see livenessScore in ../identifai/analytics). */
  liveness: number;
}

export interface SelfieMeasures {
  width: number;
  height: number;
  /** Largest first. */
  faces: readonly SelfieFace[];
}

export type SelfieErrorCode = 3008 | 4019 | 4010 | 1003 | 3004 | 3005 | 3006;

export type SelfieVerdict =
  { ok: true; face: SelfieFace; confidence: 0 | 1; isBright: boolean } | { ok: false; code: SelfieErrorCode };

export function judgeSelfie(m: SelfieMeasures, livenessThreshold: number): SelfieVerdict {
  const fail = (code: SelfieErrorCode): SelfieVerdict => ({ ok: false, code });
  if (Math.min(m.width, m.height) < MIN_IMAGE_SIDE) return fail(3008);
  if (m.faces.length === 0) return fail(4019);
  const confident = m.faces.filter((f) => f.score >= CONFIDENT_FACE_SCORE);
  if (confident.length >= 2) return fail(4010);
  const face = confident[0];
  if (!face) return fail(1003);
  const mx = m.width * EDGE_MARGIN;
  const my = m.height * EDGE_MARGIN;
  const { x, y, width, height } = face.box;
  if (x < mx || y < my || x + width > m.width - mx || y + height > m.height - my) return fail(3004);
  if (width < m.width * MIN_FACE_WIDTH_SHARE) return fail(3005);
  if (face.sharpness < BLURRY_FACE_SHARPNESS) return fail(3006);
  return {
    ok: true,
    face,
    confidence: face.liveness >= livenessThreshold ? 0 : 1,
    isBright: face.lumaMean >= DARK_FACE_LUMA,
  };
}

export type ScoreStatus = 'OK' | 'WARN' | 'FAIL' | 'UNKNOWN';

const SEVERITY: Record<ScoreStatus, number> = { OK: 0, WARN: 1, UNKNOWN: 2, FAIL: 3 };

/** The worst of several statuses (FAIL > UNKNOWN > WARN > OK); none → UNKNOWN. */
export function worstStatus(statuses: readonly ScoreStatus[]): ScoreStatus {
  if (statuses.length === 0) return 'UNKNOWN';
  return statuses.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
}

export function faceMatchConfidence(similarity: number, t: Thresholds): 0 | 1 {
  return similarity >= t.faceMatch ? 1 : 0;
}

export function similarityStatus(similarity: number, t: Thresholds): ScoreStatus {
  if (similarity >= t.faceMatch) return 'OK';
  return similarity >= t.faceWarn ? 'WARN' : 'FAIL';
}
