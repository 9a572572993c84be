// Assembles the IdentifAI stand-in: its stores, its policy and its routes, ready to be mounted.
import type { Clock } from '../../lib/clock';
import { SANDBOX_IDENTIFAI } from '../credentials';
import type { Router } from '../http/router';
import type { JobRegistry } from '../registry';
import { type AnalyticSpec, DEFAULT_CATALOGUE } from './catalogue';
import type { Credential } from './hmac-auth';
import { IdentifaiJobStore } from './jobs';
import { type Messages, resolveMessages } from './messages';
import { identifaiRoutes } from './routes';
import { SubmissionTokenStore } from './tokens';

/** The knobs for what PROTOCOLS.md marks [UNCONFIRMED]; the defaults are the documented or likeliest values. */
export interface IdentifaiSandboxOptions {
  /** Replace any answer text, e.g. `{ noFaceDetected: 'No Face Detected' }`. */
  messages?: Partial<Messages>;
  /** HMAC signature lifetime; null (default) = never expires. */
  hmacTokenTtlSeconds?: number | null;
  /** Slug → analytic; replaces the default table. */
  catalogue?: Record<string, AnalyticSpec>;
  /** Accepted key pairs; default: the published sandbox pair in credentials.ts. */
  credentials?: Credential[];
}

export interface IdentifaiDeps {
  clock: Clock;
  registry: JobRegistry;
  submissionTokenTtlMs: number;
  jobDurationMs: number;
  /** The sandbox's fault switch: jobs stay "on going" while it is set. */
  faults?: { readonly stuck: boolean };
}

export function createIdentifaiSandbox(deps: IdentifaiDeps, options: IdentifaiSandboxOptions = {}): Router {
  const credentials = options.credentials ?? [
    { accessKey: SANDBOX_IDENTIFAI.accessKey, secretKey: SANDBOX_IDENTIFAI.secretKey },
  ];
  const ttl = options.hmacTokenTtlSeconds;
  return identifaiRoutes({
    clock: deps.clock,
    credentials,
    hmac: { credentials, clock: deps.clock, maxAgeMs: ttl === undefined || ttl === null ? null : ttl * 1000 },
    tokens: new SubmissionTokenStore(deps.clock, deps.submissionTokenTtlMs),
    jobs: new IdentifaiJobStore(deps.clock, deps.jobDurationMs, deps.faults),
    registry: deps.registry,
    messages: resolveMessages(options.messages),
    catalogue: options.catalogue ?? DEFAULT_CATALOGUE,
    armed: { hideFaceOn: null },
  });
}
