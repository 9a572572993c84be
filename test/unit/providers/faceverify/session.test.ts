// Reading faceverify's answers (the seed's create-session shape; Loket's assumed status shape) and turning a
// final status into a ProviderResult.
import { describe, expect, it } from 'vitest';
import { decide } from '../../../../main/providers/faceverify/outcome';
import {
  readCreatedSession,
  readSessionState,
  type SessionState,
} from '../../../../main/providers/faceverify/session';

const SEED_ANSWER = {
  success: true,
  data: {
    sessionId: 'session123',
    baseUrl: 'https://start.faceverify.ai',
    Token: 'eyJhbGciOi..',
    url: 'https://start.faceverify.ai/new/eyJhbGciOiJIUzI1NiIsIn...',
  },
};

describe('readCreatedSession', () => {
  it("reads the seed's example, capital-T Token and all", () => {
    expect(readCreatedSession(SEED_ANSWER)).toEqual({
      sessionId: 'session123',
      url: 'https://start.faceverify.ai/new/eyJhbGciOiJIUzI1NiIsIn...',
      token: 'eyJhbGciOi..',
      baseUrl: 'https://start.faceverify.ai',
    });
  });

  it('accepts a lower-case token, a numeric id and a missing baseUrl', () => {
    const session = readCreatedSession({
      success: true,
      data: { sessionId: 42, token: 'tok-123456', url: 'https://start.faceverify.ai/new/tok-123456' },
    });
    expect(session).toMatchObject({ sessionId: '42', token: 'tok-123456', baseUrl: null });
  });

  it.each([
    ['success false', { ...SEED_ANSWER, success: false }],
    ['no token', { success: true, data: { ...SEED_ANSWER.data, Token: undefined } }],
    ['no id', { success: true, data: { ...SEED_ANSWER.data, sessionId: '' } }],
    ['a non-http link', { success: true, data: { ...SEED_ANSWER.data, url: 'javascript:alert(1)' } }],
    ['not an object', 'OK'],
    ['null', null],
  ])('refuses %s', (_name, body) => {
    expect(readCreatedSession(body)).toBeNull();
  });
});

describe('readSessionState', () => {
  it('reads a completed session with its result', () => {
    const body = {
      success: true,
      data: {
        sessionId: 's1',
        status: 'completed',
        result: { liveness: 0.93, live: true, similarity: 0.88, match: true, message: 'ok' },
      },
    };
    expect(readSessionState(body, 's1')).toEqual({
      sessionId: 's1',
      status: 'completed',
      rawStatus: 'completed',
      result: { liveness: 0.93, live: true, similarity: 0.88, match: true, message: 'ok' },
      raw: body,
    });
  });

  it('fills similarity and match with null when they are not reported', () => {
    const state = readSessionState(
      { success: true, data: { status: 'completed', result: { liveness: 0.9, live: true, message: 'm' } } },
      's2',
    );
    expect(state?.sessionId).toBe('s2');
    expect(state?.result).toEqual({ liveness: 0.9, live: true, similarity: null, match: null, message: 'm' });
  });

  it('treats a status word it does not know as pending, and ignores case', () => {
    expect(readSessionState({ success: true, data: { status: 'in_progress' } }, 's')?.status).toBe('pending');
    expect(readSessionState({ success: true, data: { status: 'Completed' } }, 's')?.status).toBe('completed');
    expect(readSessionState({ success: true, data: { status: 'EXPIRED' } }, 's')?.status).toBe('expired');
  });

  it('uses a top-level message when there is no result', () => {
    const state = readSessionState(
      { success: true, data: { status: 'failed', message: 'No face detected' } },
      's',
    );
    expect(state?.result).toEqual({
      liveness: null,
      live: null,
      similarity: null,
      match: null,
      message: 'No face detected',
    });
  });

  it('returns null for anything that is not a status answer', () => {
    expect(readSessionState({ success: false, message: 'x' }, 's')).toBeNull();
    expect(readSessionState({ success: true, data: {} }, 's')).toBeNull();
    expect(readSessionState('<html>', 's')).toBeNull();
  });
});

const state = (status: SessionState['status'], result: SessionState['result']): SessionState => ({
  sessionId: 's',
  status,
  rawStatus: status,
  result,
  raw: { status },
});
const result = (live: boolean, match: boolean | null = null, message = 'msg') => ({
  liveness: live ? 0.9 : 0.2,
  live,
  similarity: match === null ? null : match ? 0.9 : 0.2,
  match,
  message,
});

describe('decide', () => {
  it('completed and live, no match reported → verified, similarity and match null, no OCR', () => {
    expect(decide(state('completed', result(true)))).toEqual({
      kind: 'decided',
      outcome: {
        decision: 'verified',
        liveness: 0.9,
        live: true,
        similarity: null,
        match: null,
        ocr: {},
        providerMessage: 'msg',
      },
      raw: { status: 'completed' },
    });
  });

  it('completed, live and matching → verified', () => {
    const decided = decide(state('completed', result(true, true)));
    expect(decided).toMatchObject({ kind: 'decided', outcome: { decision: 'verified', match: true } });
  });

  it('completed but not live, or not matching → not_verified', () => {
    expect(decide(state('completed', result(false)))).toMatchObject({
      outcome: { decision: 'not_verified', live: false },
    });
    expect(decide(state('completed', result(true, false)))).toMatchObject({
      outcome: { decision: 'not_verified', match: false },
    });
  });

  it('completed without a result → not_verified (nothing says live)', () => {
    expect(decide(state('completed', null))).toMatchObject({ outcome: { decision: 'not_verified' } });
  });

  it("failed → not_verified with the provider's message", () => {
    expect(decide(state('failed', result(false, null, 'No face detected')))).toMatchObject({
      kind: 'decided',
      outcome: { decision: 'not_verified', providerMessage: 'No face detected' },
    });
  });

  it('expired → failed provider_rejected', () => {
    expect(decide(state('expired', null))).toMatchObject({ kind: 'failed', code: 'provider_rejected' });
  });

  it('pending has no outcome', () => {
    expect(() => decide(state('pending', null))).toThrow(RangeError);
  });
});
