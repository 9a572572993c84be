// Who turns the CSV export's batches of rows into text. For a large export, a worker thread: the main thread
// then only scans the rows (and hands each batch over) while the worker masks, maps and formats the batches
// before, so the two overlap on two cores. In one thread, formatting cost as much as the scan itself (the
// bench, 100,000 rows: 0.6 s scan, 0.65 s mapping and Papa Parse). For a small export, the main thread does
// it all: a worker costs tens of milliseconds to start.
// Should the worker fail to start or die halfway, the batches it holds are formatted in the main thread and
// the export goes on there: slower, never lost or reordered.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createLogger } from '../lib/log';
import { describeError } from '../lib/redact';
import { csvRecords, type CsvRowContext } from './csv-text';
import type { RecordRowRaw } from './rows';

export interface CsvFormatter {
  /** The batch's text; the texts resolve in the order their batches were given, and never reject. */
  text(rows: RecordRowRaw[]): Promise<string>;
  /** Ends the worker, if there is one. */
  close(): Promise<void>;
  /** Whether a worker thread is formatting (false once it failed, or was closed). */
  readonly inWorker: boolean;
}

/** From this many rows on, an export formats in a worker thread. */
export const CSV_WORKER_MIN_ROWS = 5_000;

const log = createLogger('export');

export function inlineFormatter(context: CsvRowContext): CsvFormatter {
  const format = csvRecords(context);
  return { text: (rows) => Promise.resolve(format(rows)), close: () => Promise.resolve(), inWorker: false };
}

export function workerFormatter(context: CsvRowContext, file: string = csvWorkerFile()): CsvFormatter {
  const inline = csvRecords(context);
  const waiting: { rows: RecordRowRaw[]; resolve: (text: string) => void }[] = [];
  let worker: Worker | null = null;
  const fallBack = (reason: unknown) => {
    const stopped = worker;
    if (!stopped) return;
    worker = null;
    void stopped.terminate();
    log.warn('the CSV worker stopped; the export goes on in the main thread', {
      error: describeError(reason),
    });
    for (const entry of waiting.splice(0)) entry.resolve(inline(entry.rows));
  };
  try {
    worker = spawn(file, context);
    worker.on('message', (text: unknown) => {
      if (typeof text !== 'string') return fallBack(new Error('the CSV worker replied with something else'));
      waiting.shift()?.resolve(text);
    });
    worker.on('error', fallBack);
    worker.on('exit', (code) => fallBack(new Error(`the CSV worker exited (${code})`)));
  } catch (error) {
    log.warn('the CSV worker could not start; the export runs in the main thread', {
      error: describeError(error),
    });
  }
  return {
    text: (rows) => {
      const running = worker;
      if (!running) return Promise.resolve(inline(rows));
      return new Promise((resolve) => {
        waiting.push({ rows, resolve });
        running.postMessage(rows);
      });
    },
    close: async () => {
      const running = worker;
      worker = null; // first, so that its 'exit' is not taken for a failure
      if (running) await running.terminate();
    },
    get inWorker() {
      return worker !== null;
    },
  };
}

// The main process is bundled to CommonJS (build/main/index.cjs), where `import.meta` is empty and
// `__filename` set; the worker is bundled beside it (scripts/build-main.mjs).
const bundled = typeof __filename === 'string' && __filename.endsWith('.cjs');

/** The worker's file: the bundled one beside the app's main, or the checkout's TypeScript. */
export function csvWorkerFile(): string {
  return bundled ? path.join(__dirname, 'csv-worker.cjs') : path.join(import.meta.dirname, 'csv-worker.ts');
}

/** In a checkout: registers tsx (a dev dependency) in the thread, then loads the TypeScript worker with it. */
const THROUGH_TSX = `
const { workerData } = require('node:worker_threads');
require(workerData.tsx).register();
require(workerData.file);
`;

function spawn(file: string, context: CsvRowContext): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData: context });
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  // The worker reads workerData as its context; the loader's two fields beside it are ignored there.
  return new Worker(THROUGH_TSX, { eval: true, workerData: { ...context, tsx, file } });
}
