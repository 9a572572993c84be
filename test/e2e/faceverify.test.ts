// The kiosk on faceverify.ai, end to end: keys stored with `npm run keys`, the host started with
// `--provider faceverify`; the customer completes the sandbox's hosted face check in the page the kiosk
// opens, and the kiosk shows the outcome the hosted flow reported.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_FACEVERIFY } from '../../main/sandbox/credentials';
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

const service = `loket-e2e-faceverify-${process.pid}`;
let sandbox: RunningProcess;
let host: RunningProcess;
let browser: Browser;
const staff: Staff = { name: 'Budi Santoso', password: STAFF_PASSWORD };

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  await storeKeys(service, 'faceverify', SANDBOX_FACEVERIFY);
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-faceverify-'));
  await addOperator(dataDir, staff.name, staff.password, { env: { LOKET_KEYCHAIN_SERVICE: service } });
  host = await startHostProcess(
    dataDir,
    ['--provider', 'faceverify', '--provider-url', `${sandbox.url}/faceverify`],
    { LOKET_KEYCHAIN_SERVICE: service },
  );
  browser = await launchChromium({ cameraVideo: await ktpCameraVideo() });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await sandbox?.stop();
  await deleteKeys(service, 'faceverify');
});

describe('faceverify.ai selected', () => {
  it('hands the customer the hosted face check and shows what it reported', async () => {
    const page = await browser.newPage();
    await startInEnglish(page, host.url, staff);
    await capture(page, ID_CARD_STEP);
    await capture(page, SELFIE_STEP);

    await page.getByRole('heading', { name: 'Complete the face check' }).waitFor({ timeout: 30_000 });
    const [hosted] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Open the face check', exact: true }).click(),
    ]);
    const start = hosted.getByRole('button', { name: 'Start face check', exact: true });
    await start.waitFor({ timeout: 30_000 });
    await expect.poll(() => start.isEnabled(), { timeout: 20_000 }).toBe(true);
    await start.click();
    await hosted.getByRole('heading', { name: /complete/i }).waitFor({ timeout: 30_000 });

    expect(await outcomeText(page)).toBe('Verified');
    const { jobs } = (await (await fetch(`${sandbox.url}/_sandbox/jobs`)).json()) as {
      jobs: Array<{ provider: string }>;
    };
    expect(jobs.filter((job) => job.provider === 'faceverify')).toHaveLength(1);
    // faceverify checks the face only: no KTP was read, so every NIK check is open and "verified" needs
    // the reason staff type after checking the card themselves.
    await finish(page, { reason: 'KTP checked by hand at the counter; faceverify reads no card.' });
    await page.close();
  });
});
