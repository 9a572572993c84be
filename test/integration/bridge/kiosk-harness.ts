// A whole kiosk in-process for integration tests: the real store on a temp folder, the real IdentifAI
// client, the sandbox on loopback, the host on an ephemeral port. Only the keychain is in memory, because
// training mode needs no credentials (the keychain has its own integration tests).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PasswordHasher } from '../../../main/accounts/password-hash';
import { createApp, type App } from '../../../main/app';
import type { AuditEntry } from '../../../main/audit/events';
import { iterateAuditRows, type AuditRow } from '../../../main/audit/rows';
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
  /** The audit log as the kiosk wrote it: the real, MAC-chained table, read on a connection of its own. */
  auditEntries(): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

export interface KioskOptions {
  /** Settings over the defaults (provider 'sandbox' at providerUrl unless given). */
  settings?: SettingsInput;
  /** The accounts' clock and scheduler, for tests that move time (lockout, idle sign-out). */
  timers?: Timers;
  passwordHasher?: PasswordHasher;
  /**
   * Who is at an assisted desk once it has started: the one-tap training sign-in (the default: the sandbox
   * offers it, and a desk refuses to verify with nobody signed in), or nobody, for tests of sign-in itself.
   */
  staff?: 'training' | 'nobody';
}

export async function startKiosk(providerUrl: string, options: KioskOptions = {}): Promise<Kiosk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-kiosk-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'loket-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Loket</title>');
  const settings = loadSettings(dataDir, { provider: 'sandbox', providerUrl, ...options.settings });
  const secrets = new MemorySecretStore();
  const app = await createApp({
    dataDir,
    settings,
    version: 'test',
    secrets,
    timers: options.timers,
    passwordHasher: options.passwordHasher,
  });
  const host = await startHost({
    port: 0,
    rendererDir,
    handlers: app.handlers,
    events: app.events,
    exportDownloads: app.exportDownloads,
  });
  const key = new URL(host.url).hash.replace('#k=', '');
  if (settings.mode === 'assisted' && (options.staff ?? 'training') === 'training') {
    await app.handlers.signInTraining({});
  }
  return {
    app,
    host,
    dataDir,
    secrets,
    key,
    auditEntries: async () => {
      const store = openStore(dataDir, { key: await loadOrCreateDataKey(secrets, dataDir) });
      try {
        return [...iterateAuditRows(store)].map(toEntry);
      } finally {
        store.close();
      }
    },
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
  | { ok: false; error: { code: string; message: string; photo?: { kind: string; reason: string } } };

function toEntry(row: AuditRow): AuditEntry {
  const details = JSON.parse(row.details_json) as Record<string, string | number | boolean | null>;
  return {
    action: row.action as AuditEntry['action'],
    actor: row.actor,
    ...(row.record_id === null ? {} : { recordId: row.record_id }),
    ...(row.subject === null ? {} : { subject: row.subject }),
    ...(Object.keys(details).length === 0 ? {} : { details }),
  };
}
