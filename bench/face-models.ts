// The face models compared, behind one shape: face-api's TinyFaceDetector (two input sizes) and SSD
// MobileNet v1, and human's BlazeFace alone and with FaceMesh (the one the app uses). Node, tfjs WASM.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm';
import type { Human } from '@vladmandic/human';
import type { Box } from '../common/capture/types';
import { faceConfidence } from '../main/faces/detect';
import { createFaceModel } from '../main/faces/model';

export interface Picture {
  width: number;
  height: number;
  rgb: Uint8Array;
}

export interface FaceModelUnderTest {
  name: string;
  detect(picture: Picture): Promise<Array<{ box: Box; score: number }>>;
}

type FaceApi = typeof FaceApiModule;
const require = createRequire(import.meta.url);

async function loadFaceApi(): Promise<FaceApi> {
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  const dir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
  await faceapi.nets.tinyFaceDetector.loadFromDisk(dir);
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(dir);
  return faceapi;
}

function faceApiModel(faceapi: FaceApi, name: string, options: () => unknown): FaceModelUnderTest {
  return {
    name,
    async detect({ width, height, rgb }) {
      const tensor = faceapi.tf.tensor3d(rgb, [height, width, 3], 'int32');
      try {
        const found = await faceapi.detectAllFaces(
          tensor as unknown as Parameters<FaceApi['detectAllFaces']>[0],
          options() as Parameters<FaceApi['detectAllFaces']>[1],
        );
        return found.map((d) => ({
          box: { x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height },
          score: d.score,
        }));
      } finally {
        tensor.dispose();
      }
    },
  };
}

function humanModel(human: Human, name: string, mesh: boolean): FaceModelUnderTest {
  return {
    name,
    async detect({ width, height, rgb }) {
      const tensor = human.tf.tensor3d(rgb, [height, width, 3], 'int32');
      try {
        const result = await human.detect(tensor as unknown as Parameters<Human['detect']>[0]);
        return result.face.map((f) => ({
          box: { x: f.box[0], y: f.box[1], width: f.box[2], height: f.box[3] },
          // As the app scores it (main/faces/detect.ts); BlazeFace alone has only its own score.
          score: mesh ? faceConfidence(f.boxScore, f.faceScore) : f.boxScore,
        }));
      } finally {
        tensor.dispose();
      }
    },
  };
}

/** Every model, loaded (face-api's on the same tfjs engine as human's). */
export async function faceModelsUnderTest(): Promise<FaceModelUnderTest[]> {
  const withMesh = await createFaceModel({ mesh: true });
  const blazeOnly = await createFaceModel({ mesh: false });
  const faceapi = await loadFaceApi();
  const tiny = (inputSize: number) => () =>
    new faceapi.TinyFaceDetectorOptions({ inputSize, scoreThreshold: 0.2 });
  return [
    faceApiModel(faceapi, 'face-api TinyFaceDetector 320', tiny(320)),
    faceApiModel(faceapi, 'face-api TinyFaceDetector 416', tiny(416)),
    faceApiModel(
      faceapi,
      'face-api SSD MobileNet v1',
      () => new faceapi.SsdMobilenetv1Options({ minConfidence: 0.2 }),
    ),
    humanModel(blazeOnly.human, 'human BlazeFace', false),
    humanModel(withMesh.human, 'human BlazeFace + FaceMesh (used)', true),
  ];
}
