// Assembles the faceverify.ai stand-in: its session store, its policy and its routes, ready to be mounted.
// What PROTOCOLS.md section 2 marks [UNCONFIRMED] is the sandbox's choice, listed in routes.ts and
// analysis.ts, and the knobs are below.
import type { Clock } from '../../lib/clock';
import { SANDBOX_FACEVERIFY } from '../credentials';
import type { Router } from '../http/router';
import type { JobRegistry } from '../registry';
import { DEFAULT_LIVENESS_THRESHOLD } from './analysis';
import { type FaceverifyClientCredential, faceverifyRoutes } from './routes';
import { SessionStore } from './sessions';

export interface FaceverifySandboxOptions {
  /** Accepted client ids and secrets; default: the published sandbox pair in credentials.ts. */
  credentials?: FaceverifyClientCredential[];
  /** How long a pending hosted session stays open; default 30 minutes. */
  sessionTtlMs?: number;
  /** live = liveness ≥ this; default 0.6. */
  livenessThreshold?: number;
  /** Root of the links handed out (`${publicUrl}/faceverify/new/<Token>`); default: from the Host header. */
  publicUrl?: string;
}

export interface FaceverifyDeps {
  clock: Clock;
  registry: JobRegistry;
}

export const FACEVERIFY_PREFIX = '/faceverify';
export const DEFAULT_SESSION_TTL_MS = 30 * 60 * 1000;

export function createFaceverifySandbox(
  deps: FaceverifyDeps,
  options: FaceverifySandboxOptions = {},
): Router {
  return faceverifyRoutes({
    clock: deps.clock,
    credentials: options.credentials ?? [
      { clientId: SANDBOX_FACEVERIFY.clientId, secretKey: SANDBOX_FACEVERIFY.secretKey },
    ],
    sessions: new SessionStore(deps.clock, options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS),
    registry: deps.registry,
    livenessThreshold: options.livenessThreshold ?? DEFAULT_LIVENESS_THRESHOLD,
    publicUrl: options.publicUrl ?? null,
    prefix: FACEVERIFY_PREFIX,
  });
}

export { AUTH_ERRORS, type AuthErrorCode, type FaceverifyClientCredential } from './routes';
export { FACE_CHECK_MESSAGES, type FaceCheckResult } from './analysis';
export { COMPLETE_HEADING, COMPLETE_TEXT, HOSTED_PAGE_CSP } from './hosted-page';
