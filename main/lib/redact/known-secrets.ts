// The exact values Loket knows are secret (API keys, the data key, session tokens) and masks wherever they
// appear. The registry is bounded: credentials are few and refreshed each time they are loaded; session
// tokens expire and the oldest are evicted, so a kiosk that runs for months does not hold every token it
// ever saw (and the cost of masking a line stays flat). Tokens also have shapes the patterns catch.

export type SecretKind = 'credential' | 'session';

interface Tier {
  capacity: number;
  /** null: kept until evicted by newer ones. */
  ttlMs: number | null;
  /** value → when it expires (Infinity when it does not); Map order is recency. */
  entries: Map<string, number>;
}

/** Shorter values (a "1", a port) would mask innocent text everywhere. */
export const MIN_SECRET_LENGTH = 6;

const tiers: Record<SecretKind, Tier> = {
  credential: { capacity: 32, ttlMs: null, entries: new Map() },
  session: { capacity: 256, ttlMs: 6 * 60 * 60 * 1000, entries: new Map() },
};
let now: () => number = Date.now;
/** The sorted list redact() walks, rebuilt only when a secret is added or one expires. */
let cache: { values: string[]; validUntil: number } | null = null;

/** Tests drive expiry with their own clock. */
export function configureSecretClock(clock: () => number): void {
  now = clock;
}

export function rememberSecret(value: string | undefined | null, kind: SecretKind): void {
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  const tier = tiers[kind];
  cache = null;
  tier.entries.delete(value);
  tier.entries.set(value, tier.ttlMs === null ? Infinity : now() + tier.ttlMs);
  while (tier.entries.size > tier.capacity) {
    const oldest = tier.entries.keys().next();
    if (oldest.done) break;
    tier.entries.delete(oldest.value);
  }
}

/** The live secrets, longest first (so a secret containing another is masked whole). */
export function knownSecrets(): readonly string[] {
  const at = now();
  if (cache && at < cache.validUntil) return cache.values;
  const live: string[] = [];
  let validUntil = Infinity;
  for (const tier of Object.values(tiers)) {
    for (const [value, expires] of tier.entries) {
      if (expires <= at) {
        tier.entries.delete(value);
        continue;
      }
      live.push(value);
      validUntil = Math.min(validUntil, expires);
    }
  }
  cache = { values: live.sort((a, b) => b.length - a.length), validUntil };
  return cache.values;
}

export function knownSecretCount(): number {
  return knownSecrets().length;
}

/** For tests: forget everything. */
export function forgetSecrets(): void {
  cache = null;
  for (const tier of Object.values(tiers)) tier.entries.clear();
}
