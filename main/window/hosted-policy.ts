// The window that shows a provider's hosted flow (faceverify.ai) to the customer, as plain decisions: it
// stays on the provider's own origin, runs with no Node and no preload in a fresh in-memory session (one
// customer's cookies never meet the next one's), and only that origin may use the camera.
import { isSecureOrLoopbackUrl } from '../lib/urls';
import { lockedDownWebPreferences, originOf, type RunContext } from './policy';

export function hostedWindowOptions(partition: string, run: RunContext = { packaged: true }) {
  return {
    width: 1024,
    height: 768,
    show: false,
    autoHideMenuBar: true,
    title: 'Face check',
    webPreferences: { partition, ...lockedDownWebPreferences(), devTools: !run.packaged },
  } as const;
}

/** A fresh partition name per hosted session (no `persist:` prefix: it lives in memory only). */
export function hostedPartition(sessionNumber: number): string {
  return `hosted-session-${sessionNumber}`;
}

/** https only, except a loopback sandbox (training and tests). */
export function isAcceptableProviderUrl(url: string): boolean {
  return isSecureOrLoopbackUrl(url);
}

export function isHostedNavigationAllowed(providerUrl: string, targetUrl: string): boolean {
  const origin = originOf(providerUrl);
  return origin !== null && originOf(targetUrl) === origin;
}

export function isHostedPermissionAllowed(
  providerUrl: string,
  permission: string,
  requestingOrigin: string,
  mediaTypes: readonly string[] = ['video'],
): boolean {
  if (permission !== 'media' && permission !== 'camera') return false;
  if (originOf(requestingOrigin) !== originOf(providerUrl)) return false;
  return mediaTypes.every((type) => type === 'video');
}
