// One frame → one verdict, for either photo. The card: find it, measure inside it, judge it with the shared
// rules (common/capture/guidance.ts). The face: the model's faces, measures inside the one confident face,
// the same rules. Pure apart from the detector and the model it is given.
import { CardDetector } from '../../../common/capture/card-detector';
import { cardProblem, confidentFaces, faceProblem } from '../../../common/capture/guidance';
import { measureBox, measureRegion } from '../../../common/capture/region';
import type { CaptureThresholds } from '../../../common/capture/thresholds';
import type { Box, Quad, RgbaImage } from '../../../common/capture/types';
import type { CanvasFrame, FaceModel } from './faceModel';
import type { Problem } from './protocol';

export interface Analysis {
  problem: Problem | null;
  quad: Quad | null;
  face: Box | null;
  detectMs: number;
  measuresMs: number;
}

export class CardAnalyser {
  private readonly detector = new CardDetector();
  private previousQuad: Quad | null = null;

  analyse(frame: RgbaImage, thresholds: CaptureThresholds): Analysis {
    const started = performance.now();
    const detection = this.detector.detect(frame);
    const detected = performance.now();
    const quad = detection.status === 'ok' ? detection.quad : null;
    const measures = quad ? measureRegion(frame, quad) : null;
    const problem = cardProblem({ frame, detection, measures, previousQuad: this.previousQuad }, thresholds);
    this.previousQuad = quad;
    return {
      problem,
      quad,
      face: null,
      detectMs: detected - started,
      measuresMs: performance.now() - detected,
    };
  }
}

export async function analyseFace(
  frame: CanvasFrame,
  model: FaceModel,
  thresholds: CaptureThresholds,
): Promise<Analysis> {
  const started = performance.now();
  const faces = await model.detect(frame);
  const detected = performance.now();
  const confident = confidentFaces(faces, thresholds);
  const one = confident.length === 1 ? confident[0] : undefined;
  const measures = one ? measureBox(frame, one.box) : null;
  const problem = faceProblem({ frame, faces, measures }, thresholds);
  return {
    problem,
    quad: null,
    face: one?.box ?? null,
    detectMs: detected - started,
    measuresMs: performance.now() - detected,
  };
}
