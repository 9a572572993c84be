// Shared by the keychain tests: each test gets a keychain service of its own and leaves nothing behind.
// They run against the real Secret Service; see README.md for the D-Bus session they need.
import { randomBytes } from 'node:crypto';
import keytar from 'keytar';
import { afterEach, beforeAll } from 'vitest';
import { KeytarSecretStore } from '../../../main/keys/keytar-store';

const used = new Set<string>();

export function uniqueService(): string {
  const service = `loket-test-${process.pid}-${randomBytes(4).toString('hex')}`;
  used.add(service);
  return service;
}

/** Fails the suite early, with the fix, when there is no unlocked keychain to test against. */
export function requireUnlockedKeychain(): void {
  beforeAll(async () => {
    const store = new KeytarSecretStore({ service: uniqueService(), timeoutMs: 5_000 });
    try {
      await store.list();
    } catch (error) {
      throw new Error(
        `These tests need an unlocked Secret Service in a D-Bus session; run them with ` +
          `test/integration/keys/run.sh (or see test/integration/keys/README.md). Cause: ${String(error)}`,
      );
    }
  });

  // keytar directly, so cleanup also removes the probe entry the store writes.
  afterEach(async () => {
    for (const service of used) {
      for (const { account } of await keytar.findCredentials(service))
        await keytar.deletePassword(service, account);
    }
    used.clear();
  });
}
