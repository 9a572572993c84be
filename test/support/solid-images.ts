// Plain camera-sized JPEGs for provider unit tests that need real, decodable photos but no faces: an ID card
// and a selfie larger than every provider's limits, so the preparation step has something to shrink.
import sharp from 'sharp';
import type { ImageKind } from '../../common/record';

export function solidJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#8a9bb0' } })
    .jpeg()
    .toBuffer();
}

export async function solidImages(): Promise<Record<ImageKind, Buffer>> {
  return { id_card: await solidJpeg(1600, 1000), selfie: await solidJpeg(640, 480) };
}
