// The fixture generators: the images have the sizes the rules expect, and the fake-camera video is a valid
// YUV4MPEG2 file whose frames carry the picture.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, type FixtureName, fixturePath, ktpCard } from '../../fixtures/images';
import { ktpCameraVideo } from '../../fixtures/ktp-camera';
import { toI420, writeY4m, y4mHeader } from '../../fixtures/video';

const dir = mkdtempSync(join(tmpdir(), 'loket-y4m-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fixture images', () => {
  it('are JPEGs of the expected sizes', async () => {
    const sizes: Partial<Record<FixtureName, [number, number]>> = {
      'ktp-a': [856, 540],
      'selfie-a': [640, 480],
      'two-faces': [640, 480],
      tiny: [48, 48],
    };
    for (const name of Object.keys(FIXTURES) as FixtureName[]) {
      const meta = await sharp(await FIXTURES[name]()).metadata();
      expect(meta.format, name).toBe('jpeg');
      const size = sizes[name];
      if (size) expect([meta.width, meta.height], name).toEqual(size);
    }
    expect(statSync(await fixturePath('ktp-a')).size).toBeGreaterThan(10_000);
  });

  it('give person B colour, and the grey selfie none', async () => {
    // Channel means over the middle of the picture (the backdrop around it is beige in both).
    const saturation = async (name: FixtureName) => {
      const middle = await sharp(await FIXTURES[name]())
        .extract({ left: 220, top: 40, width: 200, height: 200 })
        .toBuffer();
      const { channels } = await sharp(middle).stats();
      const [r, g, b] = channels.map((c) => c.mean);
      return Math.max(r ?? 0, g ?? 0, b ?? 0) - Math.min(r ?? 0, g ?? 0, b ?? 0);
    };
    expect(await saturation('selfie-b-colour')).toBeGreaterThan(20);
    expect(await saturation('selfie-grey')).toBeLessThan(2);
  });
});

describe('writeY4m', () => {
  it('writes a C420jpeg header and frames × (6 + w·h·3/2) bytes', async () => {
    const out = join(dir, 'ktp.y4m');
    await writeY4m(await ktpCard('A'), out, { width: 320, height: 240, frames: 3, fps: 5 });
    const data = readFileSync(out);
    const header = y4mHeader(320, 240, 5);
    expect(header).toBe('YUV4MPEG2 W320 H240 F5:1 Ip A1:1 C420jpeg\n');
    expect(data.subarray(0, header.length).toString('ascii')).toBe(header);
    const frameSize = 6 + (320 * 240 * 3) / 2;
    expect(data.length).toBe(header.length + 3 * frameSize);
    for (let i = 0; i < 3; i++) {
      expect(data.subarray(header.length + i * frameSize, header.length + i * frameSize + 6).toString()).toBe(
        'FRAME\n',
      );
    }
  });

  it('converts colours to limited-range BT.601 and letterboxes on black', async () => {
    const red = await sharp({
      create: { width: 4, height: 2, channels: 3, background: { r: 255, g: 0, b: 0 } },
    })
      .png()
      .toBuffer();
    // A 4×2 picture in a 4×6 frame: two black rows, two red rows, two black rows.
    const frame = await toI420(red, 4, 6);
    const u = 4 * 6;
    const v = u + 2 * 3;
    expect(frame[0]).toBe(16); // black: Y = 16
    expect(frame[2 * 4 + 1]).toBe(81); // red: Y = 81
    expect([frame[u], frame[v]]).toEqual([128, 128]); // black: neutral chroma
    expect([frame[u + 2], frame[v + 2]]).toEqual([90, 240]); // red: Cb 90, Cr 240
    await expect(toI420(red, 3, 2)).rejects.toThrow(/even/);
  });

  it('produces the e2e camera video of the KTP', async () => {
    const path = await ktpCameraVideo();
    expect(readFileSync(path).subarray(0, 9).toString()).toBe('YUV4MPEG2');
  });
});
