// The capture pipeline's shared vocabulary: what a frame is, what the card detector and the face model
// report, and what the pixel measures are. The renderer's guidance Worker and main's pre-check both speak it,
// so "green on screen" and "accepted by main" are computed from the same numbers by the same rules.

export interface Pt {
  x: number;
  y: number;
}

/** Corners in reading order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Pt, Pt, Pt, Pt];

/** An RGBA frame as a canvas gives it (4 bytes per pixel, row-major). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** ok: the whole card is in view at `quad`; cutoff: a card is there but runs out of the frame. */
export type CardDetection =
  | { status: 'ok'; quad: Quad; score: number }
  | { status: 'cutoff'; quad: Quad | null; score: number }
  | { status: 'none' };

/** One face the model found. Pose in degrees, when the model gives it (0 = looking straight at the lens). */
export interface FaceObservation {
  box: Box;
  /** Detector confidence, 0–1. */
  score: number;
  yaw: number | null;
  pitch: number | null;
  /** Mean HSV saturation of the face region, 0–1: about 0 for a greyscale (printed) picture. */
  saturation: number;
}

/** Pixel measures of a region (the card quad, or the face box). */
export interface RegionMeasures {
  /** Variance of the 4-neighbour Laplacian of luma on the analysis thumbnail: focus. */
  sharpness: number;
  /** Mean and 95th-percentile luma, 0–255. */
  meanLuma: number;
  p95Luma: number;
  /** Share of the region that is near-white and unsaturated (a reflection), 0–1. */
  glare: number;
}
