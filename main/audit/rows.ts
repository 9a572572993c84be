// The audit_log table as the audit module reads and writes it. Appends go through the store's prepared
// statements (so the checkpointer hears of them); reads for verify and list come back in seq order.
import type { Store } from '../store/connection';
import { prepared } from '../store/statements';
import type { AuditHead } from './head';

/** One row as SQLite holds it. */
export interface AuditRow {
  seq: number;
  at: string;
  action: string;
  actor: string;
  record_id: string | null;
  subject: string | null;
  details_json: string;
  mac: string;
}

const INSERT = `
  INSERT INTO audit_log (seq, at, action, actor, record_id, subject, details_json, mac)
  VALUES (@seq, @at, @action, @actor, @record_id, @subject, @details_json, @mac)`;
const TAIL = `SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1`;
const MAC_AT = `SELECT mac FROM audit_log WHERE seq = ?`;
const COUNT = `SELECT COUNT(*) AS n FROM audit_log`;
const ALL = `SELECT seq, at, action, actor, record_id, subject, details_json, mac FROM audit_log ORDER BY seq`;
const BETWEEN = `
  SELECT seq, at, action, actor, record_id, subject, details_json, mac FROM audit_log
  WHERE at >= ? AND at < ? ORDER BY seq`;

export function insertAuditRow(store: Store, row: AuditRow): void {
  prepared<[AuditRow]>(store, INSERT).run(row);
}

/** The last entry's seq and MAC: the head the database holds. */
export function databaseTail(store: Store): AuditHead {
  const row = prepared<[], { seq: number; mac: string }>(store, TAIL).get();
  return row ? { count: row.seq, mac: row.mac } : { count: 0, mac: null };
}

export function macAt(store: Store, seq: number): string | null {
  return prepared<[number], { mac: string }>(store, MAC_AT).get(seq)?.mac ?? null;
}

export function countEntries(store: Store): number {
  return prepared<[], { n: number }>(store, COUNT).get()?.n ?? 0;
}

/** Every row, in seq order, one at a time. */
export function iterateAuditRows(store: Store): IterableIterator<AuditRow> {
  return prepared<[], AuditRow>(store, ALL).iterate();
}

/** Rows whose time is in [from, to), ISO UTC; in seq order. */
export function auditRowsBetween(store: Store, from: string, to: string): AuditRow[] {
  return prepared<[string, string], AuditRow>(store, BETWEEN).all(from, to);
}

// Served by audit_log_record.
const OF_RECORD = `
  SELECT seq, at, action, actor, record_id, subject, details_json, mac FROM audit_log
  WHERE record_id = ? ORDER BY seq`;

/** A record's entries, oldest first (the console's timeline). */
export function auditRowsOfRecord(store: Store, recordId: string): AuditRow[] {
  return prepared<[string], AuditRow>(store, OF_RECORD).all(recordId);
}

const LAST_OF_ACTION = `
  SELECT seq, at, action, actor, record_id, subject, details_json, mac FROM audit_log
  WHERE action = ? ORDER BY seq DESC LIMIT 1`;

/** The newest entry of an action (the previous start's settings), or undefined. */
export function lastOfAction(store: Store, action: string): AuditRow | undefined {
  return prepared<[string], AuditRow>(store, LAST_OF_ACTION).get(action);
}
