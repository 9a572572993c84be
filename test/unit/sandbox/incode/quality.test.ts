// The pixel measures behind sharpness, glare and horizontalResolution, on synthetic frames.
import { describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../../../main/sandbox/faces/image';
import {
  glareScore,
  horizontalResolution,
  laplacianRatio,
  nearWhiteShare,
  sharpnessScore,
} from '../../../../main/sandbox/incode/quality';

function frame(width: number, height: number, pixel: (x: number, y: number) => number): DecodedImage {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixel(x, y);
      rgb.set([v, v, v], (y * width + x) * 3);
    }
  }
  return { originalWidth: width, originalHeight: height, width, height, rgb };
}

const uniform = frame(64, 48, () => 128);
const stripes = frame(64, 48, (x) => (x % 2 === 0 ? 40 : 220)); // hard edges everywhere
const ramp = frame(64, 48, (x) => 40 + x * 2); // smooth: almost no second derivative

describe('laplacianRatio / sharpnessScore', () => {
  it('reads a uniform frame as 0 and hard edges as sharp', () => {
    expect(laplacianRatio(uniform)).toBe(0);
    expect(sharpnessScore(laplacianRatio(uniform))).toBe(0);
    expect(sharpnessScore(laplacianRatio(stripes))).toBeGreaterThan(95);
  });

  it('reads a smooth gradient as blurred', () => {
    expect(sharpnessScore(laplacianRatio(ramp))).toBeLessThan(10);
  });

  it('does not depend on brightness: a dimmed frame is as sharp', () => {
    const dim = frame(64, 48, (x) => (x % 2 === 0 ? 10 : 55));
    expect(laplacianRatio(dim)).toBeCloseTo(laplacianRatio(stripes), 5);
  });

  it('measures only inside a box when given one', () => {
    const half = frame(64, 48, (x) => (x < 32 ? 128 : x % 2 === 0 ? 40 : 220));
    expect(laplacianRatio(half, { x: 0, y: 0, width: 30, height: 48 })).toBe(0);
    expect(laplacianRatio(half, { x: 34, y: 0, width: 30, height: 48 })).toBeGreaterThan(1);
  });

  it('is 50 at the half ratio and bounded by 100', () => {
    expect(sharpnessScore(0.05)).toBe(50);
    expect(sharpnessScore(1000)).toBe(100);
  });
});

describe('glare', () => {
  it('counts near-white pixels and scales so that higher is less glare', () => {
    const quarterWhite = frame(40, 40, (x) => (x < 10 ? 255 : 120));
    expect(nearWhiteShare(quarterWhite)).toBeCloseTo(0.25, 5);
    expect(glareScore(0)).toBe(100);
    expect(glareScore(0.25)).toBe(0);
    expect(glareScore(0.9)).toBe(0);
    expect(glareScore(0.225)).toBe(10); // the client rule's edge: below 10 fails
    expect(nearWhiteShare(frame(10, 10, () => 249))).toBe(0);
  });
});

describe('horizontalResolution', () => {
  it('is pixels per inch across an ID-1 card filling 90 % of the frame', () => {
    expect(horizontalResolution(640, 0.9)).toBe(171);
    expect(horizontalResolution(580, 0.9)).toBe(155);
    expect(horizontalResolution(400, 0.9)).toBe(107);
    expect(horizontalResolution(856, 1)).toBe(254);
  });
});
