// One frame → one verdict, for either photo. The card: find it, measure inside it, judge it with the shared
// rules (common/capture/guidance.ts). The face: the model's faces, measures inside the one confident face,
// the same rules. Pure apart from the detector and the model it is given.
import { CardDetector } from '../../../common/capture/card-detector';
import { cardProblem, confidentFaces, faceProblem } from '../../../common/capture/guidance';
import { measureBox, measureRegion, thumbnail } from '../../../common/capture/region';
import type { CaptureThresholds } from '../../../common/capture/thresholds';
import type { Box, Quad, RgbaImage } from '../../../common/capture/types';
import type { CanvasFrame, FaceModel } from './faceModel';
import type { Problem } from './protocol';

export interface Analysis {
  problem: Problem | null;
  quad: Quad | null;
  face: Box | null;
}

export class CardAnalyser {
  private readonly detector = new CardDetector();
  private previousQuad: Quad | null = null;

  analyse(frame: RgbaImage, thresholds: CaptureThresholds): Analysis {
    const detection = this.detector.detect(frame);
    const quad = detection.status === 'ok' ? detection.quad : null;
    const measures = quad ? measureRegion(frame, quad, thumbnail(frame)) : null;
    const problem = cardProblem({ frame, detection, measures, previousQuad: this.previousQuad }, thresholds);
    this.previousQuad = quad;
    return { problem, quad, face: null };
  }
}

export async function analyseFace(
  frame: CanvasFrame,
  model: FaceModel,
  thresholds: CaptureThresholds,
): Promise<Analysis> {
  const faces = await model.detect(frame);
  const confident = confidentFaces(faces, thresholds);
  const one = confident.length === 1 ? confident[0] : undefined;
  const measures = one ? measureBox(frame, one.box) : null;
  return { problem: faceProblem({ frame, faces, measures }, thresholds), quad: null, face: one?.box ?? null };
}
