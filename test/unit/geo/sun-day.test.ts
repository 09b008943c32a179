import { describe, expect, it } from 'vitest';
import { Body, Observer, SearchAltitude } from 'astronomy-engine';
import { daylight, localDay } from '../../../src/geo/sun-day';
import { formatLocalIso } from '../../../src/geo/local-time';

const TZ = 'Europe/Stockholm';
const HARNOSAND = { lon: 17.9379, lat: 62.6323 };

describe('localDay', () => {
  it('should be 24 hours long, 23 when summer time starts and 25 when it ends', () => {
    const hours = (iso: string) => {
      const d = localDay(Date.parse(iso), TZ);
      return (d.end - d.start) / 3_600_000;
    };
    expect(hours('2026-06-21T10:00:00Z')).toBe(24);
    expect(hours('2026-03-29T10:00:00Z')).toBe(23);
    expect(hours('2026-10-25T10:00:00Z')).toBe(25);
    expect(formatLocalIso(localDay(Date.parse('2026-06-21T23:30:00Z'), TZ).start, TZ)).toBe('2026-06-22T00:00:00+02:00');
  });
});

describe('daylight', () => {
  it('should match astronomy-engine’s geometric sunrise and sunset in Härnösand within a minute', () => {
    const observer = new Observer(HARNOSAND.lat, HARNOSAND.lon, 28);
    for (const iso of ['2026-03-20T12:00:00+01:00', '2026-06-21T12:00:00+02:00', '2026-12-21T12:00:00+01:00', '2026-09-01T12:00:00+02:00']) {
      const d = daylight(Date.parse(iso), HARNOSAND.lon, HARNOSAND.lat, TZ);
      expect(d.sunrise, iso).not.toBeNull();
      expect(d.sunset, iso).not.toBeNull();
      // the sun's centre at altitude 0 (astronomy-engine's SearchRiseSet would add refraction and the radius)
      const rise = SearchRiseSetCentre(observer, new Date(d.start), +1);
      const set = SearchRiseSetCentre(observer, new Date(d.start), -1);
      expect(Math.abs(d.sunrise! - rise) / 60_000, `sunrise ${iso}`).toBeLessThan(1);
      expect(Math.abs(d.sunset! - set) / 60_000, `sunset ${iso}`).toBeLessThan(1);
    }
    // midsummer: about 20 h between sunrise and sunset; winter solstice: under 5 h
    const summer = daylight(Date.parse('2026-06-21T12:00:00+02:00'), HARNOSAND.lon, HARNOSAND.lat, TZ);
    expect((summer.sunset! - summer.sunrise!) / 3_600_000).toBeGreaterThan(19);
    const winter = daylight(Date.parse('2026-12-21T12:00:00+01:00'), HARNOSAND.lon, HARNOSAND.lat, TZ);
    expect((winter.sunset! - winter.sunrise!) / 3_600_000).toBeLessThan(5);
  });

  it('should report polar day without sunrise or sunset (Kiruna at midsummer)', () => {
    const d = daylight(Date.parse('2026-06-21T12:00:00+02:00'), 20.22, 67.86, TZ);
    expect(d).toMatchObject({ sunrise: null, sunset: null, upAtStart: true });
  });
});

function SearchRiseSetCentre(observer: Observer, start: Date, direction: 1 | -1): number {
  const t = SearchAltitude(Body.Sun, observer, direction, start, 1, 0);
  if (!t) throw new Error('no crossing');
  return t.date.getTime();
}
