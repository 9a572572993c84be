// One measurement in a process of its own, so that its peak RSS (getrusage's maxrss) is its alone:
//   tsx bench/export-child.ts DIR KEY_HEX raw|csv|xlsx|pdf
// prints one JSON line: the time of the work, the rows, the RSS before it and the peak RSS of the process.
// 'raw' is the floor the exports are compared with: the same query through iterate(), nothing done per row.
import fs from 'node:fs';
import path from 'node:path';
import type { ChainState } from '../main/audit/audit-log';
import { exportRecords } from '../main/export/export';
import { exportRange } from '../main/export/range';
import { iterateRaw } from '../main/export/rows';
import { noAudit } from '../main/audit/events';
import { configureLogging } from '../main/lib/log';
import { openReader } from '../main/store/reader';

configureLogging({ level: 'error' });
const [dir, keyHex, format] = process.argv.slice(2);
if (!dir || !keyHex || !format) throw new Error('usage: export-child.ts DIR KEY_HEX raw|csv|xlsx|pdf');

const BENCH_DAY = '2026-01-05';
const range = exportRange(BENCH_DAY, BENCH_DAY, 'Asia/Jakarta');
const reader = openReader(dir, { key: Buffer.from(keyHex, 'hex') });
const chain: ChainState = { entries: 0, head: null, verify: { ok: true, count: 0, anchored: 0 } };
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let rows = 0;
if (format === 'raw') {
  for (const row of iterateRaw(reader, { range, masked: true, includeTraining: false, kioskId: 'BENCH' })) {
    rows += row.id.length > 0 ? 1 : 0;
  }
} else {
  const file = path.join(dir, `export.${format}`);
  rows = await exportRecords(
    { reader, audit: noAudit, auditKey: Buffer.alloc(32), chain, now: () => Date.now() },
    {
      format: format as 'csv' | 'xlsx' | 'pdf',
      range,
      masking: { masked: true },
      includeTraining: false,
      kioskId: 'BENCH',
      actor: 'bench',
    },
    fs.createWriteStream(file),
  );
  fs.rmSync(file);
}
const ms = performance.now() - started;
reader.close();
process.stdout.write(
  `${JSON.stringify({ format, rows, ms, rssBefore, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`,
);
