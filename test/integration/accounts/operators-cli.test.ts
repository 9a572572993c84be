// `npm run operators` as IT runs it: the real CLI as a child process, the store opened with the data key from
// a real keychain (a private gnome-keyring in a D-Bus session of its own, as the keys tests use), the
// password piped in on standard input.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runWithPrivateKeyring, TSX } from '../keys/spawn';

const CLI = path.join(ROOT, 'main/accounts/cli.ts');
const PASSWORD = 'kata-sandi-kepala-cabang';
const NEW_PASSWORD = 'kata-sandi-baru-sekali';

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-operators-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** One shell word, single-quoted. */
const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** Each step in turn in one private keyring (so they share the data key); `stdin` is piped to that step. */
function runAll(steps: Array<{ args: string[]; stdin?: string }>) {
  const script = steps
    .map(({ args, stdin }) => {
      const command = [TSX, CLI, ...args].map(quote).join(' ');
      // `; echo "exit=$?"` so every step's exit code is seen, also after a failing one.
      return `${stdin === undefined ? '' : `printf '%s\\n' ${quote(stdin)} | `}${command}; echo "exit=$?"`;
    })
    .join('; ');
  return runWithPrivateKeyring('unlocked', ['sh', '-c', script]);
}

describe('npm run operators (child process)', () => {
  it('adds, lists, disables and resets operators; never prints a password', async () => {
    const dir = dataDir();
    const result = await runAll([
      { args: ['add', 'Kepala Cabang', '--role', 'admin', '--data', dir], stdin: PASSWORD },
      { args: ['add', 'Siti Rahma', '--role', 'operator', '--data', dir], stdin: PASSWORD },
      { args: ['add', 'SITI RAHMA', '--role', 'supervisor', '--data', dir], stdin: PASSWORD },
      { args: ['disable', 'siti rahma', '--data', dir] },
      { args: ['list', '--data', dir] },
      { args: ['reset', 'Siti Rahma', '--data', dir], stdin: NEW_PASSWORD },
      { args: ['list', '--data', dir] },
    ]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('exit='))).toEqual([
      'exit=0',
      'exit=0',
      'exit=1',
      'exit=0',
      'exit=0',
      'exit=0',
      'exit=0',
    ]);
    expect(lines).toContain('Added admin Kepala Cabang.');
    expect(lines).toContain('Disabled Siti Rahma.');
    expect(lines).toContain('Set a new password for Siti Rahma and enabled the account again.');
    expect(result.stderr).toMatch(/an operator named SITI RAHMA exists already/);
    const lists = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as unknown);
    expect(lists).toEqual([
      {
        operators: [
          expect.objectContaining({ name: 'Kepala Cabang', role: 'admin', status: 'active' }),
          expect.objectContaining({ name: 'Siti Rahma', role: 'operator', status: 'disabled' }),
        ],
      },
      {
        operators: [
          expect.objectContaining({ name: 'Kepala Cabang', status: 'active' }),
          expect.objectContaining({ name: 'Siti Rahma', status: 'active' }),
        ],
      },
    ]);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    expect(result.stdout + result.stderr).not.toContain(NEW_PASSWORD);
    expect(result.stdout + result.stderr).not.toMatch(/scrypt/);
  });

  it('refuses a short password and a bad role with exit 2, creating nothing', async () => {
    const dir = dataDir();
    const result = await runAll([
      { args: ['add', 'Siti', '--role', 'operator', '--data', dir], stdin: 'pendek' },
      { args: ['add', 'Siti', '--role', 'root', '--data', dir], stdin: PASSWORD },
      { args: ['list', '--data', dir] },
    ]);
    expect(result.stdout.trim().split('\n')).toEqual(['exit=2', 'exit=2', 'exit=1']);
    expect(result.stderr).toMatch(/a password is at least 10 characters/);
    expect(result.stderr).toMatch(/unknown role 'root'/);
    expect(result.stderr).toMatch(/there is no Loket database/);
    expect(result.stderr).not.toContain('pendek');
    expect(fs.existsSync(path.join(dir, 'loket.db'))).toBe(false);
  });

  it('a locked keychain is exit 1 with a message saying so', async () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'loket.db'), Buffer.alloc(4096, 1));
    const result = await runWithPrivateKeyring('locked', [TSX, CLI, 'list', '--data', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/keychain is locked or unavailable/);
  });
});
