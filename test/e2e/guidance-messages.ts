// Records, in the page, every guidance message shown over the camera, in order, so a test can check the
// story the fake camera told ("move closer", then "hold still", then the photo) without polling races.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __guidanceMessages?: string[];
  }
}

export async function recordGuidance(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    window.__guidanceMessages = seen;
    const note = () => {
      const text = document.querySelector('.guidance-message')?.textContent ?? null;
      if (text !== null && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

export async function guidanceSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__guidanceMessages ?? []);
}

/** True when `expected` appear in `seen` in this order (others may come between them). */
export function inOrder(seen: readonly string[], expected: readonly string[]): boolean {
  let at = 0;
  for (const message of seen) if (message === expected[at]) at += 1;
  return at === expected.length;
}
