// The one kiosk window, wired to the pure policy in main/window/policy.ts.
import { BrowserWindow, session } from 'electron';
import {
  APP_ENTRY_URL,
  isNavigationAllowed,
  isPermissionAllowed,
  isRendererRequestAllowed,
  windowOpenDecision,
  windowOptions,
  type KioskWindowSettings,
} from '../window/policy';

export function applySessionPolicy(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionAllowed(permission, details.requestingUrl, mediaTypes));
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // The kiosk reaches providers from main only; the renderer has no business on the network.
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isRendererRequestAllowed(details.url) }),
  );
}

export function createKioskWindow(settings: KioskWindowSettings, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions(settings, preloadPath));
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
