// The kiosk's local day in Indonesia's three zones (and one with a half-hour offset).
import { describe, expect, it } from 'vitest';
import { dayRange, DayError, isTimeZone, localText, parseDay } from '../../../main/lib/local-day';

describe('the local day', () => {
  it('runs from local midnight to local midnight in WIB, WITA and WIT', () => {
    expect(dayRange('2026-01-05', '2026-01-05', 'Asia/Jakarta')).toEqual({
      from: '2026-01-04T17:00:00.000Z',
      to: '2026-01-05T17:00:00.000Z',
    });
    expect(dayRange('2026-01-05', '2026-01-05', 'Asia/Makassar').from).toBe('2026-01-04T16:00:00.000Z');
    expect(dayRange('2026-01-05', '2026-01-07', 'Asia/Jayapura')).toEqual({
      from: '2026-01-04T15:00:00.000Z',
      to: '2026-01-07T15:00:00.000Z',
    });
  });

  it('refuses what is not a day, and a range that ends before it starts', () => {
    for (const bad of ['2026-02-30', '2026-1-5', '05-01-2026', ''])
      expect(() => parseDay(bad)).toThrow(DayError);
    expect(() => dayRange('2026-01-05', '2026-01-04', 'Asia/Jakarta')).toThrow(DayError);
    expect(isTimeZone('Asia/Makassar')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('writes instants as local time with the offset', () => {
    expect(localText('Asia/Jakarta')(Date.parse('2026-01-05T16:59:59.000Z'))).toBe(
      '2026-01-05T23:59:59+07:00',
    );
    expect(localText('Asia/Jayapura')(Date.parse('2026-01-05T16:59:59.000Z'))).toBe(
      '2026-01-06T01:59:59+09:00',
    );
    const india = localText('Asia/Kolkata');
    expect(india(Date.parse('2026-01-05T10:45:07.000Z'))).toBe('2026-01-05T16:15:07+05:30');
    expect(india(Date.parse('2026-01-05T10:15:07.000Z'))).toBe('2026-01-05T15:45:07+05:30');
  });
});
