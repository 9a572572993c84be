// Exports of 100,000 records (one local day) per format, each as a ratio to a raw iterate() scan of the same
// rows, and the peak RSS of each, at 20,000 and 100,000 records: flat memory means the peak barely moves
// with five times the rows. Each run is a child process of its own (bench/export-child.ts), so its peak RSS
// (getrusage maxrss, the high-water mark the kernel keeps) belongs to that run alone and includes the native
// SQLite and zlib buffers that a heap sample would miss. The raw scan is timed the same way (best of three).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportRange } from '../main/export/range';
import { openStore } from '../main/store/connection';
import { seedDay } from '../test/support/day-of-records';
import { formatBytes, formatMs } from './stats';
import type { Row } from './table';
import { withTempDir } from './temp';

const run = promisify(execFile);
const CHILD = path.join(import.meta.dirname, 'export-child.ts');
const TSX = path.join(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs');

interface Measured {
  format: string;
  rows: number;
  ms: number;
  rssBefore: number;
  maxRss: number;
}

async function child(dir: string, key: Buffer, format: string): Promise<Measured> {
  const { stdout } = await run(process.execPath, [TSX, CHILD, dir, key.toString('hex'), format], {
    maxBuffer: 1024 * 1024,
    env: { ...process.env, LOKET_LOG_LEVEL: 'error' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Measured;
}

async function atSize(records: number, formats: readonly string[]): Promise<Map<string, Measured>> {
  return withTempDir('export', async (dir) => {
    const key = randomBytes(32);
    const store = openStore(dir, { key });
    try {
      // 5% pending and 5% failed, the rest decided; none training, so every row is exported.
      seedDay(store, {
        startMs: Date.parse(exportRange('2026-01-05', '2026-01-05', 'Asia/Jakarta').from),
        records,
      });
    } finally {
      store.close();
    }
    const results = new Map<string, Measured>();
    const raws: Measured[] = [];
    for (let i = 0; i < 3; i++) raws.push(await child(dir, key, 'raw'));
    results.set(
      'raw',
      raws.reduce((best, m) => (m.ms < best.ms ? m : best)),
    );
    for (const format of formats) results.set(format, await child(dir, key, format));
    return results;
  });
}

export async function benchExport(records = 100_000, small = 20_000): Promise<Row[]> {
  const formats = ['csv', 'xlsx', 'pdf'] as const;
  const large = await atSize(records, formats);
  const little = await atSize(small, formats);
  const raw = large.get('raw') as Measured;
  const rows: Row[] = [
    {
      measurement: 'raw iterate() scan (the floor)',
      n: raw.rows,
      p50: formatMs(raw.ms),
      p99: '',
      other: `peak RSS ${formatBytes(raw.maxRss)}`,
      note: 'the export query, nothing done per row; best of 3',
    },
  ];
  for (const format of formats) {
    const m = large.get(format) as Measured;
    const s = little.get(format) as Measured;
    const goal = format === 'pdf' ? 'no goal' : 'goal ≤ 2×';
    rows.push({
      measurement: `export ${format}`,
      n: m.rows,
      p50: formatMs(m.ms),
      p99: '',
      other: `${(m.ms / raw.ms).toFixed(2)}× raw (${goal}); peak RSS ${formatBytes(m.maxRss)} (${formatBytes(s.maxRss)} at ${small.toLocaleString('en')})`,
      note: `${formatBytes(m.maxRss - m.rssBefore)} above the process before the export`,
    });
  }
  return rows;
}
