// A typed reason (an unmasked export's, a supervisor's decision's) as the audit log keeps it: its length and
// a keyed hash, never its text, which may itself hold personal data ("the customer with NIK … asked"). The
// hash lets an auditor holding the ticket confirm a reason with the key, and reveals none; the purpose is
// part of the MAC, so the same words give different hashes for different acts.
import { keyedHash } from './keyed-hash';

/** The trimmed reason's keyed hash (main/audit/keyed-hash.ts), under the purpose it was typed for. */
export function keyedReasonHash(key: Buffer, purpose: string, reason: string): string {
  return keyedHash(key, `${purpose}\u0000${reason.trim()}`);
}
