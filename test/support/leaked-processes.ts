// Finds the processes a test run left running. Every child a test starts (test/support/processes.ts) carries
// LOKET_TEST_CHILD=<run id> in its environment, and so does everything it starts in turn, so after the last
// test the run's leftovers are the live processes whose /proc/<pid>/environ holds that marker. The run id is
// the global setup's (global-setup.ts), unique per `vitest run`: runs of other checkouts on the same machine
// carry other ids and are never touched. Linux only (/proc); elsewhere nothing is found.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Set by the global setup in vitest's own processes: this run's id. Never on the children. */
export const RUN_VAR = 'LOKET_TEST_RUN';
/** Set on every child a test starts: the id of the run that started it. */
export const CHILD_VAR = 'LOKET_TEST_CHILD';

export interface LeakedProcess {
  pid: number;
  /** Its command line, as `ps` shows it. */
  command: string;
}

/** Live processes carrying CHILD_VAR=runId, read from procDir. Zombies (already dead) have no environment. */
export function findMarkedProcesses(runId: string, procDir = '/proc'): LeakedProcess[] {
  const marker = `${CHILD_VAR}=${runId}`;
  let entries: string[];
  try {
    entries = readdirSync(procDir);
  } catch {
    return [];
  }
  const found: LeakedProcess[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const environ = readProc(join(procDir, entry, 'environ'));
    if (environ === null || !environ.split('\0').includes(marker)) continue;
    const command = (readProc(join(procDir, entry, 'cmdline')) ?? '').split('\0').filter(Boolean).join(' ');
    found.push({ pid: Number(entry), command: command || `(pid ${entry})` });
  }
  return found;
}

/** A /proc file's text, or null when the process is gone or not ours to read. */
function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return null;
  }
}

export interface ReapOptions {
  /** How long processes still exiting (a browser's helpers, a daemon whose bus went away) get to go. */
  graceMs?: number;
  procDir?: string;
}

const POLL_MS = 100;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits up to graceMs for the run's marked processes to be gone, then SIGKILLs whatever is left and returns
 * those: an empty list means nothing leaked.
 */
export async function reapLeakedProcesses(
  runId: string,
  options: ReapOptions = {},
): Promise<LeakedProcess[]> {
  const { graceMs = 3_000, procDir } = options;
  const deadline = Date.now() + graceMs;
  let left = findMarkedProcesses(runId, procDir);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(POLL_MS);
    left = findMarkedProcesses(runId, procDir);
  }
  for (const { pid } of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  return left;
}

export function describeLeaks(leaks: readonly LeakedProcess[]): string {
  const lines = leaks.map(({ pid, command }) => `  pid ${pid}: ${command}`);
  return (
    `${leaks.length} process(es) started by this test run were still running after the last test, and have ` +
    `now been killed. A test that starts a process must stop it (test/support/processes.ts):\n${lines.join('\n')}`
  );
}
