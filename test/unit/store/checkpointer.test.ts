// When the store checkpoints its WAL (main/store/checkpointer.ts), on a real encrypted file with the time
// driven by hand: never inside a write, after a quiet spell, at once past the size bound, TRUNCATE on close.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CheckpointBounds, CheckpointEvent } from '../../../main/store/checkpointer';
import { CHECKPOINT_DEFAULTS } from '../../../main/store/checkpointer';
import { createRecord, getImages, getRecord, putImage } from '../../../main/store/records';
import type { Store } from '../../../main/store/connection';
import { manualTimers, type ManualTimers } from '../../support/clocks';
import { T0, at, tempDir, tempStore } from './temp-store';

const IDLE_MS = CHECKPOINT_DEFAULTS.idleMs;

interface Watched {
  store: Store;
  timers: ManualTimers;
  events: CheckpointEvent[];
}

function watchedStore(bounds: Partial<CheckpointBounds> = {}, dir = tempDir()): Watched {
  const timers = manualTimers();
  const events: CheckpointEvent[] = [];
  const store = tempStore(dir, undefined, {
    checkpoints: { timers, bounds, onCheckpoint: (event) => events.push(event) },
  });
  // What opening wrote (the migrations) is folded in after the first quiet spell; start from there.
  timers.advance(IDLE_MS);
  events.splice(0);
  return { store, timers, events };
}

const walBytes = (store: Store) => fs.statSync(`${store.path}-wal`, { throwIfNoEntry: false })?.size ?? 0;

let serial = 0;
function capture(store: Store, bytes = randomBytes(20_000)): string {
  const id = `CKPT${String(serial++).padStart(6, '0')}`;
  createRecord(store, { id, mode: 'assisted', provider: 'sandbox', now: T0 });
  putImage(store, id, 'id_card', bytes, at(1));
  return id;
}

describe('the WAL checkpointer', () => {
  it("turns SQLite's auto-checkpoint off and limits the WAL file it leaves to the bound", () => {
    const { store } = watchedStore({ maxWalBytes: 1_000_000 });
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(store.db.pragma('journal_size_limit', { simple: true })).toBe(1_000_000);
  });

  it('never checkpoints inside a write; waits until the store has been quiet for idleMs', () => {
    const { store, timers, events } = watchedStore();
    capture(store);
    expect(events).toEqual([]);
    timers.advance(IDLE_MS - 1);
    capture(store); // the quiet spell starts again
    timers.advance(IDLE_MS - 1);
    expect(events).toEqual([]);
    timers.advance(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason: 'idle', mode: 'PASSIVE', busy: false });
    expect(events[0]?.frames).toBeGreaterThan(0);
    expect(events[0]?.checkpointed).toBe(events[0]?.frames);
  });

  it('does nothing more until something is written again, and reads write nothing', () => {
    const { store, timers, events } = watchedStore();
    const id = capture(store);
    timers.advance(IDLE_MS);
    expect(events).toHaveLength(1);
    getRecord(store, id);
    getImages(store, id);
    expect(timers.pending).toBe(0);
    timers.advance(10 * IDLE_MS);
    expect(events).toHaveLength(1);
  });

  it('checkpoints a WAL past the bound on the next turn of the event loop, quiet or not', () => {
    const { store, timers, events } = watchedStore({ maxWalBytes: 64 * 1024 });
    capture(store, randomBytes(16 * 1024));
    timers.advance(0);
    expect(events).toEqual([]); // under the bound: waits for quiet
    capture(store, randomBytes(100 * 1024));
    expect(events).toEqual([]); // not in the write itself
    timers.advance(0);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ reason: 'wal_size', busy: false });
    expect(events[0]?.walBytes).toBeGreaterThan(64 * 1024);
    // The next write starts the WAL over and trims the file back to the bound.
    capture(store, randomBytes(16 * 1024));
    expect(walBytes(store)).toBeLessThanOrEqual(64 * 1024);
    timers.advance(IDLE_MS);
    expect(events.map((event) => event.reason)).toEqual(['wal_size', 'idle']);
  });

  it('does not wait for a reader on another connection, and tries again until it can finish', () => {
    const dir = tempDir();
    const { store, timers, events } = watchedStore({}, dir);
    const reader = tempStore(dir, undefined, { checkpoints: { timers: manualTimers() } });
    reader.db.prepare('BEGIN').run();
    reader.db.prepare('SELECT count(*) FROM records').get(); // holds a snapshot from before the write
    capture(store);
    timers.advance(IDLE_MS);
    expect(events).toHaveLength(1);
    expect(events[0]?.checkpointed).toBeLessThan(events[0]?.frames ?? 0);
    timers.advance(IDLE_MS);
    expect(events).toHaveLength(2);
    reader.db.prepare('COMMIT').run();
    timers.advance(IDLE_MS);
    expect(events).toHaveLength(3);
    expect(events[2]?.checkpointed).toBe(events[2]?.frames);
    timers.advance(10 * IDLE_MS);
    expect(events).toHaveLength(3);
  });

  it('checkpoints with TRUNCATE on close, cancels what was scheduled, and loses nothing', () => {
    const dir = tempDir();
    const { store, timers, events } = watchedStore({}, dir);
    const image = randomBytes(50_000);
    const id = capture(store, image);
    expect(timers.pending).toBeGreaterThan(0);
    store.close();
    expect(events).toEqual([expect.objectContaining({ reason: 'close', mode: 'TRUNCATE', busy: false })]);
    expect(timers.pending).toBe(0);
    expect(walBytes(store)).toBe(0);
    timers.advance(10 * IDLE_MS);
    expect(events).toHaveLength(1);

    const reopened = tempStore(dir);
    expect(getRecord(reopened, id)?.status).toBe('captured');
    expect(getImages(reopened, id).id_card?.equals(image)).toBe(true);
  });

  it("closes without waiting for another connection's reader, and that connection still reads it all", () => {
    const dir = tempDir();
    const { store, events } = watchedStore({}, dir);
    const reader = tempStore(dir, undefined, { checkpoints: { timers: manualTimers() } });
    const id = capture(store);
    reader.db.prepare('BEGIN').run();
    reader.db.prepare('SELECT count(*) FROM records').get();
    const started = performance.now();
    store.close();
    // The connection's busy timeout is 5 s: a close that waited for the reader would take that long.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(events).toEqual([expect.objectContaining({ reason: 'close', busy: true })]);
    reader.db.prepare('COMMIT').run();
    expect(getRecord(reader, id)?.status).toBe('captured');
  });
});
