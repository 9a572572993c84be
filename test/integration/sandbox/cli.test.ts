// `npm run sandbox` as a real process: prints its URL on a line of its own, serves, stops cleanly on SIGTERM
// and SIGINT, and refuses bad arguments with a clear message.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/images';
import { spawnTracked, stopProcess } from '../../support/processes';

const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

function startCli(args: string[]): ChildProcess {
  return spawnTracked(process.execPath, [TSX, 'main/sandbox/cli.ts', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('npm run sandbox', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints the base URL, serves, and closes on %s', async (signal) => {
    const child = startCli(['--port', '0', '--submission-token-ttl', '5', '--latency', '0']);
    try {
      const url = await firstLine(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${url}/_sandbox/health`);
      expect(await health.json()).toEqual({ ok: true });
      child.kill(signal);
      expect(await exitCode(child)).toBe(0);
      await expect(fetch(`${url}/_sandbox/health`)).rejects.toThrow();
    } finally {
      await stopProcess(child, { signal: 'SIGKILL' });
    }
  });

  it('refuses bad arguments with a message and exit code 2', async () => {
    const child = startCli(['--port', 'eighty']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitCode(child)).toBe(2);
    expect(stderr).toContain('--port must be a whole number');
    expect(stderr).toContain('usage: npm run sandbox');
  });
});
