// Appending one entry: validated (ids, codes and counts only), sequenced after the database's last entry,
// MACed over it and inserted, in one transaction. Called inside the caller's own inTransaction (a decision,
// a deletion), it becomes a savepoint of that transaction: the entry commits with the action it records or
// not at all, and the seq and previous MAC are read inside it, so a rolled-back append leaves no gap.
import { redact } from '../lib/redact';
import { inTransaction, type Store } from '../store/connection';
import { canonicalDetails, entryMac } from './canonical';
import { AUDIT_ACTIONS, type AuditDetail, type AuditEntry } from './events';
import { databaseTail, insertAuditRow, type AuditRow } from './rows';

/** Account ids, 'system', 'self_service', record ids: no spaces, nothing that could be a sentence. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_DETAILS = 32;
const MAX_DETAIL_TEXT = 200;

/** An entry that could carry something other than ids, codes and counts: a bug in the caller. */
export class AuditEntryError extends TypeError {
  override readonly name = 'AuditEntryError';
}

/** Appends entry at time `atMs` (epoch ms); returns the row written. */
export function appendAudit(store: Store, key: Buffer, entry: AuditEntry, atMs: number): AuditRow {
  checkEntry(entry);
  const at = new Date(atMs).toISOString();
  const detailsJson = canonicalDetails(entry.details);
  return inTransaction(store, () => {
    const tail = databaseTail(store);
    const fields = {
      seq: tail.count + 1,
      at,
      action: entry.action,
      actor: entry.actor,
      recordId: entry.recordId ?? null,
      subject: entry.subject ?? null,
      detailsJson,
    };
    const row: AuditRow = {
      seq: fields.seq,
      at,
      action: fields.action,
      actor: fields.actor,
      record_id: fields.recordId,
      subject: fields.subject,
      details_json: detailsJson,
      mac: entryMac(key, fields, tail.mac),
    };
    insertAuditRow(store, row);
    return row;
  });
}

export function checkEntry(entry: AuditEntry): void {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(entry.action)) {
    throw new AuditEntryError(`Unknown audit action '${String(entry.action)}'`);
  }
  checkId('actor', entry.actor);
  if (entry.recordId !== undefined) checkId('recordId', entry.recordId);
  if (entry.subject !== undefined) checkId('subject', entry.subject);
  const details = Object.entries(entry.details ?? {});
  if (details.length > MAX_DETAILS) throw new AuditEntryError(`More than ${MAX_DETAILS} audit details`);
  for (const [name, value] of details) {
    if (!DETAIL_KEY.test(name)) throw new AuditEntryError(`Audit detail name '${name}' is not a plain name`);
    checkDetail(name, value);
  }
}

function checkId(field: string, value: unknown): void {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new AuditEntryError(`Audit ${field} must be an id (letters, digits, _.:@-; at most 128)`);
  }
}

function checkDetail(name: string, value: AuditDetail): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new AuditEntryError(`Audit detail '${name}' is not a finite number`);
    if (redact(String(value)) !== String(value)) {
      throw new AuditEntryError(`Audit detail '${name}' looks like a NIK`);
    }
    return;
  }
  if (typeof value !== 'string') throw new AuditEntryError(`Audit detail '${name}' is not plain`);
  if (value.length > MAX_DETAIL_TEXT) {
    throw new AuditEntryError(`Audit detail '${name}' is longer than ${MAX_DETAIL_TEXT} characters`);
  }
  // Whatever the log redactor would mask (a NIK, a token, a key Loket loaded) has no place in the log.
  if (redact(value) !== value) throw new AuditEntryError(`Audit detail '${name}' holds a secret or a NIK`);
}
