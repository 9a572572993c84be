import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isNavigationAllowed,
  isPermissionAllowed,
  isRendererRequestAllowed,
  isTrustedSender,
  windowOpenDecision,
  windowOptions,
  isLockedKiosk,
} from '../../../main/window/policy';
import { contentSecurityPolicy } from '../../../main/window/csp';
import { hostedWindowOptions } from '../../../main/window/hosted-policy';

describe('window options', () => {
  it('keeps isolation and the sandbox on and node off, in every mode', () => {
    for (const kiosk of [true, false]) {
      const { webPreferences } = windowOptions(
        { mode: 'assisted', kiosk, fullscreen: false },
        '/app/preload.cjs',
      );
      expect(webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        preload: '/app/preload.cjs',
      });
    }
  });

  it('goes kiosk and full screen only when the setting says so', () => {
    expect(windowOptions({ mode: 'assisted', kiosk: true, fullscreen: false }, 'p')).toMatchObject({
      kiosk: true,
      fullscreen: true,
    });
    expect(windowOptions({ mode: 'assisted', kiosk: false, fullscreen: true }, 'p')).toMatchObject({
      kiosk: false,
      fullscreen: true,
    });
    expect(windowOptions({ mode: 'assisted', kiosk: false, fullscreen: false }, 'p')).toMatchObject({
      kiosk: false,
      fullscreen: false,
    });
  });

  it('locks a self-service kiosk full screen whatever kiosk and fullscreen say', () => {
    for (const kiosk of [true, false]) {
      for (const fullscreen of [true, false]) {
        const settings = { mode: 'self_service', kiosk, fullscreen } as const;
        expect(isLockedKiosk(settings)).toBe(true);
        expect(windowOptions(settings, 'p')).toMatchObject({ kiosk: true, fullscreen: true });
      }
    }
    expect(isLockedKiosk({ mode: 'assisted', kiosk: false, fullscreen: true })).toBe(false);
  });
});

describe('navigation and windows', () => {
  it('allows only the app origin', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('app://loket/other.html#x')).toBe(true);
    expect(isNavigationAllowed('https://api.identifai.id/')).toBe(false);
    expect(isNavigationAllowed('app://evil/index.html')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('not a url')).toBe(false);
  });

  it('denies every new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('lets the renderer load only its own files and in-memory images', () => {
    expect(isRendererRequestAllowed('app://loket/assets/index.js')).toBe(true);
    expect(isRendererRequestAllowed('blob:app://loket/123')).toBe(true);
    expect(isRendererRequestAllowed('data:image/jpeg;base64,AAAA')).toBe(true);
    expect(isRendererRequestAllowed('https://api.identifai.id/v1/jobs/1')).toBe(false);
    expect(isRendererRequestAllowed('http://127.0.0.1:9000/')).toBe(false);
  });

  it('refuses devtools:// pages in a packaged build, and allows them in a checkout', () => {
    expect(isRendererRequestAllowed('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(isRendererRequestAllowed('devtools://devtools/x', { packaged: true })).toBe(false);
    expect(isRendererRequestAllowed('devtools://devtools/x', { packaged: false })).toBe(true);
  });

  it('cannot open DevTools when packaged (and can in a checkout)', () => {
    const settings = { mode: 'assisted', kiosk: false, fullscreen: false } as const;
    expect(windowOptions(settings, 'p').webPreferences.devTools).toBe(false);
    expect(windowOptions(settings, 'p', { packaged: true }).webPreferences.devTools).toBe(false);
    expect(windowOptions(settings, 'p', { packaged: false }).webPreferences.devTools).toBe(true);
    expect(hostedWindowOptions('x', { packaged: true }).webPreferences.devTools).toBe(false);
  });
});

describe('permissions', () => {
  it('grants the camera to the app origin only', () => {
    expect(isPermissionAllowed('media', 'app://loket/index.html', ['video'])).toBe(true);
    expect(isPermissionAllowed('media', 'app://loket', ['video'])).toBe(true);
    expect(isPermissionAllowed('media', 'https://evil.example/', ['video'])).toBe(false);
    expect(isPermissionAllowed('media', 'app://other/', ['video'])).toBe(false);
  });

  it('refuses the microphone and every other permission', () => {
    expect(isPermissionAllowed('media', 'app://loket/', ['audio'])).toBe(false);
    expect(isPermissionAllowed('media', 'app://loket/', ['video', 'audio'])).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'openExternal']) {
      expect(isPermissionAllowed(permission, 'app://loket/')).toBe(false);
    }
  });
});

describe('IPC sender check', () => {
  it('trusts only the app main frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('content security policy', () => {
  it('forbids inline script, eval, plugins and framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
  });

  it('adds the host WebSocket to connect-src when asked', () => {
    expect(contentSecurityPolicy({ extraConnectSrc: ['ws://127.0.0.1:4000'] })).toContain(
      "connect-src 'self' ws://127.0.0.1:4000",
    );
  });
});
