// The audit key: 32 random bytes in the OS keychain (base64, account 'audit-key'), the HMAC key of the
// audit chain. Whoever holds only loket.db (and even its data key) cannot compute a valid MAC, so cannot
// rewrite the chain undetected. Created on the first start with an empty audit log; after that only read.
// A key that has gone missing while entries exist is an error for a person to resolve (restore the keychain
// from its backup), never a reason to make a new key: every earlier entry would then read as edited.
import { randomBytes } from 'node:crypto';
import { KeychainUnavailableError } from '../keys/errors';
import type { SecretStore } from '../keys/secret-store';
import { createLogger } from '../lib/log';
import { registerCredential } from '../lib/redact';

/** Not a provider name, so `npm run keys` neither lists it nor lets it be set or deleted. */
export const AUDIT_KEY_ACCOUNT = 'audit-key';
export const AUDIT_KEY_BYTES = 32;

const log = createLogger('audit');

export type AuditKeyProblem = 'key_missing' | 'key_invalid';

export class AuditKeyError extends Error {
  override readonly name = 'AuditKeyError';
  constructor(readonly problem: AuditKeyProblem) {
    super(
      (problem === 'key_missing'
        ? `The audit log has entries, but the keychain holds no '${AUDIT_KEY_ACCOUNT}' to verify or extend them.`
        : `The keychain entry '${AUDIT_KEY_ACCOUNT}' is not a Loket audit key (expected ${AUDIT_KEY_BYTES} bytes in base64).`) +
        ` Nothing has been changed. Restore the keychain entry '${AUDIT_KEY_ACCOUNT}' of this computer's login keyring from its backup.`,
    );
  }
}

/** The audit key, or a new one when there is none and the log is empty (`entries` = rows in audit_log). */
export async function loadOrCreateAuditKey(secrets: SecretStore, entries: number): Promise<Buffer> {
  const stored = await secrets.get(AUDIT_KEY_ACCOUNT);
  if (stored !== null) {
    registerCredential(stored);
    const key = decodeKey(stored);
    if (!key) throw new AuditKeyError('key_invalid');
    return key;
  }
  if (entries > 0) throw new AuditKeyError('key_missing');
  return createAuditKey(secrets);
}

/** The audit key for reading only (verify, list, exports): never creates one. */
export async function loadAuditKey(secrets: SecretStore): Promise<Buffer | null> {
  const stored = await secrets.get(AUDIT_KEY_ACCOUNT);
  if (stored === null) return null;
  registerCredential(stored);
  const key = decodeKey(stored);
  if (!key) throw new AuditKeyError('key_invalid');
  return key;
}

async function createAuditKey(secrets: SecretStore): Promise<Buffer> {
  const key = randomBytes(AUDIT_KEY_BYTES);
  const encoded = key.toString('base64');
  registerCredential(encoded);
  await secrets.set(AUDIT_KEY_ACCOUNT, encoded);
  // Read back before anything is MACed with it: entries under a key the keychain did not keep are unverifiable.
  if ((await secrets.get(AUDIT_KEY_ACCOUNT)) !== encoded) {
    throw new KeychainUnavailableError(
      serviceOf(secrets),
      'the new audit key could not be read back after it was stored',
    );
  }
  log.info('created the audit key in the keychain');
  return key;
}

/** Exactly 32 bytes in canonical base64, or null. */
function decodeKey(encoded: string): Buffer | null {
  const trimmed = encoded.trim();
  const key = Buffer.from(trimmed, 'base64');
  return key.length === AUDIT_KEY_BYTES && key.toString('base64') === trimmed ? key : null;
}

function serviceOf(secrets: SecretStore): string {
  const service = (secrets as { service?: unknown }).service;
  return typeof service === 'string' ? service : 'loket';
}
