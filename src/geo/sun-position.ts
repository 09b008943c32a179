/**
 * The sun's position in the sky for an instant and a place: NOAA's solar position algorithm
 * (the equations of NOAA's Solar Calculator, from Jean Meeus, *Astronomical Algorithms*,
 * 2nd ed. 1998, ch. 12, 22 and 25: the sun's apparent geometric longitude with the
 * low-accuracy series, aberration and the main term of nutation, the true obliquity and
 * apparent sidereal time), plus ΔT (TT − UT) from Espenak & Meeus's polynomial and the
 * sun's horizontal parallax.
 *
 * Accuracy: Meeus states 0.01° for the sun's longitude with these series; against
 * astronomy-engine (VSOP87, IAU 2000B nutation) every 37 hours over 2000–2050 in Härnösand,
 * altitude differs by at most 0.007° and azimuth by at most 0.015°
 * (test/unit/geo/sun-position.test.ts checks a table of 864 hours within 0.1°, and these bounds).
 * Altitude is geometric: **no atmospheric refraction** (near the horizon refraction lifts the
 * visible sun by up to ~0.6°).
 */
import { DEG } from './ellipsoid';

/** The sun seen from a place. Angles in degrees. */
export interface SunPosition {
  /** Angle above the horizon (negative below it), degrees, without refraction. */
  altitude: number;
  /** Direction along the horizon, degrees clockwise from north (90 = east, 180 = south). */
  azimuth: number;
  /** Declination, degrees. */
  declination: number;
  /** Equation of time (apparent − mean solar time), minutes. */
  equationOfTime: number;
}

const MS_PER_DAY = 86_400_000;
/** Julian day of the Unix epoch (1970-01-01T00:00Z). */
const JD_UNIX_EPOCH = 2_440_587.5;
/** Julian day of J2000.0. */
const J2000 = 2_451_545;

/** Julian day (UT) of an instant, milliseconds since 1970-01-01T00:00Z. */
export function julianDay(epochMs: number): number {
  return epochMs / MS_PER_DAY + JD_UNIX_EPOCH;
}

/**
 * ΔT = TT − UT in seconds, from Espenak & Meeus's polynomials (NASA's eclipse pages) for
 * 1986–2150; outside that range the nearest polynomial is extended.
 */
export function deltaT(epochMs: number): number {
  const year = 1970 + epochMs / (365.2425 * MS_PER_DAY);
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  return -20 + 32 * u ** 2 - 0.5628 * (2150 - year);
}

const norm360 = (deg: number) => ((deg % 360) + 360) % 360;

/** The sun's apparent ecliptic longitude at an instant, degrees 0–360 (0 at the March equinox). */
export function sunLongitude(epochMs: number): number {
  const T = (julianDay(epochMs) + deltaT(epochMs) / 86_400 - J2000) / 36_525;
  return norm360(apparentLongitude(T) / DEG);
}

/** Apparent longitude (radians) for T Julian centuries of TT since J2000 (Meeus 25.2–25.8). */
function apparentLongitude(T: number): number {
  const L0 = 280.46646 + T * (36_000.76983 + T * 0.0003032);
  const Mr = (357.52911 + T * (35_999.05029 - T * 0.0001537)) * DEG;
  const C = Math.sin(Mr) * (1.914602 - T * (0.004817 + T * 0.000014)) + Math.sin(2 * Mr) * (0.019993 - T * 0.000101) + Math.sin(3 * Mr) * 0.000289;
  const omega = (125.04 - 1934.136 * T) * DEG;
  return (L0 + C - 0.00569 - 0.00478 * Math.sin(omega)) * DEG;
}

/**
 * The instant in `year` (UTC) when the sun's apparent longitude reaches `longitudeDeg`: 0 the
 * March equinox (vårdagjämning), 90 the June solstice, 180 the September equinox, 270 the
 * December solstice (vintersolstånd). Found by bisection to within a second.
 */
export function seasonInstant(year: number, longitudeDeg: number): number {
  // the sun moves ~0.9856°/day; start from the mean date and bracket it by ±5 days
  const meanDay = ((longitudeDeg - 0 + 360) % 360) / 0.9856 + 79.5; // day of year of the target, roughly
  let lo = Date.UTC(year, 0, 1) + (meanDay - 5) * MS_PER_DAY;
  let hi = lo + 10 * MS_PER_DAY;
  const ahead = (t: number) => ((sunLongitude(t) - longitudeDeg + 540) % 360) - 180; // < 0 before, > 0 after
  while (hi - lo > 1000) {
    const mid = (lo + hi) / 2;
    if (ahead(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.round((lo + hi) / 2);
}

/**
 * The sun's altitude and azimuth at an instant, seen from `lon`, `lat` (degrees; geodetic
 * latitude, as the horizon there is the ellipsoid's tangent plane).
 */
export function sunPosition(epochMs: number, lon: number, lat: number): SunPosition {
  const jd = julianDay(epochMs);
  const jde = jd + deltaT(epochMs) / 86_400;
  const T = (jde - J2000) / 36_525; // Julian centuries of TT
  const Tu = (jd - J2000) / 36_525; // Julian centuries of UT

  // geometric mean longitude and anomaly, eccentricity (Meeus 25.2–25.4)
  const L0 = norm360(280.46646 + T * (36_000.76983 + T * 0.0003032));
  const M = 357.52911 + T * (35_999.05029 - T * 0.0001537);
  const e = 0.016708634 - T * (0.000042037 + T * 0.0000001267);
  const Mr = M * DEG;
  // apparent longitude: equation of the centre, aberration and nutation's main term
  const lambda = apparentLongitude(T);
  const omega = (125.04 - 1934.136 * T) * DEG;
  // true obliquity (Meeus 22.2 and 25.8)
  const eps0 = 23 + (26 + (21.448 - T * (46.815 + T * (0.00059 - T * 0.001813))) / 60) / 60;
  const eps = (eps0 + 0.00256 * Math.cos(omega)) * DEG;

  const alpha = Math.atan2(Math.cos(eps) * Math.sin(lambda), Math.cos(lambda)); // right ascension
  const delta = Math.asin(Math.sin(eps) * Math.sin(lambda)); // declination

  // apparent sidereal time at Greenwich (Meeus 12.4, plus the equation of the equinoxes)
  const gmst = 280.46061837 + 360.98564736629 * (jd - J2000) + Tu * Tu * (0.000387933 - Tu / 38_710_000);
  const nutationInLongitude = -0.00478 * Math.sin(omega); // degrees, main term of Δψ
  const gast = gmst + nutationInLongitude * Math.cos(eps);
  const H = (gast + lon) * DEG - alpha; // local hour angle

  const phi = lat * DEG;
  const sinAlt = Math.sin(phi) * Math.sin(delta) + Math.cos(phi) * Math.cos(delta) * Math.cos(H);
  let altitude = Math.asin(Math.max(-1, Math.min(1, sinAlt))) / DEG;
  // horizontal parallax of the sun (8.794″ at 1 au; the distance's ±1.7 % is negligible)
  altitude -= (8.794 / 3600) * Math.cos(altitude * DEG);
  // azimuth from south, westward (Meeus 13.5), turned to clockwise from north
  const azimuth = norm360(Math.atan2(Math.sin(H), Math.cos(H) * Math.sin(phi) - Math.tan(delta) * Math.cos(phi)) / DEG + 180);

  // equation of time (Meeus 28.3, Smart's formula), minutes
  const y = Math.tan(eps / 2) ** 2;
  const L0r = L0 * DEG;
  const eot =
    y * Math.sin(2 * L0r) - 2 * e * Math.sin(Mr) + 4 * e * y * Math.sin(Mr) * Math.cos(2 * L0r) - 0.5 * y * y * Math.sin(4 * L0r) - 1.25 * e * e * Math.sin(2 * Mr);

  return { altitude, azimuth, declination: delta / DEG, equationOfTime: (4 * eot) / DEG };
}

/**
 * Unit vector towards the sun in the scene frame (x east, y up, z south) from altitude and
 * azimuth in degrees, written into `out` (`[x, y, z]`).
 */
export function sunDirection(altitudeDeg: number, azimuthDeg: number, out: [number, number, number] = [0, 0, 0]): [number, number, number] {
  const alt = altitudeDeg * DEG;
  const az = azimuthDeg * DEG;
  const horizontal = Math.cos(alt);
  out[0] = Math.sin(az) * horizontal;
  out[1] = Math.sin(alt);
  out[2] = -Math.cos(az) * horizontal;
  return out;
}
