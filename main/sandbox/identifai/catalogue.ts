// Which analytics the stand-in serves, by URL slug. The v2 migration seed lists `-v1`/`-v2` variants of the
// face analytics; their bodies and answers are documented as unchanged, so they share the plain slug's
// behaviour. `face-liveness-v4` answers a different shape (PROTOCOLS 1.6) and is deliberately absent.
export type AnalyticType = 'FACE_MATCH_LIVENESS' | 'FACE_LIVENESS' | 'FACE_MATCH' | 'OCR_KTP';

export interface AnalyticSpec {
  type: AnalyticType;
  /** Exactly this many images. */
  imageCount: number;
  /** Per decoded image. */
  maxImageBytes: number;
}

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
  'face-match-liveness': FACE_MATCH_LIVENESS,
  'face-match-liveness-v1': FACE_MATCH_LIVENESS,
  'face-match-liveness-v2': FACE_MATCH_LIVENESS,
  'face-liveness': FACE_LIVENESS,
  'face-liveness-v1': FACE_LIVENESS,
  'face-match': FACE_MATCH,
  'ocr-ktp': OCR_KTP,
};
