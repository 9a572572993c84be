// Faces in one picture, as the capture rules and the sandbox read them: box, confidence, head pose and
// colour, and (when asked) the face descriptor the sandbox matches with. Calls run one at a time (one WASM
// engine, and predictable timings under load); a picture already analysed — keyed by a SHA-256 of its size,
// its pixels and what was asked — is answered from a small LRU memo.
import type { Human, Tensor } from '@vladmandic/human';
import { boxQuad } from '../../common/capture/geometry';
import { meanSaturationOf } from '../../common/capture/measures';
import type { Box, FaceObservation } from '../../common/capture/types';
import { createLogger } from '../lib/log';
import { LruMemo, sha256Of } from './memo';
import { loadFaceModel } from './model';

export interface FaceInput {
  width: number;
  height: number;
  /** Packed pixels, `channels` bytes each (RGB or RGBA), row-major. */
  pixels: Uint8Array | Uint8ClampedArray;
  channels: 3 | 4;
}

export interface DetectedFace extends FaceObservation {
  /** faceres' 1024-d descriptor; null unless `describe` was asked for. */
  embedding: Float32Array | null;
}

export interface FaceAnalysis {
  /** Largest first. */
  faces: DetectedFace[];
  /** Milliseconds the analysis took (the original one, for an answer from the memo). */
  ms: number;
}

export interface DetectOptions {
  /** Also compute each face's descriptor (the sandbox's face match). Default false. */
  describe?: boolean;
  /** false: analyse even if these pixels were seen before (the bench's CPU measurement). Default true. */
  memo?: boolean;
}

const log = createLogger('faces');

/** How many analyses are remembered (each a few KB: boxes and at most a few 1024-d descriptors). */
export const FACE_MEMO_CAPACITY = 64;
const memo = new LruMemo<FaceAnalysis>(FACE_MEMO_CAPACITY);
let queue: Promise<unknown> = Promise.resolve();

export function detectFaces(input: FaceInput, options: DetectOptions = {}): Promise<FaceAnalysis> {
  const describe = options.describe === true;
  if (options.memo === false) return enqueue(input, describe);
  const key = sha256Of(
    `${input.width}x${input.height}x${input.channels}:${describe ? 'd' : '-'}`,
    input.pixels,
  );
  // Each caller gets its own result object and faces array; the descriptors are shared and read-only.
  return memo.get(key, () => enqueue(input, describe)).then((a) => ({ ...a, faces: [...a.faces] }));
}

/** Forgets every remembered analysis (the bench, so each run pays for its own). */
export function clearFaceMemo(): void {
  memo.clear();
}

function enqueue(input: FaceInput, describe: boolean): Promise<FaceAnalysis> {
  const run = queue.then(() => detectNow(input, describe));
  queue = run.catch(() => undefined);
  return run;
}

function rgbTensor(human: Human, input: FaceInput): Tensor {
  const { width, height, pixels, channels } = input;
  let rgb: Uint8Array;
  if (channels === 3) rgb = pixels instanceof Uint8Array ? pixels : new Uint8Array(pixels);
  else {
    rgb = new Uint8Array(width * height * 3);
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
      rgb[i] = pixels[j] ?? 0;
      rgb[i + 1] = pixels[j + 1] ?? 0;
      rgb[i + 2] = pixels[j + 2] ?? 0;
    }
  }
  return human.tf.tensor3d(rgb, [height, width, 3], 'int32') as unknown as Tensor;
}

const DEG = 180 / Math.PI;

async function detectNow(input: FaceInput, describe: boolean): Promise<FaceAnalysis> {
  const { human } = await loadFaceModel();
  const started = performance.now();
  const tensor = rgbTensor(human, input);
  try {
    const override = { face: { description: { enabled: describe } } };
    const result = await human.detect(tensor, override as unknown as Parameters<Human['detect']>[1]);
    const faces = withoutDuplicates(
      result.face.map((f): DetectedFace => {
        const [x, y, width, height] = f.box;
        const box = { x, y, width, height };
        const angle = f.rotation?.angle;
        return {
          box,
          score: faceConfidence(f.boxScore, f.faceScore),
          yaw: angle ? angle.yaw * DEG : null,
          pitch: angle ? angle.pitch * DEG : null,
          saturation: meanSaturationOf({ ...input, data: input.pixels }, input.channels, boxQuad(box)),
          embedding: describe && f.embedding ? Float32Array.from(f.embedding) : null,
        };
      }),
    ).sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
    const ms = Math.round(performance.now() - started);
    log.debug('faces detected', { count: faces.length, ms });
    return { faces, ms };
  } finally {
    tensor.dispose();
  }
}

/**
 * One confidence from the two models that both must agree it is a face: the mean of BlazeFace's detection
 * score and FaceMesh's. Either alone misjudges on the fixtures: the mesh fits poorly on person B in profile
 * behind his camera (mesh 0.31–0.44, detection 0.82), and BlazeFace rates a cat's face fairly high (0.57,
 * mesh 0.37); the mean puts B at 0.57–0.64 and that cat at 0.47, either side of faceMinScore 0.5, and a
 * frontal face at 0.85–0.95. (Without a mesh score, the detection score alone.)
 */
export function faceConfidence(boxScore: number, faceScore: number): number {
  return faceScore > 0 ? (boxScore + faceScore) / 2 : boxScore;
}

/** A box that lies mostly (this share of its area) inside a better-scored one is the same face seen twice. */
const DUPLICATE_OVERLAP = 0.5;

/**
 * On small faces (≈ 25–45 px) BlazeFace can report one face two or three times, and the mesh refits each
 * box, so the detector's own suppression misses them: keep the best-scored of boxes that mostly overlap.
 * Two people side by side never overlap like that.
 */
export function withoutDuplicates<F extends { box: Box; score: number }>(faces: readonly F[]): F[] {
  const kept: F[] = [];
  for (const face of [...faces].sort((a, b) => b.score - a.score)) {
    const area = face.box.width * face.box.height;
    if (
      !kept.some(
        (k) => intersection(k.box, face.box) > DUPLICATE_OVERLAP * Math.min(area, k.box.width * k.box.height),
      )
    )
      kept.push(face);
  }
  return kept;
}

function intersection(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
