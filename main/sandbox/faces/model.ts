// Loads @vladmandic/face-api (its node-wasm build) on the TensorFlow.js WASM backend, once per process.
// The bundle requires @tensorflow/tfjs and @tensorflow/tfjs-backend-wasm, both installed; the tensors we
// build go through the same tfjs instance the bundle uses (`faceapi.tf`), so there is one engine and one
// registered backend. Models come from the package's own `model/` folder: no network, ever.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm';
import type * as TfCore from '@tensorflow/tfjs-core';
import { createLogger } from '../../lib/log';

export type FaceApi = typeof FaceApiModule;
export type Tf = typeof TfCore;
export interface FaceModels {
  faceapi: FaceApi;
  tf: Tf;
  /** Milliseconds spent loading (backend + weights), for logs and the bench. */
  loadMs: number;
}

const log = createLogger('sandbox');
// The Electron main process is bundled to CommonJS, where `import.meta.url` is empty and `__filename` is set.
const localRequire = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

function loadBundle(): { faceapi: FaceApi; tf: Tf } {
  const faceapi = localRequire('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
  return { faceapi, tf: faceapi.tf as unknown as Tf };
}

async function load(): Promise<FaceModels> {
  const started = performance.now();
  const { faceapi, tf } = loadBundle();
  await tf.setBackend('wasm');
  await tf.ready();
  const modelDir = join(dirname(localRequire.resolve('@vladmandic/face-api/package.json')), 'model');
  await Promise.all([
    faceapi.nets.tinyFaceDetector.loadFromDisk(modelDir),
    faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir),
    faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir),
  ]);
  const loadMs = Math.round(performance.now() - started);
  log.info('face models loaded', { backend: tf.getBackend(), loadMs });
  return { faceapi, tf, loadMs };
}

let loading: Promise<FaceModels> | undefined;

/** Lazily loads the models; concurrent callers share one load, a failed load may be retried. */
export function loadFaceModels(): Promise<FaceModels> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
