// The audit log the services call (events.ts's AuditLog): entries appended to the database at once, in the
// caller's transaction, and the chain's head copied to the keychain just after. A keychain write costs
// milliseconds (libsecret over D-Bus, with the store's probe) where an append costs microseconds, so the head
// is not written inside append: a write is scheduled for the next turn of the event loop, after the caller's
// transaction has committed, and appends that arrive while one is under way are coalesced into the next. The
// head written is always read back from the database, so a rolled-back entry is never anchored. close()
// writes the last head. Between a commit and its head write (a few ms; longer if the keychain is slow or
// locked) the newest entries are unanchored: cutting exactly those off would go unnoticed.
//
// The head is only ever moved forward along the chain. If the database no longer holds the entry the head
// names (entries cut off, an old copy restored, the head lost), the head is left as it is, as evidence, and
// the log says so once: the kiosk goes on working and appending, and `verify` reports the problem.
import type { SecretStore } from '../keys/secret-store';
import type { Clock } from '../lib/clock';
import { createLogger } from '../lib/log';
import { describeError } from '../lib/redact';
import { systemTimers, type Timers } from '../lib/timers';
import type { Store } from '../store/connection';
import { appendAudit } from './append';
import type { AuditEntry, AuditLog } from './events';
import { readHead, writeHead, type AuditHead } from './head';
import { loadOrCreateAuditKey } from './key';
import { countEntries, databaseTail, iterateAuditRows, macAt, type AuditRow } from './rows';
import { verifyChain, type VerifyResult } from './verify';

const log = createLogger('audit');

export interface ChainState {
  /** Entries in the database. */
  entries: number;
  /** The head the keychain holds (null: none). */
  head: AuditHead | null;
  verify: VerifyResult;
}

export interface OpenAuditLog extends AuditLog {
  /** The HMAC key, for code that MACs or verifies beside the log (exports hash a reason with it). */
  readonly key: Buffer;
  /** The whole chain verified against the keychain's head (the console's state; every export prints it). */
  state(): Promise<ChainState>;
  /** Writes the head now if it moved; resolves once the keychain has it. */
  flush(): Promise<void>;
  /** Writes the last head; appends after this throw. */
  close(): Promise<void>;
}

export interface AuditLogDeps {
  store: Store;
  secrets: SecretStore;
  clock: Clock;
  /** When the head write runs; tests drive it. */
  timers?: Timers;
}

export async function openAuditLog({
  store,
  secrets,
  clock,
  timers = systemTimers,
}: AuditLogDeps): Promise<OpenAuditLog> {
  const key = await loadOrCreateAuditKey(secrets, countEntries(store));
  let anchored = await readHead(secrets);
  // A fresh log (no head, no entries) starts anchored at zero; anything else must contain the head.
  let frozen = !anchors(store, anchored);
  if (frozen) {
    log.error('the audit log does not contain the head kept in the keychain; the head is kept as evidence', {
      entries: countEntries(store),
      headEntries: anchored?.count ?? null,
    });
  }
  anchored ??= { count: 0, mac: null };
  let closed = false;
  let scheduled: (() => void) | null = null;
  let writing: Promise<void> | null = null;
  let again = false;

  const writeTail = async (): Promise<void> => {
    if (frozen || !store.db.open) return;
    const tail = databaseTail(store);
    if (tail.count === anchored?.count && tail.mac === anchored.mac) return;
    if (!anchors(store, anchored)) {
      frozen = true;
      log.error('the audit log lost the entry its head names while Loket ran; the head is kept as evidence', {
        headEntries: anchored?.count ?? null,
      });
      return;
    }
    await writeHead(secrets, tail);
    anchored = tail;
  };

  const run = (): Promise<void> => {
    scheduled = null;
    if (writing) {
      again = true;
      return writing;
    }
    writing = writeTail()
      .catch((error: unknown) => {
        // The entries are safe in the database; the head catches up with the next append or at close.
        log.error('could not write the audit head to the keychain', { error: describeError(error) });
      })
      .finally(() => {
        writing = null;
        if (again) {
          again = false;
          schedule();
        }
      });
    return writing;
  };

  const schedule = () => {
    if (scheduled || frozen) return;
    scheduled = timers.schedule(0, () => void run());
  };

  return {
    key,
    append(entry: AuditEntry) {
      if (closed) throw new Error('The audit log is closed');
      appendAudit(store, key, entry, clock.now());
      schedule();
    },
    async state() {
      await writing;
      return chainState(store, key, await readHead(secrets));
    },
    async flush() {
      scheduled?.();
      await writing;
      await run();
    },
    async close() {
      if (closed) return;
      closed = true;
      scheduled?.();
      await writing;
      await run();
    },
  };
}

/** The chain verified against a head: for the CLI and the exports, which hold no OpenAuditLog. */
export function chainState(store: Store, key: Buffer, head: AuditHead | null): ChainState {
  const rows: AuditRow[] = [...iterateAuditRows(store)];
  return { entries: rows.length, head, verify: verifyChain(rows, key, head) };
}

/** True when the database holds the entry the head names (or both are empty). */
function anchors(store: Store, head: AuditHead | null): boolean {
  if (head === null) return countEntries(store) === 0;
  return head.count === 0 || macAt(store, head.count) === head.mac;
}
