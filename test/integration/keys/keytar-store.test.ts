import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KEYCHAIN_SERVICE,
  keychainService,
  KeytarSecretStore,
  PROBE_ACCOUNT,
} from '../../../main/keys/keytar-store';
import { MemorySecretStore } from '../../../main/keys/memory-store';
import type { SecretStore } from '../../../main/keys/secret-store';
import { requireUnlockedKeychain, uniqueService } from './keychain';

requireUnlockedKeychain();

async function roundTrip(store: SecretStore): Promise<void> {
  expect(await store.list()).toEqual([]);
  expect(await store.get('incode')).toBeNull();
  await store.set('incode', 'value-1');
  await store.set('identifai', '{"accessKey":"a"}');
  await store.set('incode', 'value-2');
  expect(await store.get('incode')).toBe('value-2');
  expect(await store.list()).toEqual(['identifai', 'incode']);
  expect(await store.delete('incode')).toBe(true);
  expect(await store.delete('incode')).toBe(false);
  expect(await store.get('incode')).toBeNull();
  expect(await store.list()).toEqual(['identifai']);
}

describe('KeytarSecretStore against the real keychain', () => {
  it('sets, gets, lists and deletes', async () => {
    await roundTrip(new KeytarSecretStore({ service: uniqueService() }));
  });

  it('keeps services apart and never lists its probe entry', async () => {
    const a = new KeytarSecretStore({ service: uniqueService() });
    const b = new KeytarSecretStore({ service: uniqueService() });
    await a.set('incode', 'only-in-a');
    expect(await b.get('incode')).toBeNull();
    expect(await b.list()).toEqual([]);
    // The probe is really there (that is how a locked keychain is told from an empty one), just not listed.
    expect(await keytar.getPassword(a.service, PROBE_ACCOUNT)).toBe('ok');
    expect(await a.list()).toEqual(['incode']);
  });

  it('takes its service from LOKET_KEYCHAIN_SERVICE in a checkout, defaulting to loket', async () => {
    const service = uniqueService();
    const dev = (env: NodeJS.ProcessEnv) => keychainService({ packaged: false, env });
    expect(dev({ LOKET_KEYCHAIN_SERVICE: service })).toBe(service);
    expect(dev({ LOKET_KEYCHAIN_SERVICE: '  ' })).toBe(DEFAULT_KEYCHAIN_SERVICE);
    expect(dev({})).toBe('loket');
    const previous = process.env.LOKET_KEYCHAIN_SERVICE;
    process.env.LOKET_KEYCHAIN_SERVICE = service;
    try {
      // A packaged kiosk ignores the variable: nothing in its environment points it at other keys.
      expect(keychainService({ packaged: true })).toBe('loket');
      const store = new KeytarSecretStore({ service: keychainService() });
      expect(store.service).toBe(service);
      await store.set('faceverify', 'x');
      expect(await keytar.getPassword(service, 'faceverify')).toBe('x');
    } finally {
      if (previous === undefined) delete process.env.LOKET_KEYCHAIN_SERVICE;
      else process.env.LOKET_KEYCHAIN_SERVICE = previous;
    }
  });

  it('refuses empty values and the probe account', async () => {
    const store = new KeytarSecretStore({ service: uniqueService() });
    await expect(store.set('incode', '')).rejects.toThrow(TypeError);
    await expect(store.set(PROBE_ACCOUNT, 'x')).rejects.toThrow(TypeError);
    await expect(store.get('')).rejects.toThrow(TypeError);
  });
});

describe('MemorySecretStore', () => {
  it('behaves like the keychain', async () => {
    await roundTrip(new MemorySecretStore());
  });
});
