// Record ids: 26 characters of Crockford base32, a ULID. Time-ordered (48 bits of milliseconds, then 80 random
// bits), so ids sort by creation; letters and digits only, because IdentifAI's client_ref must be
// alphanumeric, 6–128 characters.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const MAX_TIME = 2 ** 48 - 1;

export function newRecordId(
  nowMs: number = Date.now(),
  random: Uint8Array = randomBytes(RANDOM_CHARS),
): string {
  if (!Number.isInteger(nowMs) || nowMs < 0 || nowMs > MAX_TIME) throw new RangeError(`Bad time ${nowMs}`);
  let time = '';
  for (let i = 0, t = nowMs; i < TIME_CHARS; i += 1, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  // Each random byte picks one character (its low 5 bits): 16 × 5 = 80 bits, as a ULID has.
  let rest = '';
  for (let i = 0; i < RANDOM_CHARS; i += 1) rest += ALPHABET[(random[i] ?? 0) & 31];
  return time + rest;
}
