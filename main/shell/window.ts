// The one kiosk window, wired to the pure policy in main/window/policy.ts.
import { BrowserWindow, session } from 'electron';
import { shouldBlockInput } from '../window/input-policy';
import {
  APP_ENTRY_URL,
  isNavigationAllowed,
  isPermissionAllowed,
  isLockedKiosk,
  isRendererRequestAllowed,
  windowOpenDecision,
  windowOptions,
  type KioskWindowSettings,
  type RunContext,
} from '../window/policy';

export function applySessionPolicy(run: RunContext): void {
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
    callback({ cancel: !isRendererRequestAllowed(details.url, run) }),
  );
}

export function createKioskWindow(
  settings: KioskWindowSettings,
  preloadPath: string,
  run: RunContext,
): BrowserWindow {
  const window = new BrowserWindow(windowOptions(settings, preloadPath, run));
  const contents = window.webContents;
  const locked = isLockedKiosk(settings);
  const inputContext = { kiosk: locked, packaged: run.packaged, platform: process.platform };
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input, inputContext)) event.preventDefault();
  });
  // webPreferences.devTools is off when packaged; should DevTools open anyway, they close at once.
  contents.on('devtools-opened', () => {
    if (run.packaged) contents.closeDevTools();
  });
  // Zoom by pinch or Ctrl+wheel is not a keyboard shortcut: pin it in kiosk mode.
  if (locked) {
    void contents.setVisualZoomLevelLimits(1, 1);
    contents.on('zoom-changed', () => contents.setZoomLevel(0));
  }
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
