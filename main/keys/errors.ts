// Typed keychain and credential errors. Messages name the provider and the problem, never a value; each
// carries the bridge code it maps to.
import type { ErrorCode } from '../../common/errors';
import { describeError } from '../lib/redact';

/** The OS keychain is locked, missing, or not answering: a state the operator must fix, not a bug. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
  readonly code: ErrorCode = 'keychain_locked';
  constructor(
    readonly service: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The OS keychain is locked or unavailable (service '${service}'): ${detail}. Unlock the login keyring ` +
        `(on a kiosk: start gnome-keyring-daemon unlocked in the session's D-Bus) and try again.`,
      options,
    );
  }

  static from(service: string, cause: unknown): KeychainUnavailableError {
    return new KeychainUnavailableError(service, describeError(cause), { cause });
  }
}

export class CredentialsMissingError extends Error {
  override readonly name = 'CredentialsMissingError';
  readonly code: ErrorCode = 'credentials_missing';
  constructor(readonly provider: string) {
    super(`No credentials for ${provider} in the keychain. Store them with: npm run keys -- set ${provider}`);
  }
}

/** Credentials that do not have the provider's shape: given to saveCredentials, or found in the keychain. */
export class InvalidCredentialsError extends Error {
  override readonly name = 'InvalidCredentialsError';
  readonly code: ErrorCode = 'credentials_missing';
  constructor(
    readonly provider: string,
    readonly problems: readonly string[],
    expected: string,
  ) {
    super(`Credentials for ${provider} are not valid: ${problems.join('; ')}. Expected ${expected}`);
  }
}
