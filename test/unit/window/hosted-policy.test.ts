import { describe, expect, it } from 'vitest';
import {
  hostedPartition,
  hostedWindowOptions,
  isAcceptableProviderUrl,
  isHostedNavigationAllowed,
  isHostedPermissionAllowed,
} from '../../../main/window/hosted-policy';

const session = 'https://start.faceverify.ai/new/eyJhbGciOi';

describe('hosted session window', () => {
  it('has no node, no preload, the sandbox, and a session of its own', () => {
    const options = hostedWindowOptions(hostedPartition(3));
    expect(options.webPreferences).toMatchObject({
      partition: 'hosted-session-3',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect('preload' in options.webPreferences).toBe(false);
    expect(hostedPartition(3)).not.toMatch(/^persist:/);
  });

  it('opens only https links, or a loopback sandbox', () => {
    expect(isAcceptableProviderUrl(session)).toBe(true);
    expect(isAcceptableProviderUrl('http://127.0.0.1:4500/faceverify/new/abc')).toBe(true);
    expect(isAcceptableProviderUrl('http://start.faceverify.ai/new/abc')).toBe(false);
    expect(isAcceptableProviderUrl('file:///etc/passwd')).toBe(false);
    expect(isAcceptableProviderUrl('javascript:alert(1)')).toBe(false);
  });

  it("stays on the provider's origin", () => {
    expect(isHostedNavigationAllowed(session, 'https://start.faceverify.ai/done')).toBe(true);
    expect(isHostedNavigationAllowed(session, 'https://evil.example/')).toBe(false);
    expect(isHostedNavigationAllowed(session, 'http://start.faceverify.ai/done')).toBe(false);
    expect(isHostedNavigationAllowed(session, 'app://loket/index.html')).toBe(false);
  });

  it("grants the camera to the provider's origin only, never the microphone", () => {
    expect(isHostedPermissionAllowed(session, 'media', 'https://start.faceverify.ai/', ['video'])).toBe(true);
    expect(isHostedPermissionAllowed(session, 'media', 'https://evil.example/', ['video'])).toBe(false);
    expect(isHostedPermissionAllowed(session, 'media', 'https://start.faceverify.ai/', ['audio'])).toBe(
      false,
    );
    expect(isHostedPermissionAllowed(session, 'geolocation', 'https://start.faceverify.ai/')).toBe(false);
  });
});
