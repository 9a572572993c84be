// The assisted desk in Chromium through the browser host: staff sign in (an account made with npm run
// operators), verify a customer, review what was read beside the card photo, correct a field and confirm;
// a birth date that the NIK contradicts is flagged in words and needs a typed reason; five wrong passwords
// lock the account and the screen says until when; an idle operator is signed out and told why; a new real
// kiosk creates its first admin on screen; and the whole flow works with Tab and Enter alone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNik } from '../../common/nik-checks';
import { en } from '../../renderer/i18n/en';
import { cardThenFaceVideo } from '../fixtures/guidance-videos';
import { launchChromium } from './browser';
import { editField, fieldRow, focused, tabTo } from './desk-page';
import {
  captureAuto,
  ID_CARD_STEP,
  openReview,
  outcomeText,
  SELFIE_STEP,
  signIn,
  STAFF_PASSWORD,
  startInEnglish,
  type Staff,
} from './kiosk-page';
import { addOperator, startHostProcess, startSandboxProcess, type RunningProcess } from './processes';
import { readRecords, readStored } from './stored';

const service = `loket-e2e-desk-${process.pid}`;
const keychain = { LOKET_KEYCHAIN_SERVICE: service };
const siti: Staff = { name: 'Siti Rahma', password: STAFF_PASSWORD };
const budi = { name: 'Budi Santoso', password: STAFF_PASSWORD };
let sandbox: RunningProcess;
let host: RunningProcess;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-desk-'));
  await addOperator(dataDir, siti.name, siti.password, { env: keychain });
  await addOperator(dataDir, budi.name, budi.password, { env: keychain });
  host = await startHostProcess(dataDir, ['--provider', 'sandbox', '--provider-url', sandbox.url], keychain);
  browser = await launchChromium({ cameraVideo: await cardThenFaceVideo() });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await sandbox?.stop();
});

/** Signs in and takes one customer to the review of their decided record. */
async function reviewACustomer(page: Page, staff: Staff): Promise<void> {
  await startInEnglish(page, host.url, staff);
  await captureAuto(page, ID_CARD_STEP);
  await captureAuto(page, SELFIE_STEP);
  expect(await outcomeText(page)).toBe('Verified (training)');
  await openReview(page);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Sign out|Keluar)$/ }).click();
  await page.getByRole('heading', { name: /^(Staff sign-in|Masuk petugas)$/ }).waitFor();
}

// Home says which record was just confirmed, in the kiosk's default language: the next customer's.
const CONFIRMED = /^Data [0-9A-Z]{4}-[0-9A-Z]{4} telah dikonfirmasi: Terverifikasi\.$/;

describe('a member of staff at the desk', () => {
  it('signs in, verifies, reviews the card, corrects a field, and confirms', async () => {
    const page = await browser.newPage();
    await reviewACustomer(page, siti);
    // The operator is named in the top bar, the card photo is beside the fields.
    await page.getByText('Staff: Siti Rahma (operator)', { exact: true }).waitFor();
    const photo = page.getByRole('img', { name: "This customer's ID card photo" });
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.getByText('All checks clear: the NIK agrees with the card.').waitFor();
    // The NIK shows masked until staff ask for it.
    expect(await fieldRow(page, 'nik').textContent()).toMatch(/\d{4}\*{10}\d{2}/);

    const name = await editField(page, 'name');
    const read = await name.inputValue();
    expect(read).not.toBe('');
    await name.fill(`${read} PUTRI`);
    await name.press('Enter');
    await fieldRow(page, 'name').getByText(`Read as: ${read}`, { exact: true }).waitFor();
    expect(await fieldRow(page, 'name').textContent()).toContain(`${read} PUTRI`);

    // Escape leaves an edit without changing anything.
    const place = await editField(page, 'birthPlace');
    const before = await place.inputValue();
    await place.fill('SOMEWHERE ELSE');
    await place.press('Escape');
    expect(await fieldRow(page, 'birthPlace').textContent()).toContain(before);

    // All clear and the provider said verified: no reason is asked for.
    expect(await page.getByLabel('Reason', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Confirm as verified', exact: true }).click();
    await page.getByRole('status').filter({ hasText: CONFIRMED }).waitFor();

    // The record names who served the customer and who confirmed it; the provider's reading is kept.
    const records = await readRecords(dataDir, service);
    const record = records.find((stored) => stored.confirmedAt !== null);
    expect(record).toMatchObject({ confirmedDecision: 'verified', confirmReason: null });
    expect(record?.operator).toMatch(/^[0-9A-Z]{26}$/);
    expect(record?.confirmedBy).toBe(record?.operator);
    expect(record?.ocr?.name).toBe(read);
    const { audit } = await readStored(dataDir, service);
    expect(audit).toEqual(expect.arrayContaining(['photo_viewed', 'field_corrected', 'review_confirmed']));
    await page.close();
  });

  it('sees a birth date the NIK contradicts flagged in words, and must type why it is verified anyway', async () => {
    const page = await browser.newPage();
    await reviewACustomer(page, siti);
    const birthDate = await editField(page, 'birthDate');
    const read = await birthDate.inputValue();
    // The same year and month, another day: the card and its NIK no longer agree.
    const [day, month, year] = read.split('-');
    const other = `${day === '01' ? '02' : '01'}-${month}-${year}`;
    await birthDate.fill(other);
    await birthDate.press('Enter');
    await page.getByText(en.nikFlags.birth_date_mismatch, { exact: true }).waitFor();
    // The reason box is there from the start now; main refuses "verified" without a reason.
    const reason = page.getByLabel('Reason', { exact: true });
    await reason.waitFor();
    await page.getByRole('button', { name: 'Confirm as verified', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: en.errors.reason_required }).waitFor();
    expect((await focused(page)).tag).toBe('textarea');
    await reason.fill('Date of birth checked on the card itself; the OCR misread it.');
    await page.getByRole('button', { name: 'Confirm as verified', exact: true }).click();
    await page.getByRole('status').filter({ hasText: CONFIRMED }).waitFor();

    const confirmed = (await readRecords(dataDir, service)).find((stored) =>
      stored.nikFlags?.includes('birth_date_mismatch'),
    );
    expect(confirmed).toMatchObject({
      confirmedDecision: 'verified',
      confirmReason: 'Date of birth checked on the card itself; the OCR misread it.',
    });
    // The flag is the rule's own answer for what the card now says.
    const fields = { ...confirmed?.ocr, birthDate: other };
    expect(checkNik(fields, { year: 2026, month: 1, day: 1 })).toContain('birth_date_mismatch');
    await signOut(page);
    await page.close();
  });
});

describe('signing in', () => {
  it('locks an account after five wrong passwords and says until when, whatever is typed next', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Masuk petugas' }).waitFor();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const button = page.getByRole('button', { name: /^(Sign in|Checking…)$/ });
    const attempt = async (password: string) => {
      await page.getByLabel('Name', { exact: true }).fill(budi.name);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await Promise.all([
        page.waitForResponse((response) => response.url().endsWith('/bridge/session.signIn')),
        button.click(),
      ]);
      // The answer is on screen once the button stops saying "Checking…".
      await expect.poll(() => button.textContent(), { timeout: 20_000 }).toBe('Sign in');
      return (await page.getByRole('alert').textContent()) ?? '';
    };
    const started = Date.now();
    for (let i = 1; i <= 4; i += 1)
      expect(await attempt(`wrong password ${i}`)).toBe('Wrong name or password.');
    const locked = await attempt('wrong password 5');
    const match = /^This account is locked until (\d{2}):(\d{2})\./.exec(locked);
    expect(match, locked).not.toBeNull();
    // 15 minutes (accounts.lockoutMinutes) from now, in the kiosk's local time.
    const until = new Date(started + 15 * 60_000);
    const shown = Number(match?.[1]) * 60 + Number(match?.[2]);
    const expected = until.getHours() * 60 + until.getMinutes();
    expect(Math.abs(shown - expected) % (24 * 60)).toBeLessThanOrEqual(1);
    // The right password meets the same answer while locked.
    expect(await attempt(budi.password)).toBe(locked);
    await page.close();
  });
});

describe('an operator who leaves the desk', () => {
  let idleHost: RunningProcess;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-e2e-desk-idle-'));
    // 0.1 minutes: six seconds without a touch or a key.
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ accounts: { idleSignOutMinutes: 0.1 } }));
    idleHost = await startHostProcess(
      dir,
      ['--provider', 'sandbox', '--provider-url', sandbox.url],
      keychain,
    );
  });
  afterAll(async () => {
    await idleHost?.stop();
  });

  it('is signed out after the idle minutes, and the sign-in screen says why', async () => {
    const page = await browser.newPage();
    await page.goto(idleHost.url);
    await signIn(page, 'training');
    await page.getByText('Petugas: Pelatihan (tanpa akun)', { exact: true }).waitFor();
    await page
      .getByText('Anda dikeluarkan otomatis setelah 0,1 menit tanpa aktivitas.', { exact: true })
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Mulai verifikasi' }).count()).toBe(0);
    await page.close();
  });
});

describe('a new kiosk with a real provider and no account', () => {
  let firstHost: RunningProcess;
  let firstDir: string;
  beforeAll(async () => {
    firstDir = mkdtempSync(join(tmpdir(), 'loket-e2e-desk-first-'));
    firstHost = await startHostProcess(
      firstDir,
      ['--provider', 'identifai', '--provider-url', `${sandbox.url}/identifai`],
      keychain,
    );
  });
  afterAll(async () => {
    await firstHost?.stop();
  });

  it('creates the first admin on screen (or names the command), then asks everyone to sign in', async () => {
    const page = await browser.newPage();
    await page.goto(firstHost.url);
    await page.getByRole('heading', { name: 'Siapkan kios ini' }).waitFor();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await page.locator('.command').textContent()).toBe(
      `npm run operators -- add NAME --role admin --data ${firstDir}`,
    );
    // No training door on a real kiosk.
    expect(await page.getByRole('button', { name: 'Sign in for training' }).count()).toBe(0);
    await page.getByLabel("Administrator's name", { exact: true }).fill('Ani Wijaya');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'at least 10 characters' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByLabel('Repeat the password', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Create the administrator and sign in' }).click();
    await page.getByText('Staff: Ani Wijaya (administrator)', { exact: true }).waitFor({ timeout: 30_000 });
    await signOut(page);
    // From now on it is the ordinary sign-in, and the new admin's password opens it.
    expect(await page.getByRole('heading', { name: 'Siapkan kios ini' }).count()).toBe(0);
    // (Signing out ends the session: the screen is back in the kiosk's default language.)
    await signIn(page, { name: 'ani wijaya', password: STAFF_PASSWORD });
    await page.getByText('Petugas: Ani Wijaya (administrator)', { exact: true }).waitFor();
    await page.close();
  });
});

describe('the desk by keyboard alone', () => {
  it('signs in, verifies, reviews, corrects and confirms with Tab, Enter and typing', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Masuk petugas' }).waitFor();
    await tabTo(page, 'English');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await tabTo(page, 'Name');
    await page.keyboard.type(siti.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(siti.password);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Start verification' }).waitFor({ timeout: 30_000 });

    // The heading of each new screen has the focus: Tab goes on from there.
    await tabTo(page, 'Start verification');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: ID_CARD_STEP }).waitFor({ timeout: 30_000 });
    for (const step of [ID_CARD_STEP, SELFIE_STEP]) {
      await page.getByRole('heading', { name: step }).waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { name: 'Check the photo' }).waitFor({ timeout: 45_000 });
      await tabTo(page, 'Use photo');
      await page.keyboard.press('Enter');
    }
    await outcomeText(page);
    await tabTo(page, 'Review and confirm');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Review the card' }).waitFor();

    await tabTo(page, `Edit ${en.ocr.occupation}`);
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('GURU');
    await page.keyboard.press('Enter');
    await fieldRow(page, 'occupation')
      .getByText(/^Read as: /)
      .waitFor();
    // Focus came back to the field's Edit button.
    expect((await focused(page)).name).toBe(`Edit ${en.ocr.occupation}`);

    await tabTo(page, 'Confirm as verified');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: CONFIRMED }).waitFor();
    await signOut(page);
    await page.close();
  });
});
