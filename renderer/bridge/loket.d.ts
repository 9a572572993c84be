// In Electron the preload exposes the contract's verbs as `window.loket`; in a plain browser (the
// loopback host) it is absent and getBridge() builds the same API over HTTP and WebSocket.
import type { LoketApi } from '../../common/contract';

declare global {
  interface Window {
    loket: LoketApi | undefined;
  }
}

export {};
