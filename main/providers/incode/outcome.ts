// Incode's scores (/omni/get/score), OCR data and face-match answer → one decided ProviderResult. Pure.
// The decision is Incode's own `overall.status` and nothing else: only OK is a pass (the flow configured in
// Incode's dashboard already weighs ID validation, liveness and face match into it). Liveness and face
// match are reported beside it for the record and the staff screen.
import type { Decision } from '../../../common/record';
import type { ProviderResult } from '../provider';
import { isObject } from './errors';
import { mapIncodeOcr } from './ocr';
import { numeric } from './rules';

export interface FaceScores {
  liveness: number | null;
  live: boolean | null;
  similarity: number | null;
  match: boolean | null;
}

export interface DecideInput {
  score: Record<string, unknown>;
  ocr: Record<string, unknown> | null;
  /** The /omni/process/face answer, when it ran. */
  processFace: Record<string, unknown> | null;
}

/** `overall.status` → decision. WARN, UNKNOWN and the MANUAL* statuses need a person. */
export function decisionFor(status: string | null): Decision {
  switch (status?.toUpperCase()) {
    case 'OK':
      return 'verified';
    case 'FAIL':
      return 'not_verified';
    default:
      return 'needs_review';
  }
}

interface Check {
  value: number | null;
  status: string | null;
}

/** A `{value, status}` check; values are strings ("100.0") in Incode's answers. */
function check(value: unknown): Check | null {
  if (!isObject(value)) return null;
  return {
    value: numeric(value.value),
    status: typeof value.status === 'string' ? value.status : null,
  };
}

const fraction = (value: number | null): number | null =>
  value === null ? null : Math.min(1, Math.max(0, value / 100));

export function readFaceScores(
  score: Record<string, unknown>,
  processFace: Record<string, unknown> | null,
): FaceScores {
  const liveness = isObject(score.liveness) ? score.liveness : {};
  const livenessCheck = [liveness.overall, liveness.livenessScore, liveness.liveness_score]
    .map(check)
    .find((c) => c !== null && (c.value !== null || c.status !== null));
  const face = isObject(score.faceRecognition) ? check(score.faceRecognition.overall) : null;
  const confidence = processFace ? numeric(processFace.confidence) : null;

  return {
    liveness: fraction(livenessCheck?.value ?? null),
    live: livenessCheck?.status ? livenessCheck.status.toUpperCase() === 'OK' : null,
    similarity: fraction(face?.value ?? null),
    match: face?.status ? face.status.toUpperCase() === 'OK' : confidence !== null ? confidence === 1 : null,
  };
}

export function decide(input: DecideInput): ProviderResult {
  const overall = check(input.score.overall);
  const status = overall?.status ?? null;
  const valueText = isObject(input.score.overall) ? input.score.overall.value : undefined;
  const shownValue = typeof valueText === 'string' || typeof valueText === 'number' ? String(valueText) : '–';
  return {
    kind: 'decided',
    outcome: {
      decision: decisionFor(status),
      ...readFaceScores(input.score, input.processFace),
      ocr: input.ocr ? mapIncodeOcr(input.ocr) : {},
      providerMessage: status ? `overall ${status} (${shownValue})` : 'overall status missing',
    },
    raw: { score: input.score, ocr: input.ocr, processFace: input.processFace },
  };
}
