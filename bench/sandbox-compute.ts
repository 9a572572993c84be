// The sandbox's own CPU per image, measured directly, so the end-to-end rows can say how much of a
// verification is the stand-in's face analysis rather than the kiosk. A verification costs the sandbox three
// decodes (while handling the two POSTs) and two detections (selfie + KTP for face-match-liveness; the same
// KTP again for ocr-ktp is answered by the memo), all on the bench's one event loop. Measured here with the
// memo bypassed: the cost of an image the sandbox has not seen before.
import { prepareJpeg } from '../main/lib/image';
import { DEFAULT_IMAGE_LIMITS } from '../main/providers/identifai/images';
import { detectFaces } from '../main/sandbox/faces/detect';
import { decodeImage } from '../main/sandbox/faces/image';
import { loadFaceModel } from '../main/faces/model';
import { ktpCard, selfieA } from '../test/fixtures/images';
import { formatMs, summarize } from './stats';
import type { Row } from './table';

const N = 10;
const WARMUP = 2;

export interface SandboxCompute {
  rows: Row[];
  /** p50 milliseconds of decode + detection, summed over the three images one verification sends. */
  perVerificationMs: number;
  /** p50 detection milliseconds per image (the "~100–300 ms" of the notes). */
  detectP50Ms: { ktp: number; selfie: number };
}

async function prepared(input: Buffer, kind: 'id_card' | 'selfie'): Promise<Buffer> {
  const { jpeg } = await prepareJpeg(input, {
    maxBytes: DEFAULT_IMAGE_LIMITS.faceMaxBytes,
    maxDimension: DEFAULT_IMAGE_LIMITS.maxDimension,
    minDimension: DEFAULT_IMAGE_LIMITS.minDimension[kind],
  });
  return jpeg;
}

async function measure(bytes: Buffer): Promise<{ decode: number[]; detect: number[]; faces: number }> {
  const decode: number[] = [];
  const detect: number[] = [];
  let faces = 0;
  for (let i = 0; i < WARMUP + N; i++) {
    const t0 = performance.now();
    const image = await decodeImage(bytes);
    const t1 = performance.now();
    const result = await detectFaces(image, { memo: false });
    const t2 = performance.now();
    faces = result.faces.length;
    if (i >= WARMUP) {
      decode.push(t1 - t0);
      detect.push(t2 - t1);
    }
  }
  return { decode, detect, faces };
}

export async function benchSandboxCompute(): Promise<SandboxCompute> {
  const loadStarted = performance.now();
  const { loadMs } = await loadFaceModel();
  const loadWall = performance.now() - loadStarted;
  const ktp = await measure(await prepared(await ktpCard('A'), 'id_card'));
  const selfie = await measure(await prepared(await selfieA(), 'selfie'));

  const k = { decode: summarize(ktp.decode), detect: summarize(ktp.detect) };
  const s = { decode: summarize(selfie.decode), detect: summarize(selfie.detect) };
  // The KTP arrives twice as identical bytes (face-match-liveness and ocr-ktp): decoded twice, but its second
  // detection is answered by the sandbox's memo (main/faces/memo.ts).
  const perVerificationMs = 2 * k.decode.p50 + k.detect.p50 + s.decode.p50 + s.detect.p50;
  const modelNote =
    loadWall > 50 ? `models loaded in ${formatMs(loadMs)} (once per process)` : 'models already loaded';
  const row = (name: string, decode: number[], detect: number[], faces: number): Row => {
    const total = summarize(decode.map((d, i) => d + (detect[i] ?? 0)));
    return {
      measurement: `sandbox decode+detect ${name}`,
      n: total.n,
      p50: formatMs(total.p50),
      p99: formatMs(total.p99),
      other: `detect ${formatMs(summarize(detect).p50)}, decode ${formatMs(summarize(decode).p50)}, ${faces} face(s)`,
      note: `human BlazeFace + FaceMesh + faceres descriptor, tfjs WASM, main thread; ${modelNote}`,
    };
  };
  return {
    rows: [
      row('KTP', ktp.decode, ktp.detect, ktp.faces),
      row('selfie', selfie.decode, selfie.detect, selfie.faces),
      {
        measurement: 'sandbox CPU per verification',
        n: '–',
        p50: formatMs(perVerificationMs),
        p99: '–',
        other: 'decode 2 × KTP + 1 × selfie, detect 1 × each (sum of p50s)',
        note: 'in this process: shares the event loop with the kiosk during the e2e runs',
      },
    ],
    perVerificationMs,
    detectP50Ms: { ktp: k.detect.p50, selfie: s.detect.p50 },
  };
}
