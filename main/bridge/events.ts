// Events flow one way, main → renderer. Services emit typed payloads; each transport (IPC, WebSocket)
// subscribes once and forwards to its windows or sockets.
import { events, type EventName, type EventVerb, type PayloadOf } from '../../common/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventVerb>(verb: E, payload: PayloadOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(verb, payload) {
      const name = events[verb].event;
      for (const listener of listeners) listener(name, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
