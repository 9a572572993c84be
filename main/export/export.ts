// One export, whatever the caller (the CLI today, the console's save dialog and the host's download later):
// the records of a range, read from a snapshot on a connection of its own, written as CSV, XLSX or PDF to a
// writable stream, audited before its first byte. Masked unless asked otherwise; an unmasked export needs a reason, and its
// audit entry keeps the reason's length and a keyed hash, not its text, which may hold personal data ("the
// customer with NIK … asked"). The hash lets an auditor holding the ticket confirm it, with the key.
import type { Writable } from 'node:stream';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ChainState } from '../audit/audit-log';
import type { AuditLog } from '../audit/events';
import { keyedReasonHash } from '../audit/reason-hash';
import { localClock } from '../lib/local-day';
import { readSnapshot } from '../store/reader';
import { writeCsv } from './csv';
import { CSV_WORKER_MIN_ROWS, inlineFormatter, workerFormatter } from './csv-formatter';
import { writePdf } from './pdf';
import { summariseChain, type ExportFormat, type Provenance } from './provenance';
import type { ExportRange } from './range';
import { countRows, exportRows, iterateRaw, type RowQuery } from './rows';
import { writeXlsx } from './xlsx';

export type Masking = { masked: true } | { masked: false; reason: string };

export interface ExportRequest {
  format: ExportFormat;
  range: ExportRange;
  masking: Masking;
  includeTraining: boolean;
  kioskId: string;
  /** Who asked: an account id (the console), or 'cli'. */
  actor: string;
}

export interface ExportDeps {
  /** A read-only connection of the export's own (main/store/reader.ts). */
  reader: Database.Database;
  audit: AuditLog;
  /** The audit key, for the reason's keyed hash. */
  auditKey: Buffer;
  /** The chain as it stands now (verified against the keychain's head): printed in the export. */
  chain: ChainState;
  /** Epoch ms. */
  now: () => number;
  /** Where the PDF's fonts are (a packaged app's resources); default: the checkout's assets/fonts. */
  fontsDir?: string;
}

export class ExportRequestError extends Error {
  override readonly name = 'ExportRequestError';
}

/** Appends the audit entry, writes the export to `out` (ending it); returns the number of records. */
export async function exportRecords(
  deps: ExportDeps,
  request: ExportRequest,
  out: Writable,
): Promise<number> {
  const { masking } = request;
  if (!masking.masked && masking.reason.trim().length === 0) {
    throw new ExportRequestError('An unmasked export needs a reason.');
  }
  const provenance: Provenance = {
    range: request.range,
    kioskId: request.kioskId,
    generatedAt: deps.now(),
    masked: masking.masked,
    includeTraining: request.includeTraining,
    chain: summariseChain(deps.chain),
  };
  const query: RowQuery = {
    range: request.range,
    masked: masking.masked,
    includeTraining: request.includeTraining,
    kioskId: request.kioskId,
  };
  const local = localClock(request.range.zone);
  const rows = () => exportRows(deps.reader, query);
  return readSnapshot(deps.reader, async () => {
    // Audited before the first byte is written, with the count from the same snapshot: an export that
    // fails or is cut off halfway (a download aborted) has still been recorded.
    const expected = countRows(deps.reader, query);
    deps.audit.append({
      action: 'export',
      actor: request.actor,
      details: {
        format: request.format,
        from: request.range.firstDay,
        to: request.range.lastDay,
        zone: request.range.zone,
        masked: masking.masked,
        includeTraining: request.includeTraining,
        rows: expected,
        ...(masking.masked
          ? {}
          : {
              reasonLength: masking.reason.trim().length,
              reasonHash: reasonHash(deps.auditKey, masking.reason),
            }),
      },
    });
    switch (request.format) {
      case 'csv': {
        const context = { masked: masking.masked, kioskId: request.kioskId, zone: request.range.zone };
        const formatter =
          expected >= CSV_WORKER_MIN_ROWS ? workerFormatter(context) : inlineFormatter(context);
        return writeCsv(iterateRaw(deps.reader, query), out, provenance, formatter);
      }
      case 'xlsx':
        return writeXlsx(rows(), out, provenance, local);
      case 'pdf':
        return writePdf(rows, out, provenance, local, deps.fontsDir);
    }
  });
}

/** The reason's keyed hash for the export entry (main/audit/reason-hash.ts): confirms a reason, reveals none. */
export function reasonHash(key: Buffer, reason: string): string {
  return keyedReasonHash(key, 'export-reason', reason);
}
