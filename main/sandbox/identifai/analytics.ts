/*
 * What the IdentifAI stand-in answers, and why. These rules are the sandbox's "test cards":
 * test/fixtures/images.ts builds one image for each, and the integration tests pin every line.
 *
 * Faces are found by the app's one face model (human: BlazeFace + FaceMesh, and faceres descriptors for the
 * match; offline, see main/faces). Candidates scoring ≥ 0.3 are reported; a face is *confident* at ≥ 0.5.
 *
 * Every analytic
 *   F  an image narrower or lower than 64 px            → status "failed", message imageTooSmall (fixture: tiny)
 *
 * A selfie (face-liveness; image 2 of face-match-liveness)
 *   N  no face at all                                    → "incompleted", "No face detected"      (cat, blank)
 *   M  two or more confident faces                       → "incompleted", "Multiple faces are detected" (two faces)
 *   O  only a weak face (0.3 ≤ score < 0.5), or the face
 *      is heavily darkened (mean luma of its box < 50/255) → "incompleted", "the face is most likely occluded" (dark)
 * A KTP (image 1 of face-match-liveness) and both images of face-match: N and O as above, but other faces are
 * allowed — the largest confident face is the one compared (a card may show a ghost photo or a hologram).
 *
 * Liveness (a stand-in for "is this a live person, not a printed photo"): a printed or greyscale picture has no
 * colour, so the score follows the mean HSV saturation s of the face box, lightly weighted by detector score d:
 *     liveness = min(0.98, 0.15 + 0.8 · min(1, s / 0.3)) · (0.9 + 0.1 · d)
 *   colour selfie (s ≈ 0.35) → ≈ 0.93, live;  greyscale selfie (s ≈ 0) → ≈ 0.15, underqualified.
 *   live = liveness ≥ liveness_threshold (default 0.6).
 * Similarity: human's own measure of two faceres descriptors (0–1), capped at 0.99. On the fixtures the same
 *   person reads 0.82–0.99 (KTP of A, or the card crop of a held KTP of A, vs selfie of A) and different people
 *   0.27–0.54 (KTP of A vs colour selfie of B ≈ 0.36), either side of IdentifAI's default threshold 0.7.
 *   match = similarity ≥ similarity_threshold (default 0.7).
 * Verdict (status "success" in all three): live = false → "Face Liveness Underqualified" (checked first);
 *   else match = false → "The Face Pair Not Match"; else "Face Match Liveness Success".
 *
 * OCR KTP
 *   U  a uniform image (luma standard deviation < 8)      → "incompleted", ktpNotDetected          (blank)
 *   K  no confident face, or its centre is not in the right 45 % of the image (a KTP's photo sits on the
 *      right; a selfie's face is central)                → "incompleted", ktpNotDetected          (cat, selfie)
 *   otherwise → "success", "OCR_KTP Service Success", one specimen identity chosen by a 64-bit difference
 *      hash of the image, so the same card (even re-encoded, or another frame of the same video) reads the
 *      same person. The printed text is not read.
 */
import { createLogger } from '../../lib/log';
import { describeError } from '../../lib/redact';
import { type DetectedFace, descriptorSimilarity, detectFaces } from '../faces/detect';
import { type DecodedImage, differenceHash } from '../faces/image';
import { specimenIdentity } from '../ocr/specimen';
import type { AnalyticType } from './catalogue';
import type { Messages } from './messages';

export const MIN_IMAGE_SIDE = 64;
export const CONFIDENT_FACE_SCORE = 0.5;
export const DARK_FACE_LUMA = 50;
export const UNIFORM_LUMA_STDDEV = 8;
export const KTP_PHOTO_MIN_CENTRE_X = 0.55;

export type JobStatus = 'success' | 'incompleted' | 'failed';

export interface AnalyticOutcome {
  status: JobStatus;
  message: string;
  result: unknown[];
}

/** The images the hide-face-next test switch can blank out (face-match-liveness: the KTP, then the selfie). */
export const HIDDEN_FACES = ['ktp', 'selfie'] as const;
export type HiddenFace = (typeof HIDDEN_FACES)[number];

export interface AnalyticInput {
  type: AnalyticType;
  /** The JPEG bytes as sent, and their decoded pixels, in request order. */
  images: ReadonlyArray<{ bytes: Buffer; decoded: DecodedImage }>;
  similarityThreshold: number;
  livenessThreshold: number;
  /** The test switch: this image of a face-match-liveness job is judged as having no face. */
  hideFaceOn?: HiddenFace | null;
}

const log = createLogger('sandbox');

type FacePick = { face: DetectedFace } | { refusal: 'noFaceDetected' | 'multipleFaces' | 'faceOccluded' };

async function pickFace(image: DecodedImage, role: 'selfie' | 'document'): Promise<FacePick> {
  const { faces } = await detectFaces(image);
  if (faces.length === 0) return { refusal: 'noFaceDetected' };
  const confident = faces.filter((f) => f.score >= CONFIDENT_FACE_SCORE);
  if (role === 'selfie' && confident.length >= 2) return { refusal: 'multipleFaces' };
  const face = confident[0];
  if (!face || face.lumaMean < DARK_FACE_LUMA) return { refusal: 'faceOccluded' };
  return { face };
}

export function livenessScore(face: Pick<DetectedFace, 'saturationMean' | 'score'>): number {
  const colour = Math.min(1, face.saturationMean / 0.3);
  return Math.min(0.98, 0.15 + 0.8 * colour) * (0.9 + 0.1 * face.score);
}

/** A sandbox never claims certainty: identical descriptors read 0.99, like liveness' 0.98 ceiling. */
export const MAX_SIMILARITY = 0.99;

export function similarityScore(a: Float32Array, b: Float32Array): number {
  return Math.min(MAX_SIMILARITY, descriptorSimilarity(a, b));
}

export async function runAnalytic(input: AnalyticInput, messages: Messages): Promise<AnalyticOutcome> {
  const started = performance.now();
  try {
    const outcome = await analyse(input, messages);
    log.info('analytic done', {
      type: input.type,
      status: outcome.status,
      ms: Math.round(performance.now() - started),
    });
    return outcome;
  } catch (error) {
    log.error('analytic crashed', { type: input.type, error: describeError(error) });
    return { status: 'failed', message: messages.analyticFailed, result: [] };
  }
}

async function analyse(input: AnalyticInput, messages: Messages): Promise<AnalyticOutcome> {
  const incompleted = (key: keyof Messages): AnalyticOutcome => ({
    status: 'incompleted',
    message: messages[key],
    result: [],
  });
  if (input.images.some(({ decoded: d }) => Math.min(d.width, d.height) < MIN_IMAGE_SIDE)) {
    return { status: 'failed', message: messages.imageTooSmall, result: [] };
  }
  const [first, second] = input.images;
  if (!first) throw new Error('no image');

  switch (input.type) {
    case 'OCR_KTP':
      return readKtp(first, messages);

    case 'FACE_LIVENESS': {
      const selfie = await pickFace(first.decoded, 'selfie');
      if ('refusal' in selfie) return incompleted(selfie.refusal);
      const face_liveness = liveness(selfie.face, input.livenessThreshold);
      return {
        status: 'success',
        message: face_liveness.live ? messages.faceLivenessSuccess : messages.faceLivenessUnderqualified,
        result: [{ face_liveness }],
      };
    }

    case 'FACE_MATCH': {
      if (!second) throw new Error('face-match needs two images');
      const a = await pickFace(first.decoded, 'document');
      if ('refusal' in a) return incompleted(a.refusal);
      const b = await pickFace(second.decoded, 'document');
      if ('refusal' in b) return incompleted(b.refusal);
      const face_match = match(a.face, b.face, input.similarityThreshold);
      return {
        status: 'success',
        message: face_match.match ? messages.faceMatchSuccess : messages.facePairNotMatch,
        result: [{ face_match }],
      };
    }

    case 'FACE_MATCH_LIVENESS': {
      if (!second) throw new Error('face-match-liveness needs two images');
      // The selfie is judged first: it is the picture the customer can retake at the counter.
      if (input.hideFaceOn === 'selfie') return incompleted('noFaceDetected');
      const selfie = await pickFace(second.decoded, 'selfie');
      if ('refusal' in selfie) return incompleted(selfie.refusal);
      if (input.hideFaceOn === 'ktp') return incompleted('noFaceDetected');
      const ktp = await pickFace(first.decoded, 'document');
      if ('refusal' in ktp) return incompleted(ktp.refusal);
      const face_liveness = liveness(selfie.face, input.livenessThreshold);
      const face_match = match(ktp.face, selfie.face, input.similarityThreshold);
      const message = !face_liveness.live
        ? messages.faceLivenessUnderqualified
        : !face_match.match
          ? messages.facePairNotMatch
          : messages.faceMatchLivenessSuccess;
      return { status: 'success', message, result: [{ face_liveness }, { face_match }] };
    }
  }
}

function liveness(face: DetectedFace, threshold: number): { live: boolean; liveness: number } {
  const score = livenessScore(face);
  return { live: score >= threshold, liveness: score };
}

function match(a: DetectedFace, b: DetectedFace, threshold: number): { match: boolean; similarity: number } {
  const similarity = similarityScore(a.descriptor, b.descriptor);
  return { match: similarity >= threshold, similarity };
}

async function readKtp(
  image: { bytes: Buffer; decoded: DecodedImage },
  messages: Messages,
): Promise<AnalyticOutcome> {
  const notKtp: AnalyticOutcome = { status: 'incompleted', message: messages.ktpNotDetected, result: [] };
  const detection = await detectFaces(image.decoded);
  if (detection.image.lumaStdDev < UNIFORM_LUMA_STDDEV) return notKtp;
  const photo = detection.faces.find((f) => f.score >= CONFIDENT_FACE_SCORE);
  if (!photo) return notKtp;
  const centreX = (photo.box.x + photo.box.width / 2) / image.decoded.width;
  if (centreX < KTP_PHOTO_MIN_CENTRE_X) return notKtp;
  const hash = await differenceHash(image.bytes);
  const id = specimenIdentity(hash.toString(16).padStart(16, '0'));
  return {
    status: 'success',
    message: messages.ocrKtpSuccess,
    result: [
      {
        nik: id.nik,
        nama: id.name,
        tempat_lahir: id.birthPlace,
        tanggal_lahir: id.birthDate,
        jenis_kelamin: id.sex,
        golongan_darah: id.bloodType,
        alamat: id.address,
        rt_rw: id.rtRw,
        kelurahan_desa: id.village,
        kecamatan: id.district,
        kabupaten_kota: id.city,
        provinsi: id.province,
        agama: id.religion,
        status_perkawinan: id.maritalStatus,
        pekerjaan: id.occupation,
        kewarganegaraan: id.nationality,
        berlaku_hingga: id.validUntil,
      },
    ],
  };
}
