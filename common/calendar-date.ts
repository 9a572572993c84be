// Calendar dates as the KTP prints them, without time zones: a birth date is a day, not an instant.
// Providers write them differently (IdentifAI 'DD-MM-YYYY' as on the card; Incode's epoch milliseconds are
// turned into the same by main/providers/incode/ocr.ts, and other text is passed through), so the reader
// accepts the shapes that occur and refuses anything that is not a real day.
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAY_FIRST = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/;
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/;

/** 'DD-MM-YYYY' (also with / . or a space), 'YYYY-MM-DD' (also ISO with a time): the day, or null. */
export function parseCalendarDate(text: string | undefined): CalendarDate | null {
  if (text === undefined) return null;
  const value = text.trim();
  const dayFirst = DAY_FIRST.exec(value);
  if (dayFirst) return calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) return calendarDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  return null;
}

/** The date if it exists on the calendar (no 31 April, 29 February only in leap years), else null. */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export const sameDate = (a: CalendarDate, b: CalendarDate): boolean => compareDates(a, b) === 0;

/** Whole years from `birth` to `today` (a birthday counts on its day; 29 February on 1 March). */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const years = today.year - birth.year;
  const birthdayPassed = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return birthdayPassed ? years : years - 1;
}
