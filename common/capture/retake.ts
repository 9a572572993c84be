// When a provider asks for a retake without saying which photo (IdentifAI's face-match-liveness answers
// "No face detected" for the KTP and the selfie alike), Loket's own analysis of the two stored photos picks
// the one most likely at fault, so the person is sent to that photo's step, and told which.
import type { ImageKind, RetakeReason } from '../record';
import type { PhotoAnalysis } from './precheck';
import { cardFocusBar } from './guidance';
import type { CaptureThresholds } from './thresholds';

/** Which of a photo's measures bear on a reason: a missing face is about the face itself, an occluded one
 * also about the light, poor quality about everything. */
export type Evidence = 'face' | 'face_and_light' | 'all';

/**
 * How far a photo clears the pre-check's bars on the evidence that bears on the reason: each ratio of a
 * measure to its threshold (1 = exactly at it), weakest first — the face's confidence and size, then the
 * light, then the focus. Empty without a face: nothing could be weaker.
 */
export function faceEvidence(
  analysis: PhotoAnalysis,
  t: CaptureThresholds,
  evidence: Evidence = 'all',
): number[] {
  const { face, measures } = analysis;
  if (!face) return [];
  const card = analysis.kind === 'id_card';
  const ratios = [
    face.score / t.faceMinScore,
    face.widthFraction / (card ? t.cardFaceMinWidthFraction : t.selfieMinFaceWidthFraction),
  ];
  if (measures && evidence !== 'face')
    ratios.push(measures.meanLuma / t.minMeanLuma, measures.p95Luma / t.minP95Luma);
  if (measures && evidence === 'all')
    ratios.push(measures.sharpness / (card ? cardFocusBar(measures, t) : t.faceMinSharpness));
  return ratios.sort((a, b) => a - b);
}

/** The weakest of those ratios (0 without a face). */
export const faceMargin = (
  analysis: PhotoAnalysis,
  t: CaptureThresholds,
  evidence: Evidence = 'all',
): number => faceEvidence(analysis, t, evidence)[0] ?? 0;

/** Ratios within this of each other count as equal (a detector's 0.99 against 1.00 says nothing). */
const SAME = 0.02;

/**
 * True when `a` is the weaker photo: its weakest ratio is lower; on a tie (both faces found with full
 * confidence, say) the next weakest decides, and so on. No face is weaker than any face.
 */
export function isWeaker(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === 0 && b.length > 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (Math.abs(x - y) > SAME * Math.max(x, y)) return x < y;
  }
  return false;
}

/** Retake reasons that can only be about one of the photos, whatever the provider's wording. */
const ID_REASONS: ReadonlySet<RetakeReason> = new Set([
  'id_not_recognised',
  'id_glare',
  'id_blurry',
  'id_too_small',
]);
/** Reasons about the face in a photo, either of which could be the one, and the evidence each bears on. */
const FACE_REASONS: ReadonlyMap<RetakeReason, Evidence> = new Map<RetakeReason, Evidence>([
  ['no_face', 'face'],
  ['face_occluded', 'face_and_light'],
  ['too_dark', 'face_and_light'],
  ['poor_quality', 'all'],
]);

/**
 * The photo to retake for `reason` when the provider did not say. A photo without a stored analysis (taken
 * before Loket kept one) is not blamed, and with neither the selfie is, as before: it is the one the person
 * can retake at once.
 */
export function photoAtFault(
  reason: RetakeReason,
  analyses: Partial<Record<ImageKind, PhotoAnalysis>>,
  t: CaptureThresholds,
): ImageKind {
  if (ID_REASONS.has(reason)) return 'id_card';
  const { id_card: card, selfie } = analyses;
  if (!card || !selfie) return 'selfie';
  if (reason === 'multiple_faces') return card.faceCount > selfie.faceCount ? 'id_card' : 'selfie';
  const evidence = FACE_REASONS.get(reason);
  if (evidence)
    return isWeaker(faceEvidence(card, t, evidence), faceEvidence(selfie, t, evidence))
      ? 'id_card'
      : 'selfie';
  return 'selfie';
}
