// The live guidance in Chromium with a fake 1280×720 camera: the messages a customer sees over the video,
// in the order the scene calls for them, and auto-capture firing without anyone pressing "Take photo". The
// ID photo that comes out is the card, cut out and straightened (ID-1 aspect), not the room.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardApproachVideo, faceFocusVideo } from '../fixtures/guidance-videos';
import { launchChromium } from './browser';
import { guidanceSeen, inOrder, recordGuidance } from './guidance-messages';
import { captureAuto, ID_CARD_STEP, SELFIE_STEP, startInEnglish } from './kiosk-page';
import { startHostProcess, startSandboxProcess, type RunningProcess } from './processes';

let sandbox: RunningProcess;
let host: RunningProcess;

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
  host = await startHostProcess(dataDir, ['--provider', 'sandbox', '--provider-url', sandbox.url]);
});

afterAll(async () => {
  await host?.stop();
  await sandbox?.stop();
});

/** One browser per story: the fake camera plays one file for the browser's lifetime. */
function withCamera(video: () => Promise<string>): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium({ cameraVideo: await video() });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser did not start');
    return browser;
  };
}

describe('live guidance on the ID card step', () => {
  const browser = withCamera(cardApproachVideo);

  it('says no card, move closer, hold still, then takes the photo of the card by itself', async () => {
    const page = await browser().newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await startInEnglish(page, host.url);
    await page.getByRole('heading', { name: ID_CARD_STEP }).waitFor({ timeout: 30_000 });
    await recordGuidance(page);
    await page.getByRole('heading', { name: 'Check the photo' }).waitFor({ timeout: 45_000 });
    const seen = await guidanceSeen(page);
    expect(
      inOrder(seen, [
        'Hold the KTP up inside the frame',
        'Move the card closer to the camera',
        'Hold the card still',
        'Good, hold still: the photo is taken automatically',
      ]),
      `seen: ${JSON.stringify(seen)}`,
    ).toBe(true);

    // The preview is the card: straightened and cut to ID-1's shape (with its margin), not the 16:9 room.
    const size = await page
      .getByRole('img', { name: 'The ID card photo just taken' })
      .evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
    expect(size.width / size.height).toBeCloseTo(85.6 / 54, 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('live guidance on the selfie step', () => {
  const browser = withCamera(faceFocusVideo);

  it('says the face is blurry until it comes into focus, then takes the photo by itself', async () => {
    const page = await browser().newPage();
    await startInEnglish(page, host.url);
    await captureAuto(page, ID_CARD_STEP);
    await page.getByRole('heading', { name: SELFIE_STEP }).waitFor({ timeout: 30_000 });
    await recordGuidance(page);
    await page.getByRole('heading', { name: 'Check the photo' }).waitFor({ timeout: 45_000 });
    const seen = await guidanceSeen(page);
    expect(
      inOrder(seen, [
        'Hold still, the picture is blurry',
        'Good, hold still: the photo is taken automatically',
      ]),
      `seen: ${JSON.stringify(seen)}`,
    ).toBe(true);
    // Nothing was ready before the face came into focus.
    const ready = 'Good, hold still: the photo is taken automatically';
    expect(seen.indexOf('Hold still, the picture is blurry')).toBeLessThan(seen.indexOf(ready));
    await page.close();
  });
});
