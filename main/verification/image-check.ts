// A captured image is checked before it is stored: it must be a JPEG of a usable size whose every pixel
// decodes. A photo cut off in transit, or damaged after its header, is refused here, at capture, while the
// person is still in front of the camera, rather than failing later at the provider as "undecodable". The
// provider adapters re-encode for their own limits later; this only keeps unusable photos out of the record.
import sharp from 'sharp';
import { BridgeFailure } from '../bridge/failure';

const MIN_WIDTH = 320;
const MIN_HEIGHT = 240;
/**
 * A 4K webcam frame (3840×2160) with room to spare. Decoding costs width × height × 3 bytes of memory, so a
 * larger "photo" (no camera frame is) is refused from its header, before any pixel is decoded.
 */
const MAX_PIXELS = 4096 * 4096;

const refuse = (message: string) => new BridgeFailure('invalid_image', message);

export async function decodeCapturedJpeg(imageBase64: string): Promise<Buffer> {
  const bytes = Buffer.from(imageBase64, 'base64');
  if (bytes.length === 0) throw refuse('The photo is empty.');
  const isJpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isJpeg) throw refuse('The photo is not a JPEG image.');
  const { width, height } = await readSize(bytes);
  if (width < MIN_WIDTH || height < MIN_HEIGHT) {
    throw refuse(`The photo is ${width}×${height}; at least ${MIN_WIDTH}×${MIN_HEIGHT} is needed.`);
  }
  if (width * height > MAX_PIXELS) {
    throw refuse(`The photo is ${width}×${height}; at most ${MAX_PIXELS} pixels are accepted.`);
  }
  await decodeEveryPixel(bytes);
  return bytes;
}

/** The size from the header alone (sharp's metadata reads no pixel data). */
async function readSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  try {
    const { width, height } = await sharp(bytes, { failOn: 'error' }).metadata();
    return { width, height };
  } catch {
    throw refuse('The photo could not be decoded.');
  }
}

/**
 * Decodes the whole image to raw pixels (no resize: a resize would let libjpeg decode at a smaller scale).
 * `failOn: 'warning'` is the strictest level: libjpeg reports a cut-off file ("premature end of JPEG file")
 * and damaged data after the header ("corrupt JPEG data") only as warnings, which the default lets through
 * as grey blocks. A camera frame encoded by the browser's canvas raises none. The sharp error is not passed
 * on: the message says what happened, in words, and carries nothing of the image.
 */
async function decodeEveryPixel(bytes: Buffer): Promise<void> {
  try {
    await sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_PIXELS }).raw().toBuffer();
  } catch {
    throw refuse('The photo is cut off or damaged: it could not be decoded to the end.');
  }
}
