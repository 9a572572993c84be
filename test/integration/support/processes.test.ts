// The tests' process helper on real processes: a child leads its own process group and carries the run's
// marker; stopping it ends the whole group; and a test that fails or times out still has its children
// killed after it (each `it.fails` below is meant to fail; the test after it checks the cleanup).
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHILD_VAR, RUN_VAR } from '../../support/leaked-processes';
import { spawnTracked, stopProcess } from '../../support/processes';

/** The pids of the live (not zombie) members of process group pgid. */
function groupMembers(pgid: number | undefined): number[] {
  if (pgid === undefined) return [];
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z') members.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return members;
}

describe('spawnTracked and stopProcess', () => {
  it("start a child in a process group of its own, with the run's marker", async () => {
    const child = spawnTracked('sleep', ['71']);
    try {
      await once(child, 'spawn');
      expect(groupMembers(child.pid)).toEqual([child.pid]);
      const environ = readFileSync(`/proc/${child.pid}/environ`, 'latin1').split('\0');
      expect(process.env[RUN_VAR]).toBeTruthy();
      expect(environ).toContain(`${CHILD_VAR}=${process.env[RUN_VAR]}`);
    } finally {
      await stopProcess(child);
    }
  });

  it('end the whole group, also what the leader leaves behind when a gentle signal ends it alone', async () => {
    // sh dies of SIGTERM at once; the two sleeps it started stay, in its group, until the sweep.
    const child = spawnTracked('sh', ['-c', 'sleep 72 & sleep 73 & echo started; wait']);
    await once(child.stdout, 'data');
    expect(groupMembers(child.pid)).toHaveLength(3);
    await stopProcess(child);
    expect(child.signalCode).toBe('SIGTERM');
    await expect.poll(() => groupMembers(child.pid)).toEqual([]);
  });
});

describe('a test that fails or times out', () => {
  let timedOut: ChildProcess | undefined;
  let failed: ChildProcess | undefined;

  it.fails('times out with a child running (meant to fail)', { timeout: 500 }, async () => {
    timedOut = spawnTracked('sh', ['-c', 'sleep 74 & wait']);
    await new Promise(() => undefined);
  });

  it('…and its child and that child’s group were killed after it', async () => {
    expect(timedOut?.pid).toBeDefined();
    await expect.poll(() => groupMembers(timedOut?.pid)).toEqual([]);
  });

  it.fails('throws with a child running (meant to fail)', async () => {
    failed = spawnTracked('sleep', ['75']);
    await once(failed, 'spawn');
    throw new Error('a failing assertion');
  });

  it('…and its child was killed after it', async () => {
    expect(failed?.pid).toBeDefined();
    await expect.poll(() => groupMembers(failed?.pid)).toEqual([]);
  });
});
