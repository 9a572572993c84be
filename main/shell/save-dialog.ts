// The console's export from the Electron window: the system save dialog, over the kiosk window, suggesting
// main's file name in the Documents folder and asking before it replaces a file. Only a signed-in supervisor
// reaches it (the channel is behind the access policy), so a locked kiosk's dialog is no door for customers.
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { ExportFormat } from '../../common/console';

const FILTER_NAMES: Record<ExportFormat, string> = {
  csv: 'CSV (UTF-8)',
  xlsx: 'Excel workbook',
  pdf: 'PDF report',
};

export async function chooseExportPath(
  suggestedName: string,
  format: ExportFormat,
  parent: BrowserWindow | null,
): Promise<string | null> {
  const options: SaveDialogOptions = {
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [{ name: FILTER_NAMES[format], extensions: [format] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
