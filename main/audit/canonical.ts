// The MAC of one audit entry: HMAC-SHA256, keyed with the audit key (main/audit/key.ts), over a canonical
// encoding of the entry's fields and the previous entry's MAC. The encoding is the JSON text of one array,
//   ["loket-audit-v1", seq, at, action, actor, recordId|null, subject|null, detailsJson, previousMac|null]
// in UTF-8. JSON quotes and escapes every string, so no choice of field values can make two different
// entries encode alike (a field cannot "borrow" a separator the way concatenation would let it). The details
// go in as the text stored in details_json, itself JSON with its keys sorted (canonicalDetails), so the
// verifier MACs exactly the bytes in the row and never re-encodes a value. The version tag lets a later
// encoding coexist with this one. Frozen by the vectors in test/unit/audit/canonical.test.ts.
import { createHmac } from 'node:crypto';
import type { AuditDetail } from './events';

export const ENCODING_TAG = 'loket-audit-v1';

/** The fields an entry's MAC covers, as the audit_log row holds them. */
export interface MacFields {
  seq: number;
  at: string;
  action: string;
  actor: string;
  recordId: string | null;
  subject: string | null;
  /** The details as stored: canonicalDetails(details). */
  detailsJson: string;
}

/** JSON of the details with their keys in code-unit order: one text for one set of details. */
export function canonicalDetails(details: Readonly<Record<string, AuditDetail>> | undefined): string {
  const sorted: Record<string, AuditDetail> = {};
  for (const key of Object.keys(details ?? {}).sort()) sorted[key] = (details ?? {})[key] ?? null;
  return JSON.stringify(sorted);
}

export function canonicalEntry(fields: MacFields, previousMac: string | null): string {
  return JSON.stringify([
    ENCODING_TAG,
    fields.seq,
    fields.at,
    fields.action,
    fields.actor,
    fields.recordId,
    fields.subject,
    fields.detailsJson,
    previousMac,
  ]);
}

/** Lower-case hex, 64 digits. */
export function entryMac(key: Buffer, fields: MacFields, previousMac: string | null): string {
  return createHmac('sha256', key).update(canonicalEntry(fields, previousMac), 'utf8').digest('hex');
}
