// Main's check of each stored photo before any paid call, as pure rules over what was measured: a photo is
// fine (null) or refused with a reason, and the person is sent back to that photo's step. The card rules are
// the live guidance's own (cardProblem), the face rules its own helpers, with the same thresholds, so a photo
// the screen showed as ready is one main accepts. What was measured is kept with the photo (numbers only) for
// when a provider asks for a retake without saying which photo (retake.ts).
import { z } from 'zod';
import { cardProblem, confidentFaces, isDark, quadWidth } from './guidance';
import type { CaptureThresholds } from './thresholds';
import type { CardDetection, FaceObservation, RegionMeasures } from './types';
import type { FrameSize } from './guidance';

/** In the order they are checked: a dark card also reads as blurry and faceless, so light comes first. */
export const CARD_REJECTIONS = [
  'no_card',
  'card_cut_off',
  'card_too_small',
  'too_dark',
  'blurry',
  'glare',
  'no_face_on_card',
] as const;
export type CardRejection = (typeof CARD_REJECTIONS)[number];

/**
 * The refusals that only say the card could not be found where it was looked for. A detector misses some real
 * cards (light, wear, a sleeve), so at a staffed desk these, and only these, may be overruled by staff who
 * can see the card in the photo; the other reasons are about the picture itself and always stand.
 */
export const CARD_NOT_FOUND: readonly CardRejection[] = ['no_card', 'card_cut_off', 'card_too_small'];

export const SELFIE_REJECTIONS = [
  'no_face',
  'multiple_faces',
  'face_too_small',
  'too_dark',
  'blurry',
  'printed_photo',
] as const;
export type SelfieRejection = (typeof SELFIE_REJECTIONS)[number];

/** Which photo was refused and why: carried by the bridge's `photo_rejected` error. */
export const PhotoRejectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('id_card'), reason: z.enum(CARD_REJECTIONS) }).strict(),
  z.object({ kind: z.literal('selfie'), reason: z.enum(SELFIE_REJECTIONS) }).strict(),
]);
export type PhotoRejection = z.infer<typeof PhotoRejectionSchema>;

export interface CardPhotoInput {
  /** The picture the card was looked for in: the camera frame, or the crop itself when the kiosk sent one. */
  frame: FrameSize;
  detection: CardDetection;
  /** Inside the card, measured on the crop; null without a card. */
  measures: RegionMeasures | null;
  /** Faces found on the crop whose centre lies on the card. */
  faces: readonly FaceObservation[];
  /** The card's width on the crop, px (the crop minus its margin). */
  cardWidth: number;
}

export interface SelfieInput {
  frame: FrameSize;
  faces: readonly FaceObservation[];
  /** Inside the largest confident face's box; null without one. */
  measures: RegionMeasures | null;
}

const largest = (faces: readonly FaceObservation[]) =>
  faces.reduce<FaceObservation | null>((best, f) => (!best || f.box.width > best.box.width ? f : best), null);

/** The card photo's own face: the largest confident face on the card, as a share of the card's width. */
function cardFace(input: CardPhotoInput, t: CaptureThresholds) {
  const face = largest(confidentFaces(input.faces, t));
  return face ? { face, widthFraction: face.box.width / Math.max(1, input.cardWidth) } : null;
}

export function checkCardPhoto(input: CardPhotoInput, t: CaptureThresholds): CardRejection | null {
  const problem = cardProblem({ ...input, previousQuad: null }, t);
  switch (problem) {
    case null:
      break;
    case 'move_closer':
      return 'card_too_small';
    case 'hold_still':
      // Never for a single photo (there is no previous frame); listed so a new live problem is a compile error.
      break;
    default:
      return problem;
  }
  const found = cardFace(input, t);
  if (!found || found.widthFraction < t.cardFaceMinWidthFraction) return 'no_face_on_card';
  return null;
}

export function checkSelfie(input: SelfieInput, t: CaptureThresholds): SelfieRejection | null {
  const faces = confidentFaces(input.faces, t);
  if (faces.length === 0) return 'no_face';
  if (faces.length > 1) return 'multiple_faces';
  const face = largest(faces);
  if (!face || face.box.width / input.frame.width < t.selfieMinFaceWidthFraction) return 'face_too_small';
  if (input.measures && isDark(input.measures, t)) return 'too_dark';
  if (input.measures && input.measures.sharpness < t.faceMinSharpness) return 'blurry';
  if (face.saturation < t.faceMinSaturation) return 'printed_photo';
  return null;
}

// --- what is kept with a stored photo ------------------------------------------------------------------------

const MeasuresSchema = z.object({
  sharpness: z.number(),
  meanLuma: z.number(),
  p95Luma: z.number(),
  glare: z.number(),
});

const FaceSummarySchema = z.object({
  score: z.number(),
  /** Of the card's width (ID photo) or the photo's width (selfie). */
  widthFraction: z.number(),
  saturation: z.number(),
  yaw: z.number().nullable(),
  pitch: z.number().nullable(),
});

/** Numbers only — no pixels, no box of anyone's face beyond its size — so it can sit beside the record. */
export const PhotoAnalysisSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('id_card'),
    /**
     * 'crop': the kiosk sent the crop; 'frame': main found the card in a camera frame and cropped it;
     * 'staff_confirmed': main could not find the card, staff confirmed it is there, the whole picture is kept.
     */
    source: z.enum(['crop', 'frame', 'staff_confirmed']),
    /** The card's width as a share of the frame it was found in. */
    cardWidthFraction: z.number(),
    faceCount: z.number().int().nonnegative(),
    face: FaceSummarySchema.nullable(),
    measures: MeasuresSchema.nullable(),
  }),
  z.object({
    kind: z.literal('selfie'),
    faceCount: z.number().int().nonnegative(),
    face: FaceSummarySchema.nullable(),
    measures: MeasuresSchema.nullable(),
  }),
]);
export type PhotoAnalysis = z.infer<typeof PhotoAnalysisSchema>;
export type CardPhotoAnalysis = Extract<PhotoAnalysis, { kind: 'id_card' }>;
export type SelfieAnalysis = Extract<PhotoAnalysis, { kind: 'selfie' }>;

const summary = (face: FaceObservation, widthFraction: number) => ({
  score: face.score,
  widthFraction,
  saturation: face.saturation,
  yaw: face.yaw,
  pitch: face.pitch,
});

export function summariseCardPhoto(
  input: CardPhotoInput,
  source: CardPhotoAnalysis['source'],
  t: CaptureThresholds,
): CardPhotoAnalysis {
  const found = cardFace(input, t);
  const { detection } = input;
  const quad = detection.status === 'none' ? null : detection.quad;
  return {
    kind: 'id_card',
    source,
    cardWidthFraction: quad ? quadWidth(quad) / input.frame.width : 0,
    faceCount: confidentFaces(input.faces, t).length,
    face: found ? summary(found.face, found.widthFraction) : null,
    measures: input.measures,
  };
}

export function summariseSelfie(input: SelfieInput, t: CaptureThresholds): SelfieAnalysis {
  const faces = confidentFaces(input.faces, t);
  const face = largest(faces);
  return {
    kind: 'selfie',
    faceCount: faces.length,
    face: face ? summary(face, face.box.width / input.frame.width) : null,
    measures: input.measures,
  };
}
