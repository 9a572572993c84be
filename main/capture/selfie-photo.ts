// The selfie as the capture rules read it: the faces in the frame, and the pixel measures inside the largest
// confident one's box (clipped to the frame: BlazeFace's square box can reach past an edge).
import { confidentFaces } from '../../common/capture/guidance';
import type { SelfieInput } from '../../common/capture/precheck';
import { measureBox } from '../../common/capture/region';
import type { CaptureThresholds } from '../../common/capture/thresholds';
import type { Box } from '../../common/capture/types';
import { decodeRgba } from './decode';
import type { FaceFinder } from './faces';

export async function analyseSelfie(
  findFaces: FaceFinder,
  bytes: Buffer,
  thresholds: CaptureThresholds,
): Promise<SelfieInput> {
  const frame = await decodeRgba(bytes);
  const faces = await findFaces(frame);
  const confident = confidentFaces(faces, thresholds);
  const face = confident.length === 1 ? confident[0] : undefined;
  return {
    frame: { width: frame.width, height: frame.height },
    faces,
    measures: face ? measureBox(frame, clip(face.box, frame)) : null,
  };
}

function clip(box: Box, frame: { width: number; height: number }): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(frame.width, box.x + box.width) - x),
    height: Math.max(0, Math.min(frame.height, box.y + box.height) - y),
  };
}
