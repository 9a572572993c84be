// Luma (Rec.601, integer weights) of an RGBA frame, box-downscaled by an integer factor in one pass: the
// analysis thumbnail every pixel measure works on (320 px wide for a 1280×720 frame or a 1280-px card crop).
import type { RgbaImage } from './types';

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Width the analysis thumbnail aims at; the measures' thresholds are calibrated at this scale. */
export const ANALYSIS_WIDTH = 320;

/** The integer downscale factor that brings a frame of this width nearest to ANALYSIS_WIDTH. */
export const analysisFactor = (width: number): number => Math.max(1, Math.round(width / ANALYSIS_WIDTH));

/** A rectangle of the thumbnail, in its pixels: [x0, x1) × [y0, y1). */
export interface GreyBounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Luma of `frame` box-downscaled by `factor` (1 = full resolution). `out` is reused when its size matches,
 * so a Worker analysing 5 frames a second allocates nothing after the first. With `bounds`, only that part of
 * the thumbnail is computed (the rest of `out` is left as it was): each pixel of it is the same as in the
 * whole thumbnail, since the blocks are those of the whole frame's grid.
 */
export function luma(frame: RgbaImage, factor: number, out?: GreyImage, bounds?: GreyBounds): GreyImage {
  const f = Math.max(1, Math.floor(factor));
  const w = Math.floor(frame.width / f);
  const h = Math.floor(frame.height / f);
  const grey =
    out && out.width === w && out.height === h ? out : { width: w, height: h, data: new Uint8Array(w * h) };
  const x0 = clamp(bounds?.x0 ?? 0, 0, w);
  const x1 = clamp(bounds?.x1 ?? w, x0, w);
  const y0 = clamp(bounds?.y0 ?? 0, 0, h);
  const y1 = clamp(bounds?.y1 ?? h, y0, h);
  const s = frame.data;
  const d = grey.data;
  if (f === 1) {
    for (let y = y0; y < y1; y++) {
      for (let i = y * w + x0, j = i * 4, end = y * w + x1; i < end; i++, j += 4) {
        d[i] = (77 * (s[j] ?? 0) + 150 * (s[j + 1] ?? 0) + 29 * (s[j + 2] ?? 0)) >> 8;
      }
    }
    return grey;
  }
  // Row-accumulating box filter: one multiply-add per channel per source pixel.
  const span = x1 - x0;
  const acc = new Uint32Array(span);
  const div = f * f * 256;
  const stride = frame.width * 4;
  for (let y = y0; y < y1; y++) {
    acc.fill(0);
    for (let dy = 0; dy < f; dy++) {
      let j = (y * f + dy) * stride + x0 * f * 4;
      for (let x = 0; x < span; x++) {
        let a = 0;
        for (let dx = 0; dx < f; dx++, j += 4)
          a += 77 * (s[j] ?? 0) + 150 * (s[j + 1] ?? 0) + 29 * (s[j + 2] ?? 0);
        acc[x] = (acc[x] ?? 0) + a;
      }
    }
    const row = y * w + x0;
    for (let x = 0; x < span; x++) d[row + x] = ((acc[x] ?? 0) / div) | 0;
  }
  return grey;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/** 2×2 box downscale (the motion thumbnail from the analysis thumbnail, without a second pass over RGBA). */
export function halve(g: GreyImage, out?: GreyImage): GreyImage {
  const w = g.width >> 1;
  const h = g.height >> 1;
  const half =
    out && out.width === w && out.height === h ? out : { width: w, height: h, data: new Uint8Array(w * h) };
  const s = g.data;
  const W = g.width;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = 2 * y * W + 2 * x;
      half.data[y * w + x] = ((s[i] ?? 0) + (s[i + 1] ?? 0) + (s[i + W] ?? 0) + (s[i + W + 1] ?? 0) + 2) >> 2;
    }
  }
  return half;
}
