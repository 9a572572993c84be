// The guidance Worker: the camera's frames arrive as transferred ImageBitmaps, one at a time (the page sends
// the next only after a verdict, so a slow frame never queues up); each is read back once into RGBA and
// judged; a small verdict goes back. On "capture" it hands back the last frame that passed every check (the
// one the person saw go green): for the card, cut out and straightened.
import { cropCard } from '../../../common/capture/crop';
import { analyseFace, CardAnalyser, type Analysis } from './analyse';
import { encodeJpeg } from './encode';
import { loadFaceModel, type CanvasFrame, type FaceModel } from './faceModel';
import type { FromWorker, ToWorker } from './protocol';

type Frame = CanvasFrame;
type Configuration = Extract<ToWorker, { type: 'configure' }>;

/** A frame that passed is captured only if it is this recent: older, the person may have moved since. */
const CAPTURE_MAX_AGE_MS = 800;

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

let config: Configuration | null = null;
let card: CardAnalyser | null = null;
let faces: Promise<FaceModel> | null = null;
let canvas: OffscreenCanvas | null = null;
let latest: { frame: Frame; analysis: Analysis; takenAt: number } | null = null;
let lastGood: { frame: Frame; analysis: Analysis; takenAt: number } | null = null;

function readBack(bitmap: ImageBitmap): Frame {
  if (!canvas || canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
    canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  }
  // willReadFrequently keeps the pixels in memory rather than on the GPU: the readback costs ~3 ms, not 20.
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('2D canvas is not available in the Worker');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height };
}

async function analyse(frame: Frame, current: Configuration): Promise<Analysis> {
  if (current.kind === 'id_card') {
    card ??= new CardAnalyser();
    return card.analyse(frame, current.thresholds);
  }
  faces ??= loadFaceModel(current.modelBaseUrl, current.wasmBaseUrl);
  return analyseFace(frame, await faces, current.thresholds);
}

async function onFrame(bitmap: ImageBitmap, takenAt: number): Promise<void> {
  const current = config;
  if (!current) return bitmap.close();
  const started = performance.now();
  const frame = readBack(bitmap);
  const readbackMs = performance.now() - started;
  const analysis = await analyse(frame, current);
  latest = { frame, analysis, takenAt };
  if (analysis.problem === null) lastGood = latest;
  post({
    type: 'verdict',
    kind: current.kind,
    problem: analysis.problem,
    width: frame.width,
    height: frame.height,
    quad: analysis.quad,
    face: analysis.face,
    takenAt,
    analysisMs: performance.now() - started,
    timings: { readbackMs, detectMs: analysis.detectMs, measuresMs: analysis.measuresMs },
  });
}

async function onCapture(id: number, current: Configuration): Promise<void> {
  const fresh = lastGood && performance.now() - lastGood.takenAt <= CAPTURE_MAX_AGE_MS ? lastGood : null;
  const chosen = fresh ?? latest;
  if (!chosen) throw new Error('No camera frame has arrived yet');
  const quad = current.kind === 'id_card' ? chosen.analysis.quad : null;
  const cropped = quad ? cropCard(chosen.frame, quad, current.crop) : null;
  const image = cropped ?? chosen.frame;
  const jpeg = await encodeJpeg(image);
  post({ type: 'captured', id, jpeg, cardCrop: cropped !== null, width: image.width, height: image.height }, [
    jpeg,
  ]);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'configure':
      config = message;
      card = null;
      latest = null;
      lastGood = null;
      if (message.kind === 'selfie') {
        // Load the model now, so the first frame's verdict is not the one that waits for it.
        faces ??= loadFaceModel(message.modelBaseUrl, message.wasmBaseUrl);
        void faces.then(
          () => post({ type: 'ready', kind: message.kind }),
          (error: unknown) => post({ type: 'failed', id: null, message: String(error) }),
        );
      } else {
        post({ type: 'ready', kind: message.kind });
      }
      return;
    case 'frame':
      void onFrame(message.frame, message.takenAt).catch((error: unknown) =>
        post({ type: 'failed', id: null, message: String(error) }),
      );
      return;
    case 'capture':
      if (!config) return;
      void onCapture(message.id, config).catch((error: unknown) =>
        post({ type: 'failed', id: message.id, message: String(error) }),
      );
      return;
  }
};
