// The network is down at the counter: in Chromium through the browser host, a customer is captured while
// nothing answers at the provider's address. The screen says, in words, that the application is saved;
// staff take the next customer at once; the sync bar counts it as waiting. Then the sandbox starts on that
// address and the bar shows the queue drained and a last successful sync, with no one touching the kiosk.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ktpCameraVideo } from '../fixtures/ktp-camera';
import { freePort } from '../support/free-port';
import { launchChromium } from './browser';
import { capture, ID_CARD_STEP, SELFIE_STEP, startInEnglish } from './kiosk-page';
import { startHostProcess, startProgram, type RunningProcess } from './processes';

let host: RunningProcess;
let sandbox: RunningProcess | undefined;
let browser: Browser;
let port: number;

beforeAll(async () => {
  port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-offline-'));
  // A quick probe, so the test sees the provider come back within a second rather than fifteen.
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ sync: { probeIntervalSeconds: 0.5 } }));
  host = await startHostProcess(dataDir, [
    '--provider',
    'sandbox',
    '--provider-url',
    `http://127.0.0.1:${port}`,
  ]);
  browser = await launchChromium({ cameraVideo: await ktpCameraVideo() });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await sandbox?.stop();
});

const syncBar = (page: Page) => page.getByRole('status', { name: 'Sync status' });

describe('a customer captured while the provider cannot be reached', () => {
  it('is told the application is saved, and the queue drains when the provider is back', async () => {
    const page = await browser.newPage();
    await startInEnglish(page, host.url);
    await capture(page, ID_CARD_STEP);
    await capture(page, SELFIE_STEP);

    await page.getByRole('heading', { name: 'Application saved' }).waitFor({ timeout: 60_000 });
    expect(await page.textContent('body')).toMatch(/saved safely on this kiosk and will be checked/);
    await expect.poll(() => syncBar(page).textContent(), { timeout: 10_000 }).toMatch(/Waiting to send: 1/);
    expect(await syncBar(page).textContent()).toMatch(/not connected/);
    expect(await syncBar(page).textContent()).toMatch(/Never synced/);

    // Staff take the next customer at once.
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByRole('button', { name: 'Mulai verifikasi' }).waitFor();
    // The next customer's screen starts in Indonesian; the test reads the bar in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();

    sandbox = await startProgram('main/sandbox/cli.ts', ['--port', String(port)]);
    await expect
      .poll(() => syncBar(page).textContent(), { timeout: 60_000, interval: 250 })
      .toMatch(/Waiting to send: 0.*Last sync: /s);
    expect(await syncBar(page).textContent()).toMatch(/Verification service connected/);
    await page.close();
  });
});
