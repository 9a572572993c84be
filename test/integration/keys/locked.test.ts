// A keychain that is locked, has no login collection, or cannot be reached at all must fail loudly as
// KeychainUnavailableError, never read as "no credentials" (and never crash: keytar's findCredentials
// segfaults on a locked collection). Each case runs in a D-Bus session and keyring of its own, so locking
// it leaves the keyring the other tests use alone.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, run, runWithPrivateKeyring, TSX, type KeyringMode } from './spawn';

const PROBE = path.join(import.meta.dirname, 'probe-operations.ts');

interface Outcome {
  op: string;
  ok: boolean;
  error?: string;
  message?: string;
}

async function probe(mode: KeyringMode): Promise<Outcome[]> {
  const result = await runWithPrivateKeyring(mode, [TSX, PROBE]);
  expect(result.signal, result.stderr).toBeNull();
  expect(result.code, result.stderr).toBe(0);
  const line = result.stdout.split('\n').find((text) => text.startsWith('OUTCOMES '));
  expect(line, result.stdout).toBeDefined();
  return JSON.parse(line?.slice('OUTCOMES '.length) ?? '[]') as Outcome[];
}

describe('an unavailable keychain', () => {
  it('control: the private keyring, unlocked, works', async () => {
    const outcomes = await probe('unlocked');
    expect(outcomes.map((o) => [o.op, o.ok])).toEqual([
      ['set', true],
      ['get', true],
      ['list', true],
      ['delete', true],
    ]);
  });

  it('locked: every operation throws KeychainUnavailableError, and list does not crash', async () => {
    const outcomes = await probe('locked');
    expect(outcomes).toHaveLength(4);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ ok: false, error: 'KeychainUnavailableError' });
      expect(outcome.message).toMatch(/locked or unavailable/);
    }
  });

  it('no login collection: the same, instead of get() quietly answering null', async () => {
    const outcomes = await probe('missing');
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({ ok: false, error: 'KeychainUnavailableError' });
  });

  it('locked: the CLI exits 1 with a clear message', async () => {
    for (const args of [['list'], ['set', 'incode'], ['delete', 'incode']]) {
      const result = await runWithPrivateKeyring(
        'locked',
        [TSX, CLI, ...args],
        '{"apiKey":"incode-locked-key"}',
      );
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/OS keychain is locked or unavailable \(service 'loket-test'\)/);
      expect(result.stderr).not.toContain('incode-locked-key');
    }
  });

  it('no D-Bus session at all: the CLI exits 1 with a clear message', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    delete env.DISPLAY;
    const result = await run(TSX, [CLI, 'list'], { env, stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/OS keychain is locked or unavailable/);
  });
});
