// The short reference a self-service customer is shown instead of anything personal, e.g. 'K7Q4-3ZPX': 8
// characters of Crockford base32 (no I, L, O or U, so it reads aloud and copies without mix-ups) grouped in
// fours. A record id is a ULID whose last 16 characters are random, so the code is its last 8 (40 random
// bits), and staff can find the record from the code (`npm run queue -- delete --reference CODE`). An id
// that is not Crockford base32 (tests, hand-made ids) is folded into 8 characters by a hash instead.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = 8;

export function referenceCode(recordId: string): string {
  const tail = recordId.slice(-CODE_CHARS).toUpperCase();
  const code =
    recordId.length >= CODE_CHARS && [...tail].every((c) => CROCKFORD.includes(c)) ? tail : folded(recordId);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed (any case, with or without the dash or spaces) in its canonical 8 characters, or null. */
export function parseReferenceCode(text: string): string | null {
  const squashed = text
    .trim()
    .toUpperCase()
    .replace(/[\s-]/g, '')
    // Crockford's decoding rules: the letters that look like digits are read as those digits.
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return squashed.length === CODE_CHARS && [...squashed].every((c) => CROCKFORD.includes(c))
    ? squashed
    : null;
}

/** 40 bits of FNV-1a over the id's characters, as 8 base32 digits. */
function folded(recordId: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of recordId) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  let code = '';
  for (let i = 0; i < CODE_CHARS; i += 1) {
    code += CROCKFORD[Number((hash >> BigInt(5 * i)) & 31n)];
  }
  return code;
}
