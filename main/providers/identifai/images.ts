// The images each analytic gets, prepared to its documented limits: face-match-liveness takes the KTP and
// then the selfie (2 MB each), ocr-ktp the KTP alone (800 KB). The limits are settings in case they change.
import type { ImageKind } from '../../../common/record';
import { preparePhoto, type SizeLimits } from '../shared/images';
import type { AnalyticName } from './client';

/**
 * Longest side sent: default 1280 px. Shortest side accepted: default 240 px for the selfie, 300 px for the
 * card (OCR product page).
 */
export interface ImageLimits extends SizeLimits {
  /** face-match-liveness: documented 2 MB per image. */
  faceMaxBytes: number;
  /** ocr-ktp: documented 800 KB. */
  ocrMaxBytes: number;
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
  const prepare = (kind: ImageKind, maxBytes: number) => preparePhoto(images, kind, limits, maxBytes);
  return analytic === 'faceMatchLiveness'
    ? [await prepare('id_card', limits.faceMaxBytes), await prepare('selfie', limits.faceMaxBytes)]
    : [await prepare('id_card', limits.ocrMaxBytes)];
}
