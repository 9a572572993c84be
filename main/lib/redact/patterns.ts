// The shapes of secrets Loket cannot know in advance, as text patterns. Each replacement names what it hid,
// so a log reader knows a value was there without learning it. Order matters: whole header values go before
// the key=value rule, which would otherwise stop at the first space inside them.

/** Header and field names whose value is a credential wherever it appears (JSON, headers, query strings). */
const SECRET_NAMES = [
  'authorization',
  'x-api-key',
  'x-hmac-signature',
  'x-auth-client',
  'x-incode-hardware-id',
  'x-loket-key',
  'api[-_]?key',
  'access[-_]?key',
  'secret[-_]?key',
  'client[-_]?secret',
  'submission[-_]?token',
  'access[-_]?token',
  'refresh[-_]?token',
  'token',
  'password',
  'signature',
].join('|');

/** Digits of a NIK, optionally written in groups separated by one space, dash or dot. */
const NIK_DIGITS = String.raw`(?<![\d])\d(?:[ .-]?\d){15}(?![\d])`;

/**
 * The start of a word: the text's start, a non-word character, or a JSON escape (`\n`, `\t`…) — text
 * that was JSON-encoded inside a string must not hide the token after an escape.
 */
const WORD_START = String.raw`(?<=^|[^A-Za-z0-9_]|\\[bfnrtu])`;
/** An optional quote, possibly escaped once or twice by nested JSON encoding. */
const QUOTE = String.raw`(?:\\{0,3}["'])?`;

export const TEXT_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/data:image\/[a-z+.-]+;base64,[A-Za-z0-9+/=\s]+/gi, 'data:image/[redacted]'],
  [/[A-Za-z0-9+/]{200,}={0,2}/g, '[redacted-base64]'],
  [/(NODEFLUX-HMAC-SHA256\s+)[^"'\n\\]*/gi, '$1[redacted]'],
  [new RegExp(String.raw`${WORD_START}(Bearer|Basic)\s+[^\s"',;\\]+`, 'gi'), '$1 [redacted]'],
  // A JWT, or the start of one (the seed abbreviates them as "eyJhbGciOi.."): base64url of '{"'.
  [new RegExp(String.raw`${WORD_START}eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){0,2}`, 'g'), '[redacted-jwt]'],
  // name: value, name=value, "name":"value", also inside JSON that was itself put in a string (\").
  [
    new RegExp(
      String.raw`(${QUOTE}${WORD_START}(?:${SECRET_NAMES})\b${QUOTE}\s*[:=]\s*${QUOTE})[^"'\s,;&}\]\\]+`,
      'gi',
    ),
    '$1[redacted]',
  ],
  // IdentifAI submission tokens: a UUID, a dash and 16 base32 characters (in any case).
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[a-z0-9]{16}/gi, '[redacted-token]'],
  // HMAC-SHA256 signatures and tokens: 64 hex digits or more (IdentifAI's signature token, faceverify's HMAC).
  [/(?<![0-9a-f])[0-9a-f]{64,}(?![0-9a-f])/gi, '[redacted-hex]'],
  [new RegExp(NIK_DIGITS, 'g'), '[redacted-nik]'],
];

const NIK_ONLY = new RegExp(`^${NIK_DIGITS}$`);

/** A number that is a NIK when written out (16 digits fit in a double exactly). */
export function looksLikeNikNumber(value: number | bigint): boolean {
  return NIK_ONLY.test(
    typeof value === 'bigint' ? value.toString() : Number.isInteger(value) ? value.toFixed(0) : '',
  );
}

/** Field names whose whole value is withheld, whatever it looks like. */
const SECRET_FIELD = new RegExp(
  String.raw`^(?:${SECRET_NAMES}|secret|credentials?|nik|base64_?image|images?|photo|selfie|id_?card|jpeg|bytes)$`,
  'i',
);

export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD.test(name);
}
