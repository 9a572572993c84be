// One frame and one region (the detected card, or a face box) → the RegionMeasures the guidance rules and
// the pre-check judge. The live Worker and main's pre-check both call this, on the same thumbnail scale.
import { boxQuad, scaleQuad } from './geometry';
import { analysisFactor, luma, type GreyImage } from './luma';
import { brightness, glareFraction, laplacianVariance } from './measures';
import type { Box, CardDetection, Quad, RgbaImage, RegionMeasures } from './types';

export interface Thumbnail {
  grey: GreyImage;
  /** Frame pixels per thumbnail pixel. */
  factor: number;
}

/**
 * The analysis thumbnail computed only around `region` (frame coordinates), a thumbnail pixel beyond it on
 * each side for the Laplacian's neighbours: what the measures read of it is the same as in the whole
 * thumbnail, for a fraction of the work when the region is a face (a tenth of the frame).
 */
export function thumbnailAround(frame: RgbaImage, region: Quad): Thumbnail {
  const factor = analysisFactor(frame.width);
  const xs = region.map((p) => p.x / factor);
  const ys = region.map((p) => p.y / factor);
  const bounds = {
    x0: Math.floor(Math.min(...xs)) - 1,
    y0: Math.floor(Math.min(...ys)) - 1,
    x1: Math.ceil(Math.max(...xs)) + 2,
    y1: Math.ceil(Math.max(...ys)) + 2,
  };
  return { grey: luma(frame, factor, undefined, bounds), factor };
}

/**
 * Measures inside `region` (frame coordinates): sharpness and brightness on the analysis thumbnail around
 * it, glare on the full-resolution pixels.
 */
export function measureRegion(frame: RgbaImage, region: Quad): RegionMeasures {
  const t = thumbnailAround(frame, region);
  const small = scaleQuad(region, 1 / t.factor);
  const { meanLuma, p95Luma } = brightness(t.grey, small);
  return {
    sharpness: laplacianVariance(t.grey, small),
    meanLuma,
    p95Luma,
    glare: glareFraction(frame, region),
  };
}

export const measureBox = (frame: RgbaImage, box: Box): RegionMeasures => measureRegion(frame, boxQuad(box));

/** The measures inside a detected card (the guidance's CardFrame.measures); null when no quad was found. */
export function cardMeasures(frame: RgbaImage, detection: CardDetection): RegionMeasures | null {
  if (detection.status === 'none' || !detection.quad) return null;
  return measureRegion(frame, detection.quad);
}
