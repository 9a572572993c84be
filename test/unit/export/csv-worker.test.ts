// The CSV export's worker thread: what it writes is byte for byte what the main thread writes; a worker that
// cannot load, or dies halfway, leaves the export to the main thread with nothing lost or reordered; and the
// export itself hands a large day to the worker.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCsv } from '../../../main/export/csv';
import {
  CSV_WORKER_MIN_ROWS,
  inlineFormatter,
  workerFormatter,
  type CsvFormatter,
} from '../../../main/export/csv-formatter';
import { summariseChain, type Provenance } from '../../../main/export/provenance';
import { iterateRaw } from '../../../main/export/rows';
import { collectOutput } from '../../support/collect-output';
import { readCsv } from '../../support/read-back';
import { tempDir } from '../store/temp-store';
import { harness, RANGE, ZONE, type Harness } from './harness';

const KIOSK = 'CAB-01-K2';
const CONTEXT = { masked: true, kioskId: KIOSK, zone: ZONE };
const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

/** More records than one batch several times over: 6,000 in the day, 5,400 of them real. */
async function day(): Promise<Harness> {
  const h = await harness(CSV_WORKER_MIN_ROWS + 1000);
  open.push(h);
  return h;
}

/** The day written through `formatter`, noting after each batch whether the worker was still formatting. */
async function csvThrough(h: Harness, formatter: CsvFormatter) {
  const provenance: Provenance = {
    range: RANGE,
    kioskId: KIOSK,
    generatedAt: Date.parse('2026-01-06T01:00:00.000Z'),
    masked: true,
    includeTraining: false,
    chain: summariseChain(await h.audit.state()),
  };
  const inWorker: boolean[] = [];
  const noting: CsvFormatter = {
    text: async (rows) => {
      const text = await formatter.text(rows);
      inWorker.push(formatter.inWorker);
      return text;
    },
    close: () => formatter.close(),
    get inWorker() {
      return formatter.inWorker;
    },
  };
  const rows = iterateRaw(h.reader, { range: RANGE, masked: true, includeTraining: false, kioskId: KIOSK });
  const { bytes, result } = await collectOutput((out) => writeCsv(rows, out, provenance, noting));
  return { bytes, count: result, inWorker, after: formatter.inWorker };
}

/** A worker of our own making, as a file the formatter loads like the bundled one. */
function workerFile(source: string): string {
  const file = path.join(tempDir(), 'worker.cjs');
  fs.writeFileSync(file, source);
  return file;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
const csvTextModule = path.resolve(here, '../../../main/export/csv-text.ts');

describe('the CSV worker thread', () => {
  it('formats the rows byte for byte as the main thread does, and ends when the export ends', async () => {
    const h = await day();
    const inline = await csvThrough(h, inlineFormatter(CONTEXT));
    const threaded = await csvThrough(h, workerFormatter(CONTEXT));
    expect(threaded.inWorker.length).toBeGreaterThan(5);
    expect(threaded.inWorker.every(Boolean)).toBe(true);
    expect(threaded.after).toBe(false);
    expect(threaded.count).toBe(inline.count);
    expect(threaded.bytes.equals(inline.bytes)).toBe(true);
    expect(readCsv(threaded.bytes).records).toHaveLength(inline.count + 2);
  });

  it('bundled for the app (scripts/build-main.mjs) formats alike', async () => {
    const root = path.resolve(here, '../../..');
    execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: root, stdio: 'pipe' });
    const h = await day();
    const inline = await csvThrough(h, inlineFormatter(CONTEXT));
    const bundled = await csvThrough(
      h,
      workerFormatter(CONTEXT, path.join(root, 'build/main/csv-worker.cjs')),
    );
    expect(bundled.inWorker.every(Boolean)).toBe(true);
    expect(bundled.bytes.equals(inline.bytes)).toBe(true);
  }, 60_000);

  it('that cannot load leaves the export to the main thread, with every row in order', async () => {
    const h = await day();
    const inline = await csvThrough(h, inlineFormatter(CONTEXT));
    const broken = workerFile(`throw new Error('this worker does not load');\n`);
    const fallen = await csvThrough(h, workerFormatter(CONTEXT, broken));
    expect(fallen.inWorker.every((running) => !running)).toBe(true);
    expect(fallen.bytes.equals(inline.bytes)).toBe(true);
  });

  it('that dies after two batches leaves the rest to the main thread, with every row in order', async () => {
    const h = await day();
    const inline = await csvThrough(h, inlineFormatter(CONTEXT));
    // The worker notes each batch it answered: whether its answer or the main thread's fallback reaches the
    // file first is the event loop's choice, and the file must be the same either way.
    const answered = path.join(tempDir(), 'answered');
    const dying = workerFile(`
      const fs = require('node:fs');
      const { parentPort, workerData } = require('node:worker_threads');
      require(${JSON.stringify(tsx)}).register();
      const format = require(${JSON.stringify(csvTextModule)}).csvRecords(workerData);
      let batches = 0;
      parentPort.on('message', (rows) => {
        batches += 1;
        if (batches > 2) process.exit(3);
        parentPort.postMessage(format(rows));
        fs.appendFileSync(${JSON.stringify(answered)}, 'batch\\n');
      });
    `);
    const fallen = await csvThrough(h, workerFormatter(CONTEXT, dying));
    expect(fs.readFileSync(answered, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    expect(fallen.inWorker.length).toBeGreaterThan(2);
    expect(fallen.inWorker.at(-1)).toBe(false);
    expect(fallen.bytes.equals(inline.bytes)).toBe(true);
  });

  it('through the export itself (a day above the threshold) writes the same rows', async () => {
    const h = await day();
    const { bytes, rows } = await h.run();
    expect(rows).toBe((CSV_WORKER_MIN_ROWS + 1000) * 0.9);
    const inline = await csvThrough(h, inlineFormatter(CONTEXT));
    // Everything but the trailer, whose chain head moved on with the export's own audit entry.
    const body = (b: Buffer) => b.toString('utf8').split('#trailer')[0];
    expect(body(bytes)).toBe(body(inline.bytes));
  });
});
