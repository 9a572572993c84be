// What one verification uploads to the provider now that the ID photo is the card crop: IdentifAI's
// face-match-liveness takes the card and the selfie, ocr-ktp the card again, each prepared by prepareJpeg to
// the provider's limits; against what the kiosk sent before, the whole 1280×720 camera frame for the card
// (as the renderer encodes it, JPEG quality 0.92), and against the frames' raw pixels.
import { CardDetector } from '../common/capture/card-detector';
import { cropCard, DEFAULT_CROP } from '../common/capture/crop';
import { encodeJpeg } from '../main/capture/decode';
import { prepareJpeg } from '../main/lib/image';
import { DEFAULT_IMAGE_LIMITS } from '../main/providers/identifai/images';
import { realisticKtpFrame } from '../test/fixtures/capture/held-card';
import { decodeFrame, frameSharp } from '../test/fixtures/capture/rgba';
import { selfieA } from '../test/fixtures/images';
import { formatBytes } from './stats';
import type { Row } from './table';

const RENDERER_QUALITY = 92;

const base64 = (bytes: number) => Math.ceil(bytes / 3) * 4;

async function prepared(jpeg: Buffer, kind: 'id_card' | 'selfie', maxBytes: number): Promise<number> {
  const out = await prepareJpeg(jpeg, {
    maxBytes,
    maxDimension: DEFAULT_IMAGE_LIMITS.maxDimension,
    minDimension: DEFAULT_IMAGE_LIMITS.minDimension[kind],
  });
  return out.bytesOut;
}

export async function benchCaptureUpload(): Promise<Row[]> {
  const held = await realisticKtpFrame('A');
  const frame = await decodeFrame(held.jpeg);
  const detection = new CardDetector().detect(frame);
  if (detection.status !== 'ok') throw new Error('the bench card was not found');
  const crop = cropCard(frame, detection.quad, DEFAULT_CROP);
  if (!crop) throw new Error('no crop');
  const cropJpeg = await encodeJpeg(crop);
  const frameJpeg = await frameSharp(frame).removeAlpha().jpeg({ quality: RENDERER_QUALITY }).toBuffer();
  const selfie = await selfieA();
  const { faceMaxBytes, ocrMaxBytes } = DEFAULT_IMAGE_LIMITS;
  const selfieOut = await prepared(selfie, 'selfie', faceMaxBytes);
  const perVerification = async (card: Buffer) =>
    (await prepared(card, 'id_card', faceMaxBytes)) +
    (await prepared(card, 'id_card', ocrMaxBytes)) +
    selfieOut;
  const now = await perVerification(cropJpeg);
  const before = await perVerification(frameJpeg);
  const raw = 2 * frame.width * frame.height * 4 + frame.width * frame.height * 4;
  return [
    {
      measurement: 'upload per verification: card crop ×2 + selfie (IdentifAI)',
      n: 1,
      p50: '',
      p99: '',
      other: `${formatBytes(now)} (${formatBytes(base64(now))} as base64)`,
      note: `crop ${crop.width}×${crop.height} JPEG q90 ${formatBytes(cropJpeg.length)} in; prepareJpeg to the analytics' limits`,
    },
    {
      measurement: 'upload per verification before: the whole 1280×720 frame ×2 + selfie',
      n: 1,
      p50: '',
      p99: '',
      other: `${formatBytes(before)} (crop: ${((100 * now) / before).toFixed(0)} % of it)`,
      note: `the frame as the renderer encodes it (q${RENDERER_QUALITY}), ${formatBytes(frameJpeg.length)}; raw RGBA frames would be ${formatBytes(raw)}`,
    },
  ];
}
