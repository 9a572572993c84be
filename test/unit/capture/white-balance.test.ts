// Grey-world white balance: the gains undo a cast of the whole frame, stay within bounds on a frame that is
// all one colour, and say "nothing to do" for a frame that is already grey.
import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../common/capture/types';
import { greyWorldGains, isNeutral, MAX_GAIN, WhiteBalancer } from '../../../common/capture/white-balance';

/** A frame of two greys side by side, each channel scaled by `cast`. */
function frame(cast: readonly [number, number, number], width = 64, height = 32): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grey = x < width / 2 ? 80 : 160;
      const o = (y * width + x) * 4;
      data[o] = grey * cast[0];
      data[o + 1] = grey * cast[1];
      data[o + 2] = grey * cast[2];
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

describe('grey-world white balance', () => {
  it('undoes a warm cast: the balanced frame is grey again', () => {
    const warm = frame([1.2, 1, 0.8]);
    const gains = greyWorldGains(warm);
    expect(gains[0] * 1.2).toBeCloseTo(gains[1], 1);
    expect(gains[2] * 0.8).toBeCloseTo(gains[1], 1);
    const balanced = new WhiteBalancer().balance(warm);
    expect(balanced).not.toBeNull();
    const [r, g, b] = [0, 1, 2].map((c) => balanced?.data[4 * 40 + c] ?? 0);
    expect(Math.abs((r ?? 0) - (g ?? 0))).toBeLessThanOrEqual(3);
    expect(Math.abs((b ?? 0) - (g ?? 0))).toBeLessThanOrEqual(3);
  });

  it('corrects a frame that is all one colour only up to its bound', () => {
    const gains = greyWorldGains(frame([1, 1, 0.2]));
    expect(Math.max(...gains)).toBeLessThanOrEqual(MAX_GAIN);
    expect(Math.min(...gains)).toBeGreaterThanOrEqual(1 / MAX_GAIN);
  });

  it('leaves a grey frame alone', () => {
    const grey = frame([1, 1, 1]);
    expect(isNeutral(greyWorldGains(grey))).toBe(true);
    expect(new WhiteBalancer().balance(grey)).toBeNull();
  });
});
