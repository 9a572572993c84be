// The one face model of the app, loaded once per process: @vladmandic/human on the TensorFlow.js WASM
// backend, BlazeFace (detection) + FaceMesh (head pose; a detection whose mesh does not converge is
// dropped, which is what keeps the cat from being a face). The sandbox adds faceres (a face descriptor) per
// call. Models come from the npm package's own folder: no network, ever. Main's pre-check and the sandbox,
// which run in one process in training mode, share this instance and its single WASM engine.
import type { Config, Human } from '@vladmandic/human';
import { createLogger } from '../lib/log';
import { fileModelRouter } from './model-router';
import { faceModelFiles, requireBundle } from './package-files';

export interface FaceModel {
  human: Human;
  /** Milliseconds spent loading (backend + weights), for logs and the bench. */
  loadMs: number;
}

const log = createLogger('faces');

/** Candidates from this detector score are reported; the rules decide what counts (faceMinScore). */
export const MIN_CANDIDATE_SCORE = 0.2;
export const MAX_FACES = 5;

function configFor(files: { models: string; wasm: string }): Partial<Config> {
  const off = { enabled: false };
  const config = {
    backend: 'wasm',
    wasmPath: files.wasm,
    modelBasePath: `file://${files.models}/`,
    debug: false,
    async: true,
    cacheModels: false,
    // No result caching between calls: every photo is judged on its own pixels.
    cacheSensitivity: 0,
    warmup: 'none',
    filter: off,
    face: {
      enabled: true,
      detector: {
        enabled: true,
        rotation: false,
        maxDetected: MAX_FACES,
        minConfidence: MIN_CANDIDATE_SCORE,
        iouThreshold: 0.1,
        skipFrames: 0,
        skipTime: 0,
        return: false,
      },
      mesh: { enabled: true },
      attention: off,
      iris: off,
      description: { enabled: false, skipFrames: 0, skipTime: 0 },
      emotion: off,
      gear: off,
      antispoof: off,
      liveness: off,
    },
    body: off,
    hand: off,
    object: off,
    gesture: off,
    segmentation: off,
  };
  // human's constructor types its argument as a shallow Partial; the nested sections are partial too.
  return config as unknown as Partial<Config>;
}

interface HumanBundle {
  Human?: new (config: Partial<Config>) => Human;
  default?: new (config: Partial<Config>) => Human;
}

async function load(): Promise<FaceModel> {
  const started = performance.now();
  const files = faceModelFiles();
  const bundle = requireBundle(files.bundle) as HumanBundle;
  const HumanClass = bundle.Human ?? bundle.default;
  if (!HumanClass) throw new Error('The face model bundle has no Human class.');
  const human = new HumanClass(configFor(files));
  human.tf.io.registerLoadRouter(fileModelRouter as Parameters<Human['tf']['io']['registerLoadRouter']>[0]);
  await human.init();
  await human.load();
  const loadMs = Math.round(performance.now() - started);
  log.info('face model loaded', { backend: human.tf.getBackend(), loadMs });
  return { human, loadMs };
}

let loading: Promise<FaceModel> | undefined;

/** Lazily loads the model; concurrent callers share one load, a failed load may be retried. */
export function loadFaceModel(): Promise<FaceModel> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
