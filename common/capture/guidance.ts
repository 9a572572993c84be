// What to tell the person holding the card or facing the camera, one message at a time, the most important
// first: the live guidance (renderer Worker, every analysed frame) and main's pre-check (one stored photo)
// both call these rules, so a photo the screen showed as good is one main accepts.
import type { CaptureThresholds } from './thresholds';
import type { CardDetection, FaceObservation, Quad, RegionMeasures } from './types';

/** In the order they are checked: the first that applies is the one shown. */
export const CARD_PROBLEMS = [
  'no_card',
  'card_cut_off',
  'move_closer',
  'too_dark',
  'hold_still',
  'blurry',
  'glare',
] as const;
export type CardProblem = (typeof CARD_PROBLEMS)[number];

export const FACE_PROBLEMS = [
  'no_face',
  'multiple_faces',
  'move_closer',
  'move_back',
  'centre_face',
  'look_straight',
  'too_dark',
  'blurry',
] as const;
export type FaceProblem = (typeof FACE_PROBLEMS)[number];

export interface FrameSize {
  width: number;
  height: number;
}

export interface CardFrame {
  frame: FrameSize;
  detection: CardDetection;
  /** Measures inside the detected card; null when there is no card. */
  measures: RegionMeasures | null;
  /** The quad of the previous analysed frame, for "hold still"; null for a single photo. */
  previousQuad: Quad | null;
}

export interface FaceFrame {
  frame: FrameSize;
  /** Every face the model reported, whatever its score. */
  faces: readonly FaceObservation[];
  /** Measures inside the (one) confident face's box; null when there is not exactly one. */
  measures: RegionMeasures | null;
}

export function isDark(measures: RegionMeasures, t: CaptureThresholds): boolean {
  return measures.meanLuma < t.minMeanLuma || measures.p95Luma < t.minP95Luma;
}

/** The card's focus bar may fall to this share of cardMinSharpness in dim light, and no lower: noise, which
 *  dim light raises, must not pass for focus. */
const DIM_FOCUS_FLOOR = 0.25;

/**
 * The card's focus bar at its light. The Laplacian's variance scales with the square of the light on the card
 * (half the light: a quarter of the variance, however sharp), so a card darker than in good light
 * (cardLitMeanLuma) gets a bar lowered by the same square, down to DIM_FOCUS_FLOOR. Measured on the bench's
 * good cards: at 70 % of the light half of them were refused as blurry before this, none after, and the
 * blurred cards stay far below (they lose their variance to the dark the same way). Cards only: a card's
 * brightness is the room's light, whereas a face's is also its skin, which must not lower the bar.
 */
export function cardFocusBar(measures: RegionMeasures, t: CaptureThresholds): number {
  const light = Math.min(1, measures.meanLuma / t.cardLitMeanLuma);
  return t.cardMinSharpness * Math.max(DIM_FOCUS_FLOOR, light * light);
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** The card's width in the frame: the mean of its top and bottom edges. */
export function quadWidth(quad: Quad): number {
  return (dist(quad[0], quad[1]) + dist(quad[3], quad[2])) / 2;
}

/** The largest corner movement between two quads, as a share of the card's width. */
export function quadMotion(current: Quad, previous: Quad): number {
  const width = Math.max(1, quadWidth(current));
  return Math.max(...current.map((corner, i) => dist(corner, previous[i] ?? corner))) / width;
}

/** The first problem with the card in this frame, or null when it is ready to be photographed. */
export function cardProblem(input: CardFrame, t: CaptureThresholds): CardProblem | null {
  const { detection, measures, frame } = input;
  if (detection.status === 'none') return 'no_card';
  if (detection.status === 'cutoff') return 'card_cut_off';
  if (quadWidth(detection.quad) < t.cardMinWidthFraction * frame.width) return 'move_closer';
  if (measures && isDark(measures, t)) return 'too_dark';
  if (input.previousQuad && quadMotion(detection.quad, input.previousQuad) > t.cardMaxMotion)
    return 'hold_still';
  if (measures && measures.sharpness < cardFocusBar(measures, t)) return 'blurry';
  if (measures && measures.glare > t.cardMaxGlare) return 'glare';
  return null;
}

/** The faces the rules count: those at or above the confidence threshold. */
export function confidentFaces(faces: readonly FaceObservation[], t: CaptureThresholds): FaceObservation[] {
  return faces.filter((face) => face.score >= t.faceMinScore);
}

/** The first problem with the face in this frame, or null when it is ready to be photographed. */
export function faceProblem(input: FaceFrame, t: CaptureThresholds): FaceProblem | null {
  const faces = confidentFaces(input.faces, t);
  if (faces.length === 0) return 'no_face';
  if (faces.length > 1) return 'multiple_faces';
  const [face] = faces;
  if (!face) return 'no_face';
  const { frame } = input;
  const widthShare = face.box.width / frame.width;
  if (widthShare < t.faceMinWidthFraction) return 'move_closer';
  if (widthShare > t.faceMaxWidthFraction) return 'move_back';
  const dx = Math.abs(face.box.x + face.box.width / 2 - frame.width / 2) / frame.width;
  const dy = Math.abs(face.box.y + face.box.height / 2 - frame.height / 2) / frame.height;
  if (dx > t.faceMaxOffCentre || dy > t.faceMaxOffCentre) return 'centre_face';
  if (
    (face.yaw !== null && Math.abs(face.yaw) > t.faceMaxYaw) ||
    (face.pitch !== null && Math.abs(face.pitch) > t.faceMaxPitch)
  ) {
    return 'look_straight';
  }
  if (input.measures && isDark(input.measures, t)) return 'too_dark';
  if (input.measures && input.measures.sharpness < t.faceMinSharpness) return 'blurry';
  return null;
}
