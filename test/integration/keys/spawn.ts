// Runs the keys CLI (or any command) as a child process and collects what it printed. The child is tracked
// (test/support/processes.ts): one that never ends is killed after the test that started it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnTracked, stopProcess } from '../../support/processes';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
export const CLI = path.join(ROOT, 'main/keys/cli.ts');
const PRIVATE_KEYRING = path.join(import.meta.dirname, 'with-private-keyring.sh');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function run(
  command: string,
  args: readonly string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args, { cwd: ROOT, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // Once it has ended, sweep its process group: a daemon it started (dbus-daemon, gnome-keyring-daemon)
    // must not outlive it.
    child.on(
      'close',
      (code, signal) => void stopProcess(child).then(() => resolve({ code, signal, stdout, stderr })),
    );
    child.stdin.end(options.stdin ?? '');
  });
}

/** `tsx main/keys/cli.ts ARGS` in the current D-Bus session, in the given keychain service. */
export function runCli(service: string, args: readonly string[], stdin?: string): Promise<Run> {
  return run(TSX, [CLI, ...args], { stdin, env: { ...process.env, LOKET_KEYCHAIN_SERVICE: service } });
}

export type KeyringMode = 'unlocked' | 'locked' | 'missing';

/** COMMAND in a D-Bus session and keyring of its own (see with-private-keyring.sh). */
export async function runWithPrivateKeyring(
  mode: KeyringMode,
  command: readonly string[],
  stdin?: string,
): Promise<Run> {
  const dataHome = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-keyring-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_DATA_HOME: dataHome,
    LOKET_KEYCHAIN_SERVICE: 'loket-test',
  };
  // Otherwise the new gnome-keyring-daemon would join the outer session's daemon instead of starting its own.
  delete env.GNOME_KEYRING_CONTROL;
  delete env.DBUS_SESSION_BUS_ADDRESS;
  try {
    return await run('dbus-run-session', ['--', 'sh', PRIVATE_KEYRING, mode, ...command], { env, stdin });
  } finally {
    fs.rmSync(dataHome, { recursive: true, force: true });
  }
}
