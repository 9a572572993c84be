// How the console writes times, days and people. Times are the kiosk's own clock (the console runs on the
// kiosk, or beside it through the loopback host), in the session's language.
import type { StaffMember } from '../../common/console';
import type { Catalogue } from '../i18n/id';

/** Today's local day, YYYY-MM-DD, as the date picker takes it. */
export function localDay(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** An account id, 'training', 'self_service' or nothing, as people read it. */
export function staffName(id: string | null, staff: readonly StaffMember[], t: Catalogue): string {
  if (id === null || id === 'none') return t.console.operators.none;
  if (id === 'training' || id === 'self_service') return t.console.operators[id];
  return staff.find((member) => member.id === id)?.name ?? id;
}

/** Seconds to one decimal, e.g. "8.2 s". */
export function formatSeconds(seconds: number | null, t: Catalogue, locale: string): string {
  if (seconds === null) return t.console.none;
  const value = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(seconds);
  return t.console.seconds.replace('{value}', value);
}
