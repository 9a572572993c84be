// The integer box downscale the face finder's second and third looks use.
import { describe, expect, it } from 'vitest';
import { downscaleRgba } from '../../../common/capture/downscale';

describe('downscaleRgba', () => {
  it('averages each factor×factor block and drops a partial last row and column', () => {
    const width = 5;
    const height = 3;
    const data = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) data.set([i * 10, 100, 255 - i * 10, 255], i * 4);
    const half = downscaleRgba({ width, height, data }, 2);
    expect([half.width, half.height]).toEqual([2, 1]);
    // Pixels 0, 1, 5, 6 → red (0 + 10 + 50 + 60) / 4 = 30.
    expect([...half.data.subarray(0, 4)]).toEqual([30, 100, 225, 255]);
    expect(downscaleRgba({ width, height, data }, 1).data).toBe(data);
  });
});
