// What a member of staff does on the kiosk's screens, as steps the end-to-end tests share. Steps wait on
// what the page shows (headings, enabled buttons), never on fixed sleeps.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const OUTCOME_HEADING = /^(Verified|Not verified|Needs review)( \(training\))?$/;

export async function startInEnglish(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // Indonesian by default, English one tap away.
  await page.getByRole('button', { name: 'Mulai verifikasi' }).waitFor();
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

export async function finish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.getByRole('button', { name: 'Mulai verifikasi' }).waitFor();
}
