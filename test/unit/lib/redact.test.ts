import { afterEach, describe, expect, it } from 'vitest';
import { logLine } from '../../../main/lib/log';
import {
  configureSecretClock,
  describeError,
  forgetSecrets,
  knownSecretCount,
  redact,
  redactValue,
  registerCredential,
  registerSecret,
} from '../../../main/lib/redact';

afterEach(() => {
  forgetSecrets();
  configureSecretClock(Date.now);
});

const HEX64 = 'b5005b75e579500fdd89ceee620414b70e021f7b730b647084dd4693d799d2aa';

describe('redact (text)', () => {
  it.each([
    ['a Bearer token', 'Authorization: Bearer abc.DEF-123_xyz', 'abc.DEF-123_xyz'],
    ['a Basic credential', 'authorization=Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
    ['a JWT', 'got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl back', 'eyJzdWIiOiIxIn0'],
    ["the seed's abbreviated JWT", '"Token":"eyJhbGciOi.."', 'eyJhbGciOi'],
    ['a 64-hex signature', `signed ${HEX64}.`, HEX64],
    ['an upper-case 64-hex signature', `sig ${HEX64.toUpperCase()}`, HEX64.toUpperCase()],
    ['an x-api-key header', 'x-api-key: k3y-Value_1', 'k3y-Value_1'],
    ['an x-api-key JSON field', '{"x-api-key":"k3y-Value_1"}', 'k3y-Value_1'],
    ['an x-hmac-signature header', 'X-HMAC-Signature: 0badc0ffee1234', '0badc0ffee1234'],
    [
      'a submission token',
      'token 9268e8f3-1c2e-4b39-8604-61fe30a29908-GXYDEMJNGA4S2MRS used',
      '9268e8f3-1c2e-4b39-8604-61fe30a29908-GXYDEMJNGA4S2MRS',
    ],
    [
      'a lower-case submission token',
      'token 9268E8F3-1C2E-4B39-8604-61FE30A29908-gxydemjnga4s2mrs used',
      'gxydemjnga4s2mrs',
    ],
    ['a NIK', 'nik 3171012345678901 read', '3171012345678901'],
    ['a NIK in groups of four', 'NIK 3171 0123 4567 8901 read', '3171 0123 4567 8901'],
    ['a NIK with dashes', 'NIK 31-71-01-234567-8901', '31-71-01-234567-8901'],
    ['a NIK with dots', 'NIK 3171.0123.4567.8901', '3171.0123.4567.8901'],
    ['a NODEFLUX header', 'NODEFLUX-HMAC-SHA256 Credential=AK/20240101/x, Signature=ff00', 'Credential=AK'],
    ['an image', `data:image/jpeg;base64,${'A'.repeat(300)}`, 'AAAAAAAAAA'],
    ['a query-string token', 'GET /x?token=s3cr3tvalue&a=1', 's3cr3tvalue'],
  ])('hides %s', (_what, text, secret) => {
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).toMatch(/redacted/);
  });

  it('leaves ordinary text, record ids, dates and counts alone', () => {
    const text =
      'record 01JDZ8Q3W5X7Y9A2B4C6D8E0FG decided at 2026-12-01T21:30:01.123Z after 3 attempts (2048 bytes)';
    expect(redact(text)).toBe(text);
  });

  it('describes an error on one line, masked', () => {
    expect(describeError(new Error('bad\nnik 3171012345678901'))).toBe('Error: bad nik [redacted-nik]');
  });
});

describe('known secrets', () => {
  it('masks a registered value wherever it appears', () => {
    registerCredential('plain-secret-value');
    expect(redact('x plain-secret-value y')).toBe('x [redacted] y');
  });

  it('stays bounded however many session tokens pass through it', () => {
    registerCredential('the-api-key-of-this-kiosk');
    for (let i = 0; i < 10_000; i += 1) registerSecret(`session-token-${i}`);
    expect(knownSecretCount()).toBeLessThanOrEqual(32 + 256);
    // The newest tokens and the credentials are still masked; the oldest tokens were evicted.
    expect(redact('session-token-9999')).toBe('[redacted]');
    expect(redact('the-api-key-of-this-kiosk')).toBe('[redacted]');
    expect(redact('session-token-1')).toBe('session-token-1');
  });

  it('forgets session tokens after some hours, but keeps credentials', () => {
    let now = 1_000_000;
    configureSecretClock(() => now);
    registerSecret('short-lived-token');
    registerCredential('long-lived-key');
    expect(knownSecretCount()).toBe(2);
    now += 7 * 60 * 60 * 1000;
    expect(knownSecretCount()).toBe(1);
    expect(redact('long-lived-key')).toBe('[redacted]');
  });

  it('ignores values too short to be secrets', () => {
    registerSecret('12345');
    expect(knownSecretCount()).toBe(0);
  });
});

describe('redactValue', () => {
  it('withholds fields named like secrets, and bytes', () => {
    const out = redactValue({
      token: 'abc',
      apiKey: 'abc',
      'x-hmac-signature': 'abc',
      nik: '3171012345678901',
      image: Buffer.from('jpeg'),
      bytes: new Uint8Array(8),
      other: Buffer.alloc(4),
      tokenExpired: true,
      password: null,
    }) as Record<string, unknown>;
    expect(out).toMatchObject({
      token: '[redacted]',
      apiKey: '[redacted]',
      'x-hmac-signature': '[redacted]',
      nik: '[redacted]',
      image: '[redacted]',
      bytes: '[redacted]',
      other: '[bytes: 4]',
      tokenExpired: true,
      password: null,
    });
  });

  it('masks field names, numbers that are NIKs, nested values and errors', () => {
    const error = new Error('for 3171012345678901', { cause: new Error(`sig ${HEX64}`) });
    const out = JSON.stringify(
      redactValue({
        '3171012345678901': 1,
        n: 3171012345678901,
        deep: [{ x: { y: `Bearer ${HEX64}` } }],
        error,
      }),
    );
    expect(out).not.toMatch(/3171012345678901|b5005b75/);
    expect(out).toContain('"error":{"name":"Error","message":"for [redacted-nik]"');
  });

  it('survives cycles, prototypes and depth', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const proto = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect(redactValue(cyclic)).toEqual({ a: 1, self: '[circular]' });
    const copy = redactValue(proto) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('logLine', () => {
  it('never lets a field replace the message, level, time or subsystem', () => {
    const line = logLine('info', 'sync', 'record decided', {
      message: 'forged 3171012345678901',
      level: 'debug',
      t: 'then',
      subsystem: 'other',
      recordId: 'ABC123',
    });
    expect(line).toMatchObject({
      level: 'info',
      subsystem: 'sync',
      message: 'record decided',
      'field.message': 'forged [redacted-nik]',
      'field.level': 'debug',
      'field.t': 'then',
      'field.subsystem': 'other',
      recordId: 'ABC123',
    });
    expect(line.t).not.toBe('then');
  });
});
