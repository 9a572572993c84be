// The one way tests start a process. Each child gets a process group of its own (so a wrapper such as tsx
// and the node it starts end together) and the run's marker (leaked-processes.ts), and is tracked until it is
// stopped: one started inside a test is killed after that test, one started in a beforeAll after the file,
// whether the test passed, failed or timed out, and all of them if the worker itself exits. A test still
// stops its processes itself, gracefully where that matters; this is what runs when it could not.
import {
  spawn,
  type ChildProcess,
  type ChildProcessWithoutNullStreams,
  type SpawnOptions,
  type SpawnOptionsWithoutStdio,
} from 'node:child_process';
import { once } from 'node:events';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { CHILD_VAR, RUN_VAR } from './leaked-processes';

/** The global setup's run id; a fallback of this worker's own when vitest runs without it. */
const runId = process.env[RUN_VAR] ?? `no-global-setup-${process.pid}`;

/** The environment for a child this run starts: env plus the run's marker. */
export function markedEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, [CHILD_VAR]: runId };
}

type Scope = 'test' | 'file';
const tracked = new Map<ChildProcess, Scope>();
let inTest = false;

beforeEach(() => {
  inTest = true;
});
afterEach(async () => {
  inTest = false;
  await stopAll('test');
});
afterAll(async () => {
  await stopAll('file');
});

// Every child of this worker, across test files: if the worker exits with any still running (a crash, vitest
// ending it), they go with it.
const REGISTRY = Symbol.for('loket.test.processes');
const registry = ((globalThis as { [REGISTRY]?: Set<ChildProcess> })[REGISTRY] ??= exitingWith(new Set()));

function exitingWith(children: Set<ChildProcess>): Set<ChildProcess> {
  process.once('exit', () => children.forEach((child) => signalGroup(child, 'SIGKILL')));
  return children;
}

/** child_process.spawn, in a process group of its own, marked, tracked until stopped. */
export function spawnTracked(
  command: string,
  args: readonly string[],
  options?: SpawnOptionsWithoutStdio,
): ChildProcessWithoutNullStreams;
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions): ChildProcess;
export function spawnTracked(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true, env: markedEnv(options.env) });
  return track(child);
}

/** Tracks a child started elsewhere (a browser's process), which must lead its own process group. */
export function track<T extends ChildProcess | null>(child: T): T {
  if (child === null) return child;
  tracked.set(child, inTest ? 'test' : 'file');
  // Kept after it exits, until stopProcess sweeps its group: a leader killed alone (SIGKILL to tsx) leaves
  // its own children running in that group.
  registry.add(child);
  return child;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Signals the child's whole process group; false if there is none left. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends the child and its process group. A gentle `signal` goes to the child itself, which passes it on (tsx
 * relays it to the node it runs, as a terminal's Ctrl+C would reach both); SIGKILL, which nothing can pass
 * on, goes to the whole group. If the child is not gone after graceMs the group is killed; after it exits the
 * group is swept with SIGKILL, for anything it left behind.
 */
export async function stopProcess(
  child: ChildProcess,
  { signal = 'SIGTERM', graceMs = 5_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> {
  if (!exited(child)) {
    const gone = once(child, 'exit').then(() => true);
    const sent = signal === 'SIGKILL' ? signalGroup(child, signal) : child.kill(signal);
    const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref());
    if (sent && !(await Promise.race([gone, late])) && signalGroup(child, 'SIGKILL')) await gone;
  }
  signalGroup(child, 'SIGKILL');
  forget(child);
}

function forget(child: ChildProcess): void {
  tracked.delete(child);
  registry.delete(child);
}

async function stopAll(scope: Scope): Promise<void> {
  const children = [...tracked].filter(([, s]) => scope === 'file' || s === 'test').map(([child]) => child);
  await Promise.all(children.map((child) => stopProcess(child, { signal: 'SIGKILL' })));
}
