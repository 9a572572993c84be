// Cross-checks of the NIK against the rest of the card, for staff reviewing what the provider read. A NIK is
// province(2) city(2) district(2) birth date DDMMYY (day + 40 for women) serial(4); a KTP is issued from
// age 17. Each inconsistency is a flag with a code the renderer puts into words; no flag means all clear.
// Pure: "today" is passed in, so the age check is tested at any date.
import { ageOn, calendarDate, parseCalendarDate, sameDate, type CalendarDate } from './calendar-date';
import { isProvinceCode } from './province-codes';

export const NIK_FLAGS = [
  'nik_missing', // no NIK was read
  'nik_not_16_digits',
  'nik_province_unknown', // the first two digits are no province's code
  'nik_birth_date_invalid', // digits 7–12 are no real date, even with 40 taken off the day
  'birth_date_unreadable', // no birth date was read, or not one that can be compared
  'birth_date_mismatch', // the NIK's birth date is not the one read
  'sex_unreadable', // no sex was read, or not one of the KTP's words
  'sex_mismatch', // the NIK says female (day + 40) and the card male, or the other way round
  'under_17', // younger than a KTP holder can be, today
] as const;
export type NikFlag = (typeof NIK_FLAGS)[number];

/** The age from which an Indonesian citizen gets a KTP (UU 24/2013 on population administration). */
export const KTP_MINIMUM_AGE = 17;

export interface NikCheckInput {
  nik?: string | undefined;
  birthDate?: string | undefined;
  sex?: string | undefined;
}

type Sex = 'male' | 'female';

/** The flags for one card, in NIK_FLAGS order; an empty list is all clear. */
export function checkNik(fields: NikCheckInput, today: CalendarDate): NikFlag[] {
  const flags = new Set<NikFlag>();
  const readBirth = parseCalendarDate(fields.birthDate);
  const readSex = parseSex(fields.sex);
  if (!readBirth) flags.add('birth_date_unreadable');
  if (!readSex) flags.add('sex_unreadable');

  let nikBirth: CalendarDate | null = null;
  const nik = fields.nik === undefined ? '' : normaliseNik(fields.nik);
  if (nik === '') flags.add('nik_missing');
  else if (!/^\d{16}$/.test(nik)) flags.add('nik_not_16_digits');
  else {
    if (!isProvinceCode(nik.slice(0, 2))) flags.add('nik_province_unknown');
    const encoded = nikBirthDate(nik, readBirth, today);
    if (!encoded) flags.add('nik_birth_date_invalid');
    else {
      nikBirth = encoded.date;
      if (readBirth && !sameDate(readBirth, encoded.date)) flags.add('birth_date_mismatch');
      if (readSex && readSex !== encoded.sex) flags.add('sex_mismatch');
    }
  }

  const birth = readBirth ?? nikBirth;
  if (birth && ageOn(birth, today) < KTP_MINIMUM_AGE) flags.add('under_17');
  return NIK_FLAGS.filter((flag) => flags.has(flag));
}

export const allClear = (flags: readonly NikFlag[]): boolean => flags.length === 0;

/** OCR may keep the card's grouping: spaces, dots and dashes between digits are not part of the number. */
export function normaliseNik(value: string): string {
  return value.trim().replace(/[\s.-]/g, '');
}

/**
 * The birth date and sex a 16-digit NIK encodes, or null when digits 7–12 are no real date. The year has two
 * digits: it takes the century of the birth date read when that ends in the same two digits (the card
 * agrees with itself), and otherwise the latest century that does not put the birth after today.
 */
export function nikBirthDate(
  nik: string,
  readBirth: CalendarDate | null,
  today: CalendarDate,
): { date: CalendarDate; sex: Sex } | null {
  const encodedDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const twoDigitYear = Number(nik.slice(10, 12));
  const sex: Sex = encodedDay > 40 ? 'female' : 'male';
  const day = sex === 'female' ? encodedDay - 40 : encodedDay;
  const year =
    readBirth && readBirth.year % 100 === twoDigitYear
      ? readBirth.year
      : latestCenturyNotAfter(twoDigitYear, month, day, today);
  const date = calendarDate(year, month, day);
  return date ? { date, sex } : null;
}

function latestCenturyNotAfter(
  twoDigitYear: number,
  month: number,
  day: number,
  today: CalendarDate,
): number {
  const thisCentury = today.year - (today.year % 100) + twoDigitYear;
  const inThisCentury = thisCentury * 10_000 + month * 100 + day;
  const todayNumber = today.year * 10_000 + today.month * 100 + today.day;
  return inThisCentury <= todayNumber ? thisCentury : thisCentury - 100;
}

const SEX_WORDS: Readonly<Record<string, Sex>> = {
  'LAKI-LAKI': 'male',
  LAKILAKI: 'male',
  LAKI: 'male',
  L: 'male',
  PRIA: 'male',
  M: 'male',
  MALE: 'male',
  PEREMPUAN: 'female',
  WANITA: 'female',
  // Indonesian forms write L / P (laki-laki / perempuan), so a lone P is female.
  P: 'female',
  F: 'female',
  FEMALE: 'female',
};

/** The KTP's 'LAKI-LAKI' / 'PEREMPUAN' and the M/F, L/P others write; null for anything else. */
export function parseSex(value: string | undefined): Sex | null {
  if (value === undefined) return null;
  const word = value.trim().toUpperCase().replace(/\s+/g, '');
  return SEX_WORDS[word] ?? SEX_WORDS[word.replace(/-/g, '')] ?? null;
}
