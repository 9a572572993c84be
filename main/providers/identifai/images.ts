// The images each analytic gets, prepared to its documented limits: face-match-liveness takes the KTP and
// then the selfie (2 MB each), ocr-ktp the KTP alone (800 KB). The limits are settings in case they change.
import type { ImageKind } from '../../../common/record';
import { prepareJpeg } from '../../lib/image';
import type { AnalyticName } from './client';

export interface ImageLimits {
  /** Longest side sent; default 1280 px. */
  maxDimension: number;
  /** face-match-liveness: documented 2 MB per image. */
  faceMaxBytes: number;
  /** ocr-ktp: documented 800 KB. */
  ocrMaxBytes: number;
  /** Shortest side accepted; default 240 px for the selfie, 300 px for the card (OCR product page). */
  minDimension: Readonly<Record<ImageKind, number>>;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxDimension: 1280,
  faceMaxBytes: 2_000_000,
  ocrMaxBytes: 800_000,
  minDimension: { selfie: 240, id_card: 300 },
};

/** JPEG bytes in the order the analytic expects them; InvalidImageError when an image cannot be used. */
export async function prepareImages(
  analytic: AnalyticName,
  images: Readonly<Record<ImageKind, Buffer>>,
  limits: ImageLimits,
): Promise<Buffer[]> {
  const prepare = async (kind: ImageKind, maxBytes: number) =>
    (
      await prepareJpeg(images[kind], {
        maxBytes,
        maxDimension: limits.maxDimension,
        minDimension: limits.minDimension[kind],
      })
    ).jpeg;
  return analytic === 'faceMatchLiveness'
    ? [await prepare('id_card', limits.faceMaxBytes), await prepare('selfie', limits.faceMaxBytes)]
    : [await prepare('id_card', limits.ocrMaxBytes)];
}
