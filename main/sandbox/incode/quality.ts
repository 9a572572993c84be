// The pixel measures behind Incode's add-side quality fields (sharpness, glare, horizontalResolution) and the
// selfie blur check. Pure functions over decoded RGB, so the scales are unit-tested; rules.ts says how they
// are judged. All three fields are integers 0–100 (resolution: pixels per inch), higher = better.
import type { Box, DecodedImage } from '../faces/image';

/** The ratio (see laplacianRatio) at which sharpness reads 50. */
export const SHARPNESS_HALF_RATIO = 0.05;
/** A pixel this bright (Rec.601 luma, 0–255) is near-white, i.e. clipped by the sensor: glare. */
export const GLARE_LUMA = 250;
/** This share of near-white pixels (or more) reads as glare 0. */
export const GLARE_FULL_SHARE = 0.25;
/** Width of an ID-1 card (KTP, ISO/IEC 7810): 85.6 mm. */
export const ID1_WIDTH_INCHES = 85.6 / 25.4;

function luma(rgb: Uint8Array, pixel: number): number {
  const i = pixel * 3;
  return 0.299 * (rgb[i] ?? 0) + 0.587 * (rgb[i + 1] ?? 0) + 0.114 * (rgb[i + 2] ?? 0);
}

/**
 * Variance of the 4-neighbour Laplacian divided by the variance of the luma, over a region (the whole image
 * when `box` is omitted). Dividing by the contrast makes a dim but focused picture still read as sharp, so
 * "dark" and "blurry" stay separate verdicts. Sharp KTP ≈ 1.1, selfie ≈ 0.12, blurred (σ = 3 px) ≈ 0.005,
 * uniform = 0.
 */
export function laplacianRatio(image: DecodedImage, box?: Box): number {
  const { width: w, height: h, rgb } = image;
  const x0 = Math.max(1, Math.floor(box?.x ?? 0));
  const y0 = Math.max(1, Math.floor(box?.y ?? 0));
  const x1 = Math.min(w - 1, Math.ceil(box ? box.x + box.width : w));
  const y1 = Math.min(h - 1, Math.ceil(box ? box.y + box.height : h));
  let n = 0;
  let lapSum = 0;
  let lapSq = 0;
  let lumaSum = 0;
  let lumaSq = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const p = y * w + x;
      const centre = luma(rgb, p);
      const lap = 4 * centre - luma(rgb, p - 1) - luma(rgb, p + 1) - luma(rgb, p - w) - luma(rgb, p + w);
      lapSum += lap;
      lapSq += lap * lap;
      lumaSum += centre;
      lumaSq += centre * centre;
      n++;
    }
  }
  if (n === 0) return 0;
  const lapVar = lapSq / n - (lapSum / n) ** 2;
  const lumaVar = lumaSq / n - (lumaSum / n) ** 2;
  // Below 1 (a standard deviation under one grey level) there is no picture to be sharp or blurred.
  return lumaVar < 1 ? 0 : Math.max(0, lapVar / lumaVar);
}

/** 0–100: 100 · r / (r + 0.05). Sharp KTP ≈ 96, selfie ≈ 71, σ = 2 px blur ≈ 27, σ = 3 px ≈ 9, blank 0. */
export function sharpnessScore(ratio: number): number {
  return Math.round((100 * ratio) / (ratio + SHARPNESS_HALF_RATIO));
}

/** Share (0–1) of near-white pixels. */
export function nearWhiteShare(image: DecodedImage): number {
  const pixels = image.width * image.height;
  if (pixels === 0) return 0;
  let white = 0;
  for (let p = 0; p < pixels; p++) if (luma(image.rgb, p) >= GLARE_LUMA) white++;
  return white / pixels;
}

/** 0–100, higher = less glare: 100 · (1 − min(1, share / 0.25)). The client rule `glare < 10` fails > 22.5 %. */
export function glareScore(share: number): number {
  return Math.round(100 * (1 - Math.min(1, share / GLARE_FULL_SHARE)));
}

/**
 * Pixels per inch across the card: the image width as sent, times the share of the frame the card is assumed
 * to fill (the capture guide; default 0.9), over 3.37 in. A 640 px frame → 171, 580 px → 155, 400 px → 107.
 */
export function horizontalResolution(originalWidth: number, cardWidthFraction: number): number {
  return Math.round((originalWidth * cardWidthFraction) / ID1_WIDTH_INCHES);
}
