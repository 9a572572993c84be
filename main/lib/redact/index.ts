// One redaction for everything that reaches a log or crosses the bridge: no key, token, NIK or image may
// leave main. Known secret values are masked wherever they appear; the patterns catch what cannot be known
// in advance; values are redacted before they are serialised.
import { rememberSecret } from './known-secrets';
import { redactText } from './value';

export { configureSecretClock, forgetSecrets, knownSecretCount } from './known-secrets';
export { redactText as redact, redactValue } from './value';

/** A long-lived credential (API key, secret key, the data key): kept until newer ones evict it. */
export function registerCredential(value: string | undefined | null): void {
  rememberSecret(value, 'credential');
}

/** A session token or other short-lived secret: masked for some hours, then forgotten. */
export function registerSecret(value: string | undefined | null): void {
  rememberSecret(value, 'session');
}

/** A redacted, single-line description of anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return redactText(`${error.name}: ${error.message}`).replace(/\s*\n\s*/g, ' ');
  return redactText(String(error)).replace(/\s*\n\s*/g, ' ');
}
