// Item 5: the faceverify provider, built from settings.json the way the kiosk builds it, against a server
// that implements only what faceverify's documents say (test/support/faceverify-docs-server.ts): one signed
// POST /api/v1/session, and 404 for everything else. The customer must be shown the hosted flow at once; the
// undocumented status endpoint's 404 must never fail a record; and no result may be made up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, type SettingsInput } from '../../../../main/config/settings';
import { MemorySecretStore, saveCredentials } from '../../../../main/keys';
import { systemClock } from '../../../../main/lib/clock';
import { configureLogging } from '../../../../main/lib/log';
import { createFaceverifyProvider } from '../../../../main/providers/faceverify/provider';
import { createProviderSource } from '../../../../main/providers/factory';
import type { HostedWindowOpener } from '../../../../main/providers/faceverify/display';
import { FakeClock } from '../../../support/clocks';
import {
  startFaceverifyDocsServer,
  type FaceverifyDocsServer,
} from '../../../support/faceverify-docs-server';
import { recordingContext } from '../../../support/step-context';
import { clientOptions } from './helpers';

const CREDENTIALS = { clientId: 'docs-client-0001', secretKey: 'docs-secret-key-0001' };
const IMAGES = { id_card: Buffer.alloc(0), selfie: Buffer.alloc(0) };
let server: FaceverifyDocsServer;
const logs: string[] = [];

beforeAll(async () => {
  server = await startFaceverifyDocsServer(CREDENTIALS);
  configureLogging({ sink: (line) => logs.push(line), level: 'warn' });
});
afterAll(async () => {
  configureLogging({ sink: (line) => process.stderr.write(line + '\n'), level: 'error' });
  await server.close();
});

/** A hosted window the test can close as the person would, and that notes what was sent before it opened. */
function personAtTheKiosk() {
  const opened: Array<{ url: string; requestsBefore: string[] }> = [];
  let closeIt: () => void = () => undefined;
  const open: HostedWindowOpener = (url) => {
    opened.push({ url, requestsBefore: server.requests.map((r) => `${r.method} ${r.url}`) });
    let resolve: () => void = () => undefined;
    const closed = new Promise<void>((r) => (resolve = r));
    closeIt = resolve;
    return { closed, close: resolve };
  };
  return { open, opened, closesTheWindow: () => closeIt() };
}

async function providerFromSettings(settings: SettingsInput['faceverify'], open: HostedWindowOpener) {
  const secrets = new MemorySecretStore();
  await saveCredentials(secrets, 'faceverify', CREDENTIALS);
  const source = await createProviderSource({
    settings: loadSettings(mkdtempSync(join(tmpdir(), 'loket-fv-docs-')), {
      provider: 'faceverify',
      providerUrl: server.url,
      faceverify: settings,
    }),
    secrets,
    fetch: globalThis.fetch,
    clock: systemClock,
    openHostedWindow: open,
  });
  return source.get();
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe('faceverify against a server that implements only its documents', () => {
  it('default settings: shown at once, the status 404 ends polling, the closed window goes to review', async () => {
    const person = personAtTheKiosk();
    const provider = await providerFromSettings({}, person.open);
    const rec = recordingContext(IMAGES, { recordId: 'FVDOCS0001' });
    const from = server.requests.length;
    const running = provider.verify(rec.ctx);

    await until(() => person.opened.length === 1);
    // The customer saw the flow right after the documented POST, before anything undocumented was asked.
    expect(person.opened[0]?.requestsBefore.slice(from)).toEqual(['POST /api/v1/session']);
    const session = rec.saved.session as { sessionId: string; url: string };
    expect(person.opened[0]?.url).toBe(session.url);
    expect(server.requests[from]?.body).toBe('{"country":"ID","uniqueIdentifier":"FVDOCS0001"}');

    await until(() => server.requests.length === from + 2);
    await new Promise((r) => setTimeout(r, 300));
    // One look at the assumed status endpoint, a 404, and no more requests while the person is busy.
    expect(server.requests.slice(from).map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/v1/session',
      `GET /api/v1/session/${session.sessionId}`,
    ]);
    expect(rec.actions).toHaveLength(1); // the flow is still on screen

    person.closesTheWindow();
    const result = await running;
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'needs_review', live: null, liveness: null, match: null, similarity: null },
    });
    if (result.kind === 'decided') {
      expect(result.outcome.providerMessage).toMatch(/cannot read its result/);
      expect(result.outcome.providerMessage).toContain(session.sessionId);
    }
    expect(rec.forgotten).toEqual([]);
    expect(rec.actions.at(-1)).toBeNull();
    const warnings = logs.filter((l) => l.includes('"level":"warn"') && l.includes('faceverify.statusPath'));
    expect(warnings).toHaveLength(1);
  });

  it('more records on the same kiosk: the same handling, and the warning is logged once, not per record', async () => {
    const warnings = () =>
      logs.filter((l) => l.includes('"level":"warn"') && l.includes('faceverify.statusPath')).length;
    const before = warnings();
    const person = personAtTheKiosk();
    const provider = await providerFromSettings({}, person.open);
    for (const recordId of ['FVDOCS0002', 'FVDOCS0022']) {
      const rec = recordingContext(IMAGES, { recordId });
      const running = provider.verify(rec.ctx);
      await until(() => person.opened.length === (recordId === 'FVDOCS0002' ? 1 : 2));
      person.closesTheWindow();
      await expect(running).resolves.toMatchObject({ outcome: { decision: 'needs_review' } });
    }
    expect(warnings() - before).toBe(1);
  });

  it('statusPath null: nothing but the documented POST is ever sent', async () => {
    const person = personAtTheKiosk();
    const provider = await providerFromSettings({ statusPath: null }, person.open);
    const rec = recordingContext(IMAGES, { recordId: 'FVDOCS0003' });
    const from = server.requests.length;
    const running = provider.verify(rec.ctx);
    await until(() => person.opened.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    person.closesTheWindow();
    await expect(running).resolves.toMatchObject({ outcome: { decision: 'needs_review' } });
    expect(server.requests.slice(from).map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/v1/session']);
  });

  it('at the deadline the record goes back to the queue; its next attempt goes to review without showing it again', async () => {
    const clock = new FakeClock();
    const opened: string[] = [];
    const open: HostedWindowOpener = (url) => {
      opened.push(url);
      return { closed: new Promise<void>(() => undefined), close: () => undefined };
    };
    const provider = () =>
      createFaceverifyProvider({
        client: clientOptions(server.url, { credentials: CREDENTIALS }),
        openHostedWindow: open,
        clock,
        poll: { deadlineMs: 60_000 },
      });
    const first = recordingContext(IMAGES, { recordId: 'FVDOCS0004' });
    await expect(provider().verify(first.ctx)).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_unavailable',
    });
    expect(first.forgotten).toEqual([]);
    expect(first.actions.at(-1)).toBeNull();

    const second = recordingContext(IMAGES, { recordId: 'FVDOCS0004', saved: first.saved });
    await expect(provider().verify(second.ctx)).resolves.toMatchObject({
      kind: 'decided',
      outcome: { decision: 'needs_review' },
    });
    expect(opened).toHaveLength(1);
    expect(second.actions).toEqual([]);
  });

  it('the same record asks again and gets the same session ("or get existing session link")', async () => {
    const sessionsBefore = server.sessions.size;
    for (let i = 0; i < 2; i++) {
      const person = personAtTheKiosk();
      const rec = recordingContext(IMAGES, { recordId: 'FVDOCS0005' });
      const running = (await providerFromSettings({ statusPath: null }, person.open)).verify(rec.ctx);
      await until(() => person.opened.length === 1);
      person.closesTheWindow();
      await running;
    }
    expect(server.sessions.size).toBe(sessionsBefore + 1);
  });

  it('bad credentials: a documented 400, provider_auth, nothing saved, nothing shown', async () => {
    const provider = createFaceverifyProvider({
      client: clientOptions(server.url, { credentials: { ...CREDENTIALS, secretKey: 'not-the-secret' } }),
    });
    const rec = recordingContext(IMAGES, { recordId: 'FVDOCS0006' });
    await expect(provider.verify(rec.ctx)).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_auth',
    });
    expect(rec.saves).toEqual([]);
    expect(rec.actions).toEqual([]);
  });
});
