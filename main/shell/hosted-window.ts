// Opens a provider's hosted flow (faceverify.ai) in its own locked-down window, wired to the pure policy in
// main/window/hosted-policy.ts. The kiosk window stays underneath; closing either side ends the session view.
import { BrowserWindow, session } from 'electron';
import {
  hostedPartition,
  hostedWindowOptions,
  isAcceptableProviderUrl,
  isHostedNavigationAllowed,
  isHostedPermissionAllowed,
} from '../window/hosted-policy';
import type { RunContext } from '../window/policy';

export interface HostedWindow {
  closed: Promise<void>;
  close(): void;
}

let opened = 0;

export function openHostedWindow(url: string, parent: BrowserWindow | null, run: RunContext): HostedWindow {
  if (!isAcceptableProviderUrl(url)) throw new Error('The provider gave a session link Loket will not open.');
  opened += 1;
  const partition = hostedPartition(opened);
  const ses = session.fromPartition(partition);
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isHostedPermissionAllowed(url, permission, details.requestingUrl, mediaTypes));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isHostedPermissionAllowed(url, permission, requestingOrigin),
  );

  const window = new BrowserWindow({
    ...hostedWindowOptions(partition, run),
    ...(parent ? { parent, modal: true } : {}),
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: { preventDefault(): void }, target: string) => {
    if (!isHostedNavigationAllowed(url, target)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  const closed = new Promise<void>((resolve) => window.once('closed', () => resolve()));
  closed.then(() => void ses.clearStorageData());
  void window.loadURL(url);
  return {
    closed,
    close: () => {
      if (!window.isDestroyed()) window.close();
    },
  };
}
