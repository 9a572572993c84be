import { describe, expect, it } from 'vitest';
import {
  JOB_ID_PATTERN,
  SUBMISSION_TOKEN_PATTERN,
  base32,
  dateTag,
  newJobId,
  newSubmissionToken,
} from '../../../main/sandbox/identifai/ids';

describe('IdentifAI identifiers', () => {
  it('encodes base32 as RFC 4648 does', () => {
    expect(base32(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32(Buffer.from('f'))).toBe('MY');
  });

  it('tags ids with the base32 of the UTC date, as the documented examples do', () => {
    expect(dateTag(Date.UTC(2021, 9, 7, 23, 59))).toBe('GIYDEMJNGEYC2MBX'); // "2021-10-07"
    expect(dateTag(Date.UTC(2021, 8, 22))).toBe('GIYDEMJNGA4S2MRS'); // "2021-09-22"
  });

  it('makes submission tokens shaped <uuid>-<16 base32>', () => {
    const t = newSubmissionToken(Date.UTC(2021, 8, 22));
    expect(t).toMatch(SUBMISSION_TOKEN_PATTERN);
    expect(t.endsWith('-GIYDEMJNGA4S2MRS')).toBe(true);
    expect(SUBMISSION_TOKEN_PATTERN.test('9268e8f3-1c2e-4b39-8604-61fe30a29908-GXYDEMJNGA4S2MRS')).toBe(true);
    expect(newSubmissionToken(0)).not.toBe(newSubmissionToken(0));
  });

  it('makes job ids of 48 hex + 16 base32', () => {
    const id = newJobId(Date.UTC(2021, 9, 7));
    expect(id).toMatch(JOB_ID_PATTERN);
    expect(id).toHaveLength(64);
    expect(id.endsWith('GIYDEMJNGEYC2MBX')).toBe(true);
    expect(JOB_ID_PATTERN.test('e0fd0da09411f2386acc343bb58e802d88c2bd6f6d22ea98GIYDEMJNGEYC2MBX')).toBe(
      true,
    );
  });
});
