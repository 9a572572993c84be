// The capture step's settings, as main sent them in app.info: the thresholds main's pre-check applies (so
// the guide turns green only for a photo main will accept), the card crop main expects, the steady moment
// before auto-capture, and, in self-service, how long before "Take photo" is offered by hand.
import type { CropGeometry } from '../../common/capture/crop';
import type { CaptureThresholds } from '../../common/capture/thresholds';
import type { AppInfo } from '../../common/contract';

export interface CaptureSettings {
  thresholds: CaptureThresholds;
  crop: CropGeometry;
  holdMs: number;
  /** null: "Take photo" is always there (a staffed desk). */
  manualAfterMs: number | null;
  /** A staffed desk: staff may confirm a card main could not find (main decides again). */
  staffMayConfirmCard: boolean;
}

export function captureSettings(info: AppInfo): CaptureSettings {
  const { thresholds, crop, autoCaptureHoldMs, manualCaptureAfterSeconds } = info.capture;
  return {
    thresholds,
    crop,
    holdMs: autoCaptureHoldMs,
    manualAfterMs: info.mode === 'self_service' ? manualCaptureAfterSeconds * 1000 : null,
    staffMayConfirmCard: info.mode === 'assisted',
  };
}
