// Cheap pixel measures of one region (a card quad or a face box), on plain buffers:
//   sharpness  variance of the 4-neighbour Laplacian of luma (focus), on the analysis thumbnail;
//   brightness mean and 95th-percentile luma (256-bin histogram), on the analysis thumbnail;
//   glare      share of near-white, unsaturated pixels (max ≥ 245, max − min ≤ 25), at full resolution;
//   motion     mean |Δluma| between two thumbnails of consecutive frames.
// The research behind the numbers is summarised in the README's capture section.
import { rowSpan } from './geometry';
import type { GreyImage } from './luma';
import type { Pt, RgbaImage } from './types';

/** Near-white: the brightest channel at least this… */
export const GLARE_MIN_MAX = 245;
/** …and the channels within this of each other (unsaturated: a reflection, not a white print on colour). */
export const GLARE_MAX_SPREAD = 25;

/** Pixels inside the region: every row's span, clipped to the image and `inset` px inside the outline. */
function forEachSpan(
  width: number,
  height: number,
  region: readonly Pt[],
  inset: number,
  step: number,
  visit: (y: number, x0: number, x1: number) => void,
): void {
  const ys = region.map((p) => p.y);
  const top = Math.max(inset, Math.ceil(Math.min(...ys)));
  const bottom = Math.min(height - 1 - inset, Math.floor(Math.max(...ys)));
  for (let y = top; y <= bottom; y += step) {
    const span = rowSpan(region, y + 0.5);
    if (!span) continue;
    const x0 = Math.max(inset, span[0] + inset);
    const x1 = Math.min(width - 1 - inset, span[1] - inset);
    if (x0 <= x1) visit(y, x0, x1);
  }
}

/**
 * Laplacian variance inside `region` (grey-image coordinates), 2 px inside its outline: the card's own edge
 * against the background is not its focus. 0 for a region with no pixels.
 */
export function laplacianVariance(g: GreyImage, region: readonly Pt[]): number {
  const { width: w, data: d } = g;
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  forEachSpan(g.width, g.height, region, 2, 1, (y, x0, x1) => {
    for (let x = x0, i = y * w + x0; x <= x1; x++, i++) {
      const l = (d[i - 1] ?? 0) + (d[i + 1] ?? 0) + (d[i - w] ?? 0) + (d[i + w] ?? 0) - 4 * (d[i] ?? 0);
      sum += l;
      sum2 += l * l;
      n++;
    }
  });
  if (n === 0) return 0;
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

export interface Brightness {
  meanLuma: number;
  p95Luma: number;
}

/** Mean and 95th percentile of luma inside `region` (grey-image coordinates). */
export function brightness(g: GreyImage, region: readonly Pt[]): Brightness {
  const hist = new Uint32Array(256);
  const d = g.data;
  let n = 0;
  let sum = 0;
  forEachSpan(g.width, g.height, region, 0, 1, (y, x0, x1) => {
    for (let i = y * g.width + x0, end = y * g.width + x1; i <= end; i++) {
      const v = d[i] ?? 0;
      hist[v] = (hist[v] ?? 0) + 1;
      sum += v;
      n++;
    }
  });
  if (n === 0) return { meanLuma: 0, p95Luma: 0 };
  let seen = 0;
  let p95 = 255;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] ?? 0;
    if (seen >= 0.95 * n) {
      p95 = v;
      break;
    }
  }
  return { meanLuma: sum / n, p95Luma: p95 };
}

/**
 * Share of near-white, unsaturated pixels inside `region` (full-resolution frame coordinates), sampling every
 * `step`-th pixel and row: every second one costs a quarter and reads the same within 0.001 on a card.
 */
export function glareFraction(frame: RgbaImage, region: readonly Pt[], step = 2): number {
  const s = frame.data;
  let n = 0;
  let hot = 0;
  forEachSpan(frame.width, frame.height, region, 0, step, (y, x0, x1) => {
    for (let x = x0, j = (y * frame.width + x0) * 4; x <= x1; x += step, j += 4 * step) {
      const r = s[j] ?? 0;
      const g = s[j + 1] ?? 0;
      const b = s[j + 2] ?? 0;
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      n++;
      if (max >= GLARE_MIN_MAX && max - min <= GLARE_MAX_SPREAD) hot++;
    }
  });
  return n === 0 ? 0 : hot / n;
}

/** Mean absolute luma difference between two thumbnails of the same size (0 when the sizes differ). */
export function meanAbsoluteDifference(current: GreyImage, previous: GreyImage): number {
  if (current.width !== previous.width || current.height !== previous.height) return 0;
  const a = current.data;
  const b = previous.data;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d < 0 ? -d : d;
  }
  return a.length === 0 ? 0 : sum / a.length;
}

/** Mean HSV saturation (0–1) inside `region`, every `step`-th pixel: about 0 for a greyscale picture. */
export function meanSaturation(frame: RgbaImage, region: readonly Pt[], step = 2): number {
  return meanSaturationOf(frame, 4, region, step);
}

/** The same for packed pixels of 3 (RGB) or 4 (RGBA) bytes, as a face model's input may be. */
export function meanSaturationOf(
  image: { width: number; height: number; data: ArrayLike<number> },
  channels: 3 | 4,
  region: readonly Pt[],
  step = 2,
): number {
  const s = image.data;
  let n = 0;
  let total = 0;
  forEachSpan(image.width, image.height, region, 0, step, (y, x0, x1) => {
    for (let x = x0, j = (y * image.width + x0) * channels; x <= x1; x += step, j += channels * step) {
      const r = s[j] ?? 0;
      const g = s[j + 1] ?? 0;
      const b = s[j + 2] ?? 0;
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      total += max === 0 ? 0 : (max - min) / max;
      n++;
    }
  });
  return n === 0 ? 0 : total / n;
}
