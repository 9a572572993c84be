// Store write latency on a real encrypted SQLite file (WAL, synchronous=NORMAL, as openStore sets it): the
// three writes of a capture — createRecord, putImage (a ~150 KB JPEG, with its record update, in one
// transaction) and the captured → pending transition — each timed on its own, once with SQLite's own
// auto-checkpoint (what Loket did before issue 8) and once with the store's checkpointer; then the WAL's
// size through a burst of 1,000 such records. Each record yields to the event loop before the next, as
// writes arriving over the bridge or from the sync engine do: that is where the checkpointer works.
import { randomBytes } from 'node:crypto';
import { statfsSync, statSync } from 'node:fs';
import sharp from 'sharp';
import type { Timers } from '../main/lib/timers';
import { CHECKPOINT_DEFAULTS, type CheckpointEvent } from '../main/store/checkpointer';
import { createRecord, newRecordId, openStore, putImage, transition, type Store } from '../main/store';
import { ktpCard } from '../test/fixtures/images';
import { formatBytes, formatMs, summarize } from './stats';
import type { Row } from './table';
import { withTempDir } from './temp';

const ITERATIONS = 500;
const WARMUP = 50;
/** Issue 8's burst. */
const BURST_RECORDS = 1_000;
/** A write slower than this is counted as a stall. */
const STALL_MS = 1;
/** SQLite's default, restored for the "before" run. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

const FILESYSTEMS: Readonly<Record<number, string>> = {
  0xef53: 'ext4',
  0x01021994: 'tmpfs',
  0x9123683e: 'btrfs',
  0x58465342: 'xfs',
  0x794c7630: 'overlayfs',
};

function filesystem(dir: string): string {
  const type = statfsSync(dir).type;
  return FILESYSTEMS[type] ?? `fs 0x${type.toString(16)}`;
}

/** Timers that never fire: the "before" run, where only SQLite's auto-checkpoint runs. */
const NEVER: Timers = { now: () => 0, schedule: () => () => undefined };

/** The KTP at 1280 px, quality 90: about 150 KB, a typical captured card frame. */
async function cardFrame(): Promise<Buffer> {
  return sharp(await ktpCard('A'))
    .resize({ width: 1280 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const walBytes = (store: Store) => statSync(`${store.path}-wal`, { throwIfNoEntry: false })?.size ?? 0;

interface Samples {
  create: number[];
  put: number[];
  submit: number[];
  /** The WAL file's size after each record's writes, before the event loop turns. */
  wal: number[];
}

/** `n` captures after `warmup` untimed ones, one record per turn of the event loop. */
async function captures(store: Store, image: Buffer, n: number, warmup: number): Promise<Samples> {
  const samples: Samples = { create: [], put: [], submit: [], wal: [] };
  for (let i = 0; i < warmup + n; i++) {
    const id = newRecordId();
    const now = new Date().toISOString();
    const t0 = performance.now();
    createRecord(store, { id, mode: 'assisted', provider: 'sandbox', now });
    const t1 = performance.now();
    putImage(store, id, 'id_card', image, now);
    const t2 = performance.now();
    transition(store, id, { from: ['captured'], to: 'pending', patch: { submittedAt: now }, now });
    const t3 = performance.now();
    if (i >= warmup) {
      samples.create.push(t1 - t0);
      samples.put.push(t2 - t1);
      samples.submit.push(t3 - t2);
      samples.wal.push(walBytes(store));
    }
    await nextTurn();
  }
  return samples;
}

function latencyRow(measurement: string, samples: number[], note: string): Row {
  const s = summarize(samples);
  return {
    measurement,
    n: s.n,
    p50: formatMs(s.p50),
    p99: formatMs(s.p99),
    other: `max ${formatMs(s.max)}; ${samples.filter((x) => x > STALL_MS).length} > ${STALL_MS} ms`,
    note,
  };
}

function describeCheckpoints(events: readonly CheckpointEvent[]): string {
  const running = events.filter((e) => e.reason !== 'close');
  if (running.length === 0) return 'no checkpoint ran';
  const durations = summarize(running.map((e) => e.durationMs));
  const byReason = (reason: CheckpointEvent['reason']) => running.filter((e) => e.reason === reason).length;
  return (
    `${running.length} checkpoints (${byReason('wal_size')} WAL size, ${byReason('idle')} idle), ` +
    `p50 ${formatMs(durations.p50)}, max ${formatMs(durations.max)} each, between writes`
  );
}

async function before(dir: string, image: Buffer): Promise<Row> {
  const store = openStore(dir, { key: randomBytes(32), checkpoints: { timers: NEVER } });
  try {
    store.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
    store.db.pragma('journal_size_limit = -1');
    const pageSize = Number(store.db.pragma('page_size', { simple: true }));
    const { put } = await captures(store, image, ITERATIONS, WARMUP);
    const pages = `${SQLITE_AUTOCHECKPOINT_PAGES} × ${pageSize / 1024} KB pages`;
    return latencyRow(
      'putImage id_card, before',
      put,
      `SQLite's auto-checkpoint (${pages} ≈ ${Math.round((SQLITE_AUTOCHECKPOINT_PAGES * pageSize) / image.length)} images) runs inside the write: the slow ones`,
    );
  } finally {
    store.close();
  }
}

async function after(dir: string, image: Buffer): Promise<Row[]> {
  const events: CheckpointEvent[] = [];
  const store = openStore(dir, {
    key: randomBytes(32),
    checkpoints: { onCheckpoint: (event) => events.push(event) },
  });
  try {
    const journal = String(store.db.pragma('journal_mode', { simple: true }));
    const synchronous = Number(store.db.pragma('synchronous', { simple: true }));
    const mode = `${journal}, synchronous=${synchronous === 1 ? 'NORMAL' : synchronous}`;
    const { create, put, submit } = await captures(store, image, ITERATIONS, WARMUP);
    return [
      latencyRow(
        'createRecord',
        create,
        `one INSERT (autocommit); ${mode}; os.tmpdir() on ${filesystem(dir)}`,
      ),
      latencyRow(
        'putImage id_card',
        put,
        `${formatBytes(image.length)} BLOB + record update, 1 txn; checkpointer: ${describeCheckpoints(events)}`,
      ),
      latencyRow('transition captured→pending', submit, 'read + check + full-row UPDATE in one transaction'),
    ];
  } finally {
    store.close();
  }
}

async function burst(dir: string, image: Buffer): Promise<Row> {
  const events: CheckpointEvent[] = [];
  const store = openStore(dir, {
    key: randomBytes(32),
    checkpoints: { onCheckpoint: (event) => events.push(event) },
  });
  let closedWal = -1;
  let wal: number[];
  const started = performance.now();
  try {
    ({ wal } = await captures(store, image, BURST_RECORDS, 0));
  } finally {
    store.close();
    closedWal = walBytes(store);
  }
  const elapsed = performance.now() - started;
  const sizes = summarize(wal);
  const bound = CHECKPOINT_DEFAULTS.maxWalBytes;
  return {
    measurement: `WAL during a ${BURST_RECORDS}-record burst`,
    n: BURST_RECORDS,
    p50: formatBytes(sizes.p50),
    p99: formatBytes(sizes.p99),
    other: `max ${formatBytes(sizes.max)} (bound ${formatBytes(bound)}); ${formatMs(elapsed)}; after close ${formatBytes(closedWal)}`,
    note: `createRecord + putImage ${formatBytes(image.length)} + transition per record; ${describeCheckpoints(events)}`,
  };
}

export async function benchStore(): Promise<Row[]> {
  const image = await cardFrame();
  const rows = await withTempDir('store', (dir) => after(dir, image));
  rows.splice(2, 0, await withTempDir('store-before', (dir) => before(dir, image)));
  rows.push(await withTempDir('store-burst', (dir) => burst(dir, image)));
  return rows;
}
