// The one message type in each direction between the capture screen and its guidance Worker. Frames go in
// as transferred ImageBitmaps (never copied through JSON); small verdicts come out. The photo itself comes
// out once, as transferred JPEG bytes: for the ID card, already cut to the card and straightened.
import type { CropGeometry } from '../../../common/capture/crop';
import type { CardProblem, FaceProblem } from '../../../common/capture/guidance';
import type { CaptureThresholds } from '../../../common/capture/thresholds';
import type { Box, Quad } from '../../../common/capture/types';
import type { ImageKind } from '../../../common/record';

export type ToWorker =
  | {
      type: 'configure';
      kind: ImageKind;
      thresholds: CaptureThresholds;
      /** The card crop main expects (app.info.capture.crop). */
      crop: CropGeometry;
      /** Where the face model and the WASM files are served from (the renderer's own origin). */
      modelBaseUrl: string;
      wasmBaseUrl: string;
    }
  | {
      type: 'frame';
      frame: ImageBitmap;
      /** performance.now() when the frame was taken from the video. */ takenAt: number;
    }
  | { type: 'capture'; id: number };

export type Problem = CardProblem | FaceProblem;

export interface Verdict {
  type: 'verdict';
  kind: ImageKind;
  /** null: every check passes (the guide turns green). */
  problem: Problem | null;
  /** The frame's size, for drawing the quad or box over the video. */
  width: number;
  height: number;
  quad: Quad | null;
  face: Box | null;
  /** performance.now() of the frame this verdict is about (the page's clock: the Worker keeps it). */
  takenAt: number;
  /** How long the Worker spent on the frame, all told, and on each part of it. */
  analysisMs: number;
  timings: AnalysisTimings;
}

export interface AnalysisTimings {
  /** Drawing the bitmap and reading its pixels back. */
  readbackMs: number;
  /** Finding the card, or running the face model. */
  detectMs: number;
  /** The pixel checks: sharpness, light, glare inside the card or face. */
  measuresMs: number;
}

export type FromWorker =
  | { type: 'ready'; kind: ImageKind }
  | Verdict
  | {
      type: 'captured';
      id: number;
      jpeg: ArrayBuffer;
      /** The card was found and this is the straightened crop; false: the whole frame (main looks for the card). */
      cardCrop: boolean;
      width: number;
      height: number;
    }
  | { type: 'failed'; id: number | null; message: string };
