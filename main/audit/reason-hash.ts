// A typed reason (an unmasked export's, a supervisor's decision's) as the audit log keeps it: its length and
// a keyed hash, never its text, which may itself hold personal data ("the customer with NIK … asked"). The
// hash lets an auditor holding the ticket confirm a reason with the key, and reveals none; the purpose is
// part of the MAC, so the same words give different hashes for different acts.
import { createHmac } from 'node:crypto';

/** HMAC-SHA256 of the trimmed reason under the audit key, 96 bits in base64url (hex could come out as 16
 *  digits, which reads as a NIK). */
export function keyedReasonHash(key: Buffer, purpose: string, reason: string): string {
  return createHmac('sha256', key)
    .update(`${purpose}\u0000${reason.trim()}`, 'utf8')
    .digest()
    .subarray(0, 12)
    .toString('base64url');
}
