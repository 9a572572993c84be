// Genuine chains for the verify tests, built with the encoding itself (no store), and the tampering an
// attacker with the database (but not the key) can do to them.
import { canonicalDetails, entryMac } from '../../../main/audit/canonical';
import type { AuditHead } from '../../../main/audit/head';
import type { AuditRow } from '../../../main/audit/rows';

export const KEY = Buffer.alloc(32, 7);

/** n genuine rows, seq 1…n, and the head that anchors them. From seq `differFrom` on, the entries are other
 *  ones (a later day's), still genuine: what the key holder's kiosk writes after the log was cut back. */
export function genuineChain(
  n: number,
  key: Buffer = KEY,
  differFrom = Infinity,
): { rows: AuditRow[]; head: AuditHead } {
  const rows: AuditRow[] = [];
  let previous: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      seq,
      at: new Date(Date.UTC(2026, 0, seq >= differFrom ? 6 : 5, 8, 0, seq)).toISOString(),
      action: 'decision',
      actor: 'system',
      recordId: `REC${String(seq).padStart(8, '0')}`,
      subject: null,
      detailsJson: canonicalDetails({ decision: seq % 3 === 0 ? 'not_verified' : 'verified', n: seq }),
    };
    const mac = entryMac(key, fields, previous);
    rows.push({
      seq,
      at: fields.at,
      action: fields.action,
      actor: fields.actor,
      record_id: fields.recordId,
      subject: null,
      details_json: fields.detailsJson,
      mac,
    });
    previous = mac;
  }
  return { rows, head: { count: n, mac: previous } };
}

/** A row the attacker made up: plausible fields, a MAC they had to guess. */
export function forged(seq: number): AuditRow {
  return {
    seq,
    at: '2026-01-05T09:00:00.000Z',
    action: 'export',
    actor: 'system',
    record_id: null,
    subject: null,
    details_json: '{"masked":false}',
    mac: 'ab'.repeat(32),
  };
}
