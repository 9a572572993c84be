// Camera frames and the ways a photo arrives damaged: cut off in transit, or intact up to its scan header
// with garbage where the compressed pixels should be. For the capture check (main/verification/image-check).
import sharp from 'sharp';
import { ktpCard } from '../fixtures/images';

/** The KTP as a 1280×720 webcam frame at the renderer's JPEG quality (0.92). */
export async function cameraFrame(): Promise<Buffer> {
  return sharp(await ktpCard('A'))
    .resize(1280, 720, { fit: 'cover' })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** The first `fraction` of the file, as a transfer that stopped part-way leaves it. */
export function truncated(jpeg: Buffer, fraction: number): Buffer {
  return Buffer.from(jpeg.subarray(0, Math.floor(jpeg.length * fraction)));
}

/**
 * Every marker up to and including the start-of-scan header left as it was, the compressed data replaced by
 * deterministic noise (no 0xFF, so no stray markers: only the data itself is wrong), the end marker kept. The
 * header still reads as a whole, well-sized JPEG.
 */
export function garbageAfterHeader(jpeg: Buffer): Buffer {
  const damaged = Buffer.from(jpeg);
  const scanStart = startOfScanData(jpeg);
  let seed = 0x5eed;
  for (let i = scanStart; i < damaged.length - 2; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    damaged[i] = Math.min(seed >>> 24, 0xfe);
  }
  return damaged;
}

function startOfScanData(jpeg: Buffer): number {
  for (let i = 2; i < jpeg.length - 3; i++) {
    if (jpeg[i] === 0xff && jpeg[i + 1] === 0xda) return i + 2 + jpeg.readUInt16BE(i + 2);
  }
  throw new Error('no start-of-scan marker in this JPEG');
}
