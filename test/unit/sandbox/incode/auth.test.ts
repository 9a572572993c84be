// Header checks of the Incode stand-in: x-api-key (403), api-version (400), session token (401).
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  type AuthPolicy,
  authenticateSession,
  checkClientHeaders,
} from '../../../../main/sandbox/incode/auth';
import { IncodeSessionStore } from '../../../../main/sandbox/incode/sessions';
import { fakeClock } from '../fake-clock';

const policy: AuthPolicy = { apiKeys: ['key-1'], apiVersions: ['1.0'] };
const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('checkClientHeaders', () => {
  it('passes the key and version', () => {
    expect(
      checkClientHeaders(request({ 'x-api-key': 'key-1', 'api-version': '1.0' }), policy, true),
    ).toBeNull();
  });

  it('refuses a missing or wrong key with 403 before looking at the version', () => {
    expect(checkClientHeaders(request({}), policy, true)).toMatchObject({
      http: 403,
      status: 403,
      error: 'Forbidden',
    });
    expect(checkClientHeaders(request({ 'x-api-key': 'nope' }), policy, true)).toMatchObject({ http: 403 });
  });

  it('refuses a missing or unsupported api-version with 400', () => {
    expect(checkClientHeaders(request({ 'x-api-key': 'key-1' }), policy, true)).toMatchObject({
      http: 400,
      status: 400,
      error: 'Bad Request',
      message: 'Missing api-version header',
    });
    expect(
      checkClientHeaders(request({ 'x-api-key': 'key-1', 'api-version': '2.0' }), policy, true),
    ).toMatchObject({ http: 400 });
  });

  it('does not ask for the key on token-only paths', () => {
    expect(checkClientHeaders(request({ 'api-version': '1.0' }), policy, false)).toBeNull();
  });
});

describe('authenticateSession', () => {
  const clock = fakeClock();
  const store = new IncodeSessionStore(clock, 'client', 1000);
  const session = store.create({
    countryCode: 'ALL',
    configurationId: null,
    externalCustomerId: 'cust-1',
    language: null,
    redirectUrl: null,
  });
  const expired = () => clock.now() >= session.createdAt + 1000;

  it('finds the session of the token', () => {
    const gate = authenticateSession(request({ 'x-incode-hardware-id': session.token }), store, expired);
    expect(gate).toEqual({ ok: true, session, expired: false });
    expect(store.withInterviewId(session.interviewId)).toBe(session);
  });

  it('refuses a missing or unknown token with 401', () => {
    expect(authenticateSession(request({}), store, expired)).toMatchObject({
      ok: false,
      error: { http: 401 },
    });
    expect(authenticateSession(request({ 'x-incode-hardware-id': 'eyJ.x.y' }), store, expired)).toMatchObject(
      {
        ok: false,
        error: { http: 401, error: 'Unauthorized', message: 'Invalid token' },
      },
    );
  });

  it('flags an expired session', () => {
    clock.advance(1000);
    expect(
      authenticateSession(request({ 'x-incode-hardware-id': session.token }), store, expired),
    ).toMatchObject({
      ok: true,
      expired: true,
    });
  });
});
