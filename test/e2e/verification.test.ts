// The whole kiosk flow in Chromium through the browser host: home → ID card → selfie → waiting → result,
// with the real host, the real IdentifAI client and the sandbox as separate processes over loopback.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ktpCameraVideo } from '../fixtures/ktp-camera';
import { launchChromium } from './browser';
import { startHostProcess, startSandboxProcess, type RunningProcess } from './processes';

interface SandboxJob {
  id: string;
  analytic: string;
  client_ref: string | null;
}

let sandbox: RunningProcess;
let host: RunningProcess;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-'));
  host = await startHostProcess(dataDir, ['--provider', 'sandbox', '--provider-url', sandbox.url]);
  browser = await launchChromium({ cameraVideo: await ktpCameraVideo() });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await sandbox?.stop();
});

async function capture(page: Page, heading: string) {
  await expect.poll(() => page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
  const take = page.getByRole('button', { name: 'Take photo', exact: true });
  // "Take photo" is enabled only once the camera has delivered a decoded frame.
  await take.waitFor({ state: 'visible' });
  await expect.poll(() => take.isEnabled(), { timeout: 20_000 }).toBe(true);
  await take.click();
  await page.getByRole('heading', { name: 'Check the photo' }).waitFor();
  await page.getByRole('button', { name: 'Use photo', exact: true }).click();
}

describe('a walk-in customer verified in the browser host', () => {
  it('goes from home to a result screen and back', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(host.url);

    // Indonesian by default, English one tap away.
    await page.getByRole('button', { name: 'Mulai verifikasi' }).waitFor();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('status', { name: 'Sync status' }).waitFor();

    await page.getByRole('button', { name: 'Start verification', exact: true }).click();
    await capture(page, 'Photo of the ID card');
    await capture(page, "Photo of the customer's face");

    const outcome = page.getByRole('heading', { name: /^(Verified|Not verified|Needs review)$/ });
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.textContent()).toBe('Verified');
    const body = (await page.textContent('body')) ?? '';
    expect(body).toMatch(/Liveness/i);
    expect(body).toMatch(/Similarity|Face match/i);
    expect(body).toMatch(/NIK/);

    // The sandbox saw exactly one face-match-liveness and one ocr-ktp job for this record.
    const jobs = (await (await fetch(`${sandbox.url}/_sandbox/jobs`)).json()) as { jobs: SandboxJob[] };
    expect(jobs.jobs.map((job) => job.analytic).sort()).toEqual(['face-match-liveness', 'ocr-ktp']);
    expect(new Set(jobs.jobs.map((job) => job.client_ref)).size).toBe(1);

    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByRole('button', { name: 'Mulai verifikasi' }).waitFor();
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
