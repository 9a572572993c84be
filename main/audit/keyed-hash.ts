// The audit log's keyed hashes (a settings value, a typed reason): HMAC-SHA256 under the audit key, 96 bits,
// each half-byte written as one of the letters a–p. No digits, no dash, no capitals, so a hash can never look
// like what the redactor masks and the audit log then refuses: hex can come out as 16 digits (a NIK), and
// base64url can begin "eyJ" (a JWT's start) about once in 260,000 hashes.
import { createHmac } from 'node:crypto';

const HASH_BYTES = 12;
const LETTERS = 'abcdefghijklmnop';

export function keyedHash(key: Buffer, message: string): string {
  return createHmac('sha256', key)
    .update(message, 'utf8')
    .digest()
    .subarray(0, HASH_BYTES)
    .reduce((text, byte) => text + (LETTERS[byte >> 4] ?? '') + (LETTERS[byte & 15] ?? ''), '');
}
