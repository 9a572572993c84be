// The unattended kiosk in Chromium through the browser host, with short timings in its settings.json: the
// consent comes first and declining it stores nothing; a customer who walks away is forgotten (the idle
// countdown, then no photo left in the database); the result shows the outcome and a reference code, and
// nothing personal: no 16-digit number, no name, no address.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIK_IN_TEXT } from '../../common/nik';
import { referenceCode } from '../../common/reference-code';
import { cardThenFaceVideo } from '../fixtures/guidance-videos';
import { launchChromium } from './browser';
import { captureAuto, ID_CARD_STEP } from './kiosk-page';
import { startHostProcess, startSandboxProcess, type RunningProcess } from './processes';
import { backOnAttract, CUSTOMER_SELFIE_STEP, startAsCustomer } from './self-service-page';
import { readRecords, readStored } from './stored';

const service = `loket-e2e-self-service-${process.pid}`;
// The shortest timings the settings allow: the countdown shows after 10 s, wipes 3 s later.
const TIMINGS = { idleSeconds: 10, countdownSeconds: 3, resultSeconds: 4 };
let sandbox: RunningProcess;
let host: RunningProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-self-service-'));
  writeFileSync(
    join(dataDir, 'settings.json'),
    JSON.stringify({ mode: 'self_service', kioskId: 'LOBBY-E2E', selfService: TIMINGS }),
  );
  host = await startHostProcess(dataDir, ['--provider', 'sandbox', '--provider-url', sandbox.url], {
    LOKET_KEYCHAIN_SERVICE: service,
  });
  browser = await launchChromium({ cameraVideo: await cardThenFaceVideo() });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await sandbox?.stop();
});

const stored = () => readStored(dataDir, service);
const bodyText = async (page: Page) => (await page.textContent('body')) ?? '';

describe('the consent', () => {
  it('says what is collected, for how long and by whom; declining it leaves no record', async () => {
    const page = await browser.newPage();
    const before = await stored();
    await startAsCustomer(page, host.url);
    const consent = await bodyText(page);
    expect(consent).toContain('Loket training sandbox'); // the configured provider processes it
    expect(consent).toContain('30 days'); // retention.imageDays
    expect(consent).toContain('365 days'); // retention.recordDays
    expect(consent).toMatch(/deleted/);

    await page.getByRole('button', { name: 'I do not agree', exact: true }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    expect(await bodyText(page)).toContain('nothing about you has been stored');
    const after = await stored();
    expect(after.records).toBe(before.records);
    expect(after.images).toBe(before.images);
    // Only that a consent was declined is noted, with no record.
    expect(after.audit.slice(before.audit.length)).toEqual(['consent_declined']);
    // Back to the start by itself, in the kiosk's default language.
    await backOnAttract(page, TIMINGS.resultSeconds * 1000 + 10_000);
    await page.close();
  });
});

describe('a customer who walks away', () => {
  it('is asked whether they are still there, can carry on, and is forgotten when the countdown runs out', async () => {
    const page = await browser.newPage();
    await startAsCustomer(page, host.url);
    await page.getByRole('button', { name: 'I agree', exact: true }).click();
    await captureAuto(page, ID_CARD_STEP);
    await page.getByRole('heading', { name: CUSTOMER_SELFIE_STEP }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await stored()).images, { timeout: 10_000 }).toBeGreaterThan(0);

    // No touch for idleSeconds: the countdown. A touch cancels it, and the customer carries on.
    const countdown = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await countdown.waitFor({ timeout: TIMINGS.idleSeconds * 1000 + 10_000 });
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await countdown.waitFor({ state: 'hidden' });
    expect(await page.getByRole('heading', { name: 'Welcome' }).count()).toBe(0);

    // Walked away for good: the countdown comes back, runs out, and the session is wiped.
    await countdown.waitFor({ timeout: TIMINGS.idleSeconds * 1000 + 10_000 });
    await backOnAttract(page, TIMINGS.countdownSeconds * 1000 + 10_000);
    const after = await stored();
    expect(after.images).toBe(0);
    expect(after.records).toBe(0);
    await page.close();
  });
});

describe('the self-service result', () => {
  it('shows the outcome in words and a reference code, and no NIK, name or address', async () => {
    const page = await browser.newPage();
    await startAsCustomer(page, host.url);
    await page.getByRole('button', { name: 'I agree', exact: true }).click();
    await captureAuto(page, ID_CARD_STEP);
    await captureAuto(page, CUSTOMER_SELFIE_STEP);
    const outcome = page.getByRole('heading', { name: /^Your identity is verified \(training\)$/ });
    await outcome.waitFor({ timeout: 90_000 });

    const record = (await readRecords(dataDir, service)).find((stored) => stored.status === 'decided');
    expect(record).toBeDefined();
    if (record === undefined) return;
    // The record kept what was read and the consent it was made under; the screen shows none of it.
    expect(record).toMatchObject({ mode: 'self_service', operator: 'self_service', status: 'decided' });
    expect(record).toMatchObject({ consentVersion: '1', consentLanguage: 'en' });
    expect(record.consentAt).not.toBeNull();
    const read = record.ocr ?? {};
    expect(read.nik).toMatch(/^\d{16}$/);
    const shown = await bodyText(page);
    expect(shown.match(NIK_IN_TEXT)).toBeNull();
    for (const personal of [read.name, read.address, read.birthDate, read.birthPlace]) {
      expect(personal).toBeTruthy();
      expect(shown).not.toContain(personal);
    }
    expect(shown).not.toMatch(/Liveness|Similarity|%/);
    expect(await page.getByText(referenceCode(record.id), { exact: true }).count()).toBe(1);

    // Back to the start by itself after resultSeconds.
    await page.getByText(/Back to the start in \d+ seconds\./).waitFor();
    await backOnAttract(page, TIMINGS.resultSeconds * 1000 + 10_000);
    await page.close();
  });
});
