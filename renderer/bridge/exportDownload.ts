// The console's export in a browser opened by the loopback host: POST /console/export with the per-run key
// in its header (the same key the bridge uses, never in a URL), read back as a file. A refusal comes back
// as the bridge's envelope. Electron has no such route: its console asks main for a save dialog instead
// (the consoleSaveExport channel).
import { z } from 'zod';
import type { ConsoleExportRequest } from '../../common/console';
import { fail, type Envelope } from '../../common/errors';
import { KEY_HEADER, parseEnvelope } from './hostProtocol';

export const EXPORT_ROUTE = '/console/export';

export interface DownloadedExport {
  fileName: string;
  file: Blob;
}

export type DownloadFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; cache: 'no-store' },
) => Promise<Response>;

export async function downloadExport(
  origin: string,
  secret: string,
  request: ConsoleExportRequest,
  fetcher: DownloadFetch,
): Promise<Envelope<DownloadedExport>> {
  let response: Response;
  try {
    response = await fetcher(`${origin}${EXPORT_ROUTE}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [KEY_HEADER]: secret },
      body: JSON.stringify(request),
      cache: 'no-store',
    });
  } catch {
    return fail('internal', 'The Loket host could not be reached.');
  }
  if (response.status !== 200) {
    const body: unknown = await response.json().catch(() => undefined);
    const refused = parseEnvelope(z.never(), body, response.status);
    return refused.ok ? fail('internal', 'The host refused the export without saying why.') : refused;
  }
  try {
    // A transfer the host aborted part-way rejects here: a cut-off export is never saved as if complete.
    const file = await response.blob();
    return { ok: true, value: { fileName: fileNameOf(response.headers.get('content-disposition')), file } };
  } catch {
    return fail('internal', 'The export was cut off before it was complete.');
  }
}

/** The name in `attachment; filename="…"`, which main builds from letters, digits, dots and dashes. */
export function fileNameOf(disposition: string | null): string {
  const name = /filename="([A-Za-z0-9._-]+)"/.exec(disposition ?? '')?.[1];
  return name ?? 'loket-export';
}
