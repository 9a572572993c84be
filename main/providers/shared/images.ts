// One captured photo prepared for a provider: re-encoded JPEG within the provider's size limits (see
// lib/image). Each provider's images.ts says which photos it sends, in what order, and with which byte limit.
import type { ImageKind } from '../../../common/record';
import { prepareJpeg } from '../../lib/image';

export interface SizeLimits {
  /** Longest side sent. */
  maxDimension: number;
  /** Shortest side accepted, per photo. */
  minDimension: Readonly<Record<ImageKind, number>>;
}

/** JPEG bytes of `images[kind]`; InvalidImageError when the photo cannot be used at all. */
export async function preparePhoto(
  images: Readonly<Record<ImageKind, Buffer>>,
  kind: ImageKind,
  limits: SizeLimits,
  maxBytes: number,
): Promise<Buffer> {
  const prepared = await prepareJpeg(images[kind], {
    maxBytes,
    maxDimension: limits.maxDimension,
    minDimension: limits.minDimension[kind],
  });
  return prepared.jpeg;
}
