// The hosted face-check page in a real browser: Debian's Chromium with a fake camera playing a selfie of
// person A. The page starts the camera, waits for a decoded frame, and on "Start face check" sends a frame;
// the session becomes completed and the page says so.
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/server';
import { GENERATED_DIR, selfieA } from '../../../fixtures/images';
import { writeY4m } from '../../../fixtures/video';
import { markedEnv } from '../../../support/processes';
import { faceverify, sessionData } from './helpers';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  const video = join(GENERATED_DIR, 'faceverify-selfie-a-640x480.y4m');
  await writeY4m(await selfieA(), video, { width: 640, height: 480, frames: 10 });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...FLAGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
    // The run's marker: a browser left running is found and named after the last test.
    env: markedEnv(),
  });
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('the faceverify hosted page in Chromium', () => {
  it('completes a face check with the camera, and the session becomes completed', async () => {
    const fv = faceverify(sandbox.url);
    const data = sessionData(await fv.createSession({ country: 'ID', uniqueIdentifier: 'BROWSER0001' }));
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(data.url);
    await page.getByRole('heading', { name: 'Face check' }).waitFor();
    const start = page.getByRole('button', { name: 'Start face check', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 20_000 }).toBe(true);
    await start.click();

    await page.getByRole('heading', { name: 'Verification complete' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('status').textContent()).toBe(
      'Verification complete. You can return to the kiosk.',
    );
    const status = await fv.status(data.sessionId);
    expect(status.json.data).toMatchObject({ status: 'completed', result: { live: true } });
    // No CSP violation, no script error.
    expect(problems).toEqual([]);
    await page.close();
  });

  it('goes to the returnUrl the session was created with, once the check is done', async () => {
    const fv = faceverify(sandbox.url);
    const back = `${sandbox.url}/_sandbox/health`;
    const data = sessionData(
      await fv.createSession({ country: 'ID', uniqueIdentifier: 'BROWSER0002', returnUrl: back }),
    );
    const page = await browser.newPage();
    await page.goto(data.url);
    const start = page.getByRole('button', { name: 'Start face check', exact: true });
    await expect.poll(() => start.isEnabled(), { timeout: 20_000 }).toBe(true);
    await start.click();
    await page.getByRole('heading', { name: 'Verification complete' }).waitFor({ timeout: 30_000 });
    await page.waitForURL(back, { timeout: 10_000 });
    await page.close();
  });
});
