// Picks the kiosk's provider from its settings. Training mode ('sandbox') runs the real IdentifAI client
// over loopback HTTP against the built-in sandbox server, never an in-process shortcut. The other providers
// read their credentials from the keychain when a verification runs, not at start-up, so a kiosk whose keys
// are missing still starts, captures and queues; the record says what is missing.
import type { Settings } from '../config/settings';
import { loadCredentials, type CredentialProvider, type CredentialsFor, type SecretStore } from '../keys';
import type { Clock } from '../lib/clock';
import type { Fetch } from '../lib/http-error';
import { SANDBOX_IDENTIFAI } from '../sandbox/credentials';
import { startSandbox } from '../sandbox/server';
import { createFaceverifyProvider, FACEVERIFY_DEFAULTS } from './faceverify';
import { IDENTIFAI_DEFAULTS } from './identifai';
import { createIdentifaiProvider } from './identifai/provider';
import { createIncodeProvider, INCODE_DEFAULTS } from './incode';
import type { VerificationProvider } from './provider';

export interface ProviderSource {
  get(): Promise<VerificationProvider>;
  /** What the sync engine's light health probe asks (any HTTP answer means reachable). */
  readonly probeUrl: string;
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
  const { settings, fetch, clock } = deps;
  const baseUrl = settings.providerUrl;
  switch (settings.provider) {
    case 'sandbox':
      return trainingSource(deps);
    case 'identifai':
      return keyedSource(deps, 'identifai', baseUrl ?? IDENTIFAI_DEFAULTS.baseUrl, (credentials) =>
        identifai(deps, baseUrl, credentials, 'identifai'),
      );
    case 'incode':
      return keyedSource(deps, 'incode', baseUrl ?? INCODE_DEFAULTS.baseUrl, ({ apiKey }) =>
        createIncodeProvider({
          client: {
            baseUrl,
            apiKey,
            fetch,
            clock,
            configurationId: settings.incode.configurationId,
            countryCode: settings.incode.countryCode,
            timeoutMs: settings.sync.requestTimeoutSeconds * 1000,
            poll: {
              deadlineMs: settings.incode.pollDeadlineSeconds * 1000,
              maxPolls: settings.incode.maxPolls,
            },
            onboardingStatusIdParam: settings.incode.onboardingStatusIdParam,
          },
          finishStatus: settings.incode.finishStatus,
          afterFinishPoll: { maxPolls: settings.incode.maxPolls },
        }),
      );
    case 'faceverify':
      return keyedSource(deps, 'faceverify', baseUrl ?? FACEVERIFY_DEFAULTS.baseUrl, (credentials) =>
        createFaceverifyProvider({
          client: {
            baseUrl,
            credentials,
            fetch,
            clock,
            timeoutMs: settings.sync.requestTimeoutSeconds * 1000,
          },
          display: settings.faceverify.display,
          country: settings.faceverify.country,
          statusPath: settings.faceverify.statusPath,
          ...(settings.faceverify.returnUrl ? { returnUrl: settings.faceverify.returnUrl } : {}),
          poll: {
            deadlineMs: settings.faceverify.sessionDeadlineSeconds * 1000,
            maxPolls: settings.faceverify.maxPolls,
          },
          ...(deps.openHostedWindow ? { openHostedWindow: deps.openHostedWindow } : {}),
          clock,
        }),
      );
  }
}

function identifai(
  deps: ProviderSourceDeps,
  baseUrl: string | undefined,
  credentials: { accessKey: string; secretKey: string },
  name: 'identifai' | 'sandbox',
): VerificationProvider {
  const { identifai: options } = deps.settings;
  return createIdentifaiProvider({
    name,
    client: {
      baseUrl,
      credentials,
      fetch: deps.fetch,
      clock: deps.clock,
      mode: options.mode,
      slugs: { faceMatchLiveness: options.faceMatchLivenessSlug, ocrKtp: options.ocrKtpSlug },
      timeoutMs: deps.settings.sync.requestTimeoutSeconds * 1000,
      poll: { deadlineMs: options.pollDeadlineSeconds * 1000, maxPolls: options.maxPollsPerJob },
      signatureMaxAgeMs: options.signatureMaxAgeSeconds * 1000,
      syncAuthorisation: options.syncAuthorisation,
    },
    thresholds: { liveness: options.livenessThreshold, similarity: options.similarityThreshold },
  });
}

async function trainingSource(deps: ProviderSourceDeps): Promise<ProviderSource> {
  // `--provider-url` points training mode at a sandbox started elsewhere (`npm run sandbox`).
  const sandbox = deps.settings.providerUrl ? null : await startSandbox({ port: 0, clock: deps.clock });
  const root = (deps.settings.providerUrl ?? sandbox?.url ?? '').replace(/\/+$/, '');
  const provider = identifai(deps, `${root}/identifai`, SANDBOX_IDENTIFAI, 'sandbox');
  return {
    get: async () => provider,
    probeUrl: `${root}/_sandbox/health`,
    close: async () => sandbox?.close(),
  };
}

/**
 * A provider built from keychain credentials. One provider per set of credentials, so cached tokens survive
 * between verifications and a key changed with `npm run keys` takes effect at the next verification.
 */
function keyedSource<P extends CredentialProvider>(
  deps: ProviderSourceDeps,
  name: P,
  probeUrl: string,
  build: (credentials: CredentialsFor<P>) => VerificationProvider,
): ProviderSource {
  let cached: { fingerprint: string; provider: VerificationProvider } | null = null;
  return {
    async get() {
      const credentials = await loadCredentials(deps.secrets, name);
      const fingerprint = JSON.stringify(credentials);
      if (cached?.fingerprint !== fingerprint) cached = { fingerprint, provider: build(credentials) };
      return cached.provider;
    },
    probeUrl,
    close: async () => undefined,
  };
}
