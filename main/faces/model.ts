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

function configFor(files: { models: string; wasm: string }, mesh: boolean): Partial<Config> {
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
      mesh: { enabled: mesh },
      attention: off,
      iris: off,
      // Enabled here so that load() reads faceres up front with the others: loaded lazily on the sandbox's
      // first match, its load blocked the event loop long enough to time out requests in flight. Each call
      // says whether it wants descriptors (main/faces/detect.ts), so the pre-check never computes one.
      description: { enabled: true, skipFrames: 0, skipTime: 0 },
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

let routerRegistered = false;

/**
 * A new instance with its own configuration (`mesh: false`: BlazeFace alone). The app uses one, through
 * loadFaceModel; the bench makes a second to compare against. human merges a per-call configuration into
 * the instance for good, so variants are instances of their own rather than per-call overrides.
 */
export async function createFaceModel(options: { mesh?: boolean } = {}): Promise<FaceModel> {
  const started = performance.now();
  const files = faceModelFiles();
  const bundle = requireBundle(files.bundle) as HumanBundle;
  const HumanClass = bundle.Human ?? bundle.default;
  if (!HumanClass) throw new Error('The face model bundle has no Human class.');
  const config = configFor(files, options.mesh !== false);
  const human = new HumanClass(config);
  // The router is registered with tfjs itself, shared by every instance: once per process.
  if (!routerRegistered) {
    human.tf.io.registerLoadRouter(fileModelRouter as Parameters<Human['tf']['io']['registerLoadRouter']>[0]);
    routerRegistered = true;
  }
  await human.init();
  await human.load();
  const loadMs = Math.round(performance.now() - started);
  log.info('face model loaded', { backend: human.tf.getBackend(), loadMs });
  return { human, loadMs };
}

const load = () => createFaceModel();

let loading: Promise<FaceModel> | undefined;

/** Lazily loads the model; concurrent callers share one load, a failed load may be retried. */
export function loadFaceModel(): Promise<FaceModel> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
