// The key loket.db is encrypted with: 32 random bytes, kept in the OS keychain (base64, account 'data-key')
// and nowhere else. Created once, on the first start with no database; after that only ever read. A key
// that has gone missing while the encrypted database is still there is an error for a person to resolve,
// never a reason to make a new key (which would leave the data unreadable for good).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createLogger } from '../lib/log';
import { registerCredential } from '../lib/redact';
import { DATABASE_FILE } from '../store/connection';
import { DATA_KEY_BYTES, DatabaseKeyError, databaseFileState } from '../store/encryption';
import { KeychainUnavailableError } from './errors';
import { keychainService } from './keytar-store';
import type { SecretStore } from './secret-store';

/** Not a provider name, so `npm run keys` neither lists it nor lets it be set or deleted. */
export const DATA_KEY_ACCOUNT = 'data-key';

const log = createLogger('keys');

/**
 * The data key for dataDir/loket.db: the one in the keychain, or a new one when there is none and no
 * encrypted database either (a first start, or an unencrypted loket.db from an earlier Loket, which openStore
 * then encrypts). Throws DatabaseKeyError when the key is missing or unusable but encrypted data exists, and
 * KeychainUnavailableError (from the SecretStore) when the keychain is locked: never creates a key over data.
 */
export async function loadOrCreateDataKey(secrets: SecretStore, dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, DATABASE_FILE);
  const stored = await secrets.get(DATA_KEY_ACCOUNT);
  if (stored !== null) {
    registerCredential(stored);
    const key = decodeKey(stored);
    if (!key) throw new DatabaseKeyError('key_invalid', file);
    return key;
  }

  const state = databaseFileState(file);
  if (state === 'encrypted') throw new DatabaseKeyError('key_missing', file);
  const key = randomBytes(DATA_KEY_BYTES);
  const encoded = key.toString('base64');
  registerCredential(encoded);
  await secrets.set(DATA_KEY_ACCOUNT, encoded);
  // Read back before any data is encrypted with it: a key the keychain did not keep would lose everything.
  if ((await secrets.get(DATA_KEY_ACCOUNT)) !== encoded) {
    throw new KeychainUnavailableError(
      serviceOf(secrets),
      'the new database key could not be read back after it was stored',
    );
  }
  log.info('created the database key in the keychain', { existingDatabase: state === 'plaintext' });
  return key;
}

/** Exactly 32 bytes in canonical base64, or null. */
function decodeKey(encoded: string): Buffer | null {
  const trimmed = encoded.trim();
  const key = Buffer.from(trimmed, 'base64');
  return key.length === DATA_KEY_BYTES && key.toString('base64') === trimmed ? key : null;
}

function serviceOf(secrets: SecretStore): string {
  const service = (secrets as { service?: unknown }).service;
  return typeof service === 'string' ? service : keychainService();
}
