/**
 * The sun's position against a reference table for Härnösand. The table is computed here with
 * astronomy-engine (Don Cross, MIT; VSOP87 planetary theory, IAU 2000B nutation, topocentric
 * parallax; refraction off), an implementation independent of ours (NOAA's / Meeus's
 * low-accuracy equations): every hour of the 21st of each month in 2000, 2026 and 2050, in
 * Stockholm local time, plus the three sun-study days at 12:00.
 */
import { describe, expect, it } from 'vitest';
import { Body, Equator, Horizon, Observer, Seasons } from 'astronomy-engine';
import { seasonInstant, sunDirection, sunPosition } from '../../../src/geo/sun-position';
import { fromLocalTime } from '../../../src/geo/local-time';

/** Sambiblioteket, the demo scene's origin. */
const HARNOSAND = { lon: 17.9379, lat: 62.6323, height: 28 };
const TZ = 'Europe/Stockholm';

interface Row {
  instant: number;
  altitude: number;
  azimuth: number;
}

function reference(instant: number): Row {
  const observer = new Observer(HARNOSAND.lat, HARNOSAND.lon, HARNOSAND.height);
  const date = new Date(instant);
  const eq = Equator(Body.Sun, date, observer, true, true);
  const hor = Horizon(date, observer, eq.ra, eq.dec); // no refraction
  return { instant, altitude: hor.altitude, azimuth: hor.azimuth };
}

const table: Row[] = [];
for (const year of [2000, 2026, 2050]) {
  for (let month = 1; month <= 12; month++) {
    for (let hour = 0; hour < 24; hour++) table.push(reference(fromLocalTime({ year, month, day: 21, hour, minute: 0, second: 0 }, TZ)));
  }
}

const angleDiff = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe('sunPosition', () => {
  it('should match the reference table within 0.1° (altitude and azimuth, every hour of a day a month)', () => {
    let maxAlt = 0;
    let maxAz = 0;
    for (const row of table) {
      const p = sunPosition(row.instant, HARNOSAND.lon, HARNOSAND.lat);
      const dAlt = Math.abs(p.altitude - row.altitude);
      const dAz = angleDiff(p.azimuth, row.azimuth);
      expect(dAlt, `altitude at ${new Date(row.instant).toISOString()}`).toBeLessThan(0.1);
      expect(dAz, `azimuth at ${new Date(row.instant).toISOString()}`).toBeLessThan(0.1);
      maxAlt = Math.max(maxAlt, dAlt);
      maxAz = Math.max(maxAz, dAz);
    }
    expect(table.length).toBe(3 * 12 * 24);
    // the accuracy stated in src/geo/sun-position.ts
    expect(maxAlt).toBeLessThan(0.01);
    expect(maxAz).toBeLessThan(0.02);
  });

  it('should put the sun where a Härnösand sun study expects it at noon', () => {
    const noon = (month: number, day: number) => sunPosition(fromLocalTime({ year: 2026, month, day, hour: 12, minute: 0, second: 0 }, TZ), HARNOSAND.lon, HARNOSAND.lat);
    // vårdagjämning (20 March, CET): ~90 − 62.6 = 27.4° at true noon; Härnösand lies 2.9° east
    // of CET's meridian, so true noon is at about 11:55 and at 12:00 the sun is just west of south
    const equinox = noon(3, 20);
    expect(equinox.altitude).toBeGreaterThan(26.5);
    expect(equinox.altitude).toBeLessThan(27.6);
    expect(equinox.azimuth).toBeGreaterThan(180);
    expect(equinox.azimuth).toBeLessThan(183);
    // midsommar (21 June, CEST: 12:00 is 11:00 CET, so the sun is well east of south)
    const midsummer = noon(6, 21);
    expect(midsummer.altitude).toBeGreaterThan(48);
    expect(midsummer.altitude).toBeLessThan(50.9);
    expect(midsummer.azimuth).toBeGreaterThan(150);
    expect(midsummer.azimuth).toBeLessThan(165);
    // vintersolstånd (21 December): barely 4° up
    const winter = noon(12, 21);
    expect(winter.altitude).toBeGreaterThan(3.3);
    expect(winter.altitude).toBeLessThan(4.1);
  });

  it('should agree with the reference on the study days at noon', () => {
    for (const [month, day] of [
      [3, 20],
      [6, 21],
      [12, 21],
    ] as const) {
      const instant = fromLocalTime({ year: 2026, month, day, hour: 12, minute: 0, second: 0 }, TZ);
      const ref = reference(instant);
      const p = sunPosition(instant, HARNOSAND.lon, HARNOSAND.lat);
      expect(Math.abs(p.altitude - ref.altitude)).toBeLessThan(0.1);
      expect(angleDiff(p.azimuth, ref.azimuth)).toBeLessThan(0.1);
    }
  });
});

describe('sunDirection', () => {
  it('should point east at azimuth 90°, south at 180° and up at altitude 90° (x east, y up, z south)', () => {
    const close = (v: number[], w: number[]) => v.forEach((x, i) => expect(x).toBeCloseTo(w[i]!, 12));
    close(sunDirection(0, 90), [1, 0, 0]);
    close(sunDirection(0, 180), [0, 0, 1]);
    close(sunDirection(0, 0), [0, 0, -1]);
    close(sunDirection(90, 123), [0, 1, 0]);
    const d = sunDirection(30, 225);
    expect(Math.hypot(...d)).toBeCloseTo(1, 12);
    expect(d[1]).toBeCloseTo(0.5, 12);
    expect(d[0]).toBeLessThan(0); // south-west: west …
    expect(d[2]).toBeGreaterThan(0); // … and south
  });
});

describe('seasonInstant', () => {
  it('should find the equinoxes and solstices within 15 minutes (the sun moves 0.01° of longitude in 15 min), against astronomy-engine’s Seasons', () => {
    for (const year of [2000, 2026, 2049]) {
      const s = Seasons(year);
      const pairs: [number, Date][] = [
        [0, s.mar_equinox.date],
        [90, s.jun_solstice.date],
        [180, s.sep_equinox.date],
        [270, s.dec_solstice.date],
      ];
      for (const [longitude, date] of pairs) expect(Math.abs(seasonInstant(year, longitude) - date.getTime()) / 60_000, `${year} ${longitude}°`).toBeLessThan(15);
    }
  });
});
