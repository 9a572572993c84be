// The photo leaves the Worker as JPEG bytes: the card straightened and cropped (common/capture/crop.ts), or
// the whole frame for the face. Encoded here, off the UI thread, at the quality the kiosk always used.
import type { RgbaImage } from '../../../common/capture/types';

export const JPEG_QUALITY = 0.92;

export async function encodeJpeg(image: RgbaImage): Promise<ArrayBuffer> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('2D canvas is not available in the Worker');
  const pixels = new ImageData(image.width, image.height);
  pixels.data.set(image.data);
  context.putImageData(pixels, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return blob.arrayBuffer();
}
