// The browser host's download of an export: the same request the Electron save dialog takes, validated as
// `unknown` against the contract's schema, asked of the access policy (a signed-in supervisor or admin),
// then streamed by the host into its HTTP response (main/host/export-route.ts).
import { ConsoleExportRequestSchema } from '../../common/console';
import type { AccessPolicy } from '../accounts/access';
import { describeIssues } from '../bridge/dispatch';
import { BridgeFailure } from '../bridge/failure';
import type { ConsoleExports, PreparedExport } from './exports';

export interface ExportDownloads {
  /** Throws a BridgeFailure (sign_in_required, supervisor_required, invalid_request, reason_required). */
  prepare(raw: unknown): PreparedExport;
}

export function createExportDownloads(access: AccessPolicy, exports: ConsoleExports): ExportDownloads {
  return {
    prepare(raw) {
      const by = access.supervisor().operatorId;
      const parsed = ConsoleExportRequestSchema.safeParse(raw);
      if (!parsed.success) throw new BridgeFailure('invalid_request', describeIssues(parsed.error.issues));
      return exports.prepare(parsed.data, by);
    },
  };
}
