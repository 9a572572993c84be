// The kiosk's local day. Records and audit entries are stored in UTC; a supervisor's "day" is the branch's
// calendar day. The zone is the `timeZone` setting when set (Indonesia has three: Asia/Jakarta WIB UTC+7,
// Asia/Makassar WITA UTC+8, Asia/Jayapura WIT UTC+9, none with daylight saving), else the machine's own. A day
// runs from local midnight to the next local midnight.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 60 * 60 * 1000;

export class DayError extends RangeError {
  override readonly name = 'DayError';
}

/** The zone in force: the configured one, else the machine's. */
export function kioskTimeZone(configured?: string): string {
  return configured ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface UtcRange {
  /** Inclusive, ISO UTC. */
  from: string;
  /** Exclusive, ISO UTC. */
  to: string;
}

/** [local midnight of `first`, local midnight after `last`) in UTC; `last` defaults to `first`. */
export function dayRange(first: string, last: string = first, zone: string): UtcRange {
  const from = localMidnight(first, zone);
  const to = localMidnight(nextDay(last), zone);
  if (to <= from) throw new DayError(`the range ends (${last}) before it starts (${first})`);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

export function parseDay(day: string): { y: number; m: number; d: number } {
  const match = DAY.exec(day);
  const [y, m, d] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!match || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new DayError(`'${day}' is not a day (YYYY-MM-DD)`);
  }
  return { y, m, d };
}

function nextDay(day: string): string {
  const { y, m, d } = parseDay(day);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** UTC epoch ms of 00:00 local on `day`. The offset is taken at that instant (a second pass settles a zone
 *  whose offset differs between UTC midnight and local midnight). */
function localMidnight(day: string, zone: string): number {
  const { y, m, d } = parseDay(day);
  const utcMidnight = Date.UTC(y, m - 1, d);
  let guess = utcMidnight - offsetMs(zone, utcMidnight);
  guess = utcMidnight - offsetMs(zone, guess);
  return guess;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at instant ms (local = UTC + offset). */
export function offsetMs(zone: string, ms: number): number {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - (ms - (ms % 1000));
}

/**
 * Converts UTC instants to the zone's wall-clock time, fast: offsets change at most on the hour in every zone
 * Loket meets, so one Intl lookup per hour of instants serves a whole export.
 */
export function localClock(zone: string): (ms: number) => LocalTime {
  const offsetAt = offsetLookup(zone);
  return (ms) => {
    const offset = offsetAt(ms);
    return { wallClock: new Date(ms + offset), offsetMinutes: Math.round(offset / 60_000) };
  };
}

/** The zone's offset at instant ms, looked up once per UTC hour (offsets change at most on the hour). */
function offsetLookup(zone: string): (ms: number) => number {
  const cache = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = cache.get(hour);
    if (offset === undefined) {
      offset = offsetMs(zone, hour * HOUR_MS);
      if (cache.size > 10_000) cache.clear();
      cache.set(hour, offset);
    }
    return offset;
  };
}

/** The same, straight to text ('2026-01-05T15:04:05+07:00'): what CSV writes for three times per record,
 *  so the date, hour and offset are formatted once per local hour and the minutes and seconds by arithmetic
 *  (offsets of :30 or :45 included: the hour is the local one). */
export function localText(zone: string): (ms: number) => string {
  const offsetAt = offsetLookup(zone);
  let localHour = Number.NaN;
  let offset = Number.NaN;
  let prefix = '';
  let suffix = '';
  return (ms) => {
    const offsetMinutes = Math.round(offsetAt(ms) / 60_000);
    const wall = ms + offsetMinutes * 60_000;
    const hour = Math.floor(wall / HOUR_MS);
    if (hour !== localHour || offsetMinutes !== offset) {
      localHour = hour;
      offset = offsetMinutes;
      const full = formatLocal({ wallClock: new Date(hour * HOUR_MS), offsetMinutes });
      prefix = full.slice(0, 14);
      suffix = full.slice(19);
    }
    const seconds = Math.floor((wall - hour * HOUR_MS) / 1000);
    return `${prefix}${TWO_DIGITS[Math.floor(seconds / 60)]}:${TWO_DIGITS[seconds % 60]}${suffix}`;
  };
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export interface LocalTime {
  /** A Date whose UTC fields are the local wall-clock time (what a spreadsheet cell shows). */
  wallClock: Date;
  offsetMinutes: number;
}

/** '2026-01-05T15:04:05+07:00': ISO 8601 with the local offset. */
export function formatLocal({ wallClock, offsetMinutes }: LocalTime): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wallClock.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}
