import { describe, expect, it } from 'vitest';
import { ageOn, parseCalendarDate } from '../../../common/calendar-date';
import { checkNik, nikBirthDate, NIK_FLAGS, parseSex } from '../../../common/nik-checks';
import { isProvinceCode, PROVINCE_CODES } from '../../../common/province-codes';

const TODAY = { year: 2026, month: 12, day: 1 };
// Jakarta Selatan (3174), Kebayoran Lama (05), a woman born 5 July 1990 (45 = 5 + 40), serial 0012.
const WOMAN = { nik: '3174054507900012', birthDate: '05-07-1990', sex: 'PEREMPUAN' };
const MAN = { nik: '3273011203850007', birthDate: '12-03-1985', sex: 'LAKI-LAKI' };

describe('NIK cross-checks', () => {
  it('finds nothing wrong with a consistent card, for a woman and a man', () => {
    expect(checkNik(WOMAN, TODAY)).toEqual([]);
    expect(checkNik(MAN, TODAY)).toEqual([]);
  });

  it('accepts the NIK written in groups', () => {
    expect(checkNik({ ...WOMAN, nik: '3174 0545 0790 0012' }, TODAY)).toEqual([]);
    expect(checkNik({ ...WOMAN, nik: '31.74.05.450790.0012' }, TODAY)).toEqual([]);
  });

  it.each([
    ['a missing NIK', { ...MAN, nik: undefined }, ['nik_missing']],
    ['15 digits', { ...MAN, nik: '327301120385000' }, ['nik_not_16_digits']],
    ['a letter in the NIK', { ...MAN, nik: '327301120385000O' }, ['nik_not_16_digits']],
    ['province 20 (no such province)', { ...MAN, nik: '2073011203850007' }, ['nik_province_unknown']],
    ['month 13 in the NIK', { ...MAN, nik: '3273011213850007' }, ['nik_birth_date_invalid']],
    ['day 32 in the NIK', { ...MAN, nik: '3273013203850007' }, ['nik_birth_date_invalid']],
    ['a birth date that differs from the NIK', { ...MAN, birthDate: '13-03-1985' }, ['birth_date_mismatch']],
    ['a birth year that differs', { ...MAN, birthDate: '12-03-1986' }, ['birth_date_mismatch']],
    ['no birth date read', { ...MAN, birthDate: undefined }, ['birth_date_unreadable']],
    ['an unreadable birth date', { ...MAN, birthDate: 'JAKARTA' }, ['birth_date_unreadable']],
    ['a woman’s NIK on a card that says man', { ...WOMAN, sex: 'LAKI-LAKI' }, ['sex_mismatch']],
    ['a man’s NIK on a card that says woman', { ...MAN, sex: 'PEREMPUAN' }, ['sex_mismatch']],
    ['no sex read', { ...MAN, sex: undefined }, ['sex_unreadable']],
    ['a sex that is no KTP word', { ...MAN, sex: 'X' }, ['sex_unreadable']],
  ])('flags %s', (_case, fields, flags) => {
    expect(checkNik(fields, TODAY)).toEqual(flags);
  });

  it('flags someone younger than 17 on the day, not the day of their 17th birthday', () => {
    const teen = { nik: '3174051412090001', birthDate: '14-12-2009', sex: 'LAKI-LAKI' };
    expect(checkNik(teen, { year: 2026, month: 12, day: 13 })).toEqual(['under_17']);
    expect(checkNik(teen, { year: 2026, month: 12, day: 14 })).toEqual([]);
  });

  it('judges the age from the NIK when no birth date was read', () => {
    expect(checkNik({ nik: '3174051412200001', sex: 'LAKI-LAKI' }, TODAY)).toEqual([
      'birth_date_unreadable',
      'under_17',
    ]);
  });

  it('lists every problem at once, in a fixed order', () => {
    const flags = checkNik({ nik: '9974054507900012', birthDate: '06-07-1990', sex: 'LAKI-LAKI' }, TODAY);
    expect(flags).toEqual(['nik_province_unknown', 'birth_date_mismatch', 'sex_mismatch']);
    expect([...flags].sort((a, b) => NIK_FLAGS.indexOf(a) - NIK_FLAGS.indexOf(b))).toEqual(flags);
  });

  it('takes the two-digit year in the century of the birth date read, else the latest not after today', () => {
    const birth = (nik: string, read: string | undefined) =>
      nikBirthDate(nik, parseCalendarDate(read), TODAY)?.date.year;
    expect(birth('3174051203050001', '12-03-2005')).toBe(2005);
    expect(birth('3174051203050001', '12-03-1905')).toBe(1905);
    expect(birth('3174051203050001', undefined)).toBe(2005);
    // 2027 would be after today: the person was born in 1927.
    expect(birth('3174051203270001', undefined)).toBe(1927);
    // 1 December 2026 is today: still this century; 2 December is not.
    expect(birth('3174050112260001', undefined)).toBe(2026);
    expect(birth('3174050212260001', undefined)).toBe(1926);
    expect(nikBirthDate('3174054507900012', null, TODAY)).toEqual({
      date: { year: 1990, month: 7, day: 5 },
      sex: 'female',
    });
  });

  it('knows 29 February only in leap years', () => {
    expect(checkNik({ nik: '3174052902000001', birthDate: '29-02-2000', sex: 'L' }, TODAY)).toEqual([]);
    expect(checkNik({ nik: '3174052902010001', birthDate: '29-02-2001', sex: 'L' }, TODAY)).toEqual([
      'nik_birth_date_invalid',
      'birth_date_unreadable',
    ]);
  });
});

describe('the KTP sex words', () => {
  it.each([
    ['LAKI-LAKI', 'male'],
    ['laki laki', 'male'],
    ['M', 'male'],
    ['Male', 'male'],
    ['L', 'male'],
    ['PEREMPUAN', 'female'],
    ['F', 'female'],
    ['female', 'female'],
    ['P', 'female'],
    ['WANITA', 'female'],
  ])('reads %s as %s', (word, sex) => {
    expect(parseSex(word)).toBe(sex);
  });

  it('reads nothing else', () => {
    expect(parseSex('')).toBeNull();
    expect(parseSex('LAKI-PEREMPUAN')).toBeNull();
    expect(parseSex(undefined)).toBeNull();
  });
});

describe('birth dates as providers write them', () => {
  it.each([
    ['05-07-1990', { year: 1990, month: 7, day: 5 }],
    ['5-7-1990', { year: 1990, month: 7, day: 5 }],
    ['05/07/1990', { year: 1990, month: 7, day: 5 }],
    ['05.07.1990', { year: 1990, month: 7, day: 5 }],
    ['1990-07-05', { year: 1990, month: 7, day: 5 }],
    ['1990-07-05T00:00:00.000Z', { year: 1990, month: 7, day: 5 }],
  ])('reads %s', (text, date) => {
    expect(parseCalendarDate(text)).toEqual(date);
  });

  it.each(['31-04-1990', '29-02-1900', '00-01-1990', '1990', '05-07-90', 'SEUMUR HIDUP'])(
    'refuses %s',
    (text) => {
      expect(parseCalendarDate(text)).toBeNull();
    },
  );

  it('counts whole years, a birthday on its day', () => {
    const birth = { year: 2000, month: 2, day: 29 };
    expect(ageOn(birth, { year: 2017, month: 2, day: 28 })).toBe(16);
    expect(ageOn(birth, { year: 2017, month: 3, day: 1 })).toBe(17);
  });
});

describe('the province codes', () => {
  it('are the 38 provinces, with the four made from Papua in 2022', () => {
    expect(Object.keys(PROVINCE_CODES)).toHaveLength(38);
    expect(PROVINCE_CODES['93']).toBe('Papua Selatan');
    expect(PROVINCE_CODES['94']).toBe('Papua Tengah');
    expect(PROVINCE_CODES['95']).toBe('Papua Pegunungan');
    expect(PROVINCE_CODES['96']).toBe('Papua Barat Daya');
    expect(isProvinceCode('31')).toBe(true);
    for (const code of ['00', '20', '37', '54', '66', '77', '83', '97', 'to']) {
      expect(isProvinceCode(code)).toBe(false);
    }
  });
});
