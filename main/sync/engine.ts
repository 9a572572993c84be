// The sync engine: the one loop that sends pending records to the provider when it can be reached. It is
// the same step runner the kiosk uses for a customer at the counter, woken by time (a record's next
// attempt), by a kick (a new submission) and by reachability (a real request failing or a health probe
// succeeding). Records leave `pending` only through the runner, one transaction per state change, so a
// crash at any point leaves each record pending, in progress (recovered at start) or final.
import { setMaxListeners } from 'node:events';
import type { Clock } from '../lib/clock';
import { createLogger } from '../lib/log';
import { describeError } from '../lib/redact';
import { earliestNextAttempt, listDue, requireRecord, type Store, type StoredRecord } from '../store';

const log = createLogger('sync');
const MIN_IDLE_MS = 1_000;
/** Abort listeners one record's attempt holds on the shared stop signal at once (a sleep, requests, a wait). */
const LISTENERS_PER_ATTEMPT = 4;

export interface SyncEngineDeps {
  store: Store;
  clock: Clock;
  /** Runs one pending record through its provider; resolves with the record's new state. */
  run: (recordId: string, signal: AbortSignal) => Promise<StoredRecord>;
  /** A light request that tells whether the provider answers at all (any HTTP answer counts). */
  probe: (signal: AbortSignal) => Promise<boolean>;
  /** Only records of this provider are drained: others wait for a kiosk configured for theirs. */
  provider: string;
  /** How many records may be with the provider at once. */
  concurrency: number;
  /** How often an unreachable provider is probed. */
  probeIntervalMs: number;
  /** Longest idle sleep: the loop re-reads the queue at least this often. */
  idleMs?: number;
  /** Called whenever the queue or reachability changed, to publish the sync status. */
  onChange: () => void;
}

export interface SyncEngine {
  start(): void;
  /** Wake the loop now (a record was just submitted, or the network may be back). */
  kick(): void;
  /**
   * Run this pending record next: at once if there is room, otherwise in the first slot that frees, ahead of
   * the backlog (the customer at the counter waits for at most one attempt, never for the queue). Resolves
   * when its attempt ends, or with the record still pending if the provider is lost before a slot frees.
   * null when the provider is known to be unreachable: the record waits in the queue.
   */
  runNow(recordId: string): Promise<StoredRecord> | null;
  readonly reachable: boolean | null;
  setReachable(value: boolean): void;
  stop(): Promise<void>;
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const inFlight = new Map<string, Promise<StoredRecord>>();
  /** Records someone is waiting for at the counter, in the order they asked; launched before the backlog. */
  const counter = new Map<string, (attempt: Promise<StoredRecord> | null) => void>();
  const stopping = new AbortController();
  // Every attempt in flight listens for the stop, and removes its listeners when it ends: Node's default of
  // ten would warn of a leak at a concurrency above two or three, while a real leak still exceeds this.
  setMaxListeners(Math.max(10, (deps.concurrency + 1) * LISTENERS_PER_ATTEMPT), stopping.signal);
  let wake = new AbortController();
  let reachable: boolean | null = null;
  let loop: Promise<void> | null = null;
  const idleMs = deps.idleMs ?? 60_000;

  const setReachable = (value: boolean) => {
    if (reachable === value) return;
    reachable = value;
    log.info(value ? 'provider reachable' : 'provider unreachable; records wait', {
      provider: deps.provider,
    });
    deps.onChange();
    if (value) kick();
    else releaseCounter();
  };

  /** The provider is gone (or the kiosk stops): whoever waits at the counter is told the record is queued. */
  const releaseCounter = () => {
    for (const release of counter.values()) release(null);
    counter.clear();
  };

  const waitForSlot = (recordId: string): Promise<StoredRecord> =>
    new Promise<Promise<StoredRecord> | null>((resolve) => {
      counter.set(recordId, resolve);
      kick();
    }).then((attempt) => attempt ?? requireRecord(deps.store, recordId));

  const kick = () => wake.abort();

  const launch = (recordId: string): Promise<StoredRecord> => {
    const attempt = deps
      .run(recordId, stopping.signal)
      .catch((error: unknown) => {
        log.error('sync attempt failed unexpectedly', { recordId, error: describeError(error) });
        throw error;
      })
      .finally(() => {
        inFlight.delete(recordId);
        deps.onChange();
        kick();
      });
    inFlight.set(recordId, attempt);
    attempt.catch(() => undefined);
    return attempt;
  };

  const sleep = async (ms: number) => {
    wake = new AbortController();
    const signal = AbortSignal.any([wake.signal, stopping.signal]);
    await deps.clock.sleep(Math.max(0, ms), signal).catch(() => undefined);
  };

  const drainOnce = (): number => {
    let launched = 0;
    for (const [recordId, release] of counter) {
      if (inFlight.size >= deps.concurrency) return launched;
      counter.delete(recordId);
      release(inFlight.get(recordId) ?? launch(recordId));
      launched += 1;
    }
    const room = deps.concurrency - inFlight.size;
    if (room <= 0) return launched;
    const now = new Date(deps.clock.now()).toISOString();
    const due = listDue(deps.store, now, room + inFlight.size).filter(
      (record) => record.provider === deps.provider && !inFlight.has(record.id),
    );
    for (const record of due.slice(0, room)) launch(record.id);
    return launched + Math.min(due.length, room);
  };

  const nextWakeMs = (): number => {
    const next = earliestNextAttempt(deps.store);
    if (next === null) return idleMs;
    return Math.min(idleMs, Math.max(0, Date.parse(next) - deps.clock.now()));
  };

  const run = async () => {
    while (!stopping.signal.aborted) {
      if (reachable === false) {
        await sleep(deps.probeIntervalMs);
        if (stopping.signal.aborted) break;
        const ok = await deps.probe(stopping.signal).catch(() => false);
        if (ok) setReachable(true);
        continue;
      }
      const launched = drainOnce();
      if (launched > 0) await sleep(0);
      else if (inFlight.size >= deps.concurrency) await sleep(idleMs);
      // A floor, so a due record this kiosk does not drain (another provider's) cannot spin the loop.
      else await sleep(Math.max(MIN_IDLE_MS, nextWakeMs()));
    }
  };

  return {
    start() {
      loop ??= run();
    },
    kick,
    runNow(recordId) {
      const existing = inFlight.get(recordId);
      if (existing) return existing;
      if (reachable === false || stopping.signal.aborted) return null;
      return inFlight.size < deps.concurrency ? launch(recordId) : waitForSlot(recordId);
    },
    get reachable() {
      return reachable;
    },
    setReachable,
    async stop() {
      stopping.abort(new Error('The kiosk is shutting down.'));
      releaseCounter();
      await loop;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
