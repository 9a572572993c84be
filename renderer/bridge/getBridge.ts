// The one way screens reach main. Electron's preload provides `window.loket`; in a browser opened by the
// loopback host we build the same API over HTTP and WebSocket. Created once per page.
import type { LoketApi } from '../../common/contract';
import { createEventHub } from './eventHub';
import { createHostBridge } from './hostBridge';
import { buildEventsUrl } from './hostProtocol';
import { takeHostSecret } from './hostSecret';

let bridge: LoketApi | undefined;

export function getBridge(): LoketApi {
  if (bridge !== undefined) return bridge;
  if (window.loket !== undefined) {
    bridge = window.loket;
    return bridge;
  }
  const secret = takeHostSecret();
  bridge = createHostBridge({
    origin: window.location.origin,
    secret,
    fetch: (url, init) => window.fetch(url, init),
    hub: createEventHub(buildEventsUrl(window.location, secret)),
  });
  return bridge;
}
