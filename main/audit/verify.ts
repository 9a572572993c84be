// Verifying the chain: a pure function over the rows (in seq order), the key and the head from the keychain.
// It names the first entry that is not what the appender wrote, and says how it was changed:
//
// - edited:    the entry at seq N is not genuine and no genuine entry N exists anywhere;
// - removed:   entry N is missing: a gap in seq after which the chain goes on (or the rows after it were
//              renumbered down and chain among themselves one seq further on);
// - reordered: the genuine entry N exists, but at another place (rows moved whole, or their contents swapped
//              under fixed seqs and MACs);
// - inserted:  rows that are genuine nowhere stand where entry N should be, with the genuine entry N after
//              them; or a row past the head that the appender never wrote;
// - truncated: the chain is whole but shorter than the head says (its newest entries were cut off), or it
//              no longer contains the entry the head names;
// - head_missing: the chain has entries but the keychain holds no head to anchor them.
//
// "Genuine entry N" means a row whose MAC is HMAC(key, its fields, seq N, the MAC of genuine entry N − 1):
// only the holder of the key can make one. The walk costs one HMAC per row; the search that tells the cases
// apart runs only at the first failure and costs a few HMACs per row.
import { entryMac, type MacFields } from './canonical';
import type { AuditHead } from './head';
import type { AuditRow } from './rows';

export type ChainProblem = 'edited' | 'removed' | 'reordered' | 'inserted' | 'truncated' | 'head_missing';

export type VerifyResult =
  | {
      ok: true;
      /** Entries in the chain. */
      count: number;
      /** Of those, how many the keychain's head covers; the rest were appended after the head was last
       *  written (the window described in the README). */
      anchored: number;
    }
  | {
      ok: false;
      problem: ChainProblem;
      /** The first entry that is not as written: its seq in the genuine chain. */
      seq: number;
      /** Rows in the table. */
      count: number;
      /** One sentence for people. */
      message: string;
    };

/** How far the search follows the genuine chain beyond the first failure, when rows are out of place. */
const FOLLOW_SCANS = 16;

export function verifyChain(rows: readonly AuditRow[], key: Buffer, head: AuditHead | null): VerifyResult {
  let previous: string | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as AuditRow;
    if (row.seq === i + 1 && genuineAt(key, row, i + 1, previous)) {
      previous = row.mac;
      continue;
    }
    return classify({ rows, key, head }, i, previous);
  }
  return checkHead(rows, head);
}

interface Chain {
  rows: readonly AuditRow[];
  key: Buffer;
  head: AuditHead | null;
}

function fieldsOf(row: AuditRow, seq: number): MacFields {
  return {
    seq,
    at: row.at,
    action: row.action,
    actor: row.actor,
    recordId: row.record_id,
    subject: row.subject,
    detailsJson: row.details_json,
  };
}

/** True when row, taken as entry `seq` after a MAC of `previous`, carries the MAC the appender made. */
function genuineAt(key: Buffer, row: AuditRow, seq: number, previous: string | null, mac = row.mac): boolean {
  return entryMac(key, fieldsOf(row, seq), previous) === mac;
}

function checkHead(rows: readonly AuditRow[], head: AuditHead | null): VerifyResult {
  const count = rows.length;
  if (head === null) {
    if (count === 0) return { ok: true, count: 0, anchored: 0 };
    return problem('head_missing', 1, count, `the keychain holds no head for the ${count} entries`);
  }
  if (head.count > count) {
    return problem(
      'truncated',
      count + 1,
      count,
      `the head says ${head.count} entries, the log holds ${count}: entries from ${count + 1} on were cut off`,
    );
  }
  if (head.count > 0 && rows[head.count - 1]?.mac !== head.mac) {
    return problem(
      'truncated',
      head.count,
      count,
      `entry ${head.count} is not the one the head names: the log was cut back and written again at or before it`,
    );
  }
  return { ok: true, count, anchored: head.count };
}

/** The walk stopped at index i, where genuine entry i + 1 (after `previous`) should be. */
function classify(chain: Chain, i: number, previous: string | null): VerifyResult {
  const { rows, key, head } = chain;
  const row = rows[i] as AuditRow;
  const seq = i + 1;
  const count = rows.length;

  const elsewhere = findGenuine(chain, seq, previous, i);
  if (elsewhere !== -1) {
    // The genuine entry is further on; rows i … elsewhere − 1 stand in its place. Genuine entries of later
    // seqs among them mean rows were moved; rows that are genuine nowhere were put there.
    const later = followChain(chain, elsewhere, seq);
    for (let j = i; j < elsewhere; j++) {
      if (later.has(j)) {
        return problem(
          'reordered',
          seq,
          count,
          `entry ${seq} is out of place (found at row seq ${rows[elsewhere]?.seq})`,
        );
      }
    }
    return problem(
      'inserted',
      seq,
      count,
      `${elsewhere - i} entr${elsewhere - i === 1 ? 'y was' : 'ies were'} inserted before entry ${seq} (row seq ${row.seq})`,
    );
  }
  // Contents swapped under fixed seqs and MACs: another row's fields are entry seq under this row's MAC.
  for (let j = 0; j < count; j++) {
    if (j !== i && genuineAt(key, rows[j] as AuditRow, seq, previous, row.mac)) {
      return problem(
        'reordered',
        seq,
        count,
        `entry ${seq} is out of place (its content is at row seq ${rows[j]?.seq})`,
      );
    }
  }
  if (row.seq > seq) {
    const missing = row.seq - seq;
    return problem(
      'removed',
      seq,
      count,
      `entr${missing === 1 ? 'y' : 'ies'} ${range(seq, row.seq - 1)} removed`,
    );
  }
  if (row.seq < seq) return problem('inserted', seq, count, `a row with seq ${row.seq} was inserted`);
  const next = rows[i + 1];
  // Renumbered after a removal: each following row chains from the one before it, one seq further on.
  if (next && genuineAt(key, next, next.seq + 1, row.mac)) {
    return problem('removed', seq, count, `entry ${seq} removed and the entries after it renumbered`);
  }
  if (!next && head !== null && row.seq > head.count) {
    return problem('inserted', seq, count, `entry ${seq}, after the head, was not written by Loket`);
  }
  return problem('edited', seq, count, `entry ${seq} was edited`);
}

/** The index of a row (other than `skip`) that is genuine entry `seq` after `previous`, or −1. */
function findGenuine(chain: Chain, seq: number, previous: string | null, skip: number): number {
  const { rows, key } = chain;
  for (let j = 0; j < rows.length; j++) {
    if (j !== skip && genuineAt(key, rows[j] as AuditRow, seq, previous)) return j;
  }
  return -1;
}

/** The rows of the genuine chain after genuine entry `seq` at index `start`: the next row first, a full
 *  search when it is not the one (at most FOLLOW_SCANS times). */
function followChain(chain: Chain, start: number, seq: number): Set<number> {
  const { rows, key } = chain;
  const found = new Set<number>();
  let at = start;
  let scans = 0;
  for (let next = seq + 1; ; next++) {
    const previous = (rows[at] as AuditRow).mac;
    const candidate = rows[at + 1];
    if (candidate && !found.has(at + 1) && genuineAt(key, candidate, next, previous)) {
      at += 1;
    } else {
      if (scans++ >= FOLLOW_SCANS) return found;
      const j = findGenuine(chain, next, previous, at);
      if (j === -1 || found.has(j)) return found;
      at = j;
    }
    found.add(at);
  }
}

function range(from: number, to: number): string {
  return from === to ? `${from} was` : `${from}–${to} were`;
}

function problem(kind: ChainProblem, seq: number, count: number, message: string): VerifyResult {
  return { ok: false, problem: kind, seq, count, message };
}
