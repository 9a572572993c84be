import { describe, expect, it } from 'vitest';
import { OCR_FIELD_NAMES } from '../../../../common/review';
import { firstRunProblem } from '../../../../renderer/desk/firstRunChecks';
import { reviewRows } from '../../../../renderer/desk/review/rows';
import { en } from '../../../../renderer/i18n/en';

describe('the review rows', () => {
  const review = {
    read: { nik: '3174054501900001', name: 'SITI AMINAH', birthDate: '05-01-1990' },
    fields: { nik: '3174054501900001', name: 'SITI AMINAH', birthDate: '06-01-1990' },
    corrections: [
      {
        field: 'birthDate' as const,
        before: '05-01-1990',
        after: '06-01-1990',
        by: 'acc1',
        at: '2026-01-05',
      },
    ],
  };

  it('lists every field in the order given, also the ones not read, so staff can fill them in', () => {
    const order = Object.keys(en.ocr) as (typeof OCR_FIELD_NAMES)[number][];
    const rows = reviewRows(review, order);
    expect(rows.map((row) => row.field)).toEqual(order);
    expect([...order].sort()).toEqual([...OCR_FIELD_NAMES].sort());
    expect(rows.find((row) => row.field === 'address')).toEqual({
      field: 'address',
      value: null,
      read: null,
      corrected: false,
    });
  });

  it('keeps what the provider read beside a correction', () => {
    const [birthDate] = reviewRows(review, ['birthDate']);
    expect(birthDate).toEqual({
      field: 'birthDate',
      value: '06-01-1990',
      read: '05-01-1990',
      corrected: true,
    });
    expect(reviewRows(review, ['name'])[0]).toMatchObject({ value: 'SITI AMINAH', corrected: false });
  });

  it('treats a blank reading as not read', () => {
    expect(
      reviewRows({ read: { name: '  ' }, fields: { name: '  ' }, corrections: [] }, ['name'])[0],
    ).toMatchObject({
      value: null,
      read: null,
    });
  });
});

describe('the first-run form', () => {
  it('asks for a name, a long enough password that is not the name, typed the same twice', () => {
    expect(firstRunProblem(' ', 'long enough pw', 'long enough pw')).toBe('missingName');
    expect(firstRunProblem('Siti', 'short', 'short')).toBe('tooShort');
    expect(firstRunProblem('Siti Rahma Dewi', 'siti rahma dewi', 'siti rahma dewi')).toBe('sameAsName');
    expect(firstRunProblem('Siti', 'long enough pw', 'long enough pW')).toBe('mismatch');
    expect(firstRunProblem('Siti', 'long enough pw', 'long enough pw')).toBeNull();
  });
});
