import { describe, expect, it } from 'vitest';
import { parseReferenceCode, referenceCode } from '../../../common/reference-code';
import { newRecordId } from '../../../main/store/record-id';

describe('reference codes', () => {
  it('are the last 8 characters of a ULID record id, grouped in fours', () => {
    expect(referenceCode('01JDZ8K0000000000000K7Q43ZPX')).toBe('K7Q4-3ZPX');
    const id = newRecordId();
    expect(referenceCode(id).replace('-', '')).toBe(id.slice(-8));
  });

  it('fold any other id into 8 Crockford characters, the same every time', () => {
    const code = referenceCode('TRAIN00001');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(referenceCode('TRAIN00001')).toBe(code);
    expect(referenceCode('TRAIN00002')).not.toBe(code);
  });

  it('differ between records made in the same millisecond', () => {
    const codes = new Set(Array.from({ length: 200 }, () => referenceCode(newRecordId(1_700_000_000_000))));
    expect(codes.size).toBe(200);
  });

  it('read back as typed: any case, with or without the dash, I L and O as digits', () => {
    expect(parseReferenceCode('k7q4-3zpx')).toBe('K7Q43ZPX');
    expect(parseReferenceCode(' K7Q4 3ZPX ')).toBe('K7Q43ZPX');
    expect(parseReferenceCode('KIQ4-3ZPO')).toBe('K1Q43ZP0');
    expect(parseReferenceCode('K7Q4-3ZP')).toBeNull();
    expect(parseReferenceCode('K7Q4-3ZPU')).toBeNull();
  });
});
