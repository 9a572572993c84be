// Image preparation: the capture check at addImage (decodeCapturedJpeg: header, then every pixel), and
// prepareJpeg (EXIF rotate, strip metadata, fit 1280 px, step quality down until under the byte limit) with
// exactly the limits the IdentifAI provider uses. The KTP is prepared twice per verification
// (face-match-liveness and ocr-ktp), the selfie once.
import sharp from 'sharp';
import { prepareJpeg, type PreparedJpeg } from '../main/lib/image';
import { DEFAULT_IMAGE_LIMITS } from '../main/providers/identifai/images';
import { decodeCapturedJpeg } from '../main/verification/image-check';
import type { ImageKind } from '../common/record';
import { ktpCard, selfieA } from '../test/fixtures/images';
import { cameraFrame } from '../test/support/damaged-jpegs';
import { formatBytes, formatMs, sampleAsync, summarize } from './stats';
import type { Row } from './table';

const LARGE_W = 4000;
const LARGE_H = 3000;

/**
 * A 12 MP camera-like frame: the selfie upscaled, plus ±12 levels of per-pixel sensor noise so it does not
 * compress like a smooth upscale would, saved at quality 92 as a phone camera does.
 */
export async function largePhoto(): Promise<Buffer> {
  const { data, info } = await sharp(await selfieA())
    .resize(LARGE_W, LARGE_H, { fit: 'fill', kernel: 'cubic' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let seed = 0x2545f491;
  for (let i = 0; i < data.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const noise = ((seed >>> 24) % 25) - 12;
    data[i] = Math.max(0, Math.min(255, (data[i] ?? 0) + noise));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

type Limit = 'face' | 'ocr';

interface Case {
  name: string;
  input: Buffer;
  inputSize: string;
  kind: ImageKind;
  limit: Limit;
  n: number;
  warmup: number;
}

async function runCase(c: Case): Promise<Row> {
  const maxBytes = c.limit === 'face' ? DEFAULT_IMAGE_LIMITS.faceMaxBytes : DEFAULT_IMAGE_LIMITS.ocrMaxBytes;
  const options = {
    maxBytes,
    maxDimension: DEFAULT_IMAGE_LIMITS.maxDimension,
    minDimension: DEFAULT_IMAGE_LIMITS.minDimension[c.kind],
  };
  let last: PreparedJpeg | undefined;
  const samples = await sampleAsync(c.n, c.warmup, async () => {
    last = await prepareJpeg(c.input, options);
  });
  if (!last) throw new Error('prepareJpeg produced nothing');
  const s = summarize(samples);
  const ratio = last.bytesOut / last.bytesIn;
  return {
    measurement: `prepareJpeg ${c.name} → ${c.limit}`,
    n: s.n,
    p50: formatMs(s.p50),
    p99: formatMs(s.p99),
    other: `${formatBytes(last.bytesIn)} → ${formatBytes(last.bytesOut)} (×${ratio.toFixed(2)}), ${last.width}×${last.height}`,
    note:
      `${c.inputSize} in; limit ${formatBytes(maxBytes)}, ${DEFAULT_IMAGE_LIMITS.maxDimension} px, ` +
      `min ${options.minDimension} px (${c.kind})`,
  };
}

/** What every addImage now costs before its photo is stored: a full decode of a webcam frame. */
async function captureCheck(): Promise<Row> {
  const frame = await cameraFrame();
  const base64 = frame.toString('base64');
  const s = summarize(await sampleAsync(60, 5, () => decodeCapturedJpeg(base64)));
  return {
    measurement: 'decodeCapturedJpeg 1280×720 frame',
    n: s.n,
    p50: formatMs(s.p50),
    p99: formatMs(s.p99),
    other: `${formatBytes(frame.length)} JPEG q92, decoded to raw pixels (failOn 'warning')`,
    note: 'at addImage, before the photo is stored: refuses a photo cut off or damaged after its header',
  };
}

export async function benchImage(): Promise<Row[]> {
  const ktp = await ktpCard('A');
  const selfie = await selfieA();
  const large = await largePhoto();
  const cases: Case[] = [
    { name: 'KTP', input: ktp, inputSize: '856×540', kind: 'id_card', limit: 'face', n: 60, warmup: 5 },
    { name: 'KTP', input: ktp, inputSize: '856×540', kind: 'id_card', limit: 'ocr', n: 60, warmup: 5 },
    { name: 'selfie', input: selfie, inputSize: '640×480', kind: 'selfie', limit: 'face', n: 60, warmup: 5 },
    {
      name: '12 MP photo',
      input: large,
      inputSize: `${LARGE_W}×${LARGE_H} noisy q92`,
      kind: 'selfie',
      limit: 'face',
      n: 15,
      warmup: 2,
    },
    {
      name: '12 MP photo',
      input: large,
      inputSize: `${LARGE_W}×${LARGE_H} noisy q92`,
      kind: 'id_card',
      limit: 'ocr',
      n: 15,
      warmup: 2,
    },
  ];
  const rows: Row[] = [await captureCheck()];
  for (const c of cases) rows.push(await runCase(c));
  return rows;
}
