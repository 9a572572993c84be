import { describe, expect, it } from 'vitest';
import {
  SIGNING_PATH,
  computeToken,
  formatAuthorization,
  formatTimestamp,
  parseAuthorization,
  parseTimestamp,
} from '../../../main/sandbox/identifai/signature';

describe('Nodeflux signature (PROTOCOLS 1.3)', () => {
  it('matches the SDK test vector', () => {
    expect(computeToken('SOMESECRETKEY', '20211213T062502Z')).toBe(
      '04ad01325fbc21b76245bde2d4ce00d09e9e4478fc52f2015d131aa21c4b2cc8',
    );
  });

  it('depends on the secret, the timestamp and the path', () => {
    const base = computeToken('SOMESECRETKEY', '20211213T062502Z');
    expect(computeToken('SOMESECRETKEY2', '20211213T062502Z')).not.toBe(base);
    expect(computeToken('SOMESECRETKEY', '20211213T062503Z')).not.toBe(base);
    expect(computeToken('SOMESECRETKEY', '20211213T062502Z', 'POST', '/other/Path')).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('formats and parses the x-nodeflux-timestamp', () => {
    const ms = Date.UTC(2021, 11, 13, 6, 25, 2, 789);
    expect(formatTimestamp(ms)).toBe('20211213T062502Z');
    expect(parseTimestamp('20211213T062502Z')).toBe(Date.UTC(2021, 11, 13, 6, 25, 2));
    expect(parseTimestamp('2021-12-13T06:25:02Z')).toBeUndefined();
    expect(parseTimestamp('20211313T062502Z')).toBeUndefined(); // month 13
    expect(parseTimestamp('20211213T062502')).toBeUndefined();
  });

  it('builds the documented Authorization header and parses it back', () => {
    const header = formatAuthorization('ACCESS', '20211213T062502Z', 'abc123');
    expect(header).toBe(
      'NODEFLUX-HMAC-SHA256 Credential=ACCESS/20211213/nodeflux.api.v1beta1.ImageAnalytic/StreamImageAnalytic, ' +
        'SignedHeaders=x-nodeflux-timestamp, Signature=abc123',
    );
    expect(parseAuthorization(header)).toEqual({
      accessKey: 'ACCESS',
      date: '20211213',
      scope: SIGNING_PATH,
      signedHeaders: 'x-nodeflux-timestamp',
      signature: 'abc123',
    });
  });

  it('accepts "," without a following space, and rejects malformed headers', () => {
    const tight = formatAuthorization('ACCESS', '20211213T062502Z', 'abc').replace(/, /g, ',');
    expect(parseAuthorization(tight)?.signature).toBe('abc');
    expect(parseAuthorization('Bearer abc')).toBeUndefined();
    expect(parseAuthorization('NODEFLUX-HMAC-SHA256 Credential=ACCESS/2021/x, Signature=a')).toBeUndefined();
    expect(
      parseAuthorization('NODEFLUX-HMAC-SHA256 Credential=ACCESS/20211213/x, SignedHeaders=a'),
    ).toBeUndefined();
  });
});
