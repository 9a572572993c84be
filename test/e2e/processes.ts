// Starts the real command-line programs (`npm run sandbox`, `npm run host`) as child processes and waits
// for the URL each prints on a line of its own once it is ready. A program that never gets there is stopped
// before the error is thrown; test/support/processes.ts stops the rest even when a test fails.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../fixtures/images';
import { spawnTracked, stopProcess } from '../support/processes';

export interface RunningProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');

export async function startProgram(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<RunningProcess> {
  const child = spawnTracked(tsx, [join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOKET_LOG_LEVEL: 'warn', ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = child.stdout ? createInterface({ input: child.stdout }) : null;
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${script} printed no URL in 60 s:\n${stderr}`)), 60_000);
      lines?.on('line', (line) => {
        if (/^http:\/\/127\.0\.0\.1:\d+/.test(line.trim())) resolve(line.trim());
      });
      child.once('exit', (code) =>
        reject(new Error(`${script} exited (${code}) before printing its URL:\n${stderr}`)),
      );
    });
    return { url, child, stop: () => stopProcess(child) };
  } catch (error) {
    await stopProcess(child);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export const startSandboxProcess = () => startProgram('main/sandbox/cli.ts', ['--port', '0']);

export const startHostProcess = (
  dataDir: string,
  extra: readonly string[] = [],
  env: Record<string, string> = {},
) => startProgram('main/host/cli.ts', ['--port', '0', '--data', dataDir, ...extra], env);

/** `npm run keys -- set PROVIDER` with the JSON on stdin, in the keychain service given. */
export async function storeKeys(service: string, provider: string, credentials: object): Promise<void> {
  const child = spawnTracked(tsx, [join(REPO_ROOT, 'main/keys/cli.ts'), 'set', provider], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOKET_KEYCHAIN_SERVICE: service },
  });
  child.stdout.resume();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(JSON.stringify(credentials));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`npm run keys -- set ${provider} failed (${code}): ${stderr}`);
}

/** Removes everything a test stored in its own keychain service. */
export async function deleteKeys(service: string, provider: string): Promise<void> {
  const child = spawnTracked(tsx, [join(REPO_ROOT, 'main/keys/cli.ts'), 'delete', provider], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: { ...process.env, LOKET_KEYCHAIN_SERVICE: service },
  });
  await once(child, 'exit');
}

/**
 * `npm run operators -- add NAME --role ROLE --data DIR` with the password on standard input, as IT sets up
 * a kiosk; before the host starts (it creates the database and its key), in the keychain service given.
 */
export async function addOperator(
  dataDir: string,
  name: string,
  password: string,
  { role = 'operator', env = {} }: { role?: string; env?: Record<string, string> } = {},
): Promise<void> {
  const added = await runProgram('main/accounts/cli.ts', ['add', name, '--role', role, '--data', dataDir], {
    stdin: `${password}\n`,
    env,
  });
  if (added.code !== 0) throw new Error(`npm run operators -- add failed (${added.code}): ${added.stderr}`);
}

/** A command-line program run to its end (`npm run operators`, `npm run audit`), `stdin` piped in. */
export async function runProgram(
  script: string,
  args: readonly string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTracked(tsx, [join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOKET_LOG_LEVEL: 'warn', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
