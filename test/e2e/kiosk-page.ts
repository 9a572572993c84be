// What a member of staff does on the kiosk's screens, as steps the end-to-end tests share. Steps wait on
// what the page shows (headings, enabled buttons), never on fixed sleeps.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const OUTCOME_HEADING = /^(Verified|Not verified|Needs review)( \(training\))?$/;

/** Who signs in at the desk: the sandbox's one-tap training sign-in, or a staff account. */
export type Staff = 'training' | { name: string; password: string };

/** A password for the e2e tests' staff accounts (10 characters at least, not the name). */
export const STAFF_PASSWORD = 'correct horse battery';

/**
 * Signs in on the sign-in screen, which opens in the kiosk's default language (Indonesian). The session is
 * the kiosk's, held in main: a page opened while someone is still signed in goes straight to Home.
 */
export async function signIn(page: Page, staff: Staff): Promise<void> {
  const home = page.getByRole('button', { name: 'Mulai verifikasi' });
  const signInHeading = page.getByRole('heading', { name: 'Masuk petugas' });
  await home.or(signInHeading).waitFor({ timeout: 30_000 });
  if (await home.isVisible()) return;
  if (staff === 'training') {
    await page.getByRole('button', { name: 'Masuk untuk pelatihan', exact: true }).click();
  } else {
    await page.getByLabel('Nama', { exact: true }).fill(staff.name);
    await page.getByLabel('Kata sandi', { exact: true }).fill(staff.password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Mulai verifikasi' }).waitFor({ timeout: 30_000 });
}

export async function startInEnglish(page: Page, url: string, staff: Staff = 'training'): Promise<void> {
  await page.goto(url);
  await signIn(page, staff);
  // Indonesian by default, English one tap away.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('status', { name: 'Sync status' }).waitFor();
  await page.getByRole('button', { name: 'Start verification', exact: true }).click();
}

/**
 * Waits on the capture step whose heading is given for the guidance to take the photo by itself (the fake
 * camera shows a good card or face), then uses it.
 */
export async function captureAuto(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { name: heading }).waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { name: 'Check the photo' }).waitFor({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Use photo', exact: true }).click();
}

/** Takes and uses one photo by hand ("Take photo") on the capture step whose heading is given. */
export async function capture(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { name: heading }).waitFor({ timeout: 30_000 });
  const take = page.getByRole('button', { name: 'Take photo', exact: true });
  // "Take photo" is enabled only once the camera has delivered a decoded frame.
  await take.waitFor({ state: 'visible' });
  await expect.poll(() => take.isEnabled(), { timeout: 20_000 }).toBe(true);
  await take.click();
  await page.getByRole('heading', { name: 'Check the photo' }).waitFor();
  await page.getByRole('button', { name: 'Use photo', exact: true }).click();
}

export const ID_CARD_STEP = 'Photo of the ID card';
export const SELFIE_STEP = "Photo of the customer's face";

export async function outcomeText(page: Page): Promise<string | null> {
  const outcome = page.getByRole('heading', { name: OUTCOME_HEADING });
  await outcome.waitFor({ timeout: 90_000 });
  return outcome.textContent();
}

/** From the result: opens the review of the record (the desk finishes every record there). */
export async function openReview(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review and confirm', exact: true }).click();
  await page.getByRole('heading', { name: 'Review the card' }).waitFor({ timeout: 30_000 });
}

/**
 * Finishes the customer at the desk: review, confirm as verified (with `reason` typed where the checks or
 * the provider ask for one), and back on Home, ready for the next customer.
 */
export async function finish(page: Page, { reason }: { reason?: string } = {}): Promise<void> {
  await openReview(page);
  if (reason !== undefined) await page.getByLabel('Reason', { exact: true }).fill(reason);
  await page.getByRole('button', { name: 'Confirm as verified', exact: true }).click();
  await page.getByRole('button', { name: 'Mulai verifikasi' }).waitFor({ timeout: 30_000 });
}
