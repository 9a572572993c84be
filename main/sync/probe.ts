// The light health probe: one GET to the provider's base URL with a short time-out. Any HTTP answer, even
// a 404, means the provider can be reached; only a network failure or a time-out means it cannot. It is
// not navigator.onLine: a branch LAN can be up while the provider is not.
import type { Fetch } from '../lib/http-error';

export function createHttpProbe(fetch: Fetch, url: string, timeoutMs = 5_000) {
  return async (signal: AbortSignal): Promise<boolean> => {
    try {
      const response = await fetch(url, {
        method: 'GET',
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      await response.body?.cancel();
      return true;
    } catch {
      return false;
    }
  };
}
