// The face model of the live guidance: @vladmandic/human's BlazeFace detector with FaceMesh for head pose
// (chosen by measurement: no false faces on the cat and other negatives, pose for "look straight", about
// 45 ms a 1280×720 frame in a Worker). Everything it needs is served by the renderer itself: the models and
// the WASM files are copied into the build (vite.config.ts), never fetched from a CDN.
import { Human, type Config } from '@vladmandic/human';
import { toFaceObservation } from '../../../common/capture/face-observation';
import type { FaceObservation, RgbaImage } from '../../../common/capture/types';

/** A frame read back from a canvas: its pixels are an ImageData's own array. */
export type CanvasFrame = RgbaImage & { data: Uint8ClampedArray<ArrayBuffer> };

export interface FaceModel {
  detect(frame: CanvasFrame): Promise<FaceObservation[]>;
}

function config(modelBaseUrl: string, wasmBaseUrl: string): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: wasmBaseUrl,
    modelBasePath: modelBaseUrl,
    debug: false,
    async: true,
    warmup: 'none',
    cacheModels: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: {
        enabled: true,
        rotation: false,
        maxDetected: 4,
        minConfidence: 0.2,
        iouThreshold: 0.1,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  } as Partial<Config>;
}

export async function loadFaceModel(modelBaseUrl: string, wasmBaseUrl: string): Promise<FaceModel> {
  const human = new Human(config(modelBaseUrl, wasmBaseUrl));
  await human.load();
  await human.init();
  return {
    async detect(frame) {
      const image = new ImageData(frame.data, frame.width, frame.height);
      const result = await human.detect(image);
      return result.face.map((face) => toFaceObservation(face, frame));
    },
  };
}
