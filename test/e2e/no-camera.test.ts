// A kiosk with no camera attached: the person sees what is wrong and a way forward, not a blank screen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { signIn } from './kiosk-page';
import { startHostProcess, type RunningProcess } from './processes';

let host: RunningProcess;
let browser: Browser;

beforeAll(async () => {
  host = await startHostProcess(mkdtempSync(join(tmpdir(), 'loket-e2e-nocam-')));
  browser = await launchChromium({});
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('no camera', () => {
  it('explains the problem and offers a way back', async () => {
    const page = await browser.newPage();
    await page.goto(host.url);
    await signIn(page, 'training');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'Start verification', exact: true }).click();
    await page.getByRole('heading', { name: 'No camera found' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Try again', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Back to home', exact: true }).click();
    // Leaving a session returns the kiosk to its default language, ready for the next customer.
    await page.getByRole('button', { name: /^(Start verification|Mulai verifikasi)$/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'No camera found' }).count()).toBe(0);
    await page.close();
  });
});
