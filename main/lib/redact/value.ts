// Redaction of values, before anything is serialised: strings are masked, bytes and images are dropped,
// fields named like secrets are withheld, and errors become their name and a masked message. Working on
// values (not on the JSON afterwards) means escaping cannot hide a secret from the patterns, and a secret
// in a field *name* is masked too.
import { knownSecrets } from './known-secrets';
import { isSecretFieldName, looksLikeNikNumber, TEXT_PATTERNS } from './patterns';

const MAX_DEPTH = 6;
const MAX_ITEMS = 50;
const WITHHELD = '[redacted]';

export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets()) if (out.includes(secret)) out = out.split(secret).join(WITHHELD);
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Bodies and payloads logged as JSON text are redacted as the values they encode, then re-encoded. */
const MAX_JSON_TEXT = 1024 * 1024;

function redactString(text: string, depth: number, seen: WeakSet<object>): string {
  const first = text.trimStart()[0];
  if ((first === '{' || first === '[') && text.length <= MAX_JSON_TEXT) {
    try {
      return JSON.stringify(walk(JSON.parse(text) as unknown, depth + 1, seen));
    } catch {
      // Not JSON after all (or cut off): masked as text below.
    }
  }
  return redactText(text);
}

/** A JSON-safe copy of value with every secret masked. */
export function redactValue(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redactString(value, depth, seen);
    case 'number':
    case 'bigint':
      if (looksLikeNikNumber(value)) return '[redacted-nik]';
      return typeof value === 'bigint' ? value.toString() : value;
    case 'boolean':
    case 'undefined':
      return value;
    case 'symbol':
      return redactText(value.toString());
    case 'function':
      return '[function]';
    case 'object':
      return walkObject(value, depth, seen);
  }
}

function walkObject(value: object | null, depth: number, seen: WeakSet<object>): unknown {
  if (value === null) return null;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[bytes: ${value.byteLength}]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested]';
  seen.add(value);
  try {
    if (value instanceof Error) return describeErrorValue(value, depth, seen);
    if (Array.isArray(value) || value instanceof Set) return walkList([...value], depth, seen);
    if (value instanceof Map) return walkEntries([...value.entries()], depth, seen);
    return walkEntries(Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

function walkList(items: unknown[], depth: number, seen: WeakSet<object>): unknown[] {
  const out = items.slice(0, MAX_ITEMS).map((item) => walk(item, depth + 1, seen));
  if (items.length > MAX_ITEMS) out.push(`[${items.length - MAX_ITEMS} more]`);
  return out;
}

function walkEntries(entries: Array<[unknown, unknown]>, depth: number, seen: WeakSet<object>) {
  // No prototype: a field named "__proto__" stays a field.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [rawKey, item] of entries.slice(0, MAX_ITEMS)) {
    const name = String(rawKey);
    const key = redactText(name);
    out[key] = isSecretFieldName(name) && !isHarmless(item) ? WITHHELD : walk(item, depth + 1, seen);
  }
  if (entries.length > MAX_ITEMS) out['[more]'] = entries.length - MAX_ITEMS;
  return out;
}

/**
 * A flag, a count or an empty value under a secret-sounding name ("token": null, "images": 2) tells
 * nothing; numbers still go through walk, which masks one that is a NIK.
 */
function isHarmless(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    value === ''
  );
}

function describeErrorValue(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { name: redactText(error.name), message: redactText(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = walk(code, depth + 1, seen);
  if (error.cause !== undefined) out.cause = walk(error.cause, depth + 1, seen);
  return out;
}
