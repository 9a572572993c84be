// What a KTP looks like, as three cheap checks on a candidate quad (full-resolution frame coordinates). The
// e-KTP is printed on light blue, so: enough light-blue samples inside; light blue in a band just inside each
// side (a quad that borrowed one side from a background line fails); and printed text. On the research's
// generated frames these gates took the detector's false quads on negatives from 36 % to 3 %.
import { applyHomography, homography, UNIT_SQUARE } from './geometry';
import type { Pt, RgbaImage } from './types';

export const KTP_BLUE_MIN = 0.3;
export const KTP_SIDE_MIN = 0.35;
export const KTP_TEXT_MIN = 0.03;

/** Light, cyan-leaning blue: blue above red, green close to blue. Rejects navy, purple and saturated blue. */
export const isKtpBlue = (r: number, g: number, b: number): boolean => b - r > 8 && g > 0.75 * b && b > 60;

function sampler(frame: RgbaImage, quad: readonly Pt[]) {
  const h = homography(UNIT_SQUARE, quad);
  const { width, height } = frame;
  /** Byte offset of the pixel at card position (u, v) in 0..1, or -1 outside the frame. */
  return (u: number, v: number, margin = 0): number => {
    if (!h) return -1;
    const p = applyHomography(h, u, v);
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (x < margin || y < margin || x >= width - margin || y >= height - margin) return -1;
    return (y * width + x) * 4;
  };
}

const blueAt = (data: RgbaImage['data'], o: number) =>
  isKtpBlue(data[o] ?? 0, data[o + 1] ?? 0, data[o + 2] ?? 0);

/** Share of a 24×16 grid of samples inside the quad that are KTP blue (samples outside the frame skipped). */
export function ktpBlueFraction(frame: RgbaImage, quad: readonly Pt[]): number {
  const at = sampler(frame, quad);
  let n = 0;
  let blue = 0;
  for (let j = 0; j < 16; j++) {
    for (let i = 0; i < 24; i++) {
      const o = at((i + 0.5) / 24, (j + 0.5) / 16);
      if (o < 0) continue;
      n++;
      if (blueAt(frame.data, o)) blue++;
    }
  }
  return n ? blue / n : 0;
}

/** The smallest blue share of the four bands 1.5–3.5 % of the card inside each side (sides out of view skipped). */
export function ktpSideBands(frame: RgbaImage, quad: readonly Pt[]): number {
  const at = sampler(frame, quad);
  let worst = 1;
  for (let side = 0; side < 4; side++) {
    let n = 0;
    let blue = 0;
    for (let i = 0; i < 24; i++) {
      const t = 0.1 + (0.8 * (i + 0.5)) / 24;
      for (const d of [0.015, 0.025, 0.035]) {
        const [u, v] = side === 0 ? [t, d] : side === 1 ? [1 - d, t] : side === 2 ? [t, 1 - d] : [d, t];
        const o = at(u, v);
        if (o < 0) continue;
        n++;
        if (blueAt(frame.data, o)) blue++;
      }
    }
    if (n >= 12) worst = Math.min(worst, blue / n);
  }
  return worst;
}

/** Printed text: share of a 48×30 grid of interior points with a luma step above 40 (blank paper, walls ≈ 0). */
export function textFraction(frame: RgbaImage, quad: readonly Pt[]): number {
  const at = sampler(frame, quad);
  const d = frame.data;
  const stride = frame.width * 4;
  const luma = (o: number) => 0.299 * (d[o] ?? 0) + 0.587 * (d[o + 1] ?? 0) + 0.114 * (d[o + 2] ?? 0);
  let n = 0;
  let hit = 0;
  for (let j = 0; j < 30; j++) {
    for (let i = 0; i < 48; i++) {
      const o = at(0.08 + (0.84 * (i + 0.5)) / 48, 0.1 + (0.8 * (j + 0.5)) / 30, 2);
      if (o < 0) continue;
      n++;
      const step = Math.abs(luma(o + 4) - luma(o - 4)) + Math.abs(luma(o + stride) - luma(o - stride));
      if (step > 40) hit++;
    }
  }
  return n ? hit / n : 0;
}

/** All three appearance gates. */
export function looksLikeKtp(frame: RgbaImage, quad: readonly Pt[]): boolean {
  return (
    ktpBlueFraction(frame, quad) >= KTP_BLUE_MIN &&
    ktpSideBands(frame, quad) >= KTP_SIDE_MIN &&
    textFraction(frame, quad) >= KTP_TEXT_MIN
  );
}
