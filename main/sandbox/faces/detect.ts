// The sandbox's view of the faces in a photo: the app's one face model (main/faces: human's BlazeFace +
// FaceMesh, with faceres descriptors for matching), plus the simple statistics of each face box that the
// rules judge (dark, greyscale). Detection is serialized and memoised there.
import { detectFaces as detectWithModel, clearFaceMemo as clearModelMemo } from '../../faces/detect';
import type { Box, DecodedImage, RegionStats } from './image';
import { regionStats } from './image';

export { FACE_MEMO_CAPACITY } from '../../faces/detect';

export interface DetectedFace extends RegionStats {
  /** Confidence, 0–1: BlazeFace's and FaceMesh's together (main/faces/detect.ts faceConfidence). */
  score: number;
  box: Box;
  /** faceres' descriptor (1024 numbers). */
  descriptor: Float32Array;
}

export interface FaceDetection {
  image: RegionStats & { width: number; height: number };
  /** Largest first. */
  faces: DetectedFace[];
  ms: number;
}

/** Candidates below this score are not reported at all (as before: "no face" means none from here). */
export const MIN_REPORTED_SCORE = 0.3;

export interface DetectOptions {
  /** false: analyse even if these pixels were seen before (the bench's CPU measurement). Default true. */
  memo?: boolean;
}

export async function detectFaces(image: DecodedImage, options: DetectOptions = {}): Promise<FaceDetection> {
  const analysis = await detectWithModel(
    { width: image.width, height: image.height, pixels: image.rgb, channels: 3 },
    { describe: true, memo: options.memo !== false },
  );
  const faces = analysis.faces
    .filter((f) => f.score >= MIN_REPORTED_SCORE)
    .map((f) => {
      const box = clip(f.box, image);
      return {
        score: f.score,
        box,
        descriptor: f.embedding ?? new Float32Array(0),
        ...regionStats(image, box),
      };
    });
  return {
    image: { width: image.width, height: image.height, ...regionStats(image) },
    faces,
    ms: analysis.ms,
  };
}

/** Forgets every remembered analysis (the bench, so each end-to-end run pays for its own). */
export function clearFaceMemo(): void {
  clearModelMemo();
}

/** BlazeFace's square box can reach past the picture's edge; the statistics are of the part inside it. */
function clip(box: Box, image: { width: number; height: number }): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return {
    x,
    y,
    width: Math.max(0, Math.min(image.width, box.x + box.width) - x),
    height: Math.max(0, Math.min(image.height, box.y + box.height) - y),
  };
}

/**
 * Similarity of two faceres descriptors, 0–1, as human's own `match.similarity` computes it: the squared
 * Euclidean distance scaled by 25, its root over 100, mapped from [0.2, 0.8] onto [0, 1]. The same person
 * (card and selfie of A) reads 0.82–1.00 on the fixtures, different people 0.27–0.54.
 */
export function descriptorSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d * d;
  }
  const distance = 25 * sum;
  const s = (1 - Math.sqrt(distance) / 100 - 0.2) / (0.8 - 0.2);
  return Math.max(0, Math.min(1, s));
}
