// IdentifAI's FACE_MATCH_LIVENESS and OCR_KTP results → one ProviderResult. Pure. Loket applies its own
// liveness and similarity thresholds on top of the provider's `live`/`match` flags, so a kiosk can be
// stricter than the provider's defaults without a provider-side setting.
import { isPlausibleNik } from '../../../common/nik';
import type { RetakeReason } from '../../../common/record';
import { redact } from '../../lib/redact';
import type { ProviderResult } from '../provider';
import { isObject } from './errors';
import type { JobResult } from './job';
import { mapOcrFields } from './ocr';

export interface Thresholds {
  liveness: number;
  similarity: number;
}

/** The provider's documented defaults (liveness_threshold 0.6, similarity_threshold 0.7). */
export const DEFAULT_THRESHOLDS: Thresholds = { liveness: 0.6, similarity: 0.7 };

export type RetakeRules = ReadonlyArray<readonly [RegExp, RetakeReason]>;

/** [UNCONFIRMED] wording, matched without case; an unknown incompleted message asks for a better photo. */
export const DEFAULT_RETAKE_MESSAGES: RetakeRules = [
  [/no face (is )?detected/i, 'no_face'],
  [/multiple faces/i, 'multiple_faces'],
  [/occluded/i, 'face_occluded'],
];

export interface FaceScores {
  live: boolean | null;
  liveness: number | null;
  match: boolean | null;
  similarity: number | null;
}

export interface DecideInput {
  face: JobResult;
  /** null when the OCR job was not run. */
  ocr: JobResult | null;
  thresholds?: Thresholds;
  retakeMessages?: RetakeRules;
}

/** Finds `face_liveness` and `face_match` by name, wherever they sit in the result array. */
export function readFaceScores(items: readonly unknown[]): FaceScores {
  const scores: FaceScores = { live: null, liveness: null, match: null, similarity: null };
  for (const item of items) {
    if (!isObject(item)) continue;
    const liveness = item.face_liveness;
    if (isObject(liveness)) {
      if (typeof liveness.live === 'boolean') scores.live = liveness.live;
      if (typeof liveness.liveness === 'number') scores.liveness = liveness.liveness;
    }
    const match = item.face_match;
    if (isObject(match)) {
      if (typeof match.match === 'boolean') scores.match = match.match;
      if (typeof match.similarity === 'number') scores.similarity = match.similarity;
    }
  }
  return scores;
}

export function decide(input: DecideInput): ProviderResult {
  const { face, ocr } = input;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const raw = { face_match_liveness: face.raw, ocr_ktp: ocr?.raw ?? null };

  if (face.status === 'failed') {
    return {
      kind: 'failed',
      code: 'provider_rejected',
      message: redact(`IdentifAI could not process the face check: ${face.message || 'no message'}`),
      raw,
    };
  }
  if (face.status === 'incompleted') {
    const rules = input.retakeMessages ?? DEFAULT_RETAKE_MESSAGES;
    const reason = rules.find(([pattern]) => pattern.test(face.message))?.[1] ?? 'poor_quality';
    // face-match-liveness judges the KTP and the selfie together and its refusals do not say which face
    // failed: Loket's analysis of the two photos decides (common/capture/retake.ts).
    return { kind: 'retake', imageKind: null, reason, providerMessage: face.message, raw };
  }

  const scores = readFaceScores(face.items);
  const ocrFields = ocr?.status === 'success' ? mapOcrFields(ocr.items) : {};
  const outcome = (
    decision: 'verified' | 'not_verified' | 'needs_review',
    providerMessage: string,
  ): ProviderResult => ({
    kind: 'decided',
    outcome: { decision, ...scores, ocr: ocrFields, providerMessage },
    raw,
  });

  const belowLiveness = scores.liveness !== null && scores.liveness < thresholds.liveness;
  const belowSimilarity = scores.similarity !== null && scores.similarity < thresholds.similarity;
  if (scores.live === false || scores.match === false || belowLiveness || belowSimilarity) {
    return outcome('not_verified', face.message);
  }
  // "success" without both verdicts is not an answer we can act on alone.
  if (scores.live !== true || scores.match !== true) return outcome('needs_review', face.message);

  // The face is verified; the card still needs reading. A person looks at the card when OCR could not.
  if (!ocr) return outcome('verified', face.message);
  if (ocr.status !== 'success') return outcome('needs_review', ocr.message || face.message);
  if (!ocrFields.nik || !isPlausibleNik(ocrFields.nik))
    return outcome('needs_review', ocr.message || face.message);
  return outcome('verified', face.message);
}
