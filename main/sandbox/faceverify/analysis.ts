/*
 * The sandbox's simulated face check: what a frame sent from the hosted page turns into. The sandbox's own
 * "test cards", pinned by the integration tests:
 *   an image narrower or lower than 64 px          → failed, "Image resolution is too small"
 *   no face at all (the cat, a blank wall)          → failed, "No face detected"
 *   two or more confident faces                     → failed, "Multiple faces detected"
 *   one face: liveness follows its colour, as in the IdentifAI stand-in (a printed or greyscale picture has
 *   none): liveness = livenessScore(face), live = liveness ≥ threshold (default 0.6)
 *     colour selfie → completed, live,     "Liveness check passed"
 *     greyscale     → completed, not live, "Liveness check failed"
 * The hosted flow checks liveness only (there is no document to compare with): similarity and match are null.
 * The wording is the sandbox's own (faceverify's is not public).
 */
import { createLogger } from '../../lib/log';
import { describeError } from '../../lib/redact';
import { detectFaces } from '../faces/detect';
import { decodeImage } from '../faces/image';
import { CONFIDENT_FACE_SCORE, MIN_IMAGE_SIDE, livenessScore } from '../identifai/analytics';

export const DEFAULT_LIVENESS_THRESHOLD = 0.6;

export const FACE_CHECK_MESSAGES = {
  passed: 'Liveness check passed',
  notLive: 'Liveness check failed',
  noFace: 'No face detected',
  multipleFaces: 'Multiple faces detected',
  tooSmall: 'Image resolution is too small',
  crashed: 'Face check failed',
} as const;

export interface FaceCheckResult {
  liveness: number;
  live: boolean;
  similarity: number | null;
  match: boolean | null;
  message: string;
}

export interface FaceCheck {
  status: 'completed' | 'failed';
  result: FaceCheckResult;
}

const log = createLogger('sandbox');

const failed = (message: string): FaceCheck => ({
  status: 'failed',
  result: { liveness: 0, live: false, similarity: null, match: null, message },
});

/** Throws UndecodableImageError when the bytes are not an image; every other problem is a `failed` check. */
export async function analyseFaceCheck(jpeg: Buffer, livenessThreshold: number): Promise<FaceCheck> {
  const image = await decodeImage(jpeg);
  if (Math.min(image.width, image.height) < MIN_IMAGE_SIDE) return failed(FACE_CHECK_MESSAGES.tooSmall);
  try {
    const { faces } = await detectFaces(image);
    if (faces.length === 0) return failed(FACE_CHECK_MESSAGES.noFace);
    const confident = faces.filter((f) => f.score >= CONFIDENT_FACE_SCORE);
    if (confident.length >= 2) return failed(FACE_CHECK_MESSAGES.multipleFaces);
    const face = confident[0] ?? faces[0];
    if (!face) return failed(FACE_CHECK_MESSAGES.noFace);
    const liveness = Math.round(livenessScore(face) * 1000) / 1000;
    const live = liveness >= livenessThreshold;
    return {
      status: 'completed',
      result: {
        liveness,
        live,
        similarity: null,
        match: null,
        message: live ? FACE_CHECK_MESSAGES.passed : FACE_CHECK_MESSAGES.notLive,
      },
    };
  } catch (error) {
    log.error('face check crashed', { error: describeError(error) });
    return failed(FACE_CHECK_MESSAGES.crashed);
  }
}
