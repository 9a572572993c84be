// Turns uploaded bytes into the measures rules.ts judges: decode, detect faces (shared offline detector),
// measure pixels. The results are kept on the session, so later calls (process/face, score, OCR) reuse them.
import { livenessScore } from '../identifai/analytics';
import { detectFaces } from '../faces/detect';
import { type DecodedImage, decodeImage, differenceHash } from '../faces/image';
import { glareScore, horizontalResolution, laplacianRatio, nearWhiteShare, sharpnessScore } from './quality';
import {
  CONFIDENT_FACE_SCORE,
  type DocumentVerdict,
  type SelfieFace,
  type SelfieVerdict,
  judgeDocument,
  judgeSelfie,
} from './rules';

export interface DocumentAnalysis {
  sharpness: number;
  glare: number;
  horizontalResolution: number;
  verdict: DocumentVerdict;
  /** Descriptor of the card's photo (largest confident face), for process/face. */
  photo: Float32Array | null;
  /** 16 hex digits: the difference hash that picks the OCR specimen. */
  specimenSeed: string;
}

export interface SelfieAnalysis {
  verdict: SelfieVerdict;
  /** The face's descriptor when the verdict is ok. */
  descriptor: Float32Array | null;
}

/** Throws UndecodableImageError (../faces/image) when the bytes are not an image. */
export async function analyseDocument(bytes: Buffer, cardWidthFraction: number): Promise<DocumentAnalysis> {
  const image = await decodeImage(bytes);
  const detection = await detectFaces(image);
  const sharpness = sharpnessScore(laplacianRatio(image));
  const glare = glareScore(nearWhiteShare(image));
  const verdict = judgeDocument({
    width: image.width,
    height: image.height,
    lumaMean: detection.image.lumaMean,
    lumaStdDev: detection.image.lumaStdDev,
    sharpness,
    glare,
    faces: detection.faces.map((f) => ({
      score: f.score,
      centreX: (f.box.x + f.box.width / 2) / image.width,
    })),
  });
  const photo = detection.faces.find((f) => f.score >= CONFIDENT_FACE_SCORE);
  const hash = await differenceHash(bytes);
  return {
    sharpness,
    glare,
    horizontalResolution: horizontalResolution(image.originalWidth, cardWidthFraction),
    verdict,
    photo: photo?.descriptor ?? null,
    specimenSeed: hash.toString(16).padStart(16, '0'),
  };
}

/** Throws UndecodableImageError (../faces/image) when the bytes are not an image. */
export async function analyseSelfie(bytes: Buffer, livenessThreshold: number): Promise<SelfieAnalysis> {
  const image: DecodedImage = await decodeImage(bytes);
  const detection = await detectFaces(image);
  const faces = detection.faces.map((f): SelfieFace & { descriptor: Float32Array } => ({
    score: f.score,
    box: f.box,
    lumaMean: f.lumaMean,
    sharpness: sharpnessScore(laplacianRatio(image, f.box)),
    liveness: livenessScore(f),
    descriptor: f.descriptor,
  }));
  const verdict = judgeSelfie({ width: image.width, height: image.height, faces }, livenessThreshold);
  const chosen = verdict.ok ? faces.find((f) => f === verdict.face) : undefined;
  return { verdict, descriptor: chosen?.descriptor ?? null };
}
