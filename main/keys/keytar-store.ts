// SecretStore over keytar (libsecret on Linux). libsecret hides a locked or missing keyring: a read returns
// null as if the secret were absent, and findCredentials on a locked collection crashes the process
// (libsecret asserts on a null value, then segfaults). So every operation first writes and reads back a
// probe entry; only a keychain that passes may be read, and any failure becomes KeychainUnavailableError.
import type * as KeytarModule from 'keytar';
import { KeychainUnavailableError } from './errors';
import type { SecretStore } from './secret-store';

type Keytar = typeof KeytarModule;

export const DEFAULT_KEYCHAIN_SERVICE = 'loket';
/** Written on every probe; never listed. Not a valid provider name, so it cannot collide with one. */
export const PROBE_ACCOUNT = '.loket-probe';
const PROBE_VALUE = 'ok';
/** A keychain waiting on an unlock prompt nobody answers must not hang the kiosk. */
const DEFAULT_TIMEOUT_MS = 15_000;

export interface KeytarStoreOptions {
  /** The keychain service the entries live under; see keychainService(). */
  service: string;
  timeoutMs?: number;
}

/**
 * The service name to use. A developer's checkout (tests, the CLIs, the browser host) may name another
 * with LOKET_KEYCHAIN_SERVICE, so tests work in a keychain of their own; a packaged kiosk always uses
 * 'loket': nothing in its environment can point it at somebody else's keys.
 */
export function keychainService(
  options: { packaged: boolean; env?: NodeJS.ProcessEnv } = { packaged: false },
): string {
  if (options.packaged) return DEFAULT_KEYCHAIN_SERVICE;
  const env = options.env ?? process.env;
  return env.LOKET_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}

export class KeytarSecretStore implements SecretStore {
  readonly service: string;
  private readonly timeoutMs: number;

  constructor(options: KeytarStoreOptions) {
    this.service = options.service;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!this.service) throw new TypeError('The keychain service name must not be empty');
  }

  async get(account: string): Promise<string | null> {
    checkAccount(account);
    const keytar = await this.ready();
    return this.call(() => keytar.getPassword(this.service, account));
  }

  async set(account: string, value: string): Promise<void> {
    checkAccount(account);
    if (!value) throw new TypeError('A secret value must not be empty');
    const keytar = await this.ready();
    await this.call(() => keytar.setPassword(this.service, account, value));
  }

  async delete(account: string): Promise<boolean> {
    checkAccount(account);
    const keytar = await this.ready();
    return this.call(() => keytar.deletePassword(this.service, account));
  }

  async list(): Promise<string[]> {
    const keytar = await this.ready();
    const found = await this.call(() => keytar.findCredentials(this.service));
    return found
      .map((entry) => entry.account)
      .filter((account) => account !== PROBE_ACCOUNT)
      .sort();
  }

  /** Loads keytar and proves the keychain takes a write and gives it back. Runs before every operation,
   *  because a keyring can lock itself (idle, screen lock) at any time. */
  private async ready(): Promise<Keytar> {
    const keytar = await this.call(loadKeytar);
    await this.call(() => keytar.setPassword(this.service, PROBE_ACCOUNT, PROBE_VALUE));
    const echoed = await this.call(() => keytar.getPassword(this.service, PROBE_ACCOUNT));
    if (echoed !== PROBE_VALUE) {
      throw new KeychainUnavailableError(this.service, 'a value just written could not be read back');
    }
    return keytar;
  }

  /** Runs one keychain call with a deadline, turning every failure into KeychainUnavailableError. */
  private async call<T>(operation: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new KeychainUnavailableError(this.service, `no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([operation(), deadline]);
    } catch (error) {
      throw error instanceof KeychainUnavailableError
        ? error
        : KeychainUnavailableError.from(this.service, error);
    } finally {
      clearTimeout(timer);
    }
  }
}

function checkAccount(account: string): void {
  if (!account || account === PROBE_ACCOUNT) throw new TypeError(`Not a usable account name: '${account}'`);
}

let keytarModule: Promise<Keytar> | undefined;

/** Imported on first use, so a native module that failed to build is a keychain error, not a crash on
 *  import of everything that depends on a SecretStore. */
function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((mod) => (mod as Keytar & { default?: Keytar }).default ?? mod);
  return keytarModule;
}
