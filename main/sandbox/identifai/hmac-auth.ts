// Verifies the HMAC header pair (Authorization + x-nodeflux-timestamp) by recomputing the token from the
// access key's secret, instead of remembering issued tokens: that is what the real server most plausibly
// does (PROTOCOLS 1.3), and it lets a client sign with a cached token across sandbox restarts.
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../lib/clock';
import {
  SIGNING_PATH,
  TIMESTAMP_HEADER,
  computeToken,
  parseAuthorization,
  parseTimestamp,
} from './signature';

export interface Credential {
  accessKey: string;
  secretKey: string;
}

export interface HmacPolicy {
  credentials: readonly Credential[];
  clock: Clock;
  /** How long a signature stays valid; null = forever (the real lifetime is [UNCONFIRMED]). */
  maxAgeMs: number | null;
}

export type HmacResult = { ok: true; accessKey: string } | { ok: false; reason: string };

export function verifyHmac(
  authorization: string,
  timestamp: string | undefined,
  policy: HmacPolicy,
): HmacResult {
  const parsed = parseAuthorization(authorization);
  if (!parsed) return { ok: false, reason: 'malformed Authorization header' };
  if (!timestamp) return { ok: false, reason: `missing ${TIMESTAMP_HEADER} header` };
  const signedAt = parseTimestamp(timestamp);
  if (signedAt === undefined) return { ok: false, reason: `malformed ${TIMESTAMP_HEADER} header` };
  if (parsed.date !== timestamp.slice(0, 8)) return { ok: false, reason: 'credential date does not match' };
  if (parsed.scope !== SIGNING_PATH) return { ok: false, reason: 'unexpected credential scope' };
  if (parsed.signedHeaders.toLowerCase() !== TIMESTAMP_HEADER) {
    return { ok: false, reason: 'unexpected SignedHeaders' };
  }
  const credential = policy.credentials.find((c) => c.accessKey === parsed.accessKey);
  if (!credential) return { ok: false, reason: 'unknown access key' };
  const expected = Buffer.from(computeToken(credential.secretKey, timestamp), 'utf8');
  const given = Buffer.from(parsed.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'signature mismatch' };
  }
  if (policy.maxAgeMs !== null && policy.clock.now() - signedAt > policy.maxAgeMs) {
    return { ok: false, reason: 'signature expired' };
  }
  return { ok: true, accessKey: credential.accessKey };
}
