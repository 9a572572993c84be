// Registers every contract channel on ipcMain, behind the sender check, and forwards main's events to the
// window. The handlers are the same ones the browser host serves.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channels, VERBS } from '../../common/contract';
import { fail } from '../../common/errors';
import { dispatch, type Handlers } from '../bridge/dispatch';
import type { EventBus } from '../bridge/events';
import { isTrustedSender } from '../window/policy';

export function registerBridge(
  handlers: Handlers,
  events: EventBus,
  getWindow: () => BrowserWindow | null,
): () => void {
  for (const verb of VERBS) {
    const channel = channels[verb].channel;
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null);
      if (!trusted) return fail('forbidden', 'Only the kiosk window may use the bridge.');
      return dispatch(handlers, channel, request);
    });
  }
  const unsubscribe = events.subscribe((event, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(event, payload);
  });
  return () => {
    unsubscribe();
    for (const verb of VERBS) ipcMain.removeHandler(channels[verb].channel);
  };
}
