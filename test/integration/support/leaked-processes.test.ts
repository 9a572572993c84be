// The leak check the global setup runs after the last test, on its own: real processes, deliberately left
// running, carrying a run id of this file's own, so the real run's check never sees them (and each is
// killed in a finally whatever the test's outcome).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CHILD_VAR,
  describeLeaks,
  findMarkedProcesses,
  reapLeakedProcesses,
} from '../../support/leaked-processes';

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A process as a leaky test would leave it: detached, marked with runId (or unmarked). */
function leak(seconds: number, runId: string | null): ChildProcess {
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== CHILD_VAR),
  );
  if (runId !== null) env[CHILD_VAR] = runId;
  return spawn('sleep', [String(seconds)], { env, detached: true, stdio: 'ignore' });
}

async function end(...children: ChildProcess[]): Promise<void> {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

describe('the leak check', () => {
  it("finds the run's marked processes by command line, and nothing of another run or unmarked", async () => {
    const runId = randomUUID();
    const mine = leak(61, runId);
    const otherRun = leak(62, randomUUID());
    const unmarked = leak(63, null);
    try {
      await once(mine, 'spawn');
      expect(findMarkedProcesses(runId)).toEqual([{ pid: mine.pid, command: 'sleep 61' }]);
    } finally {
      await end(mine, otherRun, unmarked);
    }
    expect(findMarkedProcesses(runId)).toEqual([]);
  });

  it('kills what is still alive after the grace time and names it', async () => {
    const runId = randomUUID();
    const child = leak(64, runId);
    try {
      await once(child, 'spawn');
      const exited = once(child, 'exit');
      const leaks = await reapLeakedProcesses(runId, { graceMs: 200 });
      expect(leaks).toEqual([{ pid: child.pid, command: 'sleep 64' }]);
      await exited;
      expect(alive(child.pid)).toBe(false);
      expect(describeLeaks(leaks)).toContain(`pid ${child.pid}: sleep 64`);
    } finally {
      await end(child);
    }
  });

  it('reports nothing when the processes end on their own within the grace time', async () => {
    const runId = randomUUID();
    const child = leak(0.3, runId);
    try {
      await once(child, 'spawn');
      expect(findMarkedProcesses(runId)).toHaveLength(1);
      expect(await reapLeakedProcesses(runId, { graceMs: 5_000 })).toEqual([]);
    } finally {
      await end(child);
    }
  });
});
