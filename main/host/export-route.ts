// The console's export as a download from the browser host:
//   POST /console/export   header x-loket-key: <per-run key>, JSON body = the export request
//   → 200 with the file streamed as it is written (Content-Disposition: attachment), or a JSON envelope
//     with the refusal (not signed in, not a supervisor, no reason for an unmasked export, a bad range).
// The same key as the bridge, the same loopback and origin checks (server.ts makes them before routing),
// and the same access policy behind it: no new door. A POST read by fetch() rather than a link the browser
// follows, because the key must travel in a header, never in a URL that lands in the download history.
// A failure after the first byte aborts the response, so a cut-off export never looks complete.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type ErrorCode } from '../../common/errors';
import type { ExportDownloads } from '../console/download';
import { toBridgeError } from '../bridge/failure';
import { createLogger } from '../lib/log';

export const EXPORT_PATH = '/console/export';

const log = createLogger('host');

/** The HTTP status for a refusal before anything was written. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_request: 400,
  reason_required: 400,
  sign_in_required: 401,
  supervisor_required: 403,
  forbidden: 403,
};

export interface ExportRouteIo {
  sendJson(res: ServerResponse, status: number, body: unknown): void;
  /** The request body, or null when it is over the limit. */
  readBody(req: IncomingMessage): Promise<Buffer | null>;
  /** True when the request carries the per-run key. */
  keyed(req: IncomingMessage): boolean;
}

export async function handleExport(
  req: IncomingMessage,
  res: ServerResponse,
  downloads: ExportDownloads,
  io: ExportRouteIo,
): Promise<void> {
  if (req.method !== 'POST') return io.sendJson(res, 405, fail('invalid_request', 'Use POST.'));
  if (!io.keyed(req)) {
    return io.sendJson(res, 403, fail('forbidden', 'This page is not the kiosk the host opened.'));
  }
  const body = await io.readBody(req);
  if (body === null) return io.sendJson(res, 413, fail('invalid_request', 'The request is too large.'));
  let request: unknown;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return io.sendJson(res, 400, fail('invalid_request', 'The request is not JSON.'));
  }
  let prepared;
  try {
    prepared = downloads.prepare(request);
  } catch (error) {
    const { code, message } = toBridgeError(error);
    return io.sendJson(res, STATUS[code] ?? 500, fail(code, message));
  }
  res.writeHead(200, {
    'Content-Type': prepared.contentType,
    // The name is built by main from the kiosk id and the days (letters, digits, dots and dashes only).
    'Content-Disposition': `attachment; filename="${prepared.fileName}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  try {
    await prepared.write(res);
  } catch (error) {
    const { code } = toBridgeError(error);
    log.error('an export download failed part-way', { code });
    res.destroy();
  }
}
