import { describe, expect, it } from 'vitest';
import { verifyHmac } from '../../../main/sandbox/identifai/hmac-auth';
import { computeToken, formatAuthorization } from '../../../main/sandbox/identifai/signature';
import { fakeClock } from './fake-clock';

const credentials = [{ accessKey: 'ACCESS1', secretKey: 'SECRET1' }];
const TS = '20211213T062502Z';
const good = formatAuthorization('ACCESS1', TS, computeToken('SECRET1', TS));

describe('HMAC header verification', () => {
  const policy = { credentials, clock: fakeClock(), maxAgeMs: null };

  it('accepts a header signed with the right secret, with or without spaces', () => {
    expect(verifyHmac(good, TS, policy)).toEqual({ ok: true, accessKey: 'ACCESS1' });
    expect(verifyHmac(good.replace(/, /g, ','), TS, policy).ok).toBe(true);
  });

  it.each([
    ['a wrong secret', formatAuthorization('ACCESS1', TS, computeToken('OTHER', TS)), TS],
    ['an unknown access key', formatAuthorization('ACCESS2', TS, computeToken('SECRET1', TS)), TS],
    ['a different timestamp header', good, '20211213T062503Z'],
    ['no timestamp header', good, undefined],
    ['a malformed header', 'NODEFLUX-HMAC-SHA256 nonsense', TS],
    ['a wrong scope', good.replace('StreamImageAnalytic,', 'Other,'), TS],
    ['a wrong SignedHeaders', good.replace('SignedHeaders=x-nodeflux-timestamp', 'SignedHeaders=host'), TS],
  ])('refuses %s', (_label, header, timestamp) => {
    expect(verifyHmac(header, timestamp, policy).ok).toBe(false);
  });

  it('expires signatures only when a lifetime is configured', () => {
    const clock = fakeClock(Date.UTC(2021, 11, 13, 6, 25, 2));
    clock.advance(3_600_000);
    expect(verifyHmac(good, TS, { credentials, clock, maxAgeMs: null }).ok).toBe(true);
    expect(verifyHmac(good, TS, { credentials, clock, maxAgeMs: 3_600_000 }).ok).toBe(true);
    clock.advance(1);
    expect(verifyHmac(good, TS, { credentials, clock, maxAgeMs: 3_600_000 })).toEqual({
      ok: false,
      reason: 'signature expired',
    });
  });
});
