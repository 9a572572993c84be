// The supervisor's console end to end in Chromium, through the browser host: real verifications against the
// sandbox (a training kiosk first, then the same kiosk on the IdentifAI client with the sandbox's test keys),
// a supervisor and an operator made with `npm run operators`, the kiosk signed in through its own bridge;
// then the day view (counts, training apart), the review queue (a record flagged by a desk correction)
// approved with a reason, reveal, a photo, the records list and search, a masked CSV download read back
// with csv-parse, the audit state, and the audit log read back with `npm run audit`. axe checks each screen;
// the CSP must never fire. And a self-service kiosk, where the console opens from the staff entry only, for a
// supervisor only.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceCode } from '../../common/reference-code';
import { SANDBOX_IDENTIFAI } from '../../main/sandbox/credentials';
import { launchChromium } from './browser';
import { hostBridge, verifyCustomer, type HostBridge } from './console-bridge';
import {
  addOperator,
  deleteKeys,
  runProgram,
  startHostProcess,
  startSandboxProcess,
  storeKeys,
  type RunningProcess,
} from './processes';

const service = `loket-e2e-console-${process.pid}`;
const env = { LOKET_KEYCHAIN_SERVICE: service };
const PASSWORD = 'kata-sandi-kepala-cabang';
const NIK = /(?<!\d)\d{16}(?!\d)/;

let sandbox: RunningProcess;
let host: RunningProcess;
let browser: Browser;
let dataDir: string;
let bridge: HostBridge;
let flagged: string;

const addStaff = (name: string, role: 'operator' | 'supervisor', data = dataDir) =>
  addOperator(data, name, PASSWORD, { role, env });

beforeAll(async () => {
  sandbox = await startSandboxProcess();
  await storeKeys(service, 'identifai', SANDBOX_IDENTIFAI);
  dataDir = mkdtempSync(join(tmpdir(), 'loket-e2e-console-'));
  // A training customer first, on the training kiosk.
  const training = await startHostProcess(
    dataDir,
    ['--provider', 'sandbox', '--provider-url', sandbox.url],
    env,
  );
  // The desk needs a sign-in before it verifies anyone: here the training one.
  const trainingDesk = hostBridge(training.url);
  await trainingDesk.call('session.signInTraining', {});
  expect(await verifyCustomer(trainingDesk)).toMatchObject({ training: true, status: 'decided' });
  await training.stop();
  // Then the real client: IdentifAI's protocol, against the sandbox's stand-in.
  host = await startHostProcess(
    dataDir,
    ['--provider', 'identifai', '--provider-url', `${sandbox.url}/identifai`],
    env,
  );
  bridge = hostBridge(host.url);
  await addStaff('Budi Santoso', 'supervisor');
  await addStaff('Siti Rahma', 'operator');
  // The operator serves the day's customers at the desk.
  await bridge.call('session.signIn', { name: 'Siti Rahma', password: PASSWORD });
  const verified = await verifyCustomer(bridge);
  expect(verified).toMatchObject({ training: false, outcome: { decision: 'verified' } });
  expect(await verifyCustomer(bridge)).toMatchObject({ outcome: { decision: 'verified' } });
  expect(await verifyCustomer(bridge, 'other')).toMatchObject({ outcome: { decision: 'not_verified' } });
  // At the desk, the operator corrects the birth date read: the NIK no longer agrees with it.
  flagged = String(verified.id);
  const review = await bridge.call('review.correct', {
    recordId: flagged,
    field: 'birthDate',
    value: '02-07-1980',
  });
  expect(review.flags).toContain('birth_date_mismatch');
  await bridge.call('session.signIn', { name: 'Budi Santoso', password: PASSWORD });
  browser = await launchChromium({});
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await sandbox?.stop();
  await deleteKeys(service, 'identifai');
});

/** Every rule axe has for the page's console (the customer's screens have their own test). */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

async function openSection(page: Page, name: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Console sections' })
    .getByRole('button', { name, exact: true })
    .click();
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
}

describe('the supervisor console in the browser host', () => {
  it('shows the day, decides the review queue, reveals, shows a photo, exports masked, and is audited', async () => {
    // axe needs a page of a context of its own (it opens a blank page beside it for frames).
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(
          `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
        ),
      );
    });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'English', exact: true }).click();

    // The console is the signed-in supervisor's: its button is in the top bar, the customer's screen below.
    await page.getByRole('button', { name: 'Console', exact: true }).click();
    await page.getByRole('heading', { name: 'Supervisor console', level: 1 }).waitFor();
    expect(await page.getByText('Budi Santoso, Supervisor').isVisible()).toBe(true);

    // The day: three real verifications; the training one left out, and shown apart when asked for.
    const tiles = page.locator('.console-tiles').first();
    await expect.poll(() => tiles.getByRole('definition').first().textContent()).toBe('3');
    expect(await tiles.textContent()).toMatch(/Verifications3Verified2Not verified1Needs review0/);
    expect(await tiles.textContent()).toContain('Waiting for a supervisor1');
    await page.getByText('1 training records are not counted here.').waitFor();
    const chart = page.getByRole('img', { name: /^Bar chart: 3 verifications by hour on / });
    expect((await chart.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    await expectAccessible(page);
    await page.getByRole('checkbox', { name: 'Show training records' }).check();
    const trainingSection = page.getByRole('region', { name: /Training records \(the sandbox/ });
    await trainingSection.waitFor();
    expect(await trainingSection.textContent()).toContain('Verifications1');
    expect(await tiles.textContent()).toMatch(/^Verifications3/);

    // The review queue: the record the desk correction flagged.
    await openSection(page, 'Review queue', 'Review queue');
    const code = referenceCode(flagged);
    const row = page.getByRole('row', { name: new RegExp(code) });
    expect(await row.textContent()).toContain('NIK checks are open');
    await expectAccessible(page);
    await row.getByRole('button', { name: `Open ${code}` }).click();
    await page.getByRole('heading', { name: `Record ${code}` }).waitFor();
    expect(await page.textContent('main')).not.toMatch(NIK);
    expect(await page.getByText('The birth date does not match the NIK').isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'Approve' }).check();
    await page
      .getByRole('textbox', { name: 'Reason (required)' })
      .fill('Birth date checked on the original KTP');
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await page.getByText('Decision saved: Approved.').waitFor();
    // Stored beside the provider's decision: the record no longer waits, and says who approved it.
    await expect.poll(() => page.getByRole('heading', { name: "Supervisor's decision" }).count()).toBe(0);
    expect(
      await page
        .getByRole('definition')
        .filter({ hasText: /^Approved \(Budi Santoso, / })
        .count(),
    ).toBe(1);

    // Reveal (audited): the fields in full, the NIK among them.
    await page.getByRole('button', { name: 'Reveal the KTP fields' }).click();
    await page.getByText('The KTP fields are shown. This has been recorded.').waitFor();
    expect(await page.textContent('main')).toMatch(NIK);
    // A photo, on request (audited).
    await page.getByRole('button', { name: 'Show the ID card photo' }).click();
    const photo = page.getByRole('img', { name: `ID card photo of record ${code}` });
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await expectAccessible(page);

    // Records: the day's list, search by reference code, and a partial NIK refused before it is sent.
    await openSection(page, 'Records', 'Records');
    await page.getByText('Page 1 of 1 (3 records)').waitFor();
    await page.getByRole('checkbox', { name: 'Show training records' }).check();
    await page.getByText('Page 1 of 1 (4 records)').waitFor();
    await expectAccessible(page);
    await page.getByRole('searchbox', { name: 'Reference code or full NIK' }).fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { name: 'Search results: 1' }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(code) }).textContent()).toContain('Approved');
    await page.getByRole('searchbox', { name: 'Reference code or full NIK' }).fill('317405');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Type the NIK in full: 16 digits.' }).waitFor();

    // Export: masked by default, downloaded from the host, read back.
    await openSection(page, 'Export', 'Export');
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Start the export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^loket-.+-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = join(dataDir, 'downloaded.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const rows = (
      parse(text, { columns: true, relax_column_count: true }) as Array<Record<string, string>>
    ).filter((r) => !r.reference?.startsWith('#'));
    expect(rows.map((r) => r.decision).sort()).toEqual(['not_verified', 'verified', 'verified']);
    // The supervisor's decision is a column beside the provider's.
    expect(rows.find((r) => r.reference === flagged)?.supervisor_decision).toBe('approved');
    for (const r of rows) {
      expect(r.nik_masked).toMatch(/^\d{4}\*{10}\d{2}$/);
      expect(r).not.toHaveProperty('nik');
      expect(r).not.toHaveProperty('name');
    }
    // The trailer carries the chain head's MAC (hex), which is no NIK; the rows must hold none.
    expect(text.replace(/^#trailer.*$/m, '')).not.toMatch(NIK);
    await page.getByText(`Downloaded: ${download.suggestedFilename()}.`).waitFor();

    // The audit log's state: intact.
    await openSection(page, 'Audit', 'Audit log');
    await page.getByText(/^Intact: \d+ entries/).waitFor();
    await expectAccessible(page);

    // Every act is in the audit log, as the auditors' command reads it; nothing personal in it.
    const listed = await runProgram('main/audit/cli.ts', ['list', '--data', dataDir], { env });
    expect(listed.code, listed.stderr).toBe(0);
    const entries = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; actor: string; details: unknown });
    // The training sign-in first (the training kiosk), then Siti (the customers and the correction), Budi
    // last: every console act is Budi's.
    const [training, siti, budi] = entries.filter((e) => e.action === 'sign_in').map((e) => e.actor);
    expect(training).toBe('training');
    const acts = entries.filter((e) =>
      ['supervisor_decision', 'fields_revealed', 'photo_viewed', 'export'].includes(e.action),
    );
    expect(acts.map((e) => e.action)).toEqual([
      'supervisor_decision',
      'fields_revealed',
      'photo_viewed',
      'export',
    ]);
    expect(budi).not.toBe(siti);
    expect(acts.map((e) => e.actor)).toEqual([budi, budi, budi, budi]);
    expect(entries.find((e) => e.action === 'field_corrected')?.actor).toBe(siti);
    // Ids and codes only (the MACs, hex, are left out of this look).
    const said = JSON.stringify(entries.map(({ action, actor, details }) => ({ action, actor, details })));
    expect(said).not.toMatch(NIK);
    expect(said).not.toContain('original KTP');
    const verified = await runProgram('main/audit/cli.ts', ['verify', '--data', dataDir], { env });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);

    // Signing out closes the console: the desk is back at its sign-in (in the kiosk's default language, as
    // after every session), and no way into the console is left.
    await bridge.call('session.signOut', {});
    await page.getByRole('heading', { name: 'Masuk petugas', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Console', exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on a self-service kiosk, opens only from the staff entry and only for a supervisor', async () => {
    const lobby = mkdtempSync(join(tmpdir(), 'loket-e2e-console-lobby-'));
    writeFileSync(join(lobby, 'settings.json'), JSON.stringify({ mode: 'self_service' }));
    const kiosk = await startHostProcess(
      lobby,
      ['--provider', 'sandbox', '--provider-url', sandbox.url],
      env,
    );
    try {
      for (const [name, role] of [
        ['Budi Santoso', 'supervisor'],
        ['Siti Rahma', 'operator'],
      ] as const) {
        await addStaff(name, role, lobby);
      }
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(kiosk.url);
      await page.getByRole('button', { name: 'English', exact: true }).click();
      expect(await page.getByRole('button', { name: 'Console', exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Staff sign-in', exact: true }).click();
      await page.getByRole('heading', { name: 'Staff sign-in', level: 1 }).waitFor();
      await expectAccessible(page);
      const signIn = async (name: string) => {
        await page.getByRole('textbox', { name: 'Name' }).fill(name);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      };
      // An operator's right password opens nothing here.
      await signIn('Siti Rahma');
      await page.getByRole('alert').filter({ hasText: 'Wrong name or password' }).waitFor();
      await signIn('Budi Santoso');
      await page.getByRole('heading', { name: 'Supervisor console', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'The day at a glance' }).waitFor();
      // Closing the console signs the supervisor out: the kiosk is the customers' again, with no way in.
      await page.getByRole('button', { name: 'Back to the verification screen' }).click();
      await page.getByRole('button', { name: 'Staff sign-in', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Console', exact: true }).count()).toBe(0);
      expect(await hostBridge(kiosk.url).call('session.get', {})).toEqual({ status: 'self_service' });
      await context.close();
    } finally {
      await kiosk.stop();
    }
  });
});
