import { describe, expect, it } from 'vitest';
import {
  authorizationHeader,
  hmacHeaders,
  parseTimestamp,
} from '../../../../main/providers/identifai/header';

// Frozen vectors: the documented format, character for character.
const VECTORS = [
  {
    input: {
      accessKey: 'STTCRR3L5APXAUG5HXZ1RB1CN',
      timestamp: '20211213T062502Z',
      token: 'b5005b75e579500fdd89ceee620414b70e021f7b730b647084dd4693d799d2',
    },
    header:
      'NODEFLUX-HMAC-SHA256 Credential=STTCRR3L5APXAUG5HXZ1RB1CN/20211213/nodeflux.api.v1beta1.ImageAnalytic/StreamImageAnalytic, SignedHeaders=x-nodeflux-timestamp, Signature=b5005b75e579500fdd89ceee620414b70e021f7b730b647084dd4693d799d2',
  },
  {
    input: {
      accessKey: 'LOKETSANDBOXACCESS0001',
      timestamp: '20240229T235959Z',
      token: '04ad01325fbc21b76245bde2d4ce00d09e9e4478fc52f2015d131aa21c4b2cc8',
    },
    header:
      'NODEFLUX-HMAC-SHA256 Credential=LOKETSANDBOXACCESS0001/20240229/nodeflux.api.v1beta1.ImageAnalytic/StreamImageAnalytic, SignedHeaders=x-nodeflux-timestamp, Signature=04ad01325fbc21b76245bde2d4ce00d09e9e4478fc52f2015d131aa21c4b2cc8',
  },
] as const;

describe('authorizationHeader', () => {
  it.each(VECTORS)('matches the frozen vector for $input.accessKey', ({ input, header }) => {
    expect(authorizationHeader(input)).toBe(header);
  });

  it('builds the header pair without touching its input', () => {
    const input = Object.freeze({ ...VECTORS[0].input });
    const pair = hmacHeaders(input);
    expect(pair).toEqual({ Authorization: VECTORS[0].header, 'x-nodeflux-timestamp': '20211213T062502Z' });
    expect(Object.isFrozen(pair)).toBe(true);
    expect(input).toEqual(VECTORS[0].input);
  });

  it.each([
    '2021-12-13T06:25:02Z',
    '20211213T062502',
    '20211213t062502z',
    '20211313T062502Z',
    '20210230T000000Z',
    '20211213T246000Z',
    '',
  ])('refuses the timestamp %j', (timestamp) => {
    expect(() => authorizationHeader({ ...VECTORS[0].input, timestamp })).toThrow(RangeError);
  });

  it('refuses an empty access key or token', () => {
    expect(() => authorizationHeader({ ...VECTORS[0].input, accessKey: '' })).toThrow(RangeError);
    expect(() => authorizationHeader({ ...VECTORS[0].input, token: 'a b' })).toThrow(RangeError);
  });
});

describe('parseTimestamp', () => {
  it('reads YYYYMMDDTHHMMSSZ as UTC', () => {
    expect(parseTimestamp('20211213T062502Z')).toBe(Date.UTC(2021, 11, 13, 6, 25, 2));
    expect(parseTimestamp('20240229T000000Z')).toBe(Date.UTC(2024, 1, 29));
  });
});
