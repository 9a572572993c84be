// The composition root shared by the Electron shell and the browser host: one store, one event bus, one
// provider, one verification service, one set of handlers. Both transports serve exactly this.
import type { AppInfo } from '../common/contract';
import { CONSENT_VERSION } from '../common/consent';
import { PROVIDER_DISPLAY_NAMES } from '../common/providers';
import { SELF_SERVICE_OPERATOR } from '../common/roles';
import { createAccessPolicy } from './accounts/access';
import { createPasswordHasher, type PasswordHasher } from './accounts/password-hash';
import { createSessions } from './accounts/sessions';
import { openAuditLog, type OpenAuditLog } from './audit/audit-log';
import { lastOfAction } from './audit/rows';
import { settingsAtStart } from './audit/settings-entry';
import { createHandlers } from './bridge/handlers';
import type { Handlers } from './bridge/dispatch';
import { createEventBus, type EventBus } from './bridge/events';
import { resolveCapture } from './config/capture-settings';
import type { Settings } from './config/settings';
import { createFaceFinder } from './capture/faces';
import { createPhotoCheck } from './capture/photo-check';
import { systemClock, type Clock } from './lib/clock';
import type { Fetch } from './lib/http-error';
import { kioskTimeZone } from './lib/local-day';
import { createLogger } from './lib/log';
import { systemTimers, type Timers } from './lib/timers';
import { createConsentService } from './consent/consent';
import type { ChooseSavePath } from './console/exports';
import { createExportDownloads, type ExportDownloads } from './console/download';
import { createConsoleService } from './console/service';
import { createReviewService } from './review/service';
import { startForgettingCustomers } from './self-service/forget-customer';
import { loadOrCreateDataKey, type SecretStore } from './keys';
import { createProviderSource, type HostedWindowOpener } from './providers/factory';
import { openStore, type Store } from './store';
import { openReader } from './store/reader';
import { startRetentionSchedule } from './retention';
import { createHttpProbe } from './sync/probe';
import { createVerificationService, type WipeCounts } from './verification/service';

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
  /** Sign-in lockout, idle sign-out and the self-service backstop: their clock and scheduler. */
  timers?: Timers;
  /** Staff password hashing (default: scrypt at DEFAULT_SCRYPT_PARAMS); tests pass cheaper parameters. */
  passwordHasher?: PasswordHasher;
  /** The Electron shell's save dialog for the console's exports; the browser host downloads instead. */
  chooseSavePath?: ChooseSavePath;
  /** Where the PDF export's fonts are (a packaged app's resources); default: the checkout's assets/fonts. */
  fontsDir?: string;
}

export interface App {
  settings: Settings;
  /** The tamper-evident audit log every service appends to (main/audit/). */
  audit: OpenAuditLog;
  handlers: Handlers;
  events: EventBus;
  /** The console's export as a download, for the browser host's route (main/host/export-route.ts). */
  exportDownloads: ExportDownloads;
  /** The customer's unsubmitted records and photos, deleted (a crashed page, an idle kiosk); how many. */
  wipeCustomerSession(reason?: WipeReason): Promise<number>;
  close(): Promise<void>;
}

const log = createLogger('app');

/** Why a customer's unsubmitted work was wiped, for the log and the audit log. */
type WipeReason = 'page_recovery' | 'customer_left' | 'idle_backstop' | 'session_ended';

export async function createApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const { secrets } = options;
  // The database key is in the keychain in training mode too: the keychain is part of every kiosk.
  const key = await loadOrCreateDataKey(secrets, options.dataDir);
  const store = openStore(options.dataDir, { key, nativeBinding: options.nativeBinding });
  let audit: OpenAuditLog | undefined;
  try {
    audit = await openAuditLog({ store, secrets, clock });
    return await assemble(options, clock, secrets, store, audit, key);
  } catch (error) {
    // The store was opened here, so it is closed here (its checkpointer with it) if the rest cannot start.
    await audit?.close();
    store.close();
    throw error;
  }
}

async function assemble(
  options: AppOptions,
  clock: Clock,
  secrets: SecretStore,
  store: Store,
  audit: OpenAuditLog,
  key: Buffer,
): Promise<App> {
  const { settings } = options;
  audit.append(settingsAtStart(settings, audit.key, previousSettings(store)));
  const capture = resolveCapture(settings.capture);
  const events = createEventBus();
  const timers = options.timers ?? systemTimers;
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
    kioskMode: settings.mode,
    kioskId: settings.kioskId,
    audit,
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
  const stopRetention = startRetentionSchedule({ store, clock, settings, audit });

  const wipe = (reason: WipeReason): WipeCounts => {
    const counts = verification.wipeUnsubmitted();
    // Asked for by the screen or the shell: always audited. Incidental (a sign-out): only when it removed something.
    if (reason !== 'session_ended' || counts.records > 0) {
      const actor = settings.mode === 'self_service' ? SELF_SERVICE_OPERATOR : 'system';
      audit.append({ action: 'session_wiped', actor, details: { reason, ...counts } });
    }
    log.info("the customer's session was wiped", { reason, ...counts });
    return counts;
  };

  const sessions = createSessions({
    store,
    hasher: options.passwordHasher ?? createPasswordHasher(),
    timers,
    audit,
    mode: settings.mode,
    provider: settings.provider,
    lockout: {
      maxFailures: settings.accounts.maxFailedSignIns,
      lockoutMs: settings.accounts.lockoutMinutes * 60_000,
    },
    idleSignOutMs: settings.accounts.idleSignOutMinutes * 60_000,
    firstRunCommand: `npm run operators -- add NAME --role admin --data ${options.dataDir}`,
    onChange: (change) => events.emit('onSessionChanged', change),
    onSessionEnded: () => void wipe('session_ended'),
  });
  const forgetter =
    settings.mode === 'self_service'
      ? startForgettingCustomers({
          timers,
          idleSeconds: settings.selfService.idleSeconds,
          countdownSeconds: settings.selfService.countdownSeconds,
          wipe: () => wipe('idle_backstop').records,
          onWiped: () =>
            events.emit('onSessionChanged', { session: sessions.info(), reason: 'customer_session_wiped' }),
        })
      : null;

  const info: AppInfo = {
    version: options.version,
    provider: settings.provider,
    providerName: PROVIDER_DISPLAY_NAMES[settings.provider],
    training: settings.provider === 'sandbox',
    defaultLanguage: settings.defaultLanguage,
    mode: settings.mode,
    kioskId: settings.kioskId,
    signInRequired: settings.mode === 'assisted' && settings.accounts.requireSignIn,
    idleSignOutMinutes: settings.accounts.idleSignOutMinutes,
    selfService: { ...settings.selfService },
    retention: { ...settings.retention },
    consentVersion: CONSENT_VERSION,
    capture,
  };
  log.info('kiosk ready', {
    provider: settings.provider,
    training: info.training,
    mode: settings.mode,
    kioskId: settings.kioskId,
  });
  const access = createAccessPolicy(
    { mode: settings.mode, requireSignIn: settings.accounts.requireSignIn },
    sessions,
  );
  const consoleService = createConsoleService({
    store,
    audit,
    clock,
    zone: kioskTimeZone(settings.timeZone),
    kioskId: settings.kioskId,
    openReader: () => openReader(options.dataDir, { key, nativeBinding: options.nativeBinding }),
    fontsDir: options.fontsDir,
    chooseSavePath: options.chooseSavePath,
  });
  const handlers = createHandlers({
    appInfo: info,
    verification,
    sessions,
    access,
    review: createReviewService({ store, clock, audit }),
    consent: createConsentService(settings, audit),
    console: consoleService,
    endCustomerSession: () => wipe('customer_left'),
    activity: () => {
      forgetter?.touch();
      return sessions.touch();
    },
  });
  return {
    settings,
    audit,
    handlers,
    events,
    exportDownloads: createExportDownloads(access, consoleService.exports),
    wipeCustomerSession: async (reason = 'page_recovery') => wipe(reason).records,
    close: async () => {
      forgetter?.stop();
      sessions.close();
      stopRetention();
      await verification.close();
      await providers.close();
      // The last head goes to the keychain before the store closes.
      await audit.close();
      store.close();
    },
  };
}

/** The details of the previous start's settings entry, for the changed keys; undefined on a first start. */
function previousSettings(store: Store): Record<string, unknown> | undefined {
  const row = lastOfAction(store, 'settings_at_start');
  return row ? (JSON.parse(row.details_json) as Record<string, unknown>) : undefined;
}
