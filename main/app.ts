// The composition root shared by the Electron shell and the browser host: one store, one event bus, one
// provider, one verification service, one set of handlers. Both transports serve exactly this.
import type { AppInfo } from '../common/contract';
import { createHandlers } from './bridge/handlers';
import type { Handlers } from './bridge/dispatch';
import { createEventBus, type EventBus } from './bridge/events';
import type { Settings } from './config/settings';
import { systemClock, type Clock } from './lib/clock';
import type { Fetch } from './lib/http-error';
import { createLogger } from './lib/log';
import { KeytarSecretStore, type SecretStore } from './keys';
import { createProviderSource, type HostedWindowOpener } from './providers/factory';
import { openStore } from './store';
import { createVerificationService } from './verification/service';

export interface AppOptions {
  dataDir: string;
  settings: Settings;
  version: string;
  /** Path to an Electron-ABI build of better-sqlite3 (the shell passes it; Node needs none). */
  nativeBinding?: string | undefined;
  secrets?: SecretStore;
  fetch?: Fetch;
  clock?: Clock;
  /** The Electron shell opens hosted provider flows in a window of its own; the browser host cannot. */
  openHostedWindow?: HostedWindowOpener;
}

export interface App {
  settings: Settings;
  handlers: Handlers;
  events: EventBus;
  close(): Promise<void>;
}

const log = createLogger('app');

export async function createApp(options: AppOptions): Promise<App> {
  const { settings } = options;
  const clock = options.clock ?? systemClock;
  const store = openStore(
    options.dataDir,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const events = createEventBus();
  const providers = await createProviderSource({
    settings,
    secrets: options.secrets ?? new KeytarSecretStore(),
    fetch: options.fetch ?? fetch,
    clock,
    openHostedWindow: options.openHostedWindow,
  });
  const verification = createVerificationService({
    store,
    events,
    clock,
    providerName: settings.provider,
    getProvider: providers.get,
  });
  const recovered = verification.recover();
  if (recovered > 0) log.warn('records interrupted by a restart are pending again', { recovered });

  const info: AppInfo = {
    version: options.version,
    provider: settings.provider,
    training: settings.provider === 'sandbox',
    defaultLanguage: settings.defaultLanguage,
  };
  log.info('kiosk ready', { provider: settings.provider, training: info.training });
  return {
    settings,
    handlers: createHandlers(info, verification),
    events,
    close: async () => {
      verification.close();
      await providers.close();
      store.close();
    },
  };
}
