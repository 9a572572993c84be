// What a customer does at the unattended kiosk, as steps the end-to-end tests share.
import type { Page } from 'playwright-core';

export const ATTRACT_ID = 'Selamat datang';
export const CONSENT_TITLE = 'Consent to processing your personal data';
export const CUSTOMER_SELFIE_STEP = 'Photo of your face';

/** Attract (in the kiosk's default language) → English → touch to start → the consent. */
export async function startAsCustomer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: ATTRACT_ID }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.getByRole('button', { name: 'Touch to start', exact: true }).click();
  await page.getByRole('heading', { name: CONSENT_TITLE }).waitFor({ timeout: 30_000 });
}

/** Back on attract, in the kiosk's default language: the last customer is gone. */
export async function backOnAttract(page: Page, timeout = 30_000): Promise<void> {
  await page.getByRole('heading', { name: ATTRACT_ID }).waitFor({ timeout });
}
