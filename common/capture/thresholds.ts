// Every threshold the capture rules use, with the defaults measured on the generated sets (see the bench's
// capture sections and the README). They are settings: `capture.thresholds` in settings.json overrides any
// of them, and main hands the same values to the renderer, so the live guidance and the pre-check agree.

export interface CaptureThresholds {
  // --- the ID card -----------------------------------------------------------------------------------------
  /** Below this share of the frame's width the card is too far away to read ("move closer"). */
  cardMinWidthFraction: number;
  /** Corner movement between two analysed frames, as a share of the card's width, above which "hold still". */
  cardMaxMotion: number;
  /** Focus inside the card, on the 320-px-wide analysis thumbnail; below it "blurry". */
  cardMinSharpness: number;
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
  // --- light, both photos -----------------------------------------------------------------------------------
  /** Mean luma below this, or 95th percentile below minP95Luma: "too dark". */
  minMeanLuma: number;
  minP95Luma: number;
}

export const DEFAULT_CAPTURE_THRESHOLDS: Readonly<CaptureThresholds> = {
  cardMinWidthFraction: 0.5,
  cardMaxMotion: 0.01,
  cardMinSharpness: 1800,
  cardMaxGlare: 0.015,
  faceMinScore: 0.5,
  faceMinWidthFraction: 0.16,
  faceMaxWidthFraction: 0.55,
  faceMaxOffCentre: 0.18,
  faceMaxYaw: 20,
  faceMaxPitch: 25,
  faceMinSharpness: 120,
  faceMinSaturation: 0.08,
  cardFaceMinWidthFraction: 0.08,
  minMeanLuma: 70,
  minP95Luma: 110,
};
