// Main's capture check end to end in Chromium: a photo taken by hand of the room (no card, no face) is
// refused by main before any provider sees it; at a desk, staff may still confirm an ID photo whose card
// main could not find. The person is told why, in words, on that photo's own step,
// and the sandbox has no job for the record. The browser's camera shows only the room; where a test needs a
// good ID photo first, the page's request carries the fixture card's crop instead, as the Worker would send.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRoomVideo } from '../fixtures/guidance-videos';
import { ktpCard } from '../fixtures/images';
import { seriousViolations } from './axe';
import { launchChromium } from './browser';
import { capture, ID_CARD_STEP, signIn, startInEnglish } from './kiosk-page';
import { startHostProcess, startSandboxProcess, type RunningProcess } from './processes';
import { startAsCustomer } from './self-service-page';

let sandbox: RunningProcess;
let host: RunningProcess;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-precheck-'));
  host = await startHostProcess(dataDir, ['--provider', 'sandbox', '--provider-url', sandbox.url]);
  browser = await launchChromium({ cameraVideo: await emptyRoomVideo() });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await sandbox?.stop();
});

/** The record the page is working on, read from its own addImage requests. */
function recordIdOf(page: Page): () => string | null {
  let recordId: string | null = null;
  page.on('request', (request) => {
    if (!request.url().endsWith('/bridge/verification.addImage')) return;
    recordId = (request.postDataJSON() as { recordId: string }).recordId;
  });
  return () => recordId;
}

/** The page's ID photo replaced by the fixture card's crop: a photo main accepts. */
async function goodCardInstead(page: Page): Promise<void> {
  const card = (await ktpCard('A')).toString('base64');
  await page.route('**/bridge/verification.addImage', async (route) => {
    const body = route.request().postDataJSON() as { kind: string };
    if (body.kind !== 'id_card') return route.continue();
    await route.continue({ postData: JSON.stringify({ ...body, imageBase64: card, cardCrop: true }) });
  });
}

async function jobsFor(recordId: string): Promise<unknown[]> {
  const answer = (await (await fetch(`${sandbox.url}/_sandbox/jobs`)).json()) as {
    jobs: Array<{ client_ref: string | null }>;
  };
  return answer.jobs.filter((job) => job.client_ref === recordId);
}

async function alertText(page: Page): Promise<string | null> {
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 30_000 });
  return alert.textContent();
}

describe("main's check before any paid call", () => {
  it('refuses a photo of the room as the ID card: says why on the card step, and no job is made', async () => {
    // axe needs a page of a context of its own.
    const context = await browser.newContext();
    const page = await context.newPage();
    const recordId = recordIdOf(page);
    await startInEnglish(page, host.url);
    // At a staffed desk "Take photo" is always there, even while the guidance says there is no card.
    await capture(page, ID_CARD_STEP);
    expect(await alertText(page)).toBe(
      'The ID card cannot be seen in the photo. Hold the whole card up to the camera.',
    );
    expect(await page.getByRole('heading', { name: ID_CARD_STEP }).isVisible()).toBe(true);
    const id = recordId();
    expect(id).toMatch(/^[A-Z0-9]{6,}$/);
    expect(await jobsFor(id ?? '')).toEqual([]);
    // The member of staff can see what the detector could not (here, wrongly: there is no card) and may use
    // the photo as it is; the selfie step follows, and still nothing has gone to the provider.
    await page
      .getByRole('img', { name: 'The refused photo: the kiosk could not find the card in it' })
      .waitFor();
    expect(await seriousViolations(page, 'desk-card-not-found')).toEqual([]);
    await page.getByRole('button', { name: 'The card is in the photo: use it', exact: true }).click();
    await page.getByRole('heading', { name: "Photo of the customer's face" }).waitFor({ timeout: 30_000 });
    expect(await jobsFor(id ?? '')).toEqual([]);
    await context.close();
  });

  it('refuses a selfie with no face after a good card: back to the selfie step, in Indonesian', async () => {
    const page = await browser.newPage();
    const recordId = recordIdOf(page);
    await goodCardInstead(page);
    await page.goto(host.url);
    await signIn(page, 'training');
    await page.getByRole('button', { name: 'Mulai verifikasi' }).click();
    for (const step of ['Foto KTP', 'Foto wajah nasabah']) {
      await page.getByRole('heading', { name: step }).waitFor({ timeout: 30_000 });
      const take = page.getByRole('button', { name: 'Ambil foto', exact: true });
      await expect.poll(() => take.isEnabled(), { timeout: 20_000 }).toBe(true);
      await take.click();
      await page.getByRole('button', { name: 'Gunakan foto', exact: true }).click();
    }
    expect(await alertText(page)).toBe('Wajah tidak terlihat. Tatap lurus ke kamera.');
    // A selfie's refusal is never for staff to overrule.
    expect(await page.getByRole('button', { name: 'KTP ada di foto: pakai foto ini' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Foto wajah nasabah' }).isVisible()).toBe(true);
    const id = recordId();
    expect(id).toMatch(/^[A-Z0-9]{6,}$/);
    expect(await jobsFor(id ?? '')).toEqual([]);
    await page.close();
  });

  it('on a self-service kiosk, offers no way round it: the customer is told to ask the staff', async () => {
    const lobby = mkdtempSync(join(tmpdir(), 'loket-e2e-precheck-lobby-'));
    writeFileSync(
      join(lobby, 'settings.json'),
      JSON.stringify({ mode: 'self_service', capture: { manualCaptureAfterSeconds: 0 } }),
    );
    const kiosk = await startHostProcess(lobby, ['--provider', 'sandbox', '--provider-url', sandbox.url]);
    try {
      const page = await browser.newPage();
      const recordId = recordIdOf(page);
      await startAsCustomer(page, kiosk.url);
      await page.getByRole('button', { name: 'I agree', exact: true }).click();
      await capture(page, ID_CARD_STEP);
      expect(await alertText(page)).toBe(
        'The ID card cannot be seen in the photo. Hold the whole card up to the camera.',
      );
      await page
        .getByText('If the kiosk still cannot find your KTP, please ask a member of staff at the counter.')
        .waitFor();
      expect(await page.getByRole('button', { name: 'The card is in the photo: use it' }).count()).toBe(0);
      expect(await jobsFor(recordId() ?? '')).toEqual([]);
      await page.close();
    } finally {
      await kiosk.stop();
    }
  });
});
