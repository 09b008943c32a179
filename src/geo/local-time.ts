/**
 * Wall-clock time in an IANA time zone (e.g. `Europe/Stockholm`, with summer time), through
 * the platform's `Intl` time-zone data: instants ⇄ local dates and times, and ISO 8601
 * strings with the zone's offset (`2026-06-21T12:00:00+02:00`). Instants are milliseconds
 * since 1970-01-01T00:00Z.
 */

/** Local calendar date and clock time in a zone, with the zone's UTC offset then. */
export interface LocalTime {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Local time minus UTC, minutes (Stockholm: 60 in winter, 120 in summer). */
  offsetMinutes: number;
}

/** The time zone the demo and Härnösand use. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the platform knows `timeZone` (an IANA name such as `Europe/Stockholm`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time in `timeZone` at an instant. */
export function toLocalTime(epochMs: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year, month, day, hour, minute, second } = parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return { year, month, day, hour, minute, second, offsetMinutes: Math.round((asUtc - wholeSeconds) / 60_000) };
}

/**
 * The instant at which clocks in `timeZone` show the given local date and time. A time that
 * does not exist (skipped when summer time starts) is read with the offset before the change
 * (02:30 on the last Sunday of March in Stockholm is 03:30 CEST); a time that occurs twice
 * (when summer time ends) is the first of the two.
 */
export function fromLocalTime(t: Omit<LocalTime, 'offsetMinutes'>, timeZone: string): number {
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  // the offset an hour before and after: try the earlier one first
  const before = toLocalTime(asUtc - 3_600_000 * 3, timeZone).offsetMinutes;
  const after = toLocalTime(asUtc + 3_600_000 * 3, timeZone).offsetMinutes;
  for (const offset of before === after ? [before] : [before, after]) {
    const instant = asUtc - offset * 60_000;
    if (toLocalTime(instant, timeZone).offsetMinutes === offset) return instant;
  }
  return asUtc - before * 60_000;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** ISO 8601 with the zone's offset, to the second: `2026-06-21T12:00:00+02:00`. */
export function formatLocalIso(epochMs: number, timeZone: string): string {
  const t = toLocalTime(epochMs, timeZone);
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(t.offsetMinutes);
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an ISO 8601 date-time. With an offset (`+02:00`, `Z`) it names an instant; without one
 * it is a wall-clock time in `timeZone`; a date alone is local midnight. Throws a clear error
 * for anything else (also for impossible dates such as `2026-02-30`).
 */
export function parseIsoInstant(text: string, timeZone: string): number {
  const m = ISO.exec(text.trim());
  if (!m) throw new Error(`expected an ISO 8601 date and time such as 2026-06-21T12:00:00+02:00, got ${JSON.stringify(text)}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone] = m;
  const local = { year: +y!, month: +mo!, day: +d!, hour: +h, minute: +mi, second: +s };
  const check = new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
  if (
    check.getUTCFullYear() !== local.year ||
    check.getUTCMonth() !== local.month - 1 ||
    check.getUTCDate() !== local.day ||
    check.getUTCHours() !== local.hour ||
    check.getUTCMinutes() !== local.minute ||
    local.second > 59
  ) {
    throw new Error(`${JSON.stringify(text)} is not a valid date and time`);
  }
  const millis = Number(ms.padEnd(3, '0'));
  if (zone === undefined) return fromLocalTime(local, timeZone) + millis;
  let offset = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    offset = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return check.getTime() - offset * 60_000 + millis;
}
