// The database key against the real keychain: created once, the same key ever after, and never created
// over an encrypted loket.db whose key has gone. It sits beside the provider keys but is not one: `npm run
// keys` neither lists it nor deletes it. A locked keychain is KeychainUnavailableError, not a new key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_KEY_ACCOUNT, loadOrCreateDataKey } from '../../../main/keys/data-key';
import { EXIT_USAGE, runKeysCommand } from '../../../main/keys/keys-command';
import { KeytarSecretStore } from '../../../main/keys/keytar-store';
import { DATABASE_FILE, openStore } from '../../../main/store/connection';
import { DatabaseKeyError } from '../../../main/store/encryption';
import { createRecord, getRecord } from '../../../main/store/records';
import { requireUnlockedKeychain, uniqueService } from './keychain';
import { runCli, runWithPrivateKeyring, TSX } from './spawn';

requireUnlockedKeychain();

const PROBE = path.join(import.meta.dirname, 'probe-data-key.ts');
const dirs: string[] = [];

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-data-key-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function keychain(): KeytarSecretStore {
  return new KeytarSecretStore({ service: uniqueService() });
}

describe('loadOrCreateDataKey', () => {
  it('creates a 32-byte key once, stores it as base64, and returns the same key after', async () => {
    const secrets = keychain();
    const dir = dataDir();
    const key = await loadOrCreateDataKey(secrets, dir);
    expect(key).toHaveLength(32);
    expect(await keytar.getPassword(secrets.service, DATA_KEY_ACCOUNT)).toBe(key.toString('base64'));

    // A second start, with and without the database it has since written.
    expect((await loadOrCreateDataKey(secrets, dir)).equals(key)).toBe(true);
    const store = openStore(dir, { key });
    createRecord(store, {
      id: 'DATAKEY01',
      mode: 'assisted',
      provider: 'sandbox',
      now: new Date().toISOString(),
    });
    store.close();
    const again = await loadOrCreateDataKey(new KeytarSecretStore({ service: secrets.service }), dir);
    expect(again.equals(key)).toBe(true);
    const reopened = openStore(dir, { key: again });
    expect(getRecord(reopened, 'DATAKEY01')?.status).toBe('captured');
    reopened.close();
  });

  it('refuses to create a key over an encrypted database whose key is gone, and touches nothing', async () => {
    const secrets = keychain();
    const dir = dataDir();
    const file = path.join(dir, DATABASE_FILE);
    const key = await loadOrCreateDataKey(secrets, dir);
    openStore(dir, { key }).close();
    await keytar.deletePassword(secrets.service, DATA_KEY_ACCOUNT);
    const before = fs.readFileSync(file);

    const attempt = loadOrCreateDataKey(secrets, dir);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseKeyError);
    await expect(attempt).rejects.toMatchObject({ problem: 'key_missing', code: 'storage' });
    await expect(attempt).rejects.toThrow(/not in this computer's keychain.*kept untouched/s);
    expect(await keytar.getPassword(secrets.service, DATA_KEY_ACCOUNT)).toBeNull();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([DATABASE_FILE]);

    // Putting the key back is the way out.
    await secrets.set(DATA_KEY_ACCOUNT, key.toString('base64'));
    expect((await loadOrCreateDataKey(secrets, dir)).equals(key)).toBe(true);
  });

  it('creates the key for an unencrypted loket.db from an earlier Loket (openStore then encrypts it)', async () => {
    const secrets = keychain();
    const dir = dataDir();
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const plain = new Database(path.join(dir, DATABASE_FILE));
    plain.exec('CREATE TABLE t (x TEXT)');
    plain.close();
    const key = await loadOrCreateDataKey(secrets, dir);
    expect(key).toHaveLength(32);
    expect(await keytar.getPassword(secrets.service, DATA_KEY_ACCOUNT)).toBe(key.toString('base64'));
  });

  it('never overwrites a keychain entry that is not a key', async () => {
    const secrets = keychain();
    const dir = dataDir();
    await secrets.set(DATA_KEY_ACCOUNT, 'not-a-key');
    await expect(loadOrCreateDataKey(secrets, dir)).rejects.toMatchObject({
      name: 'DatabaseKeyError',
      problem: 'key_invalid',
    });
    expect(await keytar.getPassword(secrets.service, DATA_KEY_ACCOUNT)).toBe('not-a-key');
    expect(fs.existsSync(path.join(dir, DATABASE_FILE))).toBe(false);
  });
});

describe('the data key and `npm run keys`', () => {
  it('is not listed as a provider and cannot be deleted or overwritten with the CLI', async () => {
    const secrets = keychain();
    const key = await loadOrCreateDataKey(secrets, dataDir());
    const encoded = key.toString('base64');

    const list = await runCli(secrets.service, ['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe('');
    expect(list.stdout + list.stderr).not.toContain(DATA_KEY_ACCOUNT);
    expect(list.stdout + list.stderr).not.toContain(encoded);

    for (const command of ['delete', 'set']) {
      const result = await runCli(secrets.service, [command, DATA_KEY_ACCOUNT], '{"apiKey":"x"}');
      expect(result.code).toBe(EXIT_USAGE);
      expect(result.stderr).toMatch(/unknown provider 'data-key'/);
    }
    expect(await keytar.getPassword(secrets.service, DATA_KEY_ACCOUNT)).toBe(encoded);
  });

  it('stays out of the in-process command too', async () => {
    const secrets = keychain();
    await loadOrCreateDataKey(secrets, dataDir());
    const out: string[] = [];
    const io = {
      readStdin: async () => '',
      out: (line: string) => out.push(line),
      err: (line: string) => out.push(line),
      openStore: () => secrets,
    };
    expect(await runKeysCommand(['delete', DATA_KEY_ACCOUNT], io)).toBe(EXIT_USAGE);
    expect(await runKeysCommand(['list'], io)).toBe(0);
    expect(out.join('\n')).not.toMatch(/^data-key$/m);
    expect(await secrets.get(DATA_KEY_ACCOUNT)).not.toBeNull();
  });
});

describe('the data key with a locked keychain', () => {
  it('is KeychainUnavailableError: no key created, no database written', async () => {
    const dir = dataDir();
    const result = await runWithPrivateKeyring('locked', [TSX, PROBE, dir]);
    expect(result.signal, result.stderr).toBeNull();
    const line = result.stdout.split('\n').find((text) => text.startsWith('OUTCOME '));
    expect(line, result.stdout + result.stderr).toBeDefined();
    const outcome = JSON.parse(line?.slice('OUTCOME '.length) ?? '{}') as Record<string, unknown>;
    expect(outcome).toMatchObject({ ok: false, error: 'KeychainUnavailableError' });
    expect(outcome.message).toMatch(/locked or unavailable/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('control: the same probe in an unlocked private keyring creates the key', async () => {
    const result = await runWithPrivateKeyring('unlocked', [TSX, PROBE, dataDir()]);
    expect(result.stdout).toContain('OUTCOME {"ok":true,"bytes":32}');
  });
});
