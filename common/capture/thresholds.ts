// Every threshold the capture rules use, with the defaults measured on the generated sets (see the bench's
// capture sections and the README). They are settings: `capture.thresholds` in settings.json overrides any
// of them, and main hands the same values to the renderer, so the live guidance and the pre-check agree.
import { z } from 'zod';

export interface CaptureThresholds {
  // --- the ID card -----------------------------------------------------------------------------------------
  /** Below this share of the frame's width the card is too far away to read ("move closer"). */
  cardMinWidthFraction: number;
  /** Corner movement between two analysed frames, as a share of the card's width, above which "hold still". */
  cardMaxMotion: number;
  /** Focus inside the card, on the 320-px-wide analysis thumbnail, in good light; below it "blurry". */
  cardMinSharpness: number;
  /**
   * The card's mean luma in good light. Less light scales every contrast on the card, its Laplacian with
   * them, so a darker card's focus bar is lowered with the square of its light (to a quarter at most): a dim
   * but sharp card is not called blurry (guidance.ts cardFocusBar).
   */
  cardLitMeanLuma: number;
  /** Reflection share inside the card above which "glare on the card". */
  cardMaxGlare: number;
  // --- the face ---------------------------------------------------------------------------------------------
  /** A face counts when its detector confidence is at least this. */
  faceMinScore: number;
  /** Face width as a share of the frame's width: below "move closer", above "move back". */
  faceMinWidthFraction: number;
  faceMaxWidthFraction: number;
  /** How far the face's centre may sit from the frame's centre, as a share of the frame's width/height. */
  faceMaxOffCentre: number;
  /** Head turned or tilted more than this many degrees: "look straight at the camera". */
  faceMaxYaw: number;
  faceMaxPitch: number;
  /** Focus of the face region (analysis thumbnail); below it "blurry". */
  faceMinSharpness: number;
  /** Below this mean saturation a face is a greyscale picture held up to the camera. */
  faceMinSaturation: number;
  /** The card photo's face, on the de-warped card: at least this share of the card's width. */
  cardFaceMinWidthFraction: number;
  /**
   * The stored selfie's face: at least this share of the photo's width, or main's pre-check refuses it ("face
   * too small"). Looser than faceMinWidthFraction, the live "move closer", so a photo the screen showed as good
   * is never refused for its size.
   */
  selfieMinFaceWidthFraction: number;
  // --- light, both photos -----------------------------------------------------------------------------------
  /** Mean luma below this, or 95th percentile below minP95Luma: "too dark". */
  minMeanLuma: number;
  minP95Luma: number;
}

export const DEFAULT_CAPTURE_THRESHOLDS: Readonly<CaptureThresholds> = {
  cardMinWidthFraction: 0.5,
  cardMaxMotion: 0.01,
  cardMinSharpness: 1800,
  cardLitMeanLuma: 180,
  cardMaxGlare: 0.015,
  faceMinScore: 0.5,
  faceMinWidthFraction: 0.16,
  faceMaxWidthFraction: 0.55,
  faceMaxOffCentre: 0.18,
  faceMaxYaw: 20,
  faceMaxPitch: 25,
  faceMinSharpness: 220,
  faceMinSaturation: 0.08,
  cardFaceMinWidthFraction: 0.08,
  selfieMinFaceWidthFraction: 0.1,
  minMeanLuma: 55,
  minP95Luma: 110,
};

/** The range each threshold may be set within (settings.json is validated against these). */
export const CAPTURE_THRESHOLD_RANGES: Readonly<Record<keyof CaptureThresholds, readonly [number, number]>> =
  {
    cardMinWidthFraction: [0.2, 0.95],
    cardMaxMotion: [0, 0.2],
    cardMinSharpness: [0, 20_000],
    cardLitMeanLuma: [1, 255],
    cardMaxGlare: [0, 1],
    faceMinScore: [0.2, 1],
    faceMinWidthFraction: [0.02, 0.9],
    faceMaxWidthFraction: [0.1, 1],
    faceMaxOffCentre: [0.02, 0.5],
    faceMaxYaw: [1, 90],
    faceMaxPitch: [1, 90],
    faceMinSharpness: [0, 20_000],
    faceMinSaturation: [0, 1],
    cardFaceMinWidthFraction: [0.02, 0.5],
    selfieMinFaceWidthFraction: [0.02, 0.9],
    minMeanLuma: [0, 255],
    minP95Luma: [0, 255],
  };

const THRESHOLD_KEYS = Object.keys(CAPTURE_THRESHOLD_RANGES) as Array<keyof CaptureThresholds>;

const ranged = (key: keyof CaptureThresholds) => {
  const [min, max] = CAPTURE_THRESHOLD_RANGES[key];
  return z.number().min(min).max(max);
};

/** Every threshold, as main hands them to the renderer (app.info). */
export const CaptureThresholdsSchema = z
  .object(
    Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, ranged(k)])) as Record<
      keyof CaptureThresholds,
      z.ZodNumber
    >,
  )
  .strict();

/** Overrides from settings.json: any subset, each within its range. */
export const CaptureThresholdOverridesSchema = CaptureThresholdsSchema.partial();

/**
 * The defaults with the overrides applied, and the one rule between fields that keeps "green on screen" and
 * "accepted by main" in step: what the pre-check accepts must include what the live guidance asks for.
 * Returns the problems in words (empty when fine) beside the result.
 */
export function resolveThresholds(overrides: Partial<CaptureThresholds>): {
  thresholds: CaptureThresholds;
  problems: string[];
} {
  const thresholds = { ...DEFAULT_CAPTURE_THRESHOLDS, ...overrides };
  const problems: string[] = [];
  if (thresholds.faceMinWidthFraction >= thresholds.faceMaxWidthFraction)
    problems.push('faceMinWidthFraction must be below faceMaxWidthFraction');
  if (thresholds.selfieMinFaceWidthFraction > thresholds.faceMinWidthFraction)
    problems.push(
      'selfieMinFaceWidthFraction must not exceed faceMinWidthFraction, or a face the screen accepts is refused',
    );
  return { thresholds, problems };
}
