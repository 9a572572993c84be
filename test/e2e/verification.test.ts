// The whole kiosk flow in Chromium through the browser host: home → ID card → selfie → waiting → result,
// with the real host, the real IdentifAI client and the sandbox as separate processes over loopback.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ktpCameraVideo } from '../fixtures/ktp-camera';
import { launchChromium } from './browser';
import { capture, finish, ID_CARD_STEP, outcomeText, SELFIE_STEP, startInEnglish } from './kiosk-page';
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

describe('a walk-in customer verified in the browser host', () => {
  it('goes from home to a result screen and back', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await startInEnglish(page, host.url);
    await capture(page, ID_CARD_STEP);
    await capture(page, SELFIE_STEP);
    expect(await outcomeText(page)).toBe('Verified');
    const body = (await page.textContent('body')) ?? '';
    expect(body).toMatch(/Liveness/i);
    expect(body).toMatch(/Similarity|Face match/i);
    expect(body).toMatch(/NIK/);

    // The sandbox saw exactly one face-match-liveness and one ocr-ktp job for this record.
    const jobs = (await (await fetch(`${sandbox.url}/_sandbox/jobs`)).json()) as { jobs: SandboxJob[] };
    expect(jobs.jobs.map((job) => job.analytic).sort()).toEqual(['face-match-liveness-v1', 'ocr-ktp']);
    expect(new Set(jobs.jobs.map((job) => job.client_ref)).size).toBe(1);

    await finish(page);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
