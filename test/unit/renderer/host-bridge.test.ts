import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../common/contract';
import { EVENT_VERBS, VERBS } from '../../../common/contract';
import type { Connect, SocketHandlers } from '../../../renderer/bridge/eventHub';
import { createEventHub } from '../../../renderer/bridge/eventHub';
import type { FetchLike } from '../../../renderer/bridge/hostBridge';
import { createHostBridge } from '../../../renderer/bridge/hostBridge';
import { record } from './fixtures';

/** The nth item, failing the test (rather than a non-null assertion) when it is missing. */
function nth<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected at least ${index + 1} items, got ${items.length}`);
  return item;
}

function fakeSockets() {
  const opened: SocketHandlers[] = [];
  const connect: Connect = (_url, handlers) => {
    opened.push(handlers);
    return { close: () => undefined };
  };
  const scheduled: (() => void)[] = [];
  const timers = { setTimeout: (callback: () => void) => scheduled.push(callback) };
  return { opened, connect, scheduled, timers };
}

const noFetch: FetchLike = () => Promise.reject(new Error('unused'));
const status: SyncStatus = { pending: 2, inProgress: 0, lastSyncAt: null, reachable: false };

describe('createHostBridge', () => {
  it('has a function for every verb and event of the contract', () => {
    const { connect, timers } = fakeSockets();
    const hub = createEventHub('ws://x', connect, timers);
    const api = createHostBridge({ origin: 'http://127.0.0.1:1', secret: 'k', fetch: noFetch, hub });
    for (const verb of [...VERBS, ...EVENT_VERBS]) expect(typeof api[verb], verb).toBe('function');
  });

  it('sends the request and returns the validated envelope', async () => {
    const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, headers: init.headers, body: init.body });
      return { status: 200, json: async () => ({ ok: true, value: record({ id: 'abc123' }) }) };
    };
    const { connect, timers } = fakeSockets();
    const api = createHostBridge({
      origin: 'http://127.0.0.1:1',
      secret: 'k',
      fetch,
      hub: createEventHub('ws://x', connect, timers),
    });
    const answer = await api.submitVerification({ recordId: 'abc123' });
    expect(answer).toMatchObject({ ok: true, value: { id: 'abc123' } });
    expect(calls).toEqual([
      {
        url: 'http://127.0.0.1:1/bridge/verification.submit',
        headers: { 'Content-Type': 'application/json', 'x-loket-key': 'k' },
        body: '{"recordId":"abc123"}',
      },
    ]);
  });

  it('turns a network failure into an internal envelope instead of throwing', async () => {
    const { connect, timers } = fakeSockets();
    const api = createHostBridge({
      origin: 'http://127.0.0.1:1',
      secret: 'k',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      hub: createEventHub('ws://x', connect, timers),
    });
    const answer = await api.getSyncStatus({});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('createEventHub', () => {
  it('connects on the first subscription and delivers only valid payloads', () => {
    const { opened, connect, timers } = fakeSockets();
    const hub = createEventHub('ws://x', connect, timers);
    const received: SyncStatus[] = [];
    hub.subscribe('onSyncStatus', (payload) => received.push(payload));
    hub.subscribe('onProgress', () => undefined);
    expect(opened).toHaveLength(1);

    const socket = nth(opened, 0);
    socket.onOpen();
    socket.onMessage(JSON.stringify({ event: 'sync.status', payload: status }));
    socket.onMessage(JSON.stringify({ event: 'sync.status', payload: { pending: -1 } }));
    expect(received).toEqual([status]);
  });

  it('stops delivering after unsubscribe', () => {
    const { opened, connect, timers } = fakeSockets();
    const hub = createEventHub('ws://x', connect, timers);
    const received: SyncStatus[] = [];
    const unsubscribe = hub.subscribe('onSyncStatus', (payload) => received.push(payload));
    unsubscribe();
    nth(opened, 0).onMessage(JSON.stringify({ event: 'sync.status', payload: status }));
    expect(received).toEqual([]);
  });

  it('reconnects after a drop, keeping its listeners', () => {
    const { opened, connect, scheduled, timers } = fakeSockets();
    const hub = createEventHub('ws://x', connect, timers);
    const received: SyncStatus[] = [];
    hub.subscribe('onSyncStatus', (payload) => received.push(payload));
    nth(opened, 0).onClose();
    expect(scheduled).toHaveLength(1);
    nth(scheduled, 0)();
    expect(opened).toHaveLength(2);
    nth(opened, 1).onMessage(JSON.stringify({ event: 'sync.status', payload: status }));
    expect(received).toEqual([status]);
  });
});
