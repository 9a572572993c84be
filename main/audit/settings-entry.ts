// The `settings_at_start` entry: which settings the kiosk started with, as keyed hashes, and which of them
// changed since the previous start (read from the log's previous such entry). No values: settings hold no
// secrets today, but a URL or an id is still not the log's business, and a keyed hash (HMAC with the audit
// key, 96 bits shown) cannot be confirmed by guessing a value without the key.
import type { AuditDetail, AuditEntry } from './events';
import { keyedHash } from './keyed-hash';

const PREFIX = 'h_';

/** Builds the entry from the settings and the previous start's details (undefined on the first start). */
export function settingsAtStart(
  settings: Readonly<Record<string, unknown>>,
  key: Buffer,
  previous: Readonly<Record<string, unknown>> | undefined,
): AuditEntry {
  const details: Record<string, AuditDetail> = {
    hash: settingHash(key, 'all', settings),
  };
  const names = Object.keys(settings).sort();
  for (const name of names) details[PREFIX + name] = settingHash(key, name, settings[name]);
  const before = previous ?? {};
  const known = new Set([
    ...names,
    ...Object.keys(before)
      .filter((k) => k.startsWith(PREFIX))
      .map((k) => k.slice(PREFIX.length)),
  ]);
  const changed = [...known].sort().filter((name) => before[PREFIX + name] !== details[PREFIX + name]);
  details.changed = previous === undefined ? '' : changed.join(',');
  details.firstStart = previous === undefined;
  return { action: 'settings_at_start', actor: 'system', details };
}

const settingHash = (key: Buffer, name: string, value: unknown) =>
  keyedHash(key, `settings\u0000${name}\u0000${stableJson(value)}`);

/** JSON with object keys sorted at every level, so the same settings always hash alike. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
