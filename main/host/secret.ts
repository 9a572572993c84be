// The per-run key that lets only the page the host opened drive the bridge: other local pages (any site
// in the same browser) can reach 127.0.0.1 too, but cannot read the key from our URL fragment.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newHostKey(): string {
  return randomBytes(24).toString('base64url');
}

export function keyMatches(expected: string, presented: string | null | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
