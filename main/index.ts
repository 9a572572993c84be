// The Electron shell, kept thin: lifecycle, lockdown, the window, the app:// protocol and the bridge
// registration. Everything it wires is plain Node code in main/, tested without Electron; every decision it
// makes is a pure function in main/window/, unit-tested.
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createApp, type App } from './app';
import { loadSettings } from './config/settings';
import { keychainService, KeytarSecretStore } from './keys';
import { createLogger } from './lib/log';
import { describeError } from './lib/redact';
import { setupMainCrashHandler } from './shell/crash';
import { openHostedWindow } from './shell/hosted-window';
import { registerBridge } from './shell/ipc';
import { chooseExportPath } from './shell/save-dialog';
import { setupQuit, setupSingleInstance } from './shell/lifecycle';
import { setupLockdown } from './shell/lockdown';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { watchRenderer } from './shell/recovery';
import { applySessionPolicy, createKioskWindow } from './shell/window';
import type { RunContext } from './window/policy';

const log = createLogger('shell');
// Bundled to build/main/index.cjs; the renderer and preload are built beside it.
const buildDir = join(__dirname, '..');
/** A packaged kiosk ignores environment overrides and debugging switches, and has no DevTools. */
const run: RunContext = { packaged: app.isPackaged };
let kioskWindow: BrowserWindow | null = null;

async function setupLoket(): Promise<App> {
  const dev = !run.packaged;
  const dataDir = (dev && process.env.LOKET_DATA_DIR) || join(app.getPath('userData'), 'data');
  const settings = loadSettings(dataDir, {}, run);
  return createApp({
    dataDir,
    settings,
    version: app.getVersion(),
    secrets: new KeytarSecretStore({ service: keychainService(run) }),
    openHostedWindow: (url) => openHostedWindow(url, kioskWindow, run),
    chooseSavePath: (name, format) => chooseExportPath(name, format, kioskWindow),
    // Packaged: electron-builder's extraResources; in a checkout, assets/ beside build/.
    fontsDir: run.packaged ? join(process.resourcesPath, 'fonts') : join(buildDir, '..', 'assets', 'fonts'),
    nativeBinding: dev ? process.env.LOKET_SQLITE_BINDING : undefined,
  });
}

function setupWindow(loket: App): void {
  serveRenderer(join(buildDir, 'renderer'));
  applySessionPolicy(run);
  registerBridge(loket.handlers, loket.events, () => kioskWindow);
  kioskWindow = createKioskWindow(loket.settings, join(buildDir, 'preload', 'index.cjs'), run);
  watchRenderer(kioskWindow, { log, wipeSession: loket.wipeCustomerSession });
  kioskWindow.on('closed', () => (kioskWindow = null));
}

/** Staff and IT must see why (a setup error, a locked keychain), not a window that vanished. */
function refuseToStart(title: string, message: string): void {
  log.error('the kiosk could not start', { error: message });
  dialog.showErrorBox(title, message);
  app.exit(1);
}

registerAppScheme();
setupMainCrashHandler(log);
const refused = setupLockdown(run.packaged, process.argv);
if (refused.length > 0) {
  void app
    .whenReady()
    .then(() =>
      refuseToStart(
        'Loket will not start',
        `An installed kiosk does not run with debugging or protection-lowering switches: ${refused.map((s) => `--${s}`).join(', ')}.`,
      ),
    );
} else if (setupSingleInstance(() => kioskWindow)) {
  let loket: App | null = null;
  setupQuit(async () => loket?.close(), log);
  app
    .whenReady()
    .then(setupLoket)
    .then((started) => {
      loket = started;
      setupWindow(started);
    })
    .catch((error: unknown) => refuseToStart('Loket could not start', describeError(error)));
}
