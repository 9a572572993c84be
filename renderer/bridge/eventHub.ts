// One WebSocket for every event listener. It opens on the first subscription, validates each payload
// against the contract's schema (a bad message is dropped, never passed on), and reconnects with backoff
// when the host restarts or the socket drops; listeners stay registered across reconnects.
import type { EventVerb, PayloadOf } from '../../common/contract';
import { events } from '../../common/contract';
import { parseEventMessage, reconnectDelayMs } from './hostProtocol';

export interface SocketHandlers {
  onOpen: () => void;
  onMessage: (data: unknown) => void;
  onClose: () => void;
}
/** Opens a socket and reports to the handlers; injected so the hub is tested without a browser. */
export type Connect = (url: string, handlers: SocketHandlers) => { close: () => void };

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
}

export const browserConnect: Connect = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (event) => handlers.onMessage(event.data);
  // A failed connection fires 'error' then 'close'; reconnecting on 'close' covers both.
  socket.onclose = () => handlers.onClose();
  return { close: () => socket.close() };
};

export interface EventHub {
  subscribe<E extends EventVerb>(verb: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

export function createEventHub(
  url: string,
  connect: Connect = browserConnect,
  timers: Timers = { setTimeout: (callback, ms) => window.setTimeout(callback, ms) },
): EventHub {
  const listeners = new Map<EventVerb, Set<(payload: unknown) => void>>();
  let connected = false; // a socket is open or opening
  let waiting = false; // a reconnect is scheduled
  let attempt = 0;

  const dispatch = (data: unknown) => {
    const message = parseEventMessage(data);
    if (message === null) return;
    const parsed = events[message.verb].payload.safeParse(message.payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(message.verb) ?? []) {
      try {
        listener(parsed.data);
      } catch (error) {
        console.error('An event listener failed', error); // one broken screen must not starve the others
      }
    }
  };

  const open = () => {
    waiting = false;
    connected = true;
    connect(url, {
      onOpen: () => {
        attempt = 0;
      },
      onMessage: dispatch,
      onClose: () => {
        connected = false;
        waiting = true;
        timers.setTimeout(open, reconnectDelayMs(attempt));
        attempt += 1;
      },
    });
  };

  return {
    subscribe(verb, listener) {
      const set = listeners.get(verb) ?? new Set();
      listeners.set(verb, set);
      // Stored widened: dispatch only hands a listener the payload validated against its own verb's schema.
      const stored = listener as (payload: unknown) => void;
      set.add(stored);
      if (!connected && !waiting) open();
      return () => {
        set.delete(stored);
      };
    },
  };
}
