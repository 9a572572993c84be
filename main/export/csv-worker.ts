// The CSV export's worker thread (main/export/csv-formatter.ts): batches of raw rows in, their CSV text out,
// one reply per batch, in order. Bundled on its own to build/main/csv-worker.cjs for the app.
import { parentPort, workerData } from 'node:worker_threads';
import { csvRecords, type CsvRowContext } from './csv-text';
import type { RecordRowRaw } from './rows';

const port = parentPort;
if (!port) throw new Error('csv-worker runs as a worker thread');
const format = csvRecords(workerData as CsvRowContext);
port.on('message', (rows: RecordRowRaw[]) => port.postMessage(format(rows)));
