// `npm run audit` and `npm run export` as an auditor and IT run them: the real CLIs as child processes, on
// the real encrypted database, with the data key, the audit key and the head in a real keychain (a private
// gnome-keyring in a D-Bus session of its own, as the keys and queue tests use). Tampering is done with
// plain SQL after dropping the triggers, as somebody holding the file and its data key could.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../support/read-back';
import { ROOT, runWithPrivateKeyring, TSX } from '../keys/spawn';

const AUDIT = path.join(ROOT, 'main/audit/cli.ts');
const EXPORT = path.join(ROOT, 'main/export/cli.ts');
const SEED = path.join(import.meta.dirname, 'seed-log.ts');
const TAMPER = path.join(import.meta.dirname, 'tamper.ts');
const ENTRIES = 8;

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loket-audit-cli-'));
  dirs.push(dir);
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify({ timeZone: 'Asia/Jakarta', kioskId: 'CAB-7' }),
  );
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** Seeds DIR, then runs each command in turn in one private keyring; each command's exit code is echoed
 *  on stdout as `exit=N` (the shell goes on after a failure). */
function seedThenRun(dir: string, ...commands: string[][]) {
  const script = [
    [TSX, SEED, dir, String(ENTRIES)].map(quote).join(' '),
    ...commands.map((args) => `${args.map(quote).join(' ')}; echo "exit=$?"`),
  ].join(' && ');
  return runWithPrivateKeyring('unlocked', ['sh', '-c', script]);
}

const verify = (dir: string) => [TSX, AUDIT, 'verify', '--data', dir];
const tamper = (dir: string, kind: string) => [TSX, TAMPER, dir, kind];

/** The JSON lines on stdout, without the exit markers. */
function jsonLines(stdout: string): unknown[] {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as unknown);
}
const exits = (stdout: string) => [...stdout.matchAll(/^exit=(\d+)$/gm)].map((m) => Number(m[1]));

describe('npm run audit (child process, real keychain)', () => {
  it('verify passes an intact chain anchored by the keychain head; list prints entries as JSON lines', async () => {
    const dir = dataDir();
    const result = await seedThenRun(dir, verify(dir), [TSX, AUDIT, 'list', '--data', dir]);
    expect(exits(result.stdout), result.stderr).toEqual([0, 0]);
    const [state, ...entries] = jsonLines(result.stdout) as Array<Record<string, unknown>>;
    expect(state).toMatchObject({ ok: true, count: ENTRIES, anchored: ENTRIES, head: { count: ENTRIES } });
    expect(entries).toHaveLength(ENTRIES);
    expect(entries[0]).toMatchObject({ seq: 1, action: 'sign_in', actor: 'acc-0', details: { n: 0 } });
    expect((state?.head as { mac: string }).mac).toBe(entries.at(-1)?.mac);
  });

  it.each([
    ['edit', 'edited', 3],
    ['delete', 'removed', 3],
    ['reorder', 'reordered', 3],
    ['insert', 'inserted', 3],
    ['truncate', 'truncated', ENTRIES - 1],
  ])('names the entry after %s on the encrypted database (exit 1: %s at %i)', async (kind, problem, seq) => {
    const dir = dataDir();
    const result = await seedThenRun(dir, tamper(dir, kind), verify(dir));
    expect(exits(result.stdout), result.stderr).toEqual([0, 1]);
    const [state] = jsonLines(result.stdout);
    expect(state).toMatchObject({ ok: false, problem, seq });
    expect(result.stderr).toContain(`(${problem}, entry ${seq})`);
  });

  it('usage errors are exit 2', async () => {
    const dir = dataDir();
    const result = await seedThenRun(
      dir,
      [TSX, AUDIT, 'verify'],
      [TSX, AUDIT, 'list', '--data', dir, '--day', '2026-13-01'],
    );
    expect(exits(result.stdout)).toEqual([2, 2]);
  });
});

describe('npm run export (child process, real keychain)', () => {
  it('writes a masked CSV, audits it, shows the head in it, and will not overwrite without --force', async () => {
    const dir = dataDir();
    const out = path.join(dir, 'day.csv');
    const exportCsv = [TSX, EXPORT, '--data', dir, '--day', '2026-01-05', '--format', 'csv', '--out', out];
    const result = await seedThenRun(
      dir,
      exportCsv,
      exportCsv,
      [TSX, AUDIT, 'list', '--data', dir],
      [...exportCsv, '--force', '--unmasked'],
      verify(dir),
    );
    expect(exits(result.stdout), result.stderr).toEqual([0, 1, 0, 2, 0]);
    expect(result.stderr).toContain('exists; add --force');
    const [written, ...rest] = jsonLines(result.stdout) as Array<Record<string, unknown>>;
    expect(written).toEqual({ file: out, format: 'csv', rows: 50, masked: true });
    const exported = rest.filter((entry) => entry.action === 'export');
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ actor: 'cli', details: { format: 'csv', masked: true, rows: 50 } });
    const { records } = readCsv(fs.readFileSync(out));
    expect(records).toHaveLength(52);
    const trailer = records.at(-1) ?? [];
    expect(trailer).toContain(`audit_head_entries=${ENTRIES}`);
    expect(trailer).toContain('audit_verified=yes');
    expect(trailer).toContain('kiosk_id=CAB-7');
    // Nothing half-written was left beside it.
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
    expect(rest.at(-1)).toMatchObject({ ok: true, count: ENTRIES + 1 });
  });
});
