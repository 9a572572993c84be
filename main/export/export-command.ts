// `npm run export -- --data DIR --day D [--to D] --format csv|xlsx|pdf --out FILE [--unmasked --reason TEXT]
// [--include-training] [--force]`: a day's (or a range's) records to a file. The file is written under a
// hidden temporary name beside FILE and moved into place only when complete, so an interrupted export leaves
// no half file at FILE; an existing FILE is kept unless --force. Prints one JSON object on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3-multiple-ciphers';
import { openAuditLog } from '../audit/audit-log';
import { AuditKeyError } from '../audit/key';
import { loadSettings, SettingsError } from '../config/settings';
import { KeychainUnavailableError } from '../keys/errors';
import type { SecretStore } from '../keys/secret-store';
import type { Clock } from '../lib/clock';
import { DayError, kioskTimeZone, parseDay } from '../lib/local-day';
import { describeError, redact } from '../lib/redact';
import { DATABASE_FILE, type Store } from '../store/connection';
import { DatabaseKeyError } from '../store/encryption';
import { writeFileAtomically } from './atomic-file';
import { exportRecords, ExportRequestError, type Masking } from './export';
import { EXPORT_FORMATS, type ExportFormat } from './provenance';
import { exportRange, type ExportRange } from './range';

export const EXIT_OK = 0;
/** Could not be done: no database, keychain locked, FILE exists without --force, the write failed. */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface ExportCommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Opens DIR's store as the app does, and a read-only connection beside it, with the data key. */
  open(dataDir: string): Promise<{ store: Store; reader: Database.Database }>;
  secrets(): SecretStore;
  clock: Clock;
  /** Runs cleanup if the process is interrupted (Ctrl-C) meanwhile; returns the function that disarms it. */
  onInterrupt(cleanup: () => void): () => void;
}

export const USAGE = [
  'usage: npm run export -- --data DIR --day YYYY-MM-DD [--to YYYY-MM-DD] --format csv|xlsx|pdf --out FILE',
  '                         [--unmasked --reason TEXT] [--include-training] [--force]',
  '',
  'Masked by default (NIK masked as on screen, no name, no address, no photos). --unmasked adds the NIK and',
  'the name, needs --reason, and is audited. Training records are left out unless --include-training.',
  'Exit codes: 0 written; 1 could not be done (no database, keychain locked, FILE exists without --force);',
  '2 wrong arguments.',
].join('\n');

interface Parsed {
  dataDir: string;
  day: string;
  to: string | undefined;
  format: ExportFormat;
  file: string;
  masking: Masking;
  includeTraining: boolean;
  force: boolean;
}

export async function runExportCommand(args: readonly string[], io: ExportCommandIo): Promise<number> {
  const parsed = parse(args, io);
  if (typeof parsed === 'number') return parsed;
  if (!fs.existsSync(path.join(parsed.dataDir, DATABASE_FILE))) {
    io.err(`error: there is no Loket database in ${parsed.dataDir} (expected ${DATABASE_FILE}).`);
    return EXIT_FAILED;
  }
  if (!parsed.force && fs.existsSync(parsed.file)) {
    io.err(`error: ${parsed.file} exists; add --force to replace it.`);
    return EXIT_FAILED;
  }
  let opened: { store: Store; reader: Database.Database } | undefined;
  try {
    const settings = loadSettings(parsed.dataDir);
    let range: ExportRange;
    try {
      range = exportRange(parsed.day, parsed.to, kioskTimeZone(settings.timeZone));
    } catch (error) {
      if (error instanceof RangeError) return usage(io, error.message);
      throw error;
    }
    opened = await io.open(parsed.dataDir);
    const { store, reader } = opened;
    const audit = await openAuditLog({ store, secrets: io.secrets(), clock: io.clock });
    try {
      const chain = await audit.state();
      const atomic = { replace: parsed.force, onInterrupt: io.onInterrupt };
      const rows = await writeFileAtomically(parsed.file, atomic, (stream) =>
        exportRecords(
          { reader, audit, auditKey: audit.key, chain, now: () => io.clock.now() },
          {
            format: parsed.format,
            range,
            masking: parsed.masking,
            includeTraining: parsed.includeTraining,
            kioskId: settings.kioskId,
            actor: 'cli',
          },
          stream,
        ),
      );
      io.out(
        JSON.stringify({ file: parsed.file, format: parsed.format, rows, masked: parsed.masking.masked }),
      );
      if (!chain.verify.ok)
        io.err(`warning: the audit log is not intact (${chain.verify.message}); the export says so.`);
      return EXIT_OK;
    } finally {
      await audit.close();
    }
  } catch (error) {
    const known =
      error instanceof KeychainUnavailableError ||
      error instanceof DatabaseKeyError ||
      error instanceof SettingsError ||
      error instanceof AuditKeyError ||
      error instanceof ExportRequestError;
    io.err(`error: ${known ? error.message : describeError(error)}`);
    return EXIT_FAILED;
  } finally {
    opened?.reader.close();
    opened?.store.close();
  }
}

function parse(args: readonly string[], io: ExportCommandIo): Parsed | number {
  if (args[0] === 'help' || args[0] === '--help' || args[0] === '-h') {
    io.out(USAGE);
    return EXIT_OK;
  }
  let values: {
    data?: string | undefined;
    day?: string | undefined;
    to?: string | undefined;
    format?: string | undefined;
    out?: string | undefined;
    unmasked?: boolean | undefined;
    reason?: string | undefined;
    'include-training'?: boolean | undefined;
    force?: boolean | undefined;
  };
  try {
    const options = {
      data: { type: 'string' },
      day: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      unmasked: { type: 'boolean' },
      reason: { type: 'string' },
      'include-training': { type: 'boolean' },
      force: { type: 'boolean' },
    } as const;
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    // parseArgs quotes what it did not understand, which may hold a reason's text: redact() masks a NIK.
    return usage(io, redact(error instanceof Error ? error.message : String(error)));
  }
  if (!values.data) return usage(io, '--data DIR is required');
  if (!values.day) return usage(io, '--day YYYY-MM-DD is required');
  if (!values.out) return usage(io, '--out FILE is required');
  const format = values.format;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return usage(io, `--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  try {
    parseDay(values.day);
    if (values.to !== undefined) parseDay(values.to);
  } catch (error) {
    if (error instanceof DayError) return usage(io, error.message);
    throw error;
  }
  let masking: Masking = { masked: true };
  if (values.unmasked) {
    const reason = values.reason?.trim() ?? '';
    if (!reason) return usage(io, '--unmasked needs --reason TEXT (why the full NIK and names are needed)');
    masking = { masked: false, reason };
  } else if (values.reason !== undefined) {
    return usage(io, '--reason goes with --unmasked');
  }
  return {
    dataDir: path.resolve(values.data),
    day: values.day,
    to: values.to,
    format: format as ExportFormat,
    file: path.resolve(values.out),
    masking,
    includeTraining: values['include-training'] === true,
    force: values.force === true,
  };
}

function usage(io: ExportCommandIo, problem: string): number {
  io.err(`error: ${problem}\n\n${USAGE}`);
  return EXIT_USAGE;
}
