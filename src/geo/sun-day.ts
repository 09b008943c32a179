/**
 * A local day and its daylight: the instants a calendar day begins and ends in a time zone
 * (23 or 25 hours on the days summer time starts or ends), and when the sun's centre crosses
 * the horizon that day (geometric, no refraction: about 4 minutes later at sunrise and earlier
 * at sunset than the almanac's times, which include refraction and the sun's radius).
 */
import { fromLocalTime, toLocalTime } from './local-time';
import { sunPosition } from './sun-position';

export interface LocalDay {
  /** First instant of the local calendar day, ms since 1970-01-01T00:00Z. */
  start: number;
  /** First instant of the next local day. */
  end: number;
}

export interface Daylight extends LocalDay {
  /** When the sun's centre rises above the horizon this day, or `null` (polar day or night). */
  sunrise: number | null;
  /** When it sets, or `null`. */
  sunset: number | null;
  /** Whether the sun is up at the start of the day (midnight sun in Härnösand's north). */
  upAtStart: boolean;
}

/** The local calendar day in `timeZone` that contains `epochMs`. */
export function localDay(epochMs: number, timeZone: string): LocalDay {
  const t = toLocalTime(epochMs, timeZone);
  const start = fromLocalTime({ year: t.year, month: t.month, day: t.day, hour: 0, minute: 0, second: 0 }, timeZone);
  const next = new Date(Date.UTC(t.year, t.month - 1, t.day + 1));
  const end = fromLocalTime({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 }, timeZone);
  return { start, end };
}

const STEP = 10 * 60_000;

/** Sunrise and sunset (to the second) on the local day of `epochMs` at `lon`, `lat` (degrees). */
export function daylight(epochMs: number, lon: number, lat: number, timeZone: string): Daylight {
  const day = localDay(epochMs, timeZone);
  const alt = (t: number) => sunPosition(t, lon, lat).altitude;
  const cross = (a: number, b: number) => {
    const rising = alt(a) < 0;
    while (b - a > 1000) {
      const mid = (a + b) / 2;
      if (alt(mid) < 0 === rising) a = mid;
      else b = mid;
    }
    return Math.round((a + b) / 2);
  };
  let sunrise: number | null = null;
  let sunset: number | null = null;
  const upAtStart = alt(day.start) >= 0;
  let prev = day.start;
  let prevUp = upAtStart;
  for (let t = Math.min(day.start + STEP, day.end); ; t = Math.min(t + STEP, day.end)) {
    const up = alt(t) >= 0;
    if (up !== prevUp) {
      const at = cross(prev, t);
      if (up && sunrise === null) sunrise = at;
      if (!up) sunset = at;
    }
    prev = t;
    prevUp = up;
    if (t >= day.end) break;
  }
  return { ...day, sunrise, sunset, upAtStart };
}
