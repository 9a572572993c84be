// The face model as the capture rules need it: the faces in an RGBA picture, without descriptors. When the
// model finds no confident face at full size it looks again at a half and a third of the size (common/
// capture/downscale.ts says why), and reports those faces in the picture's own coordinates. Another look can
// only find a face, so it can only make the check more lenient than the live guidance, never stricter.
import { downscaleRgba } from '../../common/capture/downscale';
import { boxQuad } from '../../common/capture/geometry';
import { meanSaturation } from '../../common/capture/measures';
import type { FaceObservation, RgbaImage } from '../../common/capture/types';
import { detectFaces } from '../faces/detect';

export type FaceFinder = (image: RgbaImage) => Promise<FaceObservation[]>;

/** The sizes tried, in turn, while no confident face is found. */
const FACTORS = [1, 2, 3] as const;
/** A smaller look is not worth it: the faces there would be too small for any rule. */
const MIN_LOOK_WIDTH = 320;

async function facesAt(image: RgbaImage, factor: number): Promise<FaceObservation[]> {
  const small = downscaleRgba(image, factor);
  const analysis = await detectFaces({
    width: small.width,
    height: small.height,
    pixels: small.data,
    channels: 4,
  });
  return analysis.faces.map(({ box, score, yaw, pitch }) => {
    const full = {
      x: box.x * factor,
      y: box.y * factor,
      width: box.width * factor,
      height: box.height * factor,
    };
    return { box: full, score, yaw, pitch, saturation: meanSaturation(image, boxQuad(full)) };
  });
}

/** `confident`: the score a face needs to count (the rules' faceMinScore). */
export function createFaceFinder(confident: number): FaceFinder {
  return async (image) => {
    const first = await facesAt(image, 1);
    for (const factor of FACTORS.slice(1)) {
      if (first.some((f) => f.score >= confident) || image.width / factor < MIN_LOOK_WIDTH) break;
      const again = await facesAt(image, factor);
      if (again.some((f) => f.score >= confident)) return again;
    }
    return first;
  };
}
