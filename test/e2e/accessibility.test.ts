// axe-core (@axe-core/playwright) on every screen of both kinds of kiosk, in Chromium through the browser
// host: no serious or critical violation anywhere. Each screen is reached the way a person reaches it; the
// two that pass in a blink (waiting, failure) are held on screen by holding or answering a bridge call.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardThenFaceVideo } from '../fixtures/guidance-videos';
import { seriousViolations } from './axe';
import { launchChromium } from './browser';
import { editField } from './desk-page';
import { ID_CARD_STEP, OUTCOME_HEADING, SELFIE_STEP, signIn, STAFF_PASSWORD } from './kiosk-page';
import { addOperator, startHostProcess, startSandboxProcess, type RunningProcess } from './processes';
import { CUSTOMER_SELFIE_STEP, startAsCustomer } from './self-service-page';

const service = `loket-e2e-axe-${process.pid}`;
const keychain = { LOKET_KEYCHAIN_SERVICE: service };
let sandbox: RunningProcess;
let browser: Browser;
const hosts: RunningProcess[] = [];

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  browser = await launchChromium({ cameraVideo: await cardThenFaceVideo() });
});

afterAll(async () => {
  await browser?.close();
  for (const host of hosts) await host.stop();
  await sandbox?.stop();
});

async function startHost(settings: object, provider: string[], before?: (dir: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'loket-e2e-axe-'));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings));
  await before?.(dir);
  const host = await startHostProcess(dir, provider, keychain);
  hosts.push(host);
  return host;
}

/** axe analyses a page's frames from a page of its own, so each page gets a context of its own. */
async function newPage(from: Browser = browser): Promise<Page> {
  const context = await from.newContext();
  return context.newPage();
}
const closePage = (page: Page) => page.context().close();

const training = () => ['--provider', 'sandbox', '--provider-url', sandbox.url];

/** The screen as it stands has no serious or critical violation, and every control is a large target. */
async function accessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page, screen), screen).toEqual([]);
  expect(await smallTargets(page), `${screen}: controls under 48 px`).toEqual([]);
}

/** Visible buttons, inputs and links smaller than 48 × 48 CSS pixels (WCAG 2.5.5's target size, relaxed). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, textarea, select, a[href]')]
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width < 48 || box.height < 48;
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim()}"`),
  );
}

/** Text on a self-service screen smaller than 18 CSS pixels: too small to read at arm's length. */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) =>
        [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim()),
      )
      .filter((element) => Number.parseFloat(getComputedStyle(element).fontSize) < 18)
      .map(
        (element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
      ),
  );
}

/** A self-service screen: accessible, large targets, and readable at arm's length. */
async function readable(page: Page, screen: string): Promise<void> {
  await accessible(page, screen);
  expect(await smallText(page), `${screen}: text under 18 px`).toEqual([]);
}

/** Waits for a capture step's live camera, and then for the photo its guidance takes. */
async function throughCapture(
  page: Page,
  heading: string,
  screen: string,
  check: (page: Page, screen: string) => Promise<void> = accessible,
): Promise<void> {
  await page.getByRole('heading', { name: heading }).waitFor({ timeout: 30_000 });
  await page.locator('.guidance').first().waitFor({ timeout: 30_000 });
  await check(page, `${screen}: live camera`);
  await page.getByRole('heading', { name: 'Check the photo' }).waitFor({ timeout: 45_000 });
  await check(page, `${screen}: preview`);
  await page.getByRole('button', { name: 'Use photo', exact: true }).click();
}

describe('the assisted desk', () => {
  it('has no serious or critical violation on any screen', async () => {
    const host = await startHost({}, training(), (dir) =>
      addOperator(dir, 'Siti Rahma', STAFF_PASSWORD, { env: keychain }),
    );
    const page = await newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Masuk petugas' }).waitFor();
    await accessible(page, 'desk: sign-in');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Siti Rahma');
    await page.getByLabel('Password', { exact: true }).fill('not her password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong name or password.' }).waitFor({ timeout: 20_000 });
    await accessible(page, 'desk: sign-in refused');

    await page.getByLabel('Password', { exact: true }).fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Start verification', exact: true }).waitFor({ timeout: 20_000 });
    await accessible(page, 'desk: home');

    // A start main refuses: the failure screen.
    await page.route('**/bridge/verification.start', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'provider_unavailable', message: 'timed out' } }),
      }),
    );
    await page.getByRole('button', { name: 'Start verification', exact: true }).click();
    await page.getByRole('heading', { name: 'The verification could not be completed' }).waitFor();
    await accessible(page, 'desk: failure');
    await page.unroute('**/bridge/verification.start');
    await page.getByRole('button', { name: 'Try again', exact: true }).click();

    await throughCapture(page, ID_CARD_STEP, 'desk: ID card');
    // Hold the submission so the waiting screen stays until it has been checked.
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/bridge/verification.submit', async (route) => {
      await held;
      await route.continue();
    });
    await throughCapture(page, SELFIE_STEP, 'desk: selfie');
    await page.getByRole('heading', { name: 'Checking the identity…' }).waitFor();
    await accessible(page, 'desk: waiting');
    release?.();
    await page.getByRole('heading', { name: OUTCOME_HEADING }).waitFor({ timeout: 90_000 });
    await accessible(page, 'desk: result');

    await page.getByRole('button', { name: 'Review and confirm', exact: true }).click();
    await page.getByRole('img', { name: "This customer's ID card photo" }).waitFor({ timeout: 20_000 });
    await accessible(page, 'desk: review');
    const birthDate = await editField(page, 'birthDate');
    await accessible(page, 'desk: review, editing a field');
    await birthDate.fill('01-01-2001');
    await birthDate.press('Enter');
    await page.getByLabel('Reason', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Confirm as verified', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Type the reason' }).waitFor();
    await accessible(page, 'desk: review, flags open and a reason asked for');
    await page.getByRole('button', { name: 'Confirm as not verified', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /dikonfirmasi/ })
      .waitFor();
    await accessible(page, 'desk: home after a confirmation');
    await closePage(page);
  });

  it('has none on the camera problem screen', async () => {
    const host = await startHost({}, training());
    const noCamera = await launchChromium({});
    try {
      const page = await newPage(noCamera);
      await page.goto(host.url);
      await signIn(page, 'training');
      await page.getByRole('button', { name: 'Mulai verifikasi' }).click();
      await page.getByRole('heading', { name: 'Kamera tidak ditemukan' }).waitFor({ timeout: 20_000 });
      await accessible(page, 'desk: camera problem');
    } finally {
      await noCamera.close();
    }
  });

  it('has none on the first-run screen of a new real kiosk', async () => {
    const host = await startHost({}, [
      '--provider',
      'identifai',
      '--provider-url',
      `${sandbox.url}/identifai`,
    ]);
    const page = await newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Siapkan kios ini' }).waitFor();
    await accessible(page, 'desk: first run');
    await page.getByRole('button', { name: 'Buat administrator dan masuk' }).click();
    await page.getByRole('alert').waitFor();
    await accessible(page, 'desk: first run, refused');
    await closePage(page);
  });
});

describe('the self-service kiosk', () => {
  it('has no serious or critical violation on any screen', async () => {
    // A countdown long enough to be checked while it runs.
    const host = await startHost(
      { mode: 'self_service', selfService: { idleSeconds: 10, countdownSeconds: 20, resultSeconds: 60 } },
      training(),
    );
    const page = await newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sentuh untuk mulai' }).waitFor();
    await readable(page, 'self-service: attract');
    await startAsCustomer(page, host.url);
    await readable(page, 'self-service: consent');
    await page.getByRole('button', { name: 'I do not agree', exact: true }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await readable(page, 'self-service: declined');

    await page.getByRole('button', { name: 'Finish', exact: true }).click();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'Touch to start', exact: true }).click();
    await page.getByRole('button', { name: 'I agree', exact: true }).click();
    await throughCapture(page, ID_CARD_STEP, 'self-service: ID card', readable);
    await page.getByRole('heading', { name: CUSTOMER_SELFIE_STEP }).waitFor({ timeout: 30_000 });
    const countdown = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await countdown.waitFor({ timeout: 30_000 });
    await readable(page, 'self-service: idle countdown');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await countdown.waitFor({ state: 'hidden' });
    const heading = page.getByRole('heading', { name: /^(Photo of your face|Check the photo)$/ });
    await heading.waitFor();
    if ((await heading.textContent()) === CUSTOMER_SELFIE_STEP) {
      await page.getByRole('heading', { name: 'Check the photo' }).waitFor({ timeout: 45_000 });
    }
    await readable(page, 'self-service: selfie preview');
    await page.getByRole('button', { name: 'Use photo', exact: true }).click();
    await page.getByRole('heading', { name: /^Your identity is verified/ }).waitFor({ timeout: 90_000 });
    await readable(page, 'self-service: result');
    await closePage(page);
  });
});
