// vitest's global setup: gives the run an id that every child a test starts will carry, and after the last
// test fails the run if any of them is still alive (killing it first), naming each by its command line.
import { randomUUID } from 'node:crypto';
import { describeLeaks, reapLeakedProcesses, RUN_VAR } from './leaked-processes';

/** vitest calls the setup once per project, in one process: only the first installs the check. */
const INSTALLED = Symbol.for('loket.test.leak-check');

export default function setup(): (() => Promise<void>) | undefined {
  const global = globalThis as { [INSTALLED]?: true };
  if (global[INSTALLED]) return undefined;
  global[INSTALLED] = true;
  const runId = randomUUID();
  // The workers are started after this and inherit it; the children get it as CHILD_VAR instead.
  process.env[RUN_VAR] = runId;
  return async () => {
    const leaks = await reapLeakedProcesses(runId);
    if (leaks.length === 0) return;
    // vitest logs a teardown error but keeps the exit code of the tests: set it, so the run fails.
    process.exitCode = 1;
    throw new Error(describeLeaks(leaks));
  };
}
