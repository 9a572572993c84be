// `npm run export` through its testable function: in-memory io, a real store and reader in a temp folder,
// the keychain's interface in memory.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  runExportCommand,
  type ExportCommandIo,
} from '../../../main/export/export-command';
import { MemorySecretStore } from '../../../main/keys/memory-store';
import { openReader } from '../../../main/store/reader';
import { FakeClock } from '../../support/clocks';
import { seedDay } from '../../support/day-of-records';
import { readCsv } from '../../support/read-back';
import { TEST_KEY, tempDir, tempStore } from '../store/temp-store';

const opened: Array<{ close(): void }> = [];
afterEach(() => {
  for (const c of opened.splice(0)) c.close();
});

function setup(records = 20) {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify({ timeZone: 'Asia/Makassar', kioskId: 'KIOSK-3.lobby' }),
  );
  const seeding = tempStore(dir);
  seedDay(seeding, { startMs: Date.parse('2026-01-04T16:00:00.000Z'), records });
  seeding.close();
  const out: string[] = [];
  const err: string[] = [];
  let interrupts = 0;
  const secrets = new MemorySecretStore();
  const io: ExportCommandIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    open: async (d) => {
      const store = tempStore(d);
      const reader = openReader(d, { key: TEST_KEY });
      opened.push(reader);
      return { store, reader };
    },
    secrets: () => secrets,
    clock: new FakeClock(Date.parse('2026-01-06T00:00:00.000Z')),
    onInterrupt: () => {
      interrupts += 1;
      return () => undefined;
    },
  };
  return { dir, io, out, err, interrupts: () => interrupts };
}

const args = (dir: string, file: string, ...more: string[]) => [
  '--data',
  dir,
  '--day',
  '2026-01-05',
  '--format',
  'csv',
  '--out',
  file,
  ...more,
];

describe('npm run export', () => {
  it('writes the file through a temporary one, prints what it wrote, and names the kiosk', async () => {
    const { dir, io, out, interrupts } = setup();
    const file = path.join(dir, 'out.csv');
    expect(await runExportCommand(args(dir, file), io)).toBe(EXIT_OK);
    expect(JSON.parse(out[0] ?? '')).toEqual({ file, format: 'csv', rows: 20, masked: true });
    expect(fs.readdirSync(dir).filter((name) => name.includes('.part'))).toEqual([]);
    expect(interrupts()).toBe(1);
    const { records } = readCsv(fs.readFileSync(file));
    expect(records).toHaveLength(22);
    expect(records.at(-1)).toContain('kiosk_id=KIOSK-3.lobby');
    expect(records.at(-1)).toContain('time_zone=Asia/Makassar');
  });

  it('keeps an existing file unless --force', async () => {
    const { dir, io, err } = setup();
    const file = path.join(dir, 'out.csv');
    fs.writeFileSync(file, 'keep me');
    expect(await runExportCommand(args(dir, file), io)).toBe(EXIT_FAILED);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
    expect(err.join('\n')).toMatch(/exists; add --force/);
    expect(await runExportCommand(args(dir, file, '--force'), io)).toBe(EXIT_OK);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\ufeffreference,/);
  });

  it('leaves no file when the export fails halfway', async () => {
    const { dir, io } = setup();
    const file = path.join(dir, 'missing-folder', 'out.csv');
    expect(await runExportCommand(args(dir, file), io)).toBe(EXIT_FAILED);
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each([
    [['--unmasked'], /--unmasked needs --reason/],
    [['--unmasked', '--reason', '  '], /--unmasked needs --reason/],
    [['--reason', 'why'], /--reason goes with --unmasked/],
    [['--format', 'docx'], /--format must be one of csv, xlsx, pdf/],
    [['--to', '2026-01-04'], /ends .* before it starts/],
    [['--to', '2027-01-05'], /at most 92 days/],
  ])('refuses %j (exit 2)', async (more, message) => {
    const { dir, io, err } = setup(1);
    expect(await runExportCommand(args(dir, path.join(dir, 'x.csv'), ...more), io)).toBe(EXIT_USAGE);
    expect(err.join('\n')).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });
});
