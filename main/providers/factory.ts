// Picks the kiosk's provider from its settings. Credentials are read from the keychain when a verification
// runs, not at start-up, so a kiosk whose keys are missing still starts, captures and queues; the record
// says what is missing. Training mode ('sandbox') runs the real IdentifAI client over loopback HTTP against
// the built-in sandbox server, never an in-process shortcut.
import type { Settings } from '../config/settings';
import { SettingsError } from '../config/settings';
import { loadCredentials, type SecretStore } from '../keys';
import type { Clock } from '../lib/clock';
import type { Fetch } from '../lib/http-error';
import { SANDBOX_IDENTIFAI } from '../sandbox/credentials';
import { startSandbox } from '../sandbox/server';
import { createIdentifaiProvider } from './identifai/provider';
import type { VerificationProvider } from './provider';

export interface ProviderSource {
  get(): Promise<VerificationProvider>;
  /** The URL of the in-app sandbox in training mode, for diagnostics. */
  readonly sandboxUrl: string | null;
  close(): Promise<void>;
}

/** Opens a provider's hosted page for the customer (Electron only); resolves `closed` when it closes. */
export type HostedWindowOpener = (url: string) => { closed: Promise<void>; close(): void };

export interface ProviderSourceDeps {
  settings: Settings;
  secrets: SecretStore;
  fetch: Fetch;
  clock: Clock;
  openHostedWindow?: HostedWindowOpener | undefined;
}

export async function createProviderSource(deps: ProviderSourceDeps): Promise<ProviderSource> {
  const { settings } = deps;
  switch (settings.provider) {
    case 'sandbox':
      return trainingSource(deps);
    case 'identifai':
      return identifaiSource(deps);
    case 'incode':
    case 'faceverify':
      throw new SettingsError(
        `The ${settings.provider} provider is not available in this version of Loket yet.`,
      );
  }
}

function identifaiOptions(deps: ProviderSourceDeps, baseUrl: string | undefined) {
  const { identifai } = deps.settings;
  return {
    baseUrl,
    fetch: deps.fetch,
    clock: deps.clock,
    mode: identifai.mode,
    slugs: { faceMatchLiveness: identifai.faceMatchLivenessSlug, ocrKtp: identifai.ocrKtpSlug },
    poll: { deadlineMs: identifai.pollDeadlineSeconds * 1000 },
  };
}

function thresholds(settings: Settings) {
  return {
    liveness: settings.identifai.livenessThreshold,
    similarity: settings.identifai.similarityThreshold,
  };
}

async function trainingSource(deps: ProviderSourceDeps): Promise<ProviderSource> {
  // `--provider-url` points training mode at a sandbox started elsewhere (`npm run sandbox`).
  const sandbox = deps.settings.providerUrl ? null : await startSandbox({ port: 0, clock: deps.clock });
  const root = (deps.settings.providerUrl ?? sandbox?.url ?? '').replace(/\/+$/, '');
  const provider = createIdentifaiProvider({
    name: 'sandbox',
    client: { ...identifaiOptions(deps, `${root}/identifai`), credentials: SANDBOX_IDENTIFAI },
    thresholds: thresholds(deps.settings),
  });
  return {
    get: async () => provider,
    sandboxUrl: root,
    close: async () => sandbox?.close(),
  };
}

function identifaiSource(deps: ProviderSourceDeps): ProviderSource {
  // One provider per set of credentials, so the signature stays cached between verifications and a key
  // changed with `npm run keys` takes effect at the next verification.
  let cached: { fingerprint: string; provider: VerificationProvider } | null = null;
  return {
    async get() {
      const credentials = await loadCredentials(deps.secrets, 'identifai');
      const fingerprint = `${credentials.accessKey}\n${credentials.secretKey}`;
      if (cached?.fingerprint !== fingerprint) {
        const provider = createIdentifaiProvider({
          name: 'identifai',
          client: { ...identifaiOptions(deps, deps.settings.providerUrl), credentials },
          thresholds: thresholds(deps.settings),
        });
        cached = { fingerprint, provider };
      }
      return cached.provider;
    },
    sandboxUrl: null,
    close: async () => undefined,
  };
}
