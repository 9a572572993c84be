// A stored photo's pixels for the capture rules: upright (EXIF orientation applied) RGBA. The photo has
// already passed image-check (a JPEG of a sane size that decodes to its last pixel), so this cannot be
// asked to decode something huge.
import sharp from 'sharp';
import type { RgbaImage } from '../../common/capture/types';

export async function decodeRgba(jpeg: Buffer): Promise<RgbaImage> {
  const { data, info } = await sharp(jpeg, { failOn: 'error' })
    .rotate()
    .ensureAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
  };
}

/** The card crop as it is stored and sent: JPEG quality 90 (≈ 150–250 KB for 1280×807). */
export const CROP_JPEG_QUALITY = 90;

export function encodeJpeg(image: RgbaImage): Promise<Buffer> {
  const { data } = image;
  return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .removeAlpha()
    .jpeg({ quality: CROP_JPEG_QUALITY, chromaSubsampling: '4:2:0' })
    .toBuffer();
}
