// Request checks, in this order (PROTOCOLS 3.1): `x-api-key` (403; not asked on the token-only `/0/omni/...`
// paths the seed describes for SDKs), `api-version` (400), then — on every call after /omni/start — the session
// token in `X-Incode-Hardware-Id` (401 when missing, unknown or expired).
import type { IncomingMessage } from 'node:http';
import { header } from '../http/io';
import { type IncodeError, httpError } from './errors';
import type { IncodeSession, IncodeSessionStore } from './sessions';

export const API_KEY_HEADER = 'x-api-key';
export const API_VERSION_HEADER = 'api-version';
export const TOKEN_HEADER = 'x-incode-hardware-id';

export interface AuthPolicy {
  apiKeys: readonly string[];
  apiVersions: readonly string[];
}

/** The api-key and api-version checks; null when both pass. */
export function checkClientHeaders(
  req: IncomingMessage,
  policy: AuthPolicy,
  requireApiKey: boolean,
): IncodeError | null {
  if (requireApiKey) {
    const key = header(req, API_KEY_HEADER)?.trim();
    if (!key) return httpError(403, 'Missing x-api-key header');
    if (!policy.apiKeys.includes(key)) return httpError(403, 'Invalid api key');
  }
  const version = header(req, API_VERSION_HEADER)?.trim();
  if (!version) return httpError(400, 'Missing api-version header');
  if (!policy.apiVersions.includes(version)) return httpError(400, `Unsupported api-version: ${version}`);
  return null;
}

export type SessionGate =
  { ok: true; session: IncodeSession; expired: boolean } | { ok: false; error: IncodeError };

/** Finds the session of the token; an expired one is returned flagged, the caller decides. */
export function authenticateSession(
  req: IncomingMessage,
  sessions: IncodeSessionStore,
  isExpired: (session: IncodeSession) => boolean,
): SessionGate {
  const token = header(req, TOKEN_HEADER)?.trim();
  if (!token) return { ok: false, error: httpError(401, 'Missing X-Incode-Hardware-Id header') };
  const session = sessions.withToken(token);
  if (!session) return { ok: false, error: httpError(401, 'Invalid token') };
  return { ok: true, session, expired: isExpired(session) };
}
