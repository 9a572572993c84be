// The pixel measures on generated frames of a held card: focus drops with blur, light with a dim room,
// glare rises with a highlight on the card, motion with a moved card, saturation is 0 for grey.
import { describe, expect, it } from 'vitest';
import { boxQuad, scaleQuad } from '../../../common/capture/geometry';
import { analysisFactor, halve, luma } from '../../../common/capture/luma';
import {
  brightness,
  glareFraction,
  laplacianVariance,
  meanAbsoluteDifference,
  meanSaturation,
} from '../../../common/capture/measures';
import { cardMeasures, measureRegion } from '../../../common/capture/region';
import { cardFocusBar } from '../../../common/capture/guidance';
import { DEFAULT_CAPTURE_THRESHOLDS as T } from '../../../common/capture/thresholds';
import type { Quad } from '../../../common/capture/types';
import { heldCardFrame } from '../../fixtures/capture/held-card';
import { decodeFrame, frameSharp } from '../../fixtures/capture/rgba';
import { highlight, light } from '../../fixtures/capture/scene';

describe('measureRegion on a held card', async () => {
  const held = await heldCardFrame({ design: 'realistic', background: 'room', seed: 3 });
  const frame = await decodeFrame(held.jpeg);
  const good = measureRegion(frame, held.corners);

  it('passes every card threshold when sharp and well lit', () => {
    expect(good.sharpness).toBeGreaterThan(T.cardMinSharpness);
    expect(good.meanLuma).toBeGreaterThan(T.minMeanLuma);
    expect(good.p95Luma).toBeGreaterThan(T.minP95Luma);
    expect(good.glare).toBeLessThanOrEqual(T.cardMaxGlare);
  });

  it('measures the same around the region as on the whole thumbnail, at the edges too', () => {
    const factor = analysisFactor(frame.width);
    const whole = luma(frame, factor);
    const regions: Quad[] = [
      held.corners,
      boxQuad({ x: 500, y: 200, width: 240, height: 260 }),
      boxQuad({ x: -40, y: -30, width: 300, height: 200 }),
      boxQuad({ x: 1100, y: 600, width: 400, height: 300 }),
      boxQuad({ x: 7, y: 3, width: 13, height: 9 }),
    ];
    for (const region of regions) {
      const small = scaleQuad(region, 1 / factor);
      expect(measureRegion(frame, region)).toEqual({
        sharpness: laplacianVariance(whole, small),
        ...brightness(whole, small),
        glare: glareFraction(frame, region),
      });
    }
  });

  it('measures the detected card, and nothing when there is none', () => {
    expect(cardMeasures(frame, { status: 'ok', quad: held.corners, score: 1 })).toEqual(good);
    expect(cardMeasures(frame, { status: 'cutoff', quad: null, score: 1 })).toBeNull();
    expect(cardMeasures(frame, { status: 'none' })).toBeNull();
  });

  it('reads a blur of σ = 2 px as out of focus', async () => {
    const blurred = await decodeFrame(
      (await heldCardFrame({ design: 'realistic', background: 'room', seed: 3, blur: 2 })).jpeg,
    );
    expect(measureRegion(blurred, held.corners).sharpness).toBeLessThan(T.cardMinSharpness);
  });

  it('keeps a sharp card in focus at 60 % of the light, and a blurred one out of it', async () => {
    const dimmed = (image: typeof frame) => {
      const copy = { ...image, data: image.data.slice() };
      light(copy, { lo: 0.6, hi: 0.6, angle: 0, vignette: 0 });
      return measureRegion(copy, held.corners);
    };
    const sharp = dimmed(frame);
    // The raw measure falls with the light, below the good-light bar…
    expect(sharp.sharpness).toBeLessThan(T.cardMinSharpness);
    expect(sharp.meanLuma).toBeGreaterThan(T.minMeanLuma);
    // …and the card is judged at its light.
    expect(sharp.sharpness).toBeGreaterThan(cardFocusBar(sharp, T));
    const blurred = await decodeFrame(
      (await heldCardFrame({ design: 'realistic', background: 'room', seed: 3, blur: 2 })).jpeg,
    );
    const soft = dimmed(blurred);
    expect(soft.sharpness).toBeLessThan(cardFocusBar(soft, T));
  });

  it('reads a room at a third of the light as dark', () => {
    const dim = { ...frame, data: frame.data.slice() };
    light(dim, { lo: 0.3, hi: 0.3, angle: 0, vignette: 0 });
    const m = measureRegion(dim, held.corners);
    expect(m.meanLuma < T.minMeanLuma || m.p95Luma < T.minP95Luma).toBe(true);
  });

  it('sees a highlight over a tenth of the card as glare', () => {
    const shiny = { ...frame, data: frame.data.slice() };
    const [a, , c] = held.corners;
    highlight(shiny, {
      cx: (a.x + c.x) / 2,
      cy: (a.y + c.y) / 2,
      rx: 150,
      ry: 70,
      angle: 0.3,
      strength: 0.9,
    });
    expect(measureRegion(shiny, held.corners).glare).toBeGreaterThan(T.cardMaxGlare);
  });

  it('measures motion between thumbnails: a re-encoded frame ≈ 0, the card moved 15 px clearly more', async () => {
    const again = await decodeFrame(await frameSharp(frame).removeAlpha().jpeg({ quality: 80 }).toBuffer());
    const moved = { ...frame, data: new Uint8ClampedArray(frame.data.length) };
    const row = frame.width * 4;
    for (let y = 0; y < frame.height; y++)
      moved.data.set(frame.data.subarray(y * row, (y + 1) * row - 60), y * row + 60);
    const thumb = (f: typeof frame) => halve(luma(f, 4));
    expect(meanAbsoluteDifference(thumb(again), thumb(frame))).toBeLessThan(0.8);
    expect(meanAbsoluteDifference(thumb(moved), thumb(frame))).toBeGreaterThan(2);
  });

  it('gives a greyscale picture no saturation and the colour face some', async () => {
    const grey = await decodeFrame(await frameSharp(frame).greyscale().png().toBuffer());
    expect(meanSaturation(grey, boxQuad(held.face))).toBeLessThan(0.01);
    expect(meanSaturation(frame, boxQuad(held.face))).toBeGreaterThan(T.faceMinSaturation);
  });
});
