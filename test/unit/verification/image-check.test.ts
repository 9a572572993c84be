// The capture check decodes the whole photo: one that is cut off or damaged after its header is refused as
// invalid_image at capture, with a message in words and nothing of the image in it.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeCapturedJpeg } from '../../../main/verification/image-check';
import { cameraFrame, garbageAfterHeader, truncated } from '../../support/damaged-jpegs';
import { solidJpeg } from '../../support/solid-images';

const base64 = (bytes: Buffer) => bytes.toString('base64');

async function refusal(bytes: Buffer): Promise<{ code: string; message: string }> {
  const error: unknown = await decodeCapturedJpeg(base64(bytes)).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error) || !('code' in error)) throw new Error('the photo was accepted');
  return { code: String(error.code), message: error.message };
}

describe('decodeCapturedJpeg', () => {
  it('accepts a whole camera frame and returns its bytes unchanged', async () => {
    const frame = await cameraFrame();
    expect((await decodeCapturedJpeg(base64(frame))).equals(frame)).toBe(true);
  });

  it('accepts bytes after the end marker (they are not part of the image)', async () => {
    const frame = Buffer.concat([await cameraFrame(), Buffer.from('trailing bytes')]);
    await expect(decodeCapturedJpeg(base64(frame))).resolves.toBeInstanceOf(Buffer);
  });

  it.each([0.002, 0.1, 0.5, 0.9, 0.999])('refuses a frame cut off at %s of its length', async (fraction) => {
    const frame = await cameraFrame();
    const cut = truncated(frame, fraction);
    const { code, message } = await refusal(cut);
    expect(code).toBe('invalid_image');
    expect(message).toMatch(/cut off or damaged|could not be decoded/);
  });

  it('refuses a frame cut off just before its end marker', async () => {
    const frame = await cameraFrame();
    expect(await refusal(frame.subarray(0, frame.length - 2))).toMatchObject({ code: 'invalid_image' });
  });

  it('refuses a frame whose header is whole but whose data is garbage, which a header check passes', async () => {
    const damaged = garbageAfterHeader(await cameraFrame());
    expect(await sharp(damaged).metadata()).toMatchObject({ width: 1280, height: 720 });
    const { code, message } = await refusal(damaged);
    expect(code).toBe('invalid_image');
    expect(message).toBe('The photo is cut off or damaged: it could not be decoded to the end.');
    expect(message).not.toContain(base64(damaged).slice(0, 16));
  });

  it('refuses an empty photo, a PNG, a photo too small and one too large to decode', async () => {
    expect(await refusal(Buffer.alloc(0))).toEqual({ code: 'invalid_image', message: 'The photo is empty.' });
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    expect(await refusal(png)).toMatchObject({ code: 'invalid_image', message: /not a JPEG/ });
    expect(await refusal(await solidJpeg(200, 150))).toMatchObject({ message: /200×150; at least 320×240/ });
    expect(await refusal(await solidJpeg(5000, 4000))).toMatchObject({ message: /5000×4000; at most/ });
  });
});
