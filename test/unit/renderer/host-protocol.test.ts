import { describe, expect, it } from 'vitest';
import { channels } from '../../../common/contract';
import {
  buildEventsUrl,
  buildInvokeRequest,
  parseEnvelope,
  parseEventMessage,
  reconnectDelayMs,
} from '../../../renderer/bridge/hostProtocol';
import { splitSecretFromHash } from '../../../renderer/bridge/hostSecret';
import { record } from './fixtures';

describe('buildInvokeRequest', () => {
  it('POSTs JSON to /bridge/<channel> with the key header', () => {
    const { url, init } = buildInvokeRequest('http://127.0.0.1:4321', 's3cret', 'verification.start', {
      mode: 'assisted',
    });
    expect(url).toBe('http://127.0.0.1:4321/bridge/verification.start');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', 'x-loket-key': 's3cret' });
    expect(JSON.parse(init.body)).toEqual({ mode: 'assisted' });
  });
});

describe('buildEventsUrl', () => {
  it('uses the page host and puts the key in the query, encoded', () => {
    expect(buildEventsUrl({ protocol: 'http:', host: '127.0.0.1:4321' }, 'a+b/c=')).toBe(
      'ws://127.0.0.1:4321/bridge/events?k=a%2Bb%2Fc%3D',
    );
  });
});

describe('splitSecretFromHash', () => {
  it('takes k out of the fragment and keeps the rest', () => {
    expect(splitSecretFromHash('#k=abc_DEF-1')).toEqual({ secret: 'abc_DEF-1', rest: '' });
    expect(splitSecretFromHash('#k=abc&x=1')).toEqual({ secret: 'abc', rest: '#x=1' });
  });

  it('has no secret in an empty or unrelated fragment', () => {
    expect(splitSecretFromHash('')).toEqual({ secret: null, rest: '' });
    expect(splitSecretFromHash('#k=')).toEqual({ secret: null, rest: '' });
    expect(splitSecretFromHash('#x=1').secret).toBeNull();
  });
});

describe('parseEnvelope', () => {
  const schema = channels.startVerification.response;

  it('passes a valid success through', () => {
    const value = record();
    expect(parseEnvelope(schema, { ok: true, value }, 200)).toEqual({ ok: true, value });
  });

  it('turns a success that breaks the contract into internal', () => {
    expect(parseEnvelope(schema, { ok: true, value: { id: 1 } }, 200)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('passes a known error code, including 403 forbidden', () => {
    const body = { ok: false, error: { code: 'forbidden', message: 'bad key' } };
    expect(parseEnvelope(schema, body, 403)).toEqual(body);
  });

  it("keeps photo_rejected's photo (which photo, why) when it has the contract's shape, and only then", () => {
    const photo = { kind: 'id_card', reason: 'no_card' };
    const body = { ok: false, error: { code: 'photo_rejected', message: 'No card', photo } };
    expect(parseEnvelope(schema, body, 422)).toEqual(body);
    const odd = {
      ok: false,
      error: { code: 'photo_rejected', message: 'x', photo: { kind: 'selfie', reason: 'no_card' } },
    };
    expect(parseEnvelope(schema, odd, 422)).toEqual({
      ok: false,
      error: { code: 'photo_rejected', message: 'x' },
    });
    const elsewhere = { ok: false, error: { code: 'invalid_image', message: 'x', photo } };
    expect(parseEnvelope(schema, elsewhere, 422)).toEqual({
      ok: false,
      error: { code: 'invalid_image', message: 'x' },
    });
  });

  it('maps an unknown code or a body without an envelope to internal', () => {
    expect(parseEnvelope(schema, { ok: false, error: { code: 'nope', message: 'x' } }, 500)).toMatchObject({
      error: { code: 'internal' },
    });
    expect(parseEnvelope(schema, undefined, 502)).toMatchObject({ error: { code: 'internal' } });
    expect(parseEnvelope(schema, '<html>', 404)).toMatchObject({ error: { code: 'internal' } });
  });
});

describe('parseEventMessage', () => {
  it('maps an event name to its verb', () => {
    const payload = { pending: 1, inProgress: 0, lastSyncAt: null, reachable: true };
    expect(parseEventMessage(JSON.stringify({ event: 'sync.status', payload }))).toEqual({
      verb: 'onSyncStatus',
      payload,
    });
  });

  it('ignores unknown events, bad JSON and binary frames', () => {
    expect(parseEventMessage(JSON.stringify({ event: 'nope', payload: {} }))).toBeNull();
    expect(parseEventMessage('{')).toBeNull();
    expect(parseEventMessage(new ArrayBuffer(2))).toBeNull();
  });
});

describe('reconnectDelayMs', () => {
  it('grows exponentially to a 10 s cap, with jitter below the base', () => {
    expect(reconnectDelayMs(0, () => 1)).toBe(500);
    expect(reconnectDelayMs(1, () => 1)).toBe(1000);
    expect(reconnectDelayMs(20, () => 1)).toBe(10_000);
    expect(reconnectDelayMs(0, () => 0)).toBe(375);
  });
});
