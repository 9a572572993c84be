// One export from the console, whichever transport the page has: in Electron, main asks the shell for a
// save dialog and streams the export into the chosen file; in the browser host, the page downloads it from
// the host's export route with the per-run key and hands it to the browser's downloads.
import type { ConsoleExportRequest } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import type { Envelope } from '../../common/errors';
import { downloadExport } from '../bridge/exportDownload';
import { takeHostSecret } from '../bridge/hostSecret';
import { saveBlob } from './saveFile';

export type ExportResult =
  | { kind: 'saved'; fileName: string; rows: number }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'cancelled' };

export async function runExport(
  bridge: LoketApi,
  request: ConsoleExportRequest,
): Promise<Envelope<ExportResult>> {
  if (window.loket !== undefined) {
    const answer = await bridge.consoleSaveExport(request);
    if (!answer.ok) return answer;
    const saved = answer.value;
    return {
      ok: true,
      value: saved.saved
        ? { kind: 'saved', fileName: saved.fileName, rows: saved.rows }
        : { kind: 'cancelled' },
    };
  }
  const answer = await downloadExport(window.location.origin, takeHostSecret(), request, (url, init) =>
    window.fetch(url, init),
  );
  if (!answer.ok) return answer;
  saveBlob(answer.value.file, answer.value.fileName);
  return { ok: true, value: { kind: 'downloaded', fileName: answer.value.fileName } };
}
