// `npm run audit -- verify|list --data DIR`: the auditor's view of the audit log. verify checks the whole
// chain against the key and the head in the keychain and prints one JSON object; list prints entries as JSON
// lines, all of them or one local day's. Kept apart from the process wiring (cli.ts) so tests drive it with
// an in-memory io, a real store and a real SecretStore of their own.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings, SettingsError } from '../config/settings';
import { KeychainUnavailableError } from '../keys/errors';
import type { SecretStore } from '../keys/secret-store';
import { dayRange, DayError, kioskTimeZone, parseDay } from '../lib/local-day';
import { describeError } from '../lib/redact';
import { DATABASE_FILE, type Store } from '../store/connection';
import { DatabaseKeyError } from '../store/encryption';
import { chainState } from './audit-log';
import { readHead } from './head';
import { AuditKeyError, loadAuditKey } from './key';
import { auditRowsBetween, countEntries, iterateAuditRows, type AuditRow } from './rows';

export const EXIT_OK = 0;
/** The chain is not intact (the entry is named), or it could not be checked (no database, keychain locked). */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface AuditCommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Opens DIR's store as the app does; called once the arguments are right and DIR holds a database. */
  openStore(dataDir: string): Promise<Store>;
  /** The keychain that holds the audit key and head (the same one the data key came from). */
  secrets(): SecretStore;
}

export const USAGE = [
  'usage: npm run audit -- verify --data DIR             check the whole chain against the keychain',
  '       npm run audit -- list --data DIR [--day D]     print entries (one local day: YYYY-MM-DD) as JSON lines',
  '',
  'Exit codes: 0 intact (verify) or done (list); 1 the chain is broken (the first bad entry is named) or it',
  'could not be read (no database in DIR, keychain locked); 2 wrong command or arguments.',
].join('\n');

type Parsed = { command: 'verify'; dataDir: string } | { command: 'list'; dataDir: string; day?: string };

export async function runAuditCommand(args: readonly string[], io: AuditCommandIo): Promise<number> {
  const parsed = parse(args, io);
  if (typeof parsed === 'number') return parsed;
  if (!fs.existsSync(path.join(parsed.dataDir, DATABASE_FILE))) {
    io.err(`error: there is no Loket database in ${parsed.dataDir} (expected ${DATABASE_FILE}).`);
    return EXIT_FAILED;
  }
  let store: Store | undefined;
  try {
    // Settings first (the day's zone), so a broken settings file costs no keychain access.
    const zone = parsed.command === 'list' ? kioskTimeZone(loadSettings(parsed.dataDir).timeZone) : '';
    store = await io.openStore(parsed.dataDir);
    return parsed.command === 'verify'
      ? await verify(io, store)
      : list(io, store, parsed.day === undefined ? undefined : dayRange(parsed.day, parsed.day, zone));
  } catch (error) {
    const known =
      error instanceof KeychainUnavailableError ||
      error instanceof DatabaseKeyError ||
      error instanceof SettingsError ||
      error instanceof AuditKeyError;
    io.err(`error: ${known ? error.message : describeError(error)}`);
    return EXIT_FAILED;
  } finally {
    store?.close();
  }
}

async function verify(io: AuditCommandIo, store: Store): Promise<number> {
  const secrets = io.secrets();
  const key = await loadAuditKey(secrets);
  if (key === null) {
    const entries = countEntries(store);
    if (entries > 0) throw new AuditKeyError('key_missing');
    io.out(JSON.stringify({ ok: true, count: 0, anchored: 0, head: null }));
    return EXIT_OK;
  }
  const state = chainState(store, key, await readHead(secrets));
  io.out(JSON.stringify({ ...state.verify, head: state.head }));
  if (state.verify.ok) {
    const { count, anchored } = state.verify;
    io.err(`The audit log is intact: ${count} entries, ${anchored} anchored by the keychain's head.`);
    return EXIT_OK;
  }
  io.err(
    `The audit log has been tampered with: ${state.verify.message} (${state.verify.problem}, entry ${state.verify.seq}).`,
  );
  return EXIT_FAILED;
}

function list(io: AuditCommandIo, store: Store, range: { from: string; to: string } | undefined): number {
  const rows = range ? auditRowsBetween(store, range.from, range.to) : iterateAuditRows(store);
  for (const row of rows) io.out(JSON.stringify(toJson(row)));
  return EXIT_OK;
}

/** An entry as the list prints it: the row's fields in camelCase, the details parsed. */
export function toJson(row: AuditRow): Record<string, unknown> {
  let details: unknown;
  try {
    details = JSON.parse(row.details_json);
  } catch {
    details = row.details_json;
  }
  return {
    seq: row.seq,
    at: row.at,
    action: row.action,
    actor: row.actor,
    recordId: row.record_id,
    subject: row.subject,
    details,
    mac: row.mac,
  };
}

function parse(args: readonly string[], io: AuditCommandIo): Parsed | number {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (command === undefined) return usage(io, 'no command given');
  if (command !== 'verify' && command !== 'list') return usage(io, `unknown command '${command}'`);
  let values: { data?: string | undefined; day?: string | undefined };
  try {
    const options = { data: { type: 'string' }, day: { type: 'string' } } as const;
    ({ values } = parseArgs({ args: [...rest], options, strict: true, allowPositionals: false }));
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  if (!values.data) return usage(io, '--data DIR is required');
  const dataDir = path.resolve(values.data);
  if (command === 'verify') {
    if (values.day !== undefined) return usage(io, 'verify checks the whole chain; --day is for list');
    return { command, dataDir };
  }
  if (values.day !== undefined) {
    try {
      parseDay(values.day);
    } catch (error) {
      if (error instanceof DayError) return usage(io, error.message);
      throw error;
    }
    return { command, dataDir, day: values.day };
  }
  return { command, dataDir };
}

function usage(io: AuditCommandIo, problem: string): number {
  io.err(`error: ${problem}\n\n${USAGE}`);
  return EXIT_USAGE;
}
