// Fills `{name}` placeholders. A missing value leaves the placeholder visible, which a test would catch
// sooner than an empty gap on screen.
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** Scores cross the bridge as 0..1 (main's thresholds are on that scale); shown as a whole percentage. */
export function toPercent(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

/** A sync time for the status bar: time of day, with the date so a stale "last sync" is obvious. */
export function formatDateTime(iso: string, locale: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A time of day, e.g. the end of a lockout ("locked until 14:30"). */
export function formatTime(iso: string, locale: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A setting's minutes as people say them: 10, or 0.5 where a kiosk is set that strictly. */
export function formatMinutes(minutes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes);
}
