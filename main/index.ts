// The Electron shell, kept thin: lifecycle, the window, the app:// protocol and the bridge registration.
// Everything it wires is plain Node code in main/, tested without Electron.
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createApp, type App } from './app';
import { loadSettings } from './config/settings';
import { createLogger } from './lib/log';
import { describeError } from './lib/redact';
import { openHostedWindow } from './shell/hosted-window';
import { registerBridge } from './shell/ipc';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { applySessionPolicy, createKioskWindow } from './shell/window';

const log = createLogger('shell');
// Bundled to build/main/index.cjs; the renderer and preload are built beside it.
const buildDir = join(__dirname, '..');
let kioskWindow: BrowserWindow | null = null;
let loket: App | null = null;

function setupSingleInstance(): boolean {
  if (app.requestSingleInstanceLock()) {
    app.on('second-instance', () => {
      if (kioskWindow?.isMinimized()) kioskWindow.restore();
      kioskWindow?.focus();
    });
    return true;
  }
  app.quit();
  return false;
}

async function setupLoket(): Promise<App> {
  // A packaged kiosk ignores environment overrides: its data folder and SQLite build are its own.
  const dev = !app.isPackaged;
  const dataDir = (dev && process.env.LOKET_DATA_DIR) || join(app.getPath('userData'), 'data');
  const settings = loadSettings(dataDir);
  return createApp({
    dataDir,
    settings,
    version: app.getVersion(),
    openHostedWindow: (url) => openHostedWindow(url, kioskWindow),
    nativeBinding: dev ? process.env.LOKET_SQLITE_BINDING : undefined,
  });
}

function setupWindow(current: App): void {
  serveRenderer(join(buildDir, 'renderer'));
  applySessionPolicy();
  registerBridge(current.handlers, current.events, () => kioskWindow);
  kioskWindow = createKioskWindow(current.settings, join(buildDir, 'preload', 'index.cjs'));
  kioskWindow.on('closed', () => (kioskWindow = null));
}

function setupLifecycle(): void {
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void loket?.close());
}

registerAppScheme();
if (setupSingleInstance()) {
  setupLifecycle();
  app
    .whenReady()
    .then(setupLoket)
    .then((current) => {
      loket = current;
      setupWindow(current);
    })
    .catch((error: unknown) => {
      const message = describeError(error);
      log.error('the kiosk could not start', { error: message });
      // Staff and IT must see why (a locked keychain, a database key that is missing), not a vanished window.
      dialog.showErrorBox('Loket could not start', message);
      app.exit(1);
    });
}
