import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_PROVIDERS,
  deleteCredentials,
  listCredentialProviders,
  loadCredentials,
  needsCredentials,
  saveCredentials,
} from '../../../main/keys/credentials';
import { CredentialsMissingError, InvalidCredentialsError } from '../../../main/keys/errors';
import { KeytarSecretStore } from '../../../main/keys/keytar-store';
import { redact } from '../../../main/lib/redact';
import { requireUnlockedKeychain, uniqueService } from './keychain';

requireUnlockedKeychain();

const store = () => new KeytarSecretStore({ service: uniqueService() });
const SECRET = 'sk-live-7f3a9c0e55d1';

describe('credentials in the real keychain', () => {
  it('round-trips each provider’s credentials, trimmed', async () => {
    const keychain = store();
    await saveCredentials(keychain, 'identifai', { accessKey: ' AK-identifai-1 ', secretKey: SECRET });
    await saveCredentials(keychain, 'incode', { apiKey: 'incode-api-key-1' });
    await saveCredentials(keychain, 'faceverify', { clientId: 'client-1', secretKey: 'fv-secret-1' });
    expect(await loadCredentials(keychain, 'identifai')).toEqual({
      accessKey: 'AK-identifai-1',
      secretKey: SECRET,
    });
    expect(await loadCredentials(keychain, 'incode')).toEqual({ apiKey: 'incode-api-key-1' });
    expect(await loadCredentials(keychain, 'faceverify')).toEqual({
      clientId: 'client-1',
      secretKey: 'fv-secret-1',
    });
    expect(await listCredentialProviders(keychain)).toEqual(['faceverify', 'identifai', 'incode']);
    expect(await deleteCredentials(keychain, 'incode')).toBe(true);
    await expect(loadCredentials(keychain, 'incode')).rejects.toThrow(CredentialsMissingError);
  });

  it('registers every loaded value with the log redactor', async () => {
    const keychain = store();
    const secret = `fv-${uniqueService()}`;
    await keychain.set('faceverify', JSON.stringify({ clientId: 'client-registered', secretKey: secret }));
    expect(redact(`calling with ${secret}`)).toContain(secret);
    await loadCredentials(keychain, 'faceverify');
    expect(redact(`calling with ${secret} as client-registered`)).toBe(
      'calling with [redacted] as [redacted]',
    );
  });

  it.each([
    ['a missing field', 'identifai', { accessKey: 'AK-1' }, /secretKey/],
    ['an empty string', 'incode', { apiKey: '   ' }, /apiKey — must not be empty/],
    ['a number', 'incode', { apiKey: 12345678 }, /apiKey — Invalid input: expected string/],
    [
      'an extra field',
      'faceverify',
      { clientId: 'c', secretKey: 's', region: 'id' },
      /unexpected field "region"/,
    ],
    ['not an object', 'identifai', 'AK-1:secret', /expected object/],
  ] as const)(
    'refuses %s, without echoing values, and stores nothing',
    async (_case, provider, json, problem) => {
      const keychain = store();
      const attempt = saveCredentials(keychain, provider, json);
      await expect(attempt).rejects.toThrow(InvalidCredentialsError);
      await expect(attempt).rejects.toThrow(problem);
      const message = await attempt.then(
        () => '',
        (error: Error) => error.message,
      );
      expect(redact(message)).toBe(message);
      for (const value of Object.values(typeof json === 'object' ? json : { json })) {
        if (typeof value === 'string' && value.trim().length > 2) expect(message).not.toContain(value);
      }
      expect(await keychain.list()).toEqual([]);
    },
  );

  it('does not name an unexpected key that looks like a pasted secret', async () => {
    const attempt = saveCredentials(store(), 'incode', { apiKey: 'k', 'Zx9-pasted-secret-0001': 'v' });
    await expect(attempt).rejects.toThrow('unexpected field 1 other');
    await expect(attempt).rejects.not.toThrow(/Zx9/);
  });

  it('refuses stored credentials that are not JSON or not the right shape', async () => {
    const keychain = store();
    await keychain.set('incode', 'not-json-secret-value');
    await expect(loadCredentials(keychain, 'incode')).rejects.toThrow(/not JSON/);
    await expect(loadCredentials(keychain, 'incode')).rejects.not.toThrow(/not-json-secret-value/);
    await keychain.set('identifai', JSON.stringify({ apiKey: 'wrong-provider-key' }));
    await expect(loadCredentials(keychain, 'identifai')).rejects.toThrow(InvalidCredentialsError);
  });

  it('knows which providers need credentials: all but the sandbox', () => {
    expect(CREDENTIAL_PROVIDERS).toEqual(['identifai', 'incode', 'faceverify']);
    expect(needsCredentials('sandbox')).toBe(false);
    expect(needsCredentials('toString')).toBe(false);
  });
});
