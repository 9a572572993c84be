// Store write latency on a real SQLite file (WAL, synchronous=NORMAL, as openStore sets it): the three
// writes of a capture — createRecord, putImage (a ~150 KB JPEG, with its record update, in one transaction)
// and the captured → pending transition — each timed on its own.
import { randomBytes } from 'node:crypto';
import { statfsSync } from 'node:fs';
import sharp from 'sharp';
import { createRecord, newRecordId, openStore, putImage, transition } from '../main/store';
import { ktpCard } from '../test/fixtures/images';
import { formatBytes, formatMs, summarize } from './stats';
import type { Row } from './table';
import { withTempDir } from './temp';

const ITERATIONS = 500;
/** A write slower than this is counted as a stall (in practice a WAL auto-checkpoint). */
const STALL_MS = 1;

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
const WARMUP = 50;

/** The KTP at 1280 px, quality 90: about 150 KB, a typical captured card frame. */
async function cardFrame(): Promise<Buffer> {
  return sharp(await ktpCard('A'))
    .resize({ width: 1280 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function benchStore(): Promise<Row[]> {
  const image = await cardFrame();
  return withTempDir('store', async (dir) => {
    const store = openStore(dir, { key: randomBytes(32) });
    try {
      const journal = String(store.db.pragma('journal_mode', { simple: true }));
      const synchronous = Number(store.db.pragma('synchronous', { simple: true }));
      const checkpointPages = Number(store.db.pragma('wal_autocheckpoint', { simple: true }));
      const pageSize = Number(store.db.pragma('page_size', { simple: true }));
      const create: number[] = [];
      const put: number[] = [];
      const submit: number[] = [];
      for (let i = 0; i < WARMUP + ITERATIONS; i++) {
        const id = newRecordId();
        const now = new Date().toISOString();
        const t0 = performance.now();
        createRecord(store, { id, mode: 'assisted', provider: 'sandbox', now });
        const t1 = performance.now();
        putImage(store, id, 'id_card', image, now);
        const t2 = performance.now();
        transition(store, id, { from: ['captured'], to: 'pending', patch: { submittedAt: now }, now });
        const t3 = performance.now();
        if (i >= WARMUP) {
          create.push(t1 - t0);
          put.push(t2 - t1);
          submit.push(t3 - t2);
        }
      }
      const mode = `${journal}, synchronous=${synchronous === 1 ? 'NORMAL' : synchronous}`;
      const row = (measurement: string, samples: number[], note: string): Row => {
        const s = summarize(samples);
        return {
          measurement,
          n: s.n,
          p50: formatMs(s.p50),
          p99: formatMs(s.p99),
          other: `max ${formatMs(s.max)}; ${samples.filter((x) => x > STALL_MS).length} > ${STALL_MS} ms`,
          note,
        };
      };
      return [
        row('createRecord', create, `one INSERT (autocommit); ${mode}; os.tmpdir() on ${filesystem(dir)}`),
        row(
          'putImage id_card',
          put,
          `${formatBytes(image.length)} BLOB + record update, 1 txn; slow ones = WAL auto-checkpoint ` +
            `(${checkpointPages} × ${pageSize / 1024} KB pages ≈ ${Math.round((checkpointPages * pageSize) / image.length)} images)`,
        ),
        row('transition captured→pending', submit, 'read + check + full-row UPDATE in one transaction'),
      ];
    } finally {
      store.close();
    }
  });
}
