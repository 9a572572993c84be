// `npm run queue` as IT runs it: the real CLI as a child process, the store opened with the data key from a
// real keychain (a private gnome-keyring in a D-Bus session of its own, as the keys tests use).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NIK_A } from '../../unit/retention/fixtures';
import { ROOT, runWithPrivateKeyring, TSX } from '../keys/spawn';

const CLI = path.join(ROOT, 'main/queue/cli.ts');
const SEED = path.join(import.meta.dirname, 'seed-data.ts');

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-queue-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** One shell word, single-quoted. */
const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** Seeds DIR, then runs each CLI argument list in turn, all in one private keyring (so they share the key). */
function seedThenRun(dir: string, ...commands: string[][]) {
  const script = [
    // The retention log lines are info; vitest runs the tests with LOKET_LOG_LEVEL=error.
    'export LOKET_LOG_LEVEL=info',
    [TSX, SEED, dir].map(quote).join(' '),
    ...commands.map((args) => [TSX, CLI, ...args].map(quote).join(' ')),
  ].join(' && ');
  return runWithPrivateKeyring('unlocked', ['sh', '-c', script]);
}

describe('npm run queue (child process)', () => {
  it('status --data DIR prints one valid JSON object with the counts and queue times', async () => {
    const dir = dataDir();
    const result = await seedThenRun(dir, ['status', '--data', dir]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const status = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(status).toEqual({
      counts: { captured: 0, pending: 1, in_progress: 0, decided: 1, retake: 0, failed: 1 },
      oldestPendingAgeSeconds: expect.any(Number) as number,
      lastDecidedAt: expect.any(String) as string,
      nextAttemptAt: '2099-01-01T00:00:00.000Z',
    });
    expect(status.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(120);
    expect(status.oldestPendingAgeSeconds).toBeLessThan(600);
    // The failed record was decided ten years ago; the decided one in 2027.
    expect(status.lastDecidedAt).toBe('2027-01-02T03:04:05.000Z');
  });

  it('purge and delete --nik print their counts; the NIK never reaches stdout or the log on stderr', async () => {
    const dir = dataDir();
    const result = await seedThenRun(
      dir,
      ['purge', '--data', dir],
      ['delete', '--data', dir, '--nik', NIK_A],
      ['status', '--data', dir],
    );
    expect(result.code, result.stderr).toBe(0);
    const [purge, deletion, status] = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(purge).toEqual({
      imagesPurged: { records: 0, images: 0 },
      recordsDeleted: { records: 1, images: 2, steps: 1 },
      abandonedDeleted: { records: 0, images: 0, steps: 0 },
    });
    expect(deletion).toEqual({
      records: 2,
      images: 4,
      steps: 2,
      recordIds: ['CLIDECIDED01', 'CLIPENDING01'],
    });
    expect(status).toMatchObject({
      counts: { captured: 0, pending: 0, in_progress: 0, decided: 0, retake: 0, failed: 0 },
      oldestPendingAgeSeconds: null,
    });
    // The retention log lines (JSON on stderr) are there, with ids and counts only.
    expect(result.stderr).toMatch(/"message":"personal data deleted on request"/);
    expect(result.stderr).toMatch(/"recordIds":\["CLIOLD000001"\]/);
    expect(result.stdout + result.stderr).not.toContain(NIK_A);
  });

  it('a locked keychain is exit 1 with a message saying so, and nothing on stdout', async () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'loket.db'), Buffer.alloc(4096, 1));
    const result = await runWithPrivateKeyring('locked', [TSX, CLI, 'status', '--data', dir]);
    expect(result.signal).toBeNull();
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/keychain is locked or unavailable/);
  });
});
