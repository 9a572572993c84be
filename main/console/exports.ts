// Exports from the console: the export engine's exportRecords (main/export/export.ts), which audits before
// its first byte, streamed to whatever the transport gives: the browser host's HTTP response (a download)
// or the file the Electron shell's save dialog chose. Masked by default; an unmasked export needs a typed
// reason, checked here as the CLI checks it (the caller has already checked that a supervisor asked). Each
// export reads on a read-only connection of its own, so two at once do not share a snapshot, and the
// kiosk's own connection is never held while a file streams out.
import type { Writable } from 'node:stream';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ConsoleExportRequest, ExportFormat, SavedExport } from '../../common/console';
import type { OpenAuditLog } from '../audit/audit-log';
import { BridgeFailure } from '../bridge/failure';
import type { Clock } from '../lib/clock';
import { exportRecords, type Masking } from '../export/export';
import { writeFileAtomically } from '../export/atomic-file';
import { exportRange, type ExportRange } from '../export/range';

/** Asks where to save (the Electron shell's dialog); null when the supervisor cancelled. */
export type ChooseSavePath = (suggestedName: string, format: ExportFormat) => Promise<string | null>;

export interface ConsoleExportDeps {
  audit: OpenAuditLog;
  clock: Clock;
  zone: string;
  kioskId: string;
  /** A new read-only connection to the kiosk's database (main/store/reader.ts openReader). */
  openReader(): Database.Database;
  fontsDir?: string | undefined;
  /** Only in Electron. */
  chooseSavePath?: ChooseSavePath | undefined;
}

/** An export checked and ready to stream. */
export interface PreparedExport {
  fileName: string;
  contentType: string;
  /** Audits, writes the export to `out` and ends it; resolves to the number of records. */
  write(out: Writable): Promise<number>;
}

export interface ConsoleExports {
  prepare(request: ConsoleExportRequest, by: string): PreparedExport;
  /** Electron: the save dialog, then the export streamed into the chosen file. */
  saveToFile(request: ConsoleExportRequest, by: string): Promise<SavedExport>;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function createConsoleExports(deps: ConsoleExportDeps): ConsoleExports {
  const prepare = (request: ConsoleExportRequest, by: string): PreparedExport => {
    const masking = maskingOf(request);
    const range = rangeOf(request, deps.zone);
    return {
      fileName: exportFileName(deps.kioskId, range, request.format, masking.masked),
      contentType: CONTENT_TYPES[request.format],
      write: async (out) => {
        const reader = deps.openReader();
        try {
          const chain = await deps.audit.state();
          return await exportRecords(
            {
              reader,
              audit: deps.audit,
              auditKey: deps.audit.key,
              chain,
              now: () => deps.clock.now(),
              fontsDir: deps.fontsDir,
            },
            {
              format: request.format,
              range,
              masking,
              includeTraining: request.includeTraining,
              kioskId: deps.kioskId,
              actor: by,
            },
            out,
          );
        } finally {
          reader.close();
        }
      },
    };
  };

  return {
    prepare,
    async saveToFile(request, by) {
      const prepared = prepare(request, by);
      if (!deps.chooseSavePath) {
        throw new BridgeFailure(
          'invalid_state',
          'This kiosk has no save dialog: the console downloads instead.',
        );
      }
      const file = await deps.chooseSavePath(prepared.fileName, request.format);
      if (file === null) return { saved: false };
      // The dialog has asked whether to replace an existing file.
      const rows = await writeFileAtomically(file, { replace: true }, (stream) => prepared.write(stream));
      return { saved: true, fileName: file.split(/[\\/]/).pop() ?? prepared.fileName, rows };
    },
  };
}

function maskingOf(request: ConsoleExportRequest): Masking {
  if (request.masked) return { masked: true };
  const reason = request.reason?.trim() ?? '';
  if (reason === '') {
    throw new BridgeFailure('reason_required', 'An unmasked export needs a reason typed by the supervisor.');
  }
  return { masked: false, reason };
}

function rangeOf(request: ConsoleExportRequest, zone: string): ExportRange {
  try {
    return exportRange(request.firstDay, request.lastDay ?? request.firstDay, zone);
  } catch (error) {
    if (error instanceof RangeError) throw new BridgeFailure('invalid_request', error.message);
    throw error;
  }
}

/** 'loket-KIOSK-2026-01-05.csv', '…-2026-01-05_2026-01-07-unmasked.xlsx': letters, digits, dots, dashes. */
export function exportFileName(kioskId: string, range: ExportRange, format: ExportFormat, masked: boolean) {
  const kiosk = kioskId.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40) || 'kiosk';
  const days = range.firstDay === range.lastDay ? range.firstDay : `${range.firstDay}_${range.lastDay}`;
  return `loket-${kiosk}-${days}${masked ? '' : '-unmasked'}.${format}`;
}
