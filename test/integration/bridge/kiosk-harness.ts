// A whole kiosk in-process for integration tests: the real store on a temp folder, the real IdentifAI
// client, the sandbox on loopback, the host on an ephemeral port. Only the keychain is in memory, because
// training mode needs no credentials (the keychain has its own integration tests).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../main/app';
import { loadSettings } from '../../../main/config/settings';
import { startHost, type RunningHost } from '../../../main/host/server';
import { MemorySecretStore, type SecretStore } from '../../../main/keys';

export interface Kiosk {
  app: App;
  host: RunningHost;
  dataDir: string;
  /** The kiosk's keychain (in memory): it holds the database key, for tests that open the store themselves. */
  secrets: SecretStore;
  key: string;
  close(): Promise<void>;
}

export async function startKiosk(providerUrl: string): Promise<Kiosk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-kiosk-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'loket-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loket</title>');
  const settings = loadSettings(dataDir, { provider: 'sandbox', providerUrl });
  const secrets = new MemorySecretStore();
  const app = await createApp({ dataDir, settings, version: 'test', secrets });
  const host = await startHost({ port: 0, rendererDir, handlers: app.handlers, events: app.events });
  const key = new URL(host.url).hash.replace('#k=', '');
  return {
    app,
    host,
    dataDir,
    secrets,
    key,
    close: async () => {
      await host.close();
      await app.close();
    },
  };
}

export async function call(
  kiosk: Kiosk,
  channel: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`http://127.0.0.1:${kiosk.host.port}/bridge/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-loket-key': kiosk.key, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, envelope: (await response.json()) as Envelope };
}

export type Envelope =
  | { ok: true; value: Record<string, unknown> & { id: string; status: string } }
  | { ok: false; error: { code: string; message: string; photo?: { kind: string; reason: string } } };
