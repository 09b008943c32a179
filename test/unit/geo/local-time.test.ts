import { describe, expect, it } from 'vitest';
import { formatLocalIso, fromLocalTime, isTimeZone, parseIsoInstant, toLocalTime } from '../../../src/geo/local-time';

const TZ = 'Europe/Stockholm';

describe('local time in Europe/Stockholm', () => {
  it('should use CET in winter and CEST in summer (EU rules: last Sundays of March and October)', () => {
    expect(toLocalTime(Date.UTC(2026, 0, 15, 11), TZ)).toEqual({ year: 2026, month: 1, day: 15, hour: 12, minute: 0, second: 0, offsetMinutes: 60 });
    expect(toLocalTime(Date.UTC(2026, 5, 21, 10), TZ)).toEqual({ year: 2026, month: 6, day: 21, hour: 12, minute: 0, second: 0, offsetMinutes: 120 });
    // 2026: summer time from 29 March 01:00Z to 25 October 01:00Z
    expect(toLocalTime(Date.UTC(2026, 2, 29, 0, 59), TZ).offsetMinutes).toBe(60);
    expect(toLocalTime(Date.UTC(2026, 2, 29, 1, 0), TZ).offsetMinutes).toBe(120);
    expect(toLocalTime(Date.UTC(2026, 9, 25, 0, 59), TZ).offsetMinutes).toBe(120);
    expect(toLocalTime(Date.UTC(2026, 9, 25, 1, 0), TZ).offsetMinutes).toBe(60);
  });

  it('should turn local times back into instants, also around the changes', () => {
    expect(fromLocalTime({ year: 2026, month: 6, day: 21, hour: 12, minute: 0, second: 0 }, TZ)).toBe(Date.UTC(2026, 5, 21, 10));
    expect(fromLocalTime({ year: 2026, month: 12, day: 21, hour: 12, minute: 0, second: 0 }, TZ)).toBe(Date.UTC(2026, 11, 21, 11));
    // 02:30 does not exist on 29 March 2026: read with the winter offset, i.e. 03:30 CEST
    expect(formatLocalIso(fromLocalTime({ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0 }, TZ), TZ)).toBe('2026-03-29T03:30:00+02:00');
    // 02:30 happens twice on 25 October 2026: the first (CEST)
    expect(formatLocalIso(fromLocalTime({ year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0 }, TZ), TZ)).toBe('2026-10-25T02:30:00+02:00');
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000 * 7) {
      const local = toLocalTime(t, TZ);
      if (local.month === 10 && local.day === 25 && local.hour === 2) continue; // the repeated hour
      expect(fromLocalTime(local, TZ)).toBe(t);
    }
  });

  it('should write ISO 8601 with the offset', () => {
    expect(formatLocalIso(Date.UTC(2026, 2, 20, 11), TZ)).toBe('2026-03-20T12:00:00+01:00');
    expect(formatLocalIso(Date.UTC(2026, 5, 21, 10, 5, 7), TZ)).toBe('2026-06-21T12:05:07+02:00');
    expect(formatLocalIso(Date.UTC(2026, 5, 21, 10), 'UTC')).toBe('2026-06-21T10:00:00+00:00');
    expect(formatLocalIso(Date.UTC(2026, 5, 21, 10), 'America/New_York')).toBe('2026-06-21T06:00:00-04:00');
  });

  it('should read ISO 8601 with an offset as that instant, and without one as local time', () => {
    expect(parseIsoInstant('2026-06-21T12:00:00+02:00', TZ)).toBe(Date.UTC(2026, 5, 21, 10));
    expect(parseIsoInstant('2026-06-21T12:00:00+0200', TZ)).toBe(Date.UTC(2026, 5, 21, 10));
    expect(parseIsoInstant('2026-06-21T10:00:00Z', TZ)).toBe(Date.UTC(2026, 5, 21, 10));
    expect(parseIsoInstant('2026-06-21T10:00:00.250Z', TZ)).toBe(Date.UTC(2026, 5, 21, 10, 0, 0, 250));
    expect(parseIsoInstant('2026-06-21T12:00', TZ)).toBe(Date.UTC(2026, 5, 21, 10));
    expect(parseIsoInstant('2026-12-21', TZ)).toBe(Date.UTC(2026, 11, 20, 23));
  });

  it('should refuse what is not an ISO 8601 date and time, with the value in the message', () => {
    expect(() => parseIsoInstant('midsommar', TZ)).toThrow(/expected an ISO 8601 date and time .*"midsommar"/);
    expect(() => parseIsoInstant('21/06/2026 12:00', TZ)).toThrow(/ISO 8601/);
    expect(() => parseIsoInstant('2026-02-30T12:00:00+01:00', TZ)).toThrow(/not a valid date/);
    expect(() => parseIsoInstant('2026-06-21T25:00:00+02:00', TZ)).toThrow(/not a valid date/);
  });

  it('should know IANA zones and refuse unknown ones', () => {
    expect(isTimeZone(TZ)).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
