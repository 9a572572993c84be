// The desk's review and keyboard steps the end-to-end tests share.
import type { Locator, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en';
import type { OcrFieldName } from '../../common/review';

/** The row of one KTP field on the review screen. */
export function fieldRow(page: Page, field: OcrFieldName): Locator {
  return page.locator('.review-row').filter({ has: page.getByText(en.ocr[field], { exact: true }) });
}

/** Opens a field's editor and returns its input (the field's label names it). */
export async function editField(page: Page, field: OcrFieldName): Promise<Locator> {
  await page.getByRole('button', { name: `Edit ${en.ocr[field]}`, exact: true }).click();
  const input = page.getByRole('textbox', { name: en.ocr[field], exact: true });
  await input.waitFor();
  return input;
}

/** What has the keyboard focus: its accessible name as far as the page can tell, and its role. */
export async function focused(page: Page): Promise<{ name: string; tag: string; outline: number }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element === null) return { name: '', tag: '', outline: 0 };
    const labels =
      element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? element.labels : null;
    const label = element.getAttribute('aria-label') ?? labels?.[0]?.textContent ?? element.textContent;
    return {
      name: (label ?? '').trim(),
      tag: element.tagName.toLowerCase(),
      outline: Number.parseFloat(getComputedStyle(element).outlineWidth) || 0,
    };
  });
}

/**
 * Presses Tab until the focus is on the control named `name` (at most `limit` presses, so a control that
 * cannot be reached by keyboard fails the test), and checks the focus can be seen there.
 */
export async function tabTo(page: Page, name: string, limit = 40): Promise<void> {
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.name === name) {
      if (now.outline < 2) throw new Error(`"${name}" has the focus but no visible focus ring`);
      return;
    }
  }
  throw new Error(`"${name}" was not reached with ${limit} presses of Tab`);
}
