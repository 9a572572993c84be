// Camera frames are re-encoded before they leave the kiosk: the right way up (EXIF orientation applied),
// without metadata (no device or location data goes to a provider), no larger than the provider needs, and
// under the provider's byte limit. Quality is lowered first because it costs the analytics less than pixels.
import sharp from 'sharp';

export type InvalidImageReason = 'undecodable' | 'too_small' | 'too_large';

export class InvalidImageError extends Error {
  override readonly name = 'InvalidImageError';
  readonly code = 'invalid_image';
  constructor(
    readonly reason: InvalidImageReason,
    message: string,
  ) {
    super(message);
  }
}

export interface PrepareOptions {
  maxBytes: number;
  /** The longer side is scaled down to this; never enlarged. */
  maxDimension: number;
  /** The shorter side must be at least this, before and after any shrinking. */
  minDimension?: number;
}

export interface PreparedJpeg {
  jpeg: Buffer;
  width: number;
  height: number;
  bytesIn: number;
  bytesOut: number;
}

const QUALITIES = [88, 80, 72, 64, 56, 48, 40] as const;
const SHRINK = 0.8;
/** Below this the analytics see too little, whatever the caller allows. */
const FLOOR_DIMENSION = 160;

export async function prepareJpeg(input: Buffer, options: PrepareOptions): Promise<PreparedJpeg> {
  const { maxBytes, maxDimension } = options;
  const minDimension = options.minDimension ?? 0;
  if (!(maxBytes > 0) || !(maxDimension > 0)) throw new RangeError('maxBytes and maxDimension must be > 0');

  const { width, height } = await orientedSize(input);
  if (Math.min(width, height) < minDimension) {
    throw new InvalidImageError(
      'too_small',
      `The image is ${width}×${height} px; at least ${minDimension} px on the shorter side is needed.`,
    );
  }

  // The long side that keeps the short side at or above the minimum.
  const smallestLongSide = Math.max(
    FLOOR_DIMENSION,
    Math.ceil((minDimension * Math.max(width, height)) / Math.min(width, height)),
  );
  let longSide = Math.min(maxDimension, Math.max(width, height));
  for (;;) {
    for (const quality of QUALITIES) {
      const { data, info } = await encode(input, longSide, quality);
      if (data.length <= maxBytes) {
        return {
          jpeg: data,
          width: info.width,
          height: info.height,
          bytesIn: input.length,
          bytesOut: data.length,
        };
      }
    }
    const next = Math.floor(longSide * SHRINK);
    if (next < smallestLongSide) break;
    longSide = next;
  }
  throw new InvalidImageError(
    'too_large',
    `The image cannot be made smaller than ${maxBytes} bytes without going below the minimum size.`,
  );
}

async function encode(input: Buffer, longSide: number, quality: number) {
  try {
    return await sharp(input, { failOn: 'error' })
      .rotate()
      .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality, chromaSubsampling: '4:2:0' })
      .toBuffer({ resolveWithObject: true });
  } catch {
    // The header parsed but the pixels did not (a truncated or corrupt file).
    throw new InvalidImageError('undecodable', 'The image could not be decoded (damaged or truncated).');
  }
}

async function orientedSize(input: Buffer): Promise<{ width: number; height: number }> {
  if (input.length === 0) throw new InvalidImageError('undecodable', 'The image is empty.');
  try {
    const meta = await sharp(input, { failOn: 'error' }).metadata();
    if (!meta.width || !meta.height) throw new Error('no dimensions');
    // EXIF orientations 5–8 are the quarter turns: width and height swap once rotated.
    const turned = (meta.orientation ?? 1) >= 5;
    return turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  } catch {
    throw new InvalidImageError(
      'undecodable',
      'The image could not be decoded (not a JPEG, PNG or WebP, or damaged).',
    );
  }
}
