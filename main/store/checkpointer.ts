// Moves the WAL checkpoint off the customer's write. SQLite's own auto-checkpoint runs inside the commit
// that takes the WAL past 1,000 pages, so about one photo in 27 paid for copying the whole WAL into the
// database (putImage p99 ~30 ms, issue 8). With it turned off, this module checkpoints instead, always
// between writes, never inside one:
// - PASSIVE once the store has been quiet for `idleMs` (after a capture, between customers);
// - PASSIVE on the next turn of the event loop once the WAL file passes `maxWalBytes` (a burst: the sync
//   engine draining a backlog, a purge), which is what bounds the WAL when the store is never quiet;
// - TRUNCATE on close, so a closed store leaves no WAL behind.
// PASSIVE never waits: a checkpoint that meets another connection's reader (`npm run queue`) copies what it
// can and is tried again later. It runs on the store's own connection, so it cannot overlap a write.
import fs from 'node:fs';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createLogger } from '../lib/log';
import { describeError } from '../lib/redact';
import type { Timers } from '../lib/timers';

export interface CheckpointBounds {
  /** Quiet time after the last write before the WAL is checkpointed. */
  idleMs: number;
  /** A WAL file larger than this is checkpointed at the next turn of the event loop, quiet or not. */
  maxWalBytes: number;
}

export const CHECKPOINT_DEFAULTS: Readonly<CheckpointBounds> = {
  // The writes of one step of a visit (a photo and its record, a provider step's output and its transition)
  // come within milliseconds of each other; a quarter of a second of quiet means the next write is a
  // person's action or a provider's answer away, so the checkpoint of that visit's few hundred KB (a few ms)
  // fits in the gap.
  idleMs: 250,
  // What SQLite's default auto-checkpoint lets the WAL reach (1,000 pages of 4 KB). Only a burst gets here;
  // each forced checkpoint then copies about this much (~30 ms on a 2-core kiosk) between two writes.
  // Smaller means more checkpoints and fsyncs; larger, longer pauses and a bigger file.
  maxWalBytes: 4 * 1024 * 1024,
};

export type CheckpointReason = 'idle' | 'wal_size' | 'close';

/** One checkpoint, for the bench and tests (no record data: counts and sizes only). */
export interface CheckpointEvent {
  reason: CheckpointReason;
  mode: 'PASSIVE' | 'TRUNCATE';
  /** The WAL file's size when the checkpoint started. */
  walBytes: number;
  /** Frames in the WAL, and how many of them are now in the database. */
  frames: number;
  checkpointed: number;
  /** Another connection's lock kept it from finishing. */
  busy: boolean;
  durationMs: number;
}

export interface CheckpointerOptions {
  db: Database.Database;
  timers: Timers;
  bounds?: Partial<CheckpointBounds>;
  onCheckpoint?: (event: CheckpointEvent) => void;
}

export interface Checkpointer {
  /** A write is under way (or just done): schedules the checks, never checkpoints in the caller. */
  noteWrite(): void;
  /** Cancels what is scheduled and checkpoints with TRUNCATE; the caller then closes the connection. */
  close(): void;
}

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

const log = createLogger('store');

/** Turns SQLite's auto-checkpoint off on db and takes over, starting as if a write had just happened (the
 *  migrations, or a WAL left by a crash, may have left frames to fold in). */
export function startCheckpointer({ db, timers, bounds, onCheckpoint }: CheckpointerOptions): Checkpointer {
  const { idleMs, maxWalBytes } = { ...CHECKPOINT_DEFAULTS, ...bounds };
  const walPath = `${db.name}-wal`;
  db.pragma('wal_autocheckpoint = 0');
  // PRAGMA takes no bound parameters; the value is a number from the bounds. After a checkpoint the next
  // write starts the WAL over and trims the file to this size, so its size stays a measure of what is in it.
  db.pragma(`journal_size_limit = ${Math.trunc(maxWalBytes)}`);

  let closed = false;
  /** Written since the last checkpoint that finished. */
  let dirty = false;
  let lastWriteAt = timers.now();
  let cancelIdle: (() => void) | null = null;
  let cancelSizeCheck: (() => void) | null = null;
  /** Said once per episode, not on every retry. */
  let warnedStuck = false;

  const walBytes = () => fs.statSync(walPath, { throwIfNoEntry: false })?.size ?? 0;

  const run = (reason: CheckpointReason, mode: CheckpointEvent['mode']): boolean => {
    const before = walBytes();
    const started = performance.now();
    let row: CheckpointRow;
    try {
      row = (db.pragma(`wal_checkpoint(${mode})`) as CheckpointRow[])[0] ?? {
        busy: 1,
        log: -1,
        checkpointed: -1,
      };
    } catch (error) {
      log.error('WAL checkpoint failed', { reason, error: describeError(error) });
      return false;
    }
    const complete = row.busy === 0 && row.checkpointed === row.log;
    onCheckpoint?.({
      reason,
      mode,
      walBytes: before,
      frames: row.log,
      checkpointed: row.checkpointed,
      busy: row.busy !== 0,
      durationMs: performance.now() - started,
    });
    if (complete) warnedStuck = false;
    else if (before > maxWalBytes && !warnedStuck) {
      warnedStuck = true;
      log.warn('the WAL cannot be checkpointed yet: another connection is reading', { walBytes: before });
    }
    return complete;
  };

  const checkSize = () => {
    cancelSizeCheck = null;
    if (walBytes() > maxWalBytes && run('wal_size', 'PASSIVE')) dirty = false;
  };

  const onIdle = () => {
    cancelIdle = null;
    if (!dirty) return;
    const quietFor = timers.now() - lastWriteAt;
    if (quietFor < idleMs) {
      cancelIdle = timers.schedule(idleMs - quietFor, onIdle);
      return;
    }
    if (run('idle', 'PASSIVE')) dirty = false;
    // Another connection was reading: try again after the same quiet time.
    else cancelIdle = timers.schedule(idleMs, onIdle);
  };

  const noteWrite = () => {
    if (closed) return;
    dirty = true;
    lastWriteAt = timers.now();
    cancelSizeCheck ??= timers.schedule(0, checkSize);
    // Not re-armed on every write: onIdle looks at lastWriteAt and waits out the rest of the quiet time.
    cancelIdle ??= timers.schedule(idleMs, onIdle);
  };

  noteWrite();

  return {
    noteWrite,
    close() {
      if (closed) return;
      closed = true;
      cancelIdle?.();
      cancelSizeCheck?.();
      if (!db.open) return;
      // Closing never waits for another connection: if one is reading, this copies what it can, and the
      // last connection to close finishes the job (SQLite checkpoints and removes the WAL then).
      db.pragma('busy_timeout = 0');
      run('close', 'TRUNCATE');
    },
  };
}
