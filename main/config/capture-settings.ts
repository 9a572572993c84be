// The `capture` section of settings.json: the capture thresholds (any subset, each within its range; the
// rest keep the defaults measured in the bench), the auto-capture timings the renderer uses, and the card
// crop. main resolves them once and hands the same numbers to the renderer through app.info, so the live
// guidance and main's pre-check cannot disagree.
import { z } from 'zod';
import { CROP_MARGIN, CROP_WIDTH, cropGeometry, type CropGeometry } from '../../common/capture/crop';
import {
  CaptureThresholdOverridesSchema,
  resolveThresholds,
  type CaptureThresholds,
} from '../../common/capture/thresholds';

export const CaptureSettingsSchema = z
  .object({
    /** Overrides of common/capture/thresholds.ts DEFAULT_CAPTURE_THRESHOLDS (README, "Capture"). */
    thresholds: CaptureThresholdOverridesSchema.default({}),
    /** How long a frame must stay ready (no guidance message) before it is taken by itself. */
    autoCaptureHoldMs: z.number().int().min(200).max(5000).default(700),
    /** Self-service: after this long without an automatic photo the customer may press "Take photo". */
    manualCaptureAfterSeconds: z.number().int().min(0).max(120).default(10),
    /**
     * The stored and sent card crop's width in px (height from the ID-1 aspect). Incode wants ≥ 1000 px on one
     * side; IdentifAI sends at most 1280 on the long side, so more is only resized away again.
     */
    cropWidth: z.number().int().min(1000).max(1600).default(CROP_WIDTH),
    /** Margin around the card, as a share of its width and height: Incode's "fully visible with padding". */
    cropMargin: z.number().min(0.02).max(0.1).default(CROP_MARGIN),
  })
  .strict()
  .superRefine((capture, ctx) => {
    for (const problem of resolveThresholds(capture.thresholds).problems) {
      ctx.addIssue({ code: 'custom', path: ['thresholds'], message: problem });
    }
  })
  .prefault({});

export type CaptureSettings = z.output<typeof CaptureSettingsSchema>;

export interface ResolvedCapture {
  thresholds: CaptureThresholds;
  autoCaptureHoldMs: number;
  manualCaptureAfterSeconds: number;
  crop: CropGeometry;
}

export function resolveCapture(capture: CaptureSettings): ResolvedCapture {
  return {
    thresholds: resolveThresholds(capture.thresholds).thresholds,
    autoCaptureHoldMs: capture.autoCaptureHoldMs,
    manualCaptureAfterSeconds: capture.manualCaptureAfterSeconds,
    crop: cropGeometry(capture.cropWidth, capture.cropMargin),
  };
}
