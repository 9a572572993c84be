// Decoding and simple pixel statistics. Everything the sandbox judges (uniform, dark, greyscale) is measured
// here from raw RGB, so the rules in identifai/analytics.ts are about numbers, not about files.
import sharp from 'sharp';

/** Large frames are scaled down first: detection resizes anyway, and this bounds memory and time. */
const MAX_SIDE = 1280;

export interface DecodedImage {
  /** Size of the image as sent (before any scaling for analysis). */
  originalWidth: number;
  originalHeight: number;
  width: number;
  height: number;
  /** Packed RGB, 3 bytes per pixel, `width * height * 3` long. */
  rgb: Uint8Array;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RegionStats {
  /** Mean Rec.601 luma, 0–255. */
  lumaMean: number;
  lumaStdDev: number;
  /** Mean HSV saturation, 0–1: about 0 for a greyscale or printed-in-grey picture. */
  saturationMean: number;
}

export class UndecodableImageError extends Error {
  override readonly name = 'UndecodableImageError';
}

export async function decodeImage(bytes: Buffer): Promise<DecodedImage> {
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    const { data, info } = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgb = info.channels === 3 ? new Uint8Array(data) : expandToRgb(data, info.channels);
    const swapped = (meta.orientation ?? 1) >= 5;
    return {
      originalWidth: (swapped ? meta.height : meta.width) ?? info.width,
      originalHeight: (swapped ? meta.width : meta.height) ?? info.height,
      width: info.width,
      height: info.height,
      rgb,
    };
  } catch (error) {
    throw new UndecodableImageError(error instanceof Error ? error.message : String(error));
  }
}

function expandToRgb(data: Buffer, channels: number): Uint8Array {
  const pixels = data.length / channels;
  const out = new Uint8Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    const v = data[i * channels] ?? 0;
    out[i * 3] = v;
    out[i * 3 + 1] = channels >= 3 ? (data[i * channels + 1] ?? v) : v;
    out[i * 3 + 2] = channels >= 3 ? (data[i * channels + 2] ?? v) : v;
  }
  return out;
}

/** Statistics of a region (the whole image when `box` is omitted), clipped to the image. */
export function regionStats(image: DecodedImage, box?: Box): RegionStats {
  const x0 = Math.max(0, Math.floor(box?.x ?? 0));
  const y0 = Math.max(0, Math.floor(box?.y ?? 0));
  const x1 = Math.min(image.width, Math.ceil(box ? box.x + box.width : image.width));
  const y1 = Math.min(image.height, Math.ceil(box ? box.y + box.height : image.height));
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let satSum = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 3;
      const r = image.rgb[i] ?? 0;
      const g = image.rgb[i + 1] ?? 0;
      const b = image.rgb[i + 2] ?? 0;
      const luma = 0.299 * r + 0.587 * g + 0.114 * b;
      const max = Math.max(r, g, b);
      sum += luma;
      sumSq += luma * luma;
      satSum += max === 0 ? 0 : (max - Math.min(r, g, b)) / max;
      n++;
    }
  }
  if (n === 0) return { lumaMean: 0, lumaStdDev: 0, saturationMean: 0 };
  const mean = sum / n;
  return {
    lumaMean: mean,
    lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)),
    saturationMean: satSum / n,
  };
}

/**
 * A 64-bit difference hash (9×8 greyscale, one bit per horizontal gradient). Two frames of the same card
 * from a fake camera, or the same JPEG re-encoded, hash alike, so the OCR specimen stays the same person.
 */
export async function differenceHash(bytes: Buffer): Promise<bigint> {
  const data = await sharp(bytes).rotate().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  let hash = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const left = data[y * 9 + x] ?? 0;
      const right = data[y * 9 + x + 1] ?? 0;
      hash = (hash << 1n) | (left > right ? 1n : 0n);
    }
  }
  return hash;
}
