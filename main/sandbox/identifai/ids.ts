// Identifier formats, copied from the documented examples. The 16-character tail of both a job id and a
// submission token is the RFC 4648 base32 of the UTC date it was made: "GIYDEMJNGEYC2MBX" is "2021-10-07".
import { randomBytes, randomUUID } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** 16 uppercase base32 characters encoding `YYYY-MM-DD` (10 bytes, so no padding). */
export function dateTag(epochMs: number): string {
  return base32(Buffer.from(new Date(epochMs).toISOString().slice(0, 10), 'ascii'));
}

/** `<uuid>-<16 base32>`, e.g. `9268e8f3-1c2e-4b39-8604-61fe30a29908-GIYDEMJNGA4S2MRS`. */
export function newSubmissionToken(epochMs: number): string {
  return `${randomUUID()}-${dateTag(epochMs)}`;
}

/** 48 lowercase hex + 16 base32, e.g. `e0fd0da0…d22ea98GIYDEMJNGEYC2MBX`. */
export function newJobId(epochMs: number): string {
  return randomBytes(24).toString('hex') + dateTag(epochMs);
}

export const SUBMISSION_TOKEN_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[A-Z2-7]{16}$/;
export const JOB_ID_PATTERN = /^[0-9a-f]{48}[A-Z2-7]{16}$/;
