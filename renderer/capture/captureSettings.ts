// The capture step's settings: the thresholds main's pre-check applies (so the guide turns green only for a
// photo main will accept), the steady moment before auto-capture, and, in self-service, how long before
// "Take photo" is offered by hand.
import type { AppInfo } from '../../common/contract';
import { DEFAULT_CAPTURE_THRESHOLDS, type CaptureThresholds } from '../../common/capture/thresholds';

export interface CaptureSettings {
  thresholds: CaptureThresholds;
  holdMs: number;
  /** null: "Take photo" is always there (a staffed desk). */
  manualAfterMs: number | null;
}

export function captureSettings(info: AppInfo): CaptureSettings {
  return {
    thresholds: DEFAULT_CAPTURE_THRESHOLDS,
    holdMs: 700,
    manualAfterMs: info.mode === 'self_service' ? 15_000 : null,
  };
}
