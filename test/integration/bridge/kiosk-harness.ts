// A whole kiosk in-process for integration tests: the real store on a temp folder, the real IdentifAI
// client, the sandbox on loopback, the host on an ephemeral port. Only the keychain is in memory, because
// training mode needs no credentials (the keychain has its own integration tests).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PasswordHasher } from '../../../main/accounts/password-hash';
import { createApp, type App } from '../../../main/app';
import type { AuditLog } from '../../../main/audit/events';
import { loadSettings, type SettingsInput } from '../../../main/config/settings';
import { startHost, type RunningHost } from '../../../main/host/server';
import { loadOrCreateDataKey, MemorySecretStore, type SecretStore } from '../../../main/keys';
import type { Timers } from '../../../main/lib/timers';
import { openStore, type Store } from '../../../main/store/connection';

export interface Kiosk {
  app: App;
  host: RunningHost;
  dataDir: string;
  /** The kiosk's keychain (in memory): it holds the database key, for tests that open the store themselves. */
  secrets: SecretStore;
  key: string;
  close(): Promise<void>;
}

export interface KioskOptions {
  /** Settings over the defaults (provider 'sandbox' at providerUrl unless given). */
  settings?: SettingsInput;
  /** The accounts' clock and scheduler, for tests that move time (lockout, idle sign-out). */
  timers?: Timers;
  passwordHasher?: PasswordHasher;
  audit?: AuditLog;
}

export async function startKiosk(providerUrl: string, options: KioskOptions = {}): Promise<Kiosk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-kiosk-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'loket-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loket</title>');
  const settings = loadSettings(dataDir, { provider: 'sandbox', providerUrl, ...options.settings });
  const secrets = new MemorySecretStore();
  const { audit } = options;
  const app = await createApp({
    dataDir,
    settings,
    version: 'test',
    secrets,
    timers: options.timers,
    passwordHasher: options.passwordHasher,
    createAudit: audit ? () => audit : undefined,
  });
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

/** Runs fn on a second connection to the kiosk's database (WAL lets it share the file with the app). */
export async function withStore<T>(kiosk: Kiosk, fn: (store: Store) => T): Promise<T> {
  const store = openStore(kiosk.dataDir, { key: await loadOrCreateDataKey(kiosk.secrets, kiosk.dataDir) });
  try {
    return fn(store);
  } finally {
    store.close();
  }
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
  | { ok: false; error: { code: string; message: string } };
