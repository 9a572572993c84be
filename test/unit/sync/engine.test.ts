// The sync engine on a real store, with the provider played by a `run` the test finishes by hand: the
// concurrency limit, queue order, the probe while the provider is down, and the customer at the counter
// served ahead of the backlog.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/lib/clock';
import type { Store } from '../../../main/store/connection';
import { getRecord, requireRecord, transition, type StoredRecord } from '../../../main/store/records';
import { createSyncEngine, type SyncEngine } from '../../../main/sync/engine';
import { seed, T0 } from '../retention/fixtures';
import { tempStore } from '../store/temp-store';

interface Provider {
  /** Record ids in the order their attempts started. */
  started: string[];
  /** How many attempts are running now, and the most that ever ran at once. */
  running: number;
  most: number;
  /** Ends the attempt of recordId with a decision. */
  finish(recordId: string): void;
  run(recordId: string, signal: AbortSignal): Promise<StoredRecord>;
}

function provider(store: Store): Provider {
  const waiting = new Map<string, () => void>();
  const p: Provider = {
    started: [],
    running: 0,
    most: 0,
    finish(recordId) {
      const end = waiting.get(recordId);
      if (!end) throw new Error(`${recordId} is not running`);
      waiting.delete(recordId);
      end();
    },
    run(recordId, signal) {
      p.started.push(recordId);
      p.running += 1;
      p.most = Math.max(p.most, p.running);
      return new Promise<StoredRecord>((resolve) => {
        // As the real runner does when the kiosk stops: the record is left as it is, pending.
        const stop = () => {
          p.running -= 1;
          resolve(requireRecord(store, recordId));
        };
        signal.addEventListener('abort', stop, { once: true });
        waiting.set(recordId, () => {
          signal.removeEventListener('abort', stop);
          p.running -= 1;
          resolve(transition(store, recordId, { from: ['pending'], to: 'decided', now: T0 }));
        });
      });
    },
  };
  return p;
}

/** Lets the engine's loop and the attempts' promises run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

async function until(what: string, ok: () => boolean): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle();
  }
}

let engine: SyncEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
});

function start(
  store: Store,
  p: Provider,
  options: { concurrency: number; probe?: () => Promise<boolean>; unreachable?: boolean },
): SyncEngine {
  engine = createSyncEngine({
    store,
    clock: systemClock,
    run: (id, signal) => p.run(id, signal),
    probe: options.probe ?? (() => Promise.resolve(true)),
    provider: 'sandbox',
    concurrency: options.concurrency,
    probeIntervalMs: 20,
    idleMs: 5_000,
    onChange: () => undefined,
  });
  if (options.unreachable) engine.setReachable(false);
  engine.start();
  return engine;
}

const ids = (n: number, prefix = 'QUEUED') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

describe('the sync engine', () => {
  it('drains pending records in order, never more at once than the concurrency', async () => {
    const store = tempStore();
    const queued = ids(5);
    for (const id of queued) seed(store, { id, status: 'pending' });
    const p = provider(store);
    start(store, p, { concurrency: 2 });

    await until('two attempts', () => p.started.length === 2);
    await settle();
    expect(p.started).toEqual(queued.slice(0, 2));
    for (const id of queued) {
      await until(`${id} to start`, () => p.started.includes(id));
      p.finish(id);
    }
    await until('all decided', () => queued.every((id) => getRecord(store, id)?.status === 'decided'));
    expect(p.started).toEqual(queued);
    expect(p.most).toBe(2);
  });

  it('leaves records of another provider for a kiosk configured for it', async () => {
    const store = tempStore();
    seed(store, { id: 'MINE000001', status: 'pending' });
    seed(store, { id: 'THEIRS0001', status: 'pending' });
    store.db.prepare(`UPDATE records SET provider = 'incode' WHERE id = 'THEIRS0001'`).run();
    const p = provider(store);
    start(store, p, { concurrency: 2 });
    await until('mine to start', () => p.started.length === 1);
    await settle();
    expect(p.started).toEqual(['MINE000001']);
  });

  it('serves the customer at the counter in the first free slot, ahead of the backlog', async () => {
    const store = tempStore();
    const backlog = ids(4, 'BACKLOG');
    for (const id of backlog) seed(store, { id, status: 'pending' });
    const p = provider(store);
    const e = start(store, p, { concurrency: 2 });
    await until('the backlog to fill both slots', () => p.started.length === 2);

    // A customer submits while both slots are taken: no slot is taken beyond the limit, and the record
    // is the next to go, before BACKLOG0002 and BACKLOG0003 that have waited longer.
    seed(store, { id: 'ZCOUNTER01', status: 'pending' });
    const answer = e.runNow('ZCOUNTER01');
    expect(answer).not.toBeNull();
    await settle();
    expect(p.started).toEqual(backlog.slice(0, 2));
    p.finish('BACKLOG0000');
    await until('the counter record to start', () => p.started.length === 3);
    expect(p.started[2]).toBe('ZCOUNTER01');
    p.finish('ZCOUNTER01');
    expect((await answer)?.status).toBe('decided');
    expect(p.most).toBe(2);
  });

  it('tells the counter the record is queued when the provider is lost before a slot frees', async () => {
    const store = tempStore();
    for (const id of ids(2, 'BACKLOG')) seed(store, { id, status: 'pending' });
    const p = provider(store);
    const e = start(store, p, { concurrency: 2 });
    await until('both slots taken', () => p.started.length === 2);
    seed(store, { id: 'ZCOUNTER01', status: 'pending' });
    const answer = e.runNow('ZCOUNTER01');
    e.setReachable(false);
    expect((await answer)?.status).toBe('pending');
    // Known unreachable: the next customer is queued at once, with no attempt.
    seed(store, { id: 'ZCOUNTER02', status: 'pending' });
    expect(e.runNow('ZCOUNTER02')).toBeNull();
  });

  it('probes an unreachable provider and drains when the probe answers', async () => {
    const store = tempStore();
    seed(store, { id: 'QUEUED0001', status: 'pending' });
    let up = false;
    let probes = 0;
    const p = provider(store);
    const e = start(store, p, {
      concurrency: 1,
      unreachable: true,
      probe: () => {
        probes += 1;
        return Promise.resolve(up);
      },
    });
    await until('a few probes', () => probes >= 3);
    expect(p.started).toEqual([]);
    up = true;
    await until('the record to start', () => p.started.length === 1);
    expect(e.reachable).toBe(true);
  });
});
