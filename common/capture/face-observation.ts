// What the face model (`@vladmandic/human`: BlazeFace + FaceMesh, in the renderer's Worker and in main)
// reports, reduced to the FaceObservation the rules judge. Typed structurally on the few fields read, so this
// pure layer does not depend on the model's package, and both callers map a result the same way.
import { boxQuad } from './geometry';
import { meanSaturation } from './measures';
import type { FaceObservation, RgbaImage } from './types';

/** The part of one of human's FaceResult objects that Loket reads. */
export interface ModelFace {
  /** [x, y, width, height] in the frame's pixels. */
  box: readonly [number, number, number, number] | readonly number[];
  score: number;
  /** Head pose in radians, when the mesh ran. */
  rotation?: { angle?: { yaw?: number; pitch?: number } } | null;
}

const degrees = (radians: number | undefined): number | null =>
  radians === undefined || !Number.isFinite(radians) ? null : (radians * 180) / Math.PI;

export function toFaceObservation(face: ModelFace, frame: RgbaImage): FaceObservation {
  const [x = 0, y = 0, width = 0, height = 0] = face.box;
  const box = { x, y, width, height };
  return {
    box,
    score: face.score,
    yaw: degrees(face.rotation?.angle?.yaw),
    pitch: degrees(face.rotation?.angle?.pitch),
    saturation: meanSaturation(frame, boxQuad(box)),
  };
}
