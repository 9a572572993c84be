// settings.json's `capture` section: defaults, overrides within their ranges, the rule that keeps the
// pre-check at least as lenient as the live guidance, and what reaches app.info.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureInfoSchema } from '../../../common/contract';
import { CROP_HEIGHT, CROP_WIDTH } from '../../../common/capture/crop';
import { DEFAULT_CAPTURE_THRESHOLDS } from '../../../common/capture/thresholds';
import { resolveCapture } from '../../../main/config/capture-settings';
import { loadSettings, SettingsError } from '../../../main/config/settings';

function load(capture: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'loket-capture-settings-'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ capture }));
  return loadSettings(dir);
}

describe('capture settings', () => {
  it('default to the measured thresholds, 700 ms hold, 10 s to the manual button, a 1280×807 crop with 5 % margin', () => {
    const resolved = resolveCapture(load({}).capture);
    expect(resolved).toEqual({
      thresholds: DEFAULT_CAPTURE_THRESHOLDS,
      autoCaptureHoldMs: 700,
      manualCaptureAfterSeconds: 10,
      crop: { width: CROP_WIDTH, height: CROP_HEIGHT, margin: 0.05 },
    });
    expect(CaptureInfoSchema.parse(resolved)).toEqual(resolved);
  });

  it('override any threshold and keep the rest', () => {
    const { thresholds } = resolveCapture(
      load({ thresholds: { cardMinSharpness: 1200, minMeanLuma: 60 } }).capture,
    );
    expect(thresholds).toEqual({ ...DEFAULT_CAPTURE_THRESHOLDS, cardMinSharpness: 1200, minMeanLuma: 60 });
  });

  it.each([
    [{ thresholds: { faceMinScore: 1.5 } }, /faceMinScore/],
    [{ thresholds: { cardMaxGlare: -0.1 } }, /cardMaxGlare/],
    [{ thresholds: { noSuchThreshold: 1 } }, /thresholds/],
    [{ thresholds: { selfieMinFaceWidthFraction: 0.3 } }, /selfieMinFaceWidthFraction must not exceed/],
    [
      { thresholds: { faceMinWidthFraction: 0.6 } },
      /faceMinWidthFraction must be below faceMaxWidthFraction/,
    ],
    [{ cropWidth: 900 }, /cropWidth/],
    [{ autoCaptureHoldMs: 50 }, /autoCaptureHoldMs/],
  ])('refuse %j with a message naming the setting', (capture, message) => {
    expect(() => load(capture)).toThrow(SettingsError);
    expect(() => load(capture)).toThrow(message);
  });
});
