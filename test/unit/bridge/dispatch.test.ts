import { describe, expect, it } from 'vitest';
import { channels, VERBS } from '../../../common/contract';
import type { RecordView } from '../../../common/record';
import { dispatch, type Handlers } from '../../../main/bridge/dispatch';
import { BridgeFailure } from '../../../main/bridge/failure';
import { registerSecret } from '../../../main/lib/redact';
import { handlers, record } from './handlers';

describe('dispatch', () => {
  it('answers a valid request with an ok envelope', async () => {
    expect(await dispatch(handlers(), 'verification.start', { mode: 'assisted' })).toEqual({
      ok: true,
      value: record,
    });
  });

  it('refuses unknown channels', async () => {
    const answer = await dispatch(handlers(), 'fs.readFile', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it("never echoes an unknown channel name, which is the caller's text", async () => {
    const answer = await dispatch(handlers(), '3171012345678901', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(JSON.stringify(answer)).not.toMatch(/3171|readFile/);
  });

  it('counts unexpected fields without naming them', async () => {
    const answer = await dispatch(handlers(), 'verification.get', {
      recordId: 'REC000001',
      '3171012345678901': 1,
      'x-api-key': 'k',
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: '(request): 2 unexpected fields' },
    });
  });

  it.each([
    ['verification.start', { mode: 'robot' }],
    ['verification.start', { consent: { version: '1', language: 'fr' } }],
    ['verification.start', { consent: { version: '1' } }],
    ['session.signIn', { name: 'siti' }],
    ['session.signIn', { name: 'siti', password: 'x', role: 'admin' }],
    ['session.createFirstAdmin', { name: '', password: 'a long password' }],
    ['review.correct', { recordId: 'REC000001', field: 'photo', value: 'x' }],
    ['review.correct', { recordId: 'REC000001', field: 'name', value: '   ' }],
    ['review.correct', { recordId: 'REC000001', field: 'name', value: 'x'.repeat(201) }],
    ['review.confirm', { recordId: 'REC000001', decision: 'needs_review' }],
    ['review.confirm', { recordId: 'REC000001', decision: 'verified', reason: 'x'.repeat(501) }],
    ['consent.get', { language: 'fr' }],
    ['verification.start', 'assisted'],
    ['verification.start', { mode: 'assisted', extra: 1 }],
    [
      'verification.addImage',
      { recordId: 'REC000001', kind: 'selfie', imageBase64: 'data:image/jpeg;base64,AAAA' },
    ],
    ['verification.addImage', { recordId: '../../etc', kind: 'selfie', imageBase64: 'AAAA' }],
    ['verification.addImage', { recordId: 'REC000001', kind: 'passport', imageBase64: 'AAAA' }],
    ['verification.submit', { recordId: 42 }],
    ['verification.get', []],
    // A NIK is searched in full or not at all; a partial one never reaches main's search.
    ['console.search', { nik: '317101' }],
    ['console.search', { nik: '3171012345678901', reference: 'K7Q4-3ZPX' }],
    ['console.records', { day: '5 January' }],
    ['console.decide', { recordId: 'REC000001', action: 'overrule', reason: 'x' }],
    ['console.saveExport', { firstDay: '2026-01-05', format: 'docx', includeTraining: false, masked: true }],
  ])('refuses a malformed %s request as invalid_request', async (channel, request) => {
    let called = false;
    // Every handler notes that it ran: a malformed request must reach none of them.
    const spied = Object.fromEntries(
      Object.entries(handlers()).map(([verb, handler]) => [
        verb,
        (input: never) => {
          called = true;
          return (handler as (input: never) => Promise<unknown>)(input);
        },
      ]),
    ) as unknown as Handlers;
    const answer = await dispatch(spied, channel, request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(called).toBe(false);
  });

  it('never echoes the offending value in the error', async () => {
    const nik = '3171012345678901';
    const answer = await dispatch(handlers(), 'verification.get', { recordId: nik + '!!' });
    expect(JSON.stringify(answer)).not.toContain(nik);
  });

  it('turns typed failures into their code and anything else into a redacted internal error', async () => {
    const typed = await dispatch(
      handlers({
        getVerification: async () => {
          throw new BridgeFailure('not_found', 'There is no such verification.');
        },
      }),
      'verification.get',
      { recordId: 'REC000001' },
    );
    expect(typed).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no such verification.' },
    });

    registerSecret('sk-live-very-secret-value');
    const leaky = await dispatch(
      handlers({
        getVerification: async () => {
          throw new Error('boom with sk-live-very-secret-value and NIK 3171012345678901');
        },
      }),
      'verification.get',
      { recordId: 'REC000001' },
    );
    expect(leaky).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(leaky)).not.toContain('sk-live-very-secret-value');
    expect(JSON.stringify(leaky)).not.toContain('3171012345678901');
  });

  it('refuses to deliver an answer outside the contract', async () => {
    const answer = await dispatch(
      handlers({ getVerification: async () => ({ ...record, status: 'exploded' }) as unknown as RecordView }),
      'verification.get',
      { recordId: 'REC000001' },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('covers every channel of the contract with a handler', () => {
    const h = handlers();
    for (const verb of VERBS) expect(typeof h[verb], channels[verb].channel).toBe('function');
  });
});
