// "The server stopped and restarted": the sandbox keeps its state in memory, so a restart on the same port is
// a provider that lost every token, job and session. It can be restarted on the same port at once, in-process
// and as `npm run sandbox` after SIGTERM or SIGKILL, and closing never hangs on a request held by a time-out.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../../main/sandbox/server';
import { REPO_ROOT } from '../../../fixtures/images';
import { spawnTracked, stopProcess } from '../../../support/processes';
import { incode } from '../incode/incode-client';
import { freePort, getFaults, jobs } from './helpers';

const TSX = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

/** In a process group of its own (spawnTracked), so the test can end the launcher and the server together. */
function startCli(args: string[]): ChildProcess {
  return spawnTracked(process.execPath, [TSX, 'main/sandbox/cli.ts', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no stdout'));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing: ${stderr}`)));
  });
}

const exitCode = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Starts a request the time-out fault will hold; resolves once the sandbox has counted it. (Wrapped: an
 *  async function returning a bare promise would wait for it.) */
async function holdRequest(url: string): Promise<{ held: Promise<unknown> }> {
  const before = (await getFaults(url)).injected.timeout;
  const held = fetch(`${url}/identifai/public/auth/v1/signatures`, { method: 'POST', body: '{}' }).catch(
    (e: unknown) => e,
  );
  await expect.poll(async () => (await getFaults(url)).injected.timeout).toBe(before + 1);
  return { held };
}

describe('stopping and restarting the sandbox', () => {
  it('restarts in-process on the same port at once, with its state gone', async () => {
    const port = await freePort();
    const first = await startSandbox({ port, faults: { timeoutRate: 1 } });
    expect(first.url).toBe(`http://127.0.0.1:${port}`);
    const { held } = await holdRequest(first.url);
    const closing = Date.now();
    await first.close();
    expect(Date.now() - closing).toBeLessThan(1_000);
    expect(await held).toBeInstanceOf(TypeError);

    const second = await startSandbox({ port });
    try {
      expect(second.url).toBe(first.url);
      const started = await incode(second.url).start({
        countryCode: 'ALL',
        externalCustomerId: 'before-restart',
      });
      expect(started.status).toBe(200);
      await second.close();
      const third = await startSandbox({ port });
      try {
        // A provider outage: the session and the fault policy are gone.
        expect(await jobs(third.url)).toEqual([]);
        expect((await getFaults(third.url)).policy.timeoutRate).toBe(0);
        const session = await incode(third.url).request('GET', '/omni/get/onboarding/status', {
          'x-api-key': 'loket-sandbox-incode-key',
          'api-version': '1.0',
          'X-Incode-Hardware-Id': String(started.json.token),
        });
        expect(session.status).toBe(401);
      } finally {
        await third.close();
      }
    } finally {
      await second.close().catch(() => undefined);
    }
  });

  // `npm run sandbox` is a wrapper (npm → tsx → node): SIGTERM is relayed to the server, which closes; a
  // SIGKILL must reach the whole process group, as a terminal or a supervisor sends it, or the orphaned server
  // keeps the port.
  it.each([
    ['SIGTERM to the launcher', 'SIGTERM', false],
    ['SIGKILL to its process group', 'SIGKILL', true],
  ] as const)(
    '`npm run sandbox -- --port P` comes back on the same port right after %s',
    async (_name, signal, group) => {
      const port = await freePort();
      const first = startCli(['--port', String(port), '--timeout-rate', '1']);
      let second: ChildProcess | undefined;
      try {
        const url = await firstLine(first);
        expect(url).toBe(`http://127.0.0.1:${port}`);
        const { held } = await holdRequest(url);
        if (group) process.kill(-(first.pid ?? 0), signal);
        else first.kill(signal);
        expect(await exitCode(first)).toBe(group ? null : 0);
        expect(await held).toBeInstanceOf(TypeError);
        second = startCli(['--port', String(port)]);
        expect(await firstLine(second)).toBe(url);
        expect(await (await fetch(`${url}/_sandbox/health`)).json()).toEqual({ ok: true });
        expect((await getFaults(url)).policy.timeoutRate).toBe(0);
      } finally {
        for (const child of [first, second]) if (child) await stopProcess(child, { signal: 'SIGKILL' });
      }
    },
  );
});
