// The faceverify stand-in's session store: same identifier → same session, expiry, one analysis at a time.
import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../../../main/sandbox/faceverify/sessions';
import { FakeClock } from '../../lib/fake-clock';

const TTL = 30 * 60 * 1000;
const request = (uniqueIdentifier: string | null, clientId = 'c1') => ({
  clientId,
  uniqueIdentifier,
  country: 'ID',
  returnUrl: null,
});
const RESULT = { liveness: 0.9, live: true, similarity: null, match: null, message: 'ok' };

describe('SessionStore', () => {
  it('returns the existing session for the same client and identifier', () => {
    const store = new SessionStore(new FakeClock(), TTL);
    const first = store.open(request('R1'));
    const again = store.open(request('R1'));
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.session).toBe(first.session);
    expect(store.open(request('R2')).created).toBe(true);
    expect(store.open(request('R1', 'c2')).created).toBe(true);
  });

  it('always creates a new session without an identifier', () => {
    const store = new SessionStore(new FakeClock(), TTL);
    expect(store.open(request(null)).session.id).not.toBe(store.open(request(null)).session.id);
  });

  it('issues JWT-shaped tokens, found again by token', () => {
    const store = new SessionStore(new FakeClock(), TTL);
    const { session } = store.open(request('R1'));
    expect(session.token).toMatch(/^eyJhbGciOi[\w-]*\.[\w-]+\.[\w-]+$/);
    expect(store.byHostedToken(session.token)).toBe(session);
    expect(store.get(session.id)).toBe(session);
  });

  it('expires a pending session after the TTL, and then opens a new one for the identifier', () => {
    const clock = new FakeClock();
    const store = new SessionStore(clock, TTL);
    const { session } = store.open(request('R1'));
    clock.advance(TTL - 1);
    expect(store.status(session)).toBe('pending');
    clock.advance(1);
    expect(store.status(session)).toBe('expired');
    expect(store.claim(session)).toBe('expired');
    const next = store.open(request('R1'));
    expect(next.created).toBe(true);
    expect(next.session.id).not.toBe(session.id);
  });

  it('a finished session stays finished past the TTL and is still returned', () => {
    const clock = new FakeClock();
    const store = new SessionStore(clock, TTL);
    const { session } = store.open(request('R1'));
    expect(store.claim(session)).toBe('ok');
    expect(store.status(session)).toBe('pending');
    expect(store.claim(session)).toBe('closed');
    store.finish(session, 'completed', RESULT);
    clock.advance(TTL * 2);
    expect(store.status(session)).toBe('completed');
    expect(store.open(request('R1')).session).toBe(session);
  });

  it('a released claim can be made again', () => {
    const store = new SessionStore(new FakeClock(), TTL);
    const { session } = store.open(request('R1'));
    expect(store.claim(session)).toBe('ok');
    store.release(session);
    expect(store.claim(session)).toBe('ok');
  });
});
