// The composition root shared by the Electron shell and the browser host: one store, one event bus, one
// provider, one verification service, one set of handlers. Both transports serve exactly this.
import type { AppInfo } from '../common/contract';
import { createHandlers } from './bridge/handlers';
import type { Handlers } from './bridge/dispatch';
import { createEventBus, type EventBus } from './bridge/events';
import { resolveCapture } from './config/capture-settings';
import type { Settings } from './config/settings';
import { createFaceFinder } from './capture/faces';
import { createPhotoCheck } from './capture/photo-check';
import { systemClock, type Clock } from './lib/clock';
import type { Fetch } from './lib/http-error';
import { createLogger } from './lib/log';
import { loadOrCreateDataKey, type SecretStore } from './keys';
import { createProviderSource, type HostedWindowOpener } from './providers/factory';
import { openStore, type Store } from './store';
import { startRetentionSchedule } from './retention';
import { createHttpProbe } from './sync/probe';
import { createVerificationService } from './verification/service';

export interface AppOptions {
  dataDir: string;
  settings: Settings;
  version: string;
  /** Path to an Electron-ABI build of better-sqlite3 (the shell passes it; Node needs none). */
  nativeBinding?: string | undefined;
  /** The keychain (the caller decides which service: a packaged kiosk always uses 'loket'). */
  secrets: SecretStore;
  fetch?: Fetch;
  clock?: Clock;
  /** The Electron shell opens hosted provider flows in a window of its own; the browser host cannot. */
  openHostedWindow?: HostedWindowOpener;
}

export interface App {
  settings: Settings;
  handlers: Handlers;
  events: EventBus;
  /** The customer's unsubmitted records and photos, deleted (a crashed page, an idle kiosk); how many. */
  wipeCustomerSession(): Promise<number>;
  close(): Promise<void>;
}

const log = createLogger('app');

export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const { secrets } = options;
  // The database key is in the keychain in training mode too: the keychain is part of every kiosk.
  const key = await loadOrCreateDataKey(secrets, options.dataDir);
  const store = openStore(options.dataDir, { key, nativeBinding: options.nativeBinding });
  try {
    return await assemble(options, clock, secrets, store);
  } catch (error) {
    // The store was opened here, so it is closed here (its checkpointer with it) if the rest cannot start.
    store.close();
    throw error;
  }
}

async function assemble(options: AppOptions, clock: Clock, secrets: SecretStore, store: Store): Promise<App> {
  const { settings } = options;
  const capture = resolveCapture(settings.capture);
  const events = createEventBus();
  const providers = await createProviderSource({
    settings,
    secrets,
    fetch: options.fetch ?? fetch,
    clock,
    openHostedWindow: options.openHostedWindow,
  });
  const verification = createVerificationService({
    store,
    events,
    clock,
    providerName: settings.provider,
    training: settings.provider === 'sandbox',
    getProvider: providers.get,
    photos: createPhotoCheck({
      thresholds: capture.thresholds,
      geometry: capture.crop,
      findFaces: createFaceFinder(capture.thresholds.faceMinScore),
    }),
    sync: {
      concurrency: settings.sync.concurrency,
      backoff: {
        baseMs: settings.sync.backoffBaseSeconds * 1000,
        capMs: settings.sync.backoffCapSeconds * 1000,
      },
      probeIntervalMs: settings.sync.probeIntervalSeconds * 1000,
      probe: createHttpProbe(options.fetch ?? fetch, providers.probeUrl),
    },
  });
  const recovered = verification.recover();
  if (recovered > 0) log.warn('records interrupted by a restart are pending again', { recovered });
  verification.startSync();
  // Photos and records past their retention are purged now and daily; never anything not yet final.
  const stopRetention = startRetentionSchedule({ store, clock, settings });

  const info: AppInfo = {
    version: options.version,
    provider: settings.provider,
    training: settings.provider === 'sandbox',
    defaultLanguage: settings.defaultLanguage,
    capture,
  };
  log.info('kiosk ready', { provider: settings.provider, training: info.training });
  return {
    settings,
    handlers: createHandlers(info, verification),
    events,
    wipeCustomerSession: async () => {
      const wiped = verification.wipeUnsubmitted();
      log.info("the customer's session was wiped", { records: wiped });
      return wiped;
    },
    close: async () => {
      stopRetention();
      await verification.close();
      await providers.close();
      store.close();
    },
  };
}
