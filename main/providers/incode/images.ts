// The photos Incode gets: re-encoded JPEG (upright, no metadata), under a few MB so that the base64 request
// stays well inside Incode's 10 MB limit. Incode prefers ≥ 1000 px on the long side; prepareJpeg never
// enlarges, so a smaller camera frame is sent as it is and Incode's own quality answer decides.
import type { ImageKind } from '../../../common/record';
import { preparePhoto, type SizeLimits } from '../shared/images';

/**
 * Longest side sent: default 2000 px (Incode asks for at least 1000). Shortest side accepted: default 240 px
 * for the selfie, 300 px for the card.
 */
export interface ImageLimits extends SizeLimits {
  /** Per image; default 3 000 000 bytes (≈ 4 MB as base64, under the 10 MB request limit). */
  maxBytes: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxDimension: 2000,
  maxBytes: 3_000_000,
  minDimension: { selfie: 240, id_card: 300 },
};

/** InvalidImageError when the photo cannot be used at all. */
export async function prepareImage(
  kind: ImageKind,
  images: Readonly<Record<ImageKind, Buffer>>,
  limits: ImageLimits,
): Promise<Buffer> {
  return preparePhoto(images, kind, limits, limits.maxBytes);
}
