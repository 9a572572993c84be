// The kiosk on Incode Omni, end to end: keys stored with `npm run keys`, the host started with
// `--provider incode`, the Incode sandbox as a separate process. One clean verification, and one where the
// ID upload fails Incode's quality rules and the person is sent back to retake just that photo.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_INCODE } from '../../main/sandbox/credentials';
import { ktpCameraVideo } from '../fixtures/ktp-camera';
import { launchChromium } from './browser';
import {
  capture,
  finish,
  ID_CARD_STEP,
  outcomeText,
  SELFIE_STEP,
  STAFF_PASSWORD,
  startInEnglish,
  type Staff,
} from './kiosk-page';
import {
  addOperator,
  deleteKeys,
  startHostProcess,
  startSandboxProcess,
  storeKeys,
  type RunningProcess,
} from './processes';

const service = `loket-e2e-incode-${process.pid}`;
let sandbox: RunningProcess;
let host: RunningProcess;
let browser: Browser;
// A real provider's desk has no training sign-in: staff sign in with an account IT made.
const staff: Staff = { name: 'Siti Rahma', password: STAFF_PASSWORD };

interface SandboxJob {
  provider: string;
  analytic: string;
  client_ref: string | null;
}

async function incodeJobs(): Promise<SandboxJob[]> {
  const { jobs } = (await (await fetch(`${sandbox.url}/_sandbox/jobs`)).json()) as { jobs: SandboxJob[] };
  return jobs.filter((job) => job.provider === 'incode');
}

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  await storeKeys(service, 'incode', SANDBOX_INCODE);
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-incode-'));
  await addOperator(dataDir, staff.name, staff.password, { env: { LOKET_KEYCHAIN_SERVICE: service } });
  host = await startHostProcess(
    dataDir,
    ['--provider', 'incode', '--provider-url', `${sandbox.url}/incode`],
    {
      LOKET_KEYCHAIN_SERVICE: service,
    },
  );
  browser = await launchChromium({ cameraVideo: await ktpCameraVideo() });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await sandbox?.stop();
  await deleteKeys(service, 'incode');
});

describe('Incode Omni selected', () => {
  it('verifies a walk-in customer', async () => {
    const page = await browser.newPage();
    await startInEnglish(page, host.url, staff);
    await capture(page, ID_CARD_STEP);
    await capture(page, SELFIE_STEP);
    expect(await outcomeText(page)).toBe('Verified');
    expect((await incodeJobs()).filter((job) => job.analytic === 'omni/start')).toHaveLength(1);
    await finish(page);
    await page.close();
  });

  it('sends the person back to retake the ID photo when the upload fails, then finishes the same session', async () => {
    const before = (await incodeJobs()).filter((job) => job.analytic === 'omni/start').length;
    // The sandbox's test switch: its next front-ID upload answers HTTP 200 with a failReason.
    const armed = await fetch(`${sandbox.url}/incode/_sandbox/fail-next-upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upload: 'front-id' }),
    });
    expect(armed.status).toBe(200);

    const page = await browser.newPage();
    await startInEnglish(page, host.url, staff);
    await capture(page, ID_CARD_STEP);
    await capture(page, SELFIE_STEP);
    // Back on the ID card step, with the reason in words; the selfie is kept.
    await page.getByRole('heading', { name: ID_CARD_STEP }).waitFor({ timeout: 60_000 });
    // DOCUMENT_NOT_READABLE is Incode's answer for an unreadable card: the person is told so in words.
    await page.getByText('ID card photo blurry, hold the card still and clean the lens').waitFor();
    await capture(page, ID_CARD_STEP);
    expect(await outcomeText(page)).toBe('Verified');
    // One Incode session for this customer: the retake continued it rather than starting over.
    expect((await incodeJobs()).filter((job) => job.analytic === 'omni/start')).toHaveLength(before + 1);
    await finish(page);
    await page.close();
  });
});
