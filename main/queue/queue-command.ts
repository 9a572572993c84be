// `npm run queue -- status|purge|delete --data DIR`: IT's view of the verification queue, and the retention
// jobs by hand. Every command prints one JSON object on stdout; messages go to stderr. Kept apart from the
// process wiring (cli.ts) so tests drive it with an in-memory io and a store of their own.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RecordStatus } from '../../common/record';
import { parseReferenceCode } from '../../common/reference-code';
import type { AuditLog } from '../audit/events';
import { loadSettings, SettingsError } from '../config/settings';
import { KeychainUnavailableError } from '../keys/errors';
import { describeError, redact } from '../lib/redact';
import { deleteByNik, deleteByRecordId, purgeExpired } from '../retention';
import { DATABASE_FILE, type Store } from '../store/connection';
import { DatabaseKeyError } from '../store/encryption';
import { countByStatus, earliestNextAttempt, lastDecidedAt } from '../store/records';
import { listRecordIdsByIdSuffix, oldestWaitingSince } from '../store/retention-queries';

export const EXIT_OK = 0;
/** The command was right but could not be done: no database, keychain locked, no such record. */
export const EXIT_FAILED = 1;
/** The command or its arguments were wrong: unknown command or option, missing --data, a malformed NIK. */
export const EXIT_USAGE = 2;

export interface QueueCommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Opens DIR's store as the app does. Called only once the arguments are right and DIR holds a database. */
  openStore(dataDir: string): Promise<Store>;
  /** The audit log over that store (purges and deletions are audited); closed before the store. */
  openAudit(store: Store): Promise<AuditLog & { close(): Promise<void> }>;
  /** Epoch milliseconds. */
  now(): number;
  /** Standard input, whole: `--nik -` reads the NIK from it, so it stays out of shell history and `ps`. */
  readStdin(): Promise<string>;
}

export interface QueueStatus {
  counts: Record<RecordStatus, number>;
  /** Whole seconds since the longest-waiting record (pending or in progress) was submitted; null if none. */
  oldestPendingAgeSeconds: number | null;
  lastDecidedAt: string | null;
  /** The earliest scheduled retry of a pending record. */
  nextAttemptAt: string | null;
}

export const USAGE = [
  'usage: npm run queue -- status --data DIR                  counts per state and queue ages, as JSON',
  '       npm run queue -- purge --data DIR                   apply DIR’s retention settings now, print counts',
  '       npm run queue -- delete --data DIR --record ID      delete one record (any state), print counts',
  '       npm run queue -- delete --data DIR --nik NIK        delete every record of a NIK (16 digits)',
  '       npm run queue -- delete --data DIR --nik -          the same, the NIK read from standard input',
  '       npm run queue -- delete --data DIR --reference CODE the record a customer was shown CODE for',
  '                                                           (e.g. K7Q4-3ZPX, from the self-service kiosk)',
  '',
  'Exit codes: 0 done; 1 could not be done (no database in DIR, keychain locked, no such record);',
  '2 wrong command or arguments.',
].join('\n');

const NIK = /^\d{16}$/;

type Parsed =
  { command: 'status' | 'purge'; dataDir: string } | { command: 'delete'; dataDir: string; target: Target };

type Target = { record: string } | { nik: string } | { reference: string };

export async function runQueueCommand(args: readonly string[], io: QueueCommandIo): Promise<number> {
  const parsed = await withNikFromStdin(parse(args, io), io);
  if (typeof parsed === 'number') return parsed;
  const { dataDir } = parsed;

  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
    // Never create a database by opening it: a mistyped DIR would otherwise report an empty, healthy queue.
    io.err(`error: there is no Loket database in ${dataDir} (expected ${DATABASE_FILE}).`);
    return EXIT_FAILED;
  }

  let store: Store | undefined;
  let audit: (AuditLog & { close(): Promise<void> }) | undefined;
  try {
    switch (parsed.command) {
      case 'status':
        store = await io.openStore(dataDir);
        printJson(io, queueStatus(store, io.now()));
        return EXIT_OK;
      case 'purge': {
        // Settings first, so a broken settings file costs no keychain access.
        const { retention } = loadSettings(dataDir);
        store = await io.openStore(dataDir);
        audit = await io.openAudit(store);
        printJson(io, purgeExpired(store, { ...retention, now: io.now() }, audit));
        return EXIT_OK;
      }
      case 'delete':
        break;
    }
    store = await io.openStore(dataDir);
    audit = await io.openAudit(store);
    return remove(io, store, audit, parsed.target);
  } catch (error) {
    if (
      error instanceof KeychainUnavailableError ||
      error instanceof DatabaseKeyError ||
      error instanceof SettingsError
    ) {
      io.err(`error: ${error.message}`);
    } else {
      io.err(`error: ${describeError(error)}`);
    }
    return EXIT_FAILED;
  } finally {
    try {
      await audit?.close();
    } finally {
      store?.close();
    }
  }
}

/** The queue as IT sees it; `now` in epoch milliseconds. */
export function queueStatus(store: Store, now: number): QueueStatus {
  const waitingSince = oldestWaitingSince(store);
  return {
    counts: countByStatus(store),
    oldestPendingAgeSeconds:
      waitingSince === null ? null : Math.max(0, Math.floor((now - Date.parse(waitingSince)) / 1000)),
    lastDecidedAt: lastDecidedAt(store),
    nextAttemptAt: earliestNextAttempt(store),
  };
}

/** Who acted, as the audit log names a command-line run (IT, at the machine, with its keychain). */
const CLI_ACTOR = 'cli';

function remove(io: QueueCommandIo, store: Store, audit: AuditLog, target: Target): number {
  if ('reference' in target) {
    const ids = listRecordIdsByIdSuffix(store, target.reference);
    if (ids.length !== 1) {
      io.err(
        ids.length === 0
          ? 'error: no record has this reference code.'
          : `error: ${ids.length} records share this reference code; delete them by --record ID.`,
      );
      return EXIT_FAILED;
    }
    return remove(io, store, audit, { record: ids[0] ?? '' });
  }
  if ('record' in target) {
    const result = deleteByRecordId(store, target.record, audit, CLI_ACTOR);
    printJson(io, result);
    if (result.records === 0) {
      io.err(`error: there is no record ${target.record}.`);
      return EXIT_FAILED;
    }
    return EXIT_OK;
  }
  const result = deleteByNik(store, target.nik, audit, CLI_ACTOR);
  printJson(io, result);
  // Holding nothing on a person is an answer, not a failure.
  if (result.records === 0) io.err('No record holds this NIK; nothing was deleted.');
  return EXIT_OK;
}

function parse(args: readonly string[], io: QueueCommandIo): Parsed | number {
  const [command, ...rest] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (command === undefined) return usage(io, 'no command given');
  if (command !== 'status' && command !== 'purge' && command !== 'delete') {
    return usage(io, `unknown command '${command}'`);
  }
  let values: {
    data?: string | undefined;
    record?: string | undefined;
    nik?: string | undefined;
    reference?: string | undefined;
  };
  try {
    const options = {
      data: { type: 'string' },
      record: { type: 'string' },
      nik: { type: 'string' },
      reference: { type: 'string' },
    } as const;
    ({ values } = parseArgs({ args: [...rest], options, strict: true, allowPositionals: false }));
  } catch (error) {
    // parseArgs quotes a stray argument, which may be someone's NIK: redact() masks any 16-digit run.
    return usage(io, redact(error instanceof Error ? error.message : String(error)));
  }
  const targets = [values.record, values.nik, values.reference].filter((v) => v !== undefined).length;
  if (command !== 'delete' && targets > 0) {
    return usage(io, `${command} takes only --data DIR`);
  }
  if (!values.data) return usage(io, '--data DIR is required');
  const dataDir = path.resolve(values.data);
  if (command !== 'delete') return { command, dataDir };

  const { record, nik, reference } = values;
  if (targets !== 1) return usage(io, 'delete takes one of --record ID, --nik NIK or --reference CODE');
  if (reference !== undefined) {
    const code = parseReferenceCode(reference);
    if (!code) return usage(io, 'a reference code is 8 letters or digits, e.g. K7Q4-3ZPX');
    return { command, dataDir, target: { reference: code } };
  }
  if (record !== undefined && !/^[A-Za-z0-9]{6,128}$/.test(record)) {
    return usage(io, 'a record id is 6–128 letters or digits');
  }
  // The value is not echoed: whatever was typed may be someone's number. '-' is read later, from stdin.
  if (nik !== undefined && nik !== NIK_FROM_STDIN && !NIK.test(nik)) {
    return usage(io, 'a NIK is exactly 16 digits');
  }
  return { command, dataDir, target: record !== undefined ? { record } : { nik: nik ?? '' } };
}

const NIK_FROM_STDIN = '-';

async function withNikFromStdin(parsed: Parsed | number, io: QueueCommandIo): Promise<Parsed | number> {
  if (typeof parsed === 'number' || parsed.command !== 'delete') return parsed;
  const { target } = parsed;
  if (!('nik' in target) || target.nik !== NIK_FROM_STDIN) return parsed;
  const nik = (await io.readStdin()).trim();
  if (!NIK.test(nik)) return usage(io, 'standard input must hold one NIK of exactly 16 digits');
  return { ...parsed, target: { nik } };
}

function printJson(io: QueueCommandIo, value: unknown): void {
  io.out(JSON.stringify(value));
}

function usage(io: QueueCommandIo, problem: string): number {
  io.err(`error: ${problem}\n\n${USAGE}`);
  return EXIT_USAGE;
}
