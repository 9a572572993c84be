// A captured image is checked before it is stored: it must be a decodable JPEG of a usable size. The
// provider adapters re-encode for their own limits later; this only keeps garbage out of the record.
import sharp from 'sharp';
import { BridgeFailure } from '../bridge/failure';

const MIN_WIDTH = 320;
const MIN_HEIGHT = 240;

export async function decodeCapturedJpeg(imageBase64: string): Promise<Buffer> {
  const bytes = Buffer.from(imageBase64, 'base64');
  const isJpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isJpeg) throw new BridgeFailure('invalid_image', 'The photo is not a JPEG image.');
  let width = 0;
  let height = 0;
  try {
    const meta = await sharp(bytes, { failOn: 'error' }).metadata();
    width = meta.width;
    height = meta.height;
  } catch {
    throw new BridgeFailure('invalid_image', 'The photo could not be decoded.');
  }
  if (width < MIN_WIDTH || height < MIN_HEIGHT) {
    throw new BridgeFailure(
      'invalid_image',
      `The photo is ${width}×${height}; at least ${MIN_WIDTH}×${MIN_HEIGHT} is needed.`,
    );
  }
  return bytes;
}
