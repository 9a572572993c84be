// The whole kiosk flow in Chromium through the browser host: home → ID card → selfie → waiting → result,
// with the real host, the real IdentifAI client and the sandbox as separate processes over loopback.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageKind } from '../../common/record';
import { ktpCameraVideo } from '../fixtures/ktp-camera';
import { truncated } from '../support/damaged-jpegs';
import { launchChromium } from './browser';
import {
  capture,
  finish,
  ID_CARD_STEP,
  outcomeText,
  SELFIE_STEP,
  signIn,
  startInEnglish,
} from './kiosk-page';
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
    // Training mode never calls anyone verified without saying it is training.
    expect(await outcomeText(page)).toBe('Verified (training)');
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('Training mode: this result comes from the sandbox, not a real verification.');
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

/** Cuts the next photo of `kind` in half on its way to main, as a transfer that stopped part-way would. */
async function damageNextPhoto(page: Page, kind: ImageKind): Promise<void> {
  let damaged = false;
  await page.route('**/bridge/verification.addImage', async (route) => {
    const body = route.request().postDataJSON() as { kind: string; imageBase64: string };
    if (damaged || body.kind !== kind) return route.continue();
    damaged = true;
    const cut = truncated(Buffer.from(body.imageBase64, 'base64'), 0.5).toString('base64');
    await route.continue({ postData: JSON.stringify({ ...body, imageBase64: cut }) });
  });
}

describe('a photo that reaches main damaged', () => {
  it('is refused at capture: the person is told in words and takes that photo again', async () => {
    const page = await browser.newPage();
    await startInEnglish(page, host.url);
    await capture(page, ID_CARD_STEP);
    await damageNextPhoto(page, 'selfie');
    await capture(page, SELFIE_STEP);
    await page.getByRole('heading', { name: SELFIE_STEP }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'The photo of the face could not be used. Please take it again.',
    );
    await capture(page, SELFIE_STEP);
    expect(await outcomeText(page)).toBe('Verified (training)');
    await finish(page);
    await page.close();
  });

  it('says so in Indonesian too, on the step of the photo that was refused', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await signIn(page, 'training');
    await page.getByRole('button', { name: 'Mulai verifikasi' }).click();
    await page.getByRole('heading', { name: 'Foto KTP' }).waitFor({ timeout: 30_000 });
    await damageNextPhoto(page, 'id_card');
    const take = page.getByRole('button', { name: 'Ambil foto', exact: true });
    await expect.poll(() => take.isEnabled(), { timeout: 20_000 }).toBe(true);
    await take.click();
    await page.getByRole('button', { name: 'Gunakan foto', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'Foto KTP tidak dapat dipakai. Silakan ambil ulang.',
    );
    expect(await page.getByRole('heading', { name: 'Foto KTP' }).isVisible()).toBe(true);
    await page.close();
  });
});
