// Which analytics the stand-in serves, by URL slug. The stand-in is api.identifai.id, so it serves only what
// the seed's migration list for that host names (identifai-v2-base-url-migration: the same slugs under
// /v1/analytics and /syncv2/analytics). The plain `face-match-liveness` and `face-liveness` of older pages
// are not in that list: the real host answers them 404, and so does the sandbox, so a client that still
// sends them fails its tests instead of every customer. The `-v1`/`-v2` face analytics are documented as
// unchanged in body and answer, so they share one behaviour here. Slugs the list names that the sandbox does
// not simulate (enrolment, OCR SIM/NPWP, face-liveness-v4, whose answer has another shape) answer 501, so a
// test can tell "the host has no such analytic" from "the sandbox does not play it".
export type AnalyticType = 'FACE_MATCH_LIVENESS' | 'FACE_LIVENESS' | 'FACE_MATCH' | 'OCR_KTP';

export interface AnalyticSpec {
  type: AnalyticType;
  /** Exactly this many images. */
  imageCount: number;
  /** Per decoded image. */
  maxImageBytes: number;
}

/** The seed's list of analytics slugs on api.identifai.id. */
export const LISTED_SLUGS: ReadonlySet<string> = new Set([
  'face-match',
  'face-match-enrollment',
  'face-enrollment',
  'delete-enrollment',
  'face-liveness-v4',
  'face-liveness-v1',
  'face-match-liveness-v2',
  'face-match-liveness-v1',
  'ocr-ktp',
  'ocr-sim',
  'ocr-npwp',
]);

const MB = 1024 * 1024;

const FACE_MATCH_LIVENESS: AnalyticSpec = {
  type: 'FACE_MATCH_LIVENESS',
  imageCount: 2,
  maxImageBytes: 2 * MB,
};
const FACE_LIVENESS: AnalyticSpec = { type: 'FACE_LIVENESS', imageCount: 1, maxImageBytes: 1 * MB };
const FACE_MATCH: AnalyticSpec = { type: 'FACE_MATCH', imageCount: 2, maxImageBytes: 2 * MB };
const OCR_KTP: AnalyticSpec = { type: 'OCR_KTP', imageCount: 1, maxImageBytes: 800 * 1024 };

export const DEFAULT_CATALOGUE: Readonly<Record<string, AnalyticSpec>> = {
  'face-match-liveness-v1': FACE_MATCH_LIVENESS,
  'face-match-liveness-v2': FACE_MATCH_LIVENESS,
  'face-liveness-v1': FACE_LIVENESS,
  'face-match': FACE_MATCH,
  'ocr-ktp': OCR_KTP,
};
