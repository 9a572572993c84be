// "Today" for the rules that count in days (a KTP holder's age): the kiosk's own calendar day, in the
// machine's local time zone (a branch's kiosk is set to its WIB, WITA or WIT), from the injected clock.
import type { CalendarDate } from '../../common/calendar-date';
import type { Clock } from './clock';

export function calendarDay(epochMs: number): CalendarDate {
  const date = new Date(epochMs);
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

export const today = (clock: Pick<Clock, 'now'>): CalendarDate => calendarDay(clock.now());
