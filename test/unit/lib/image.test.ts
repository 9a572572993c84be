// prepareJpeg on images made here with sharp: noise (hard to compress), EXIF orientation, tiny and broken input.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { InvalidImageError, prepareJpeg } from '../../../main/lib/image';

function noise(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = seed & 0xff;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
}

const flat = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 120, g: 140, b: 160 } } })
    .jpeg()
    .toBuffer();

describe('prepareJpeg', () => {
  it('brings a large, noisy photo under the byte limit and within the dimension cap', async () => {
    const input = await noise(2400, 1600);
    const out = await prepareJpeg(input, { maxBytes: 300_000, maxDimension: 1280, minDimension: 240 });
    expect(out.bytesOut).toBeLessThanOrEqual(300_000);
    expect(out.bytesOut).toBe(out.jpeg.length);
    expect(out.bytesIn).toBe(input.length);
    expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(1280);
    expect(Math.min(out.width, out.height)).toBeGreaterThanOrEqual(240);
    const meta = await sharp(out.jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([out.width, out.height]);
  });

  it('keeps the aspect ratio and never enlarges', async () => {
    const out = await prepareJpeg(await flat(640, 480), { maxBytes: 2_000_000, maxDimension: 1280 });
    expect([out.width, out.height]).toEqual([640, 480]);
    const wide = await prepareJpeg(await flat(3000, 1500), { maxBytes: 2_000_000, maxDimension: 1280 });
    expect([wide.width, wide.height]).toEqual([1280, 640]);
  });

  it('shrinks the dimension when lower quality alone is not enough', async () => {
    const out = await prepareJpeg(await noise(1280, 960), {
      maxBytes: 60_000,
      maxDimension: 1280,
      minDimension: 200,
    });
    expect(out.bytesOut).toBeLessThanOrEqual(60_000);
    expect(out.width).toBeLessThan(1280);
  });

  it('applies the EXIF orientation and strips metadata', async () => {
    // 600×400 stored, orientation 6 (rotate 90° clockwise to view): upright it is 400×600.
    const input = await sharp(await flat(600, 400))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const out = await prepareJpeg(input, { maxBytes: 500_000, maxDimension: 1280 });
    expect([out.width, out.height]).toEqual([400, 600]);
    const meta = await sharp(out.jpeg).metadata();
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });

  it('throws InvalidImageError for bytes that are not an image', async () => {
    const error = await prepareJpeg(Buffer.from('definitely not a jpeg'), {
      maxBytes: 1_000,
      maxDimension: 100,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidImageError);
    expect(error).toMatchObject({ reason: 'undecodable', code: 'invalid_image' });
  });

  it('throws InvalidImageError for empty and truncated input', async () => {
    await expect(prepareJpeg(Buffer.alloc(0), { maxBytes: 1_000, maxDimension: 100 })).rejects.toMatchObject({
      reason: 'undecodable',
    });
    const whole = await noise(400, 300);
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    await expect(prepareJpeg(truncated, { maxBytes: 500_000, maxDimension: 1280 })).rejects.toBeInstanceOf(
      InvalidImageError,
    );
  });

  it('throws InvalidImageError with the size when the image is too small', async () => {
    const error = await prepareJpeg(await flat(200, 150), {
      maxBytes: 500_000,
      maxDimension: 1280,
      minDimension: 240,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidImageError);
    expect(error).toMatchObject({ reason: 'too_small' });
    expect((error as Error).message).toContain('200×150');
  });

  it('says so when the limit cannot be met above the minimum size', async () => {
    const error = await prepareJpeg(await noise(800, 600), {
      maxBytes: 2_000,
      maxDimension: 800,
      minDimension: 500,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'too_large' });
  });
});
