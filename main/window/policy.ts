// The Electron window's security decisions as plain functions, so they are unit-tested without Electron:
// the shell (main/shell/) only wires them to Electron's hooks.

/** The renderer is served from this origin by the shell's protocol handler (a real origin, not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'loket';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface KioskWindowSettings {
  /** A self-service kiosk is always locked, whatever `kiosk` says: nobody stands by to close the window. */
  mode: 'assisted' | 'self_service';
  kiosk: boolean;
  fullscreen: boolean;
}

/** Kiosk lock (no way out, shortcuts dropped, zoom pinned): asked for, or forced by self-service mode. */
export function isLockedKiosk(settings: KioskWindowSettings): boolean {
  return settings.kiosk || settings.mode === 'self_service';
}

/** Facts about this run that change the window's rules. */
export interface RunContext {
  /** An installed build (app.isPackaged): no DevTools, no devtools:// pages. */
  packaged: boolean;
}

/**
 * The webPreferences every Loket window shares: isolation and the sandbox on; Node, webviews, insecure
 * content, experimental features, drag-and-drop navigation and spellcheck off.
 */
export function lockedDownWebPreferences() {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** BrowserWindow options. Isolation and the sandbox are never switched off; DevTools only in a checkout. */
export function windowOptions(
  settings: KioskWindowSettings,
  preloadPath: string,
  run: RunContext = { packaged: true },
) {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f4f7fb',
    autoHideMenuBar: true,
    kiosk: isLockedKiosk(settings),
    fullscreen: isLockedKiosk(settings) || settings.fullscreen,
    title: 'Loket',
    webPreferences: { preload: preloadPath, ...lockedDownWebPreferences(), devTools: !run.packaged },
  } as const;
}

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // URL reports "null" as the origin of non-special schemes such as app://, so build it ourselves.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** The kiosk never navigates away from itself: in-app routes are state, not URLs. */
export function isNavigationAllowed(targetUrl: string): boolean {
  return isAppUrl(targetUrl);
}

/** No new windows, ever (links, window.open, target=_blank). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * What the renderer may load: its own files and in-memory images (and, in a developer's checkout, the
 * DevTools' own pages). Providers are reached from main.
 */
export function isRendererRequestAllowed(url: string, run: RunContext = { packaged: true }): boolean {
  if (url.startsWith('devtools://')) return !run.packaged;
  return isAppUrl(url) || url.startsWith('data:') || url.startsWith('blob:');
}

const CAMERA_PERMISSIONS = new Set(['media', 'camera']);

/**
 * Permission request/check handler: only the camera ('media' with video only), only for the app's own
 * origin. Microphone, notifications, geolocation, and every other origin are refused.
 */
export function isPermissionAllowed(
  permission: string,
  requestingOrigin: string,
  mediaTypes: readonly string[] = ['video'],
): boolean {
  if (!CAMERA_PERMISSIONS.has(permission)) return false;
  if (originOf(requestingOrigin) !== APP_ORIGIN) return false;
  return mediaTypes.every((type) => type === 'video');
}

/** An IPC message is trusted only from the app's own top-level frame (VS Code does the same check). */
export function isTrustedSender(frame: { url: string; isMainFrame: boolean } | null): boolean {
  return frame !== null && frame.isMainFrame && isAppUrl(frame.url);
}
