import { describe, expect, it } from 'vitest';
import { Cartesian3, Cartographic, Ellipsoid, Math as CesiumMath } from 'cesium';
import {
  WGS84_A,
  WGS84_B,
  WGS84_E2,
  WGS84_F,
  ecefToGeodetic,
  geodeticNormal,
  geodeticToEcef,
} from '../../../src/geo/ellipsoid';

/** [label, lon°, lat°, h m] */
const POINTS: [string, number, number, number][] = [
  ['Härnösand, 0 m', 17.9379, 62.6323, 0],
  ['Härnösand, 10 m', 17.9379, 62.6323, 10],
  ['Härnösand, 100 m', 17.9379, 62.6323, 100],
  ['Härnösand, 1000 m', 17.9379, 62.6323, 1000],
  ['Härnösand, -25 m', 17.9379, 62.6323, -25],
  ['North Pole', 0, 90, 0],
  ['North Pole, 500 m', 45, 90, 500],
  ['South Pole, 2835 m', 0, -90, 2835],
  ['equator, prime meridian', 0, 0, 0],
  ['equator, antimeridian', 180, 0, 0],
  ['equator, -180', -180, 0, 50],
  ['equator, just west of the antimeridian', 179.9999999, 0, 0],
  ['Kiruna', 20.2253, 67.8558, 530],
  ['Malmö', 13.0038, 55.605, 12],
  ['Dead Sea shore, -430 m', 35.5, 31.5, -430],
  ['deep ocean, -8000 m', -150, -20, -8000],
  ['Everest, 8849 m', 86.925, 27.9881, 8849],
  ['airliner over Tierra del Fuego', -68.3, -54.8, 11000],
];

/** Longitude difference in degrees, wrapped to [-180, 180). */
function lonDiff(a: number, b: number): number {
  return ((((a - b + 180) % 360) + 360) % 360) - 180;
}

describe('ellipsoid', () => {
  it('should use the WGS84 constants CesiumJS uses', () => {
    const radii = Ellipsoid.WGS84.radii;
    expect(WGS84_A).toBe(radii.x);
    expect(WGS84_A).toBe(radii.y);
    expect(WGS84_B).toBeCloseTo(radii.z, 9);
    expect(WGS84_F).toBeCloseTo(1 / 298.257223563, 15);
    expect(WGS84_E2).toBeCloseTo(0.00669437999014, 13);
  });

  it('should put the equator/prime meridian and the poles on the semi-axes', () => {
    expect(geodeticToEcef(0, 0, 0)).toEqual([WGS84_A, 0, 0]);
    const north = geodeticToEcef(0, 90, 0);
    expect(north[0]).toBeCloseTo(0, 6);
    expect(north[1]).toBeCloseTo(0, 6);
    expect(north[2]).toBeCloseTo(WGS84_B, 6);
    const east = geodeticToEcef(90, 0, 100);
    expect(east[0]).toBeCloseTo(0, 6);
    expect(east[1]).toBeCloseTo(WGS84_A + 100, 6);
  });

  it.each(POINTS)('should match Cesium Cartesian3.fromDegrees to < 1 mm: %s', (_label, lon, lat, h) => {
    const ours = geodeticToEcef(lon, lat, h);
    const cesium = Cartesian3.fromDegrees(lon, lat, h);
    const error = Math.hypot(ours[0] - cesium.x, ours[1] - cesium.y, ours[2] - cesium.z);
    expect(error).toBeLessThan(0.001);
  });

  it.each(POINTS)('should match Cesium Cartographic.fromCartesian: %s', (_label, lon, lat, h) => {
    const ecef = Cartesian3.fromDegrees(lon, lat, h);
    const cesium = Cartographic.fromCartesian(ecef);
    const [oLon, oLat, oH] = ecefToGeodetic(ecef.x, ecef.y, ecef.z);
    expect(Math.abs(oLat - CesiumMath.toDegrees(cesium.latitude))).toBeLessThan(1e-9);
    expect(Math.abs(oH - cesium.height)).toBeLessThan(0.001);
    if (Math.abs(lat) < 90) expect(Math.abs(lonDiff(oLon, CesiumMath.toDegrees(cesium.longitude)))).toBeLessThan(1e-9);
  });

  it.each(POINTS)('should round-trip geodetic → ECEF → geodetic to < 0.1 mm: %s', (_label, lon, lat, h) => {
    const [x, y, z] = geodeticToEcef(lon, lat, h);
    const [oLon, oLat, oH] = ecefToGeodetic(x, y, z);
    expect(Math.abs(oLat - lat)).toBeLessThan(1e-9);
    expect(Math.abs(oH - h)).toBeLessThan(1e-4);
    if (Math.abs(lat) < 90) expect(Math.abs(lonDiff(oLon, lon))).toBeLessThan(1e-9);
  });

  it('should round-trip far from the surface (GEO orbit, and 100 km below it)', () => {
    for (const h of [35_786_000, 400_000, -100_000]) {
      for (const lat of [-89.5, -45, 0, 30, 62.6323, 89.5]) {
        const [x, y, z] = geodeticToEcef(17.9379, lat, h);
        const [oLon, oLat, oH] = ecefToGeodetic(x, y, z);
        expect(Math.abs(oLat - lat)).toBeLessThan(1e-9);
        expect(Math.abs(oLon - 17.9379)).toBeLessThan(1e-9);
        expect(Math.abs(oH - h)).toBeLessThan(1e-3);
      }
    }
  });

  it('should write into the out tuple when given one', () => {
    const out: [number, number, number] = [0, 0, 0];
    expect(geodeticToEcef(17.9379, 62.6323, 0, out)).toBe(out);
    expect(ecefToGeodetic(out[0], out[1], out[2], out)).toBe(out);
    expect(out[1]).toBeCloseTo(62.6323, 10);
  });

  it('should give the same unit surface normal as Cesium', () => {
    for (const [, lon, lat] of POINTS) {
      const n = geodeticNormal(lon, lat);
      const c = Ellipsoid.WGS84.geodeticSurfaceNormalCartographic(Cartographic.fromDegrees(lon, lat, 0));
      expect(Math.hypot(n[0], n[1], n[2])).toBeCloseTo(1, 12);
      expect(Math.abs(n[0] - c.x)).toBeLessThan(1e-12);
      expect(Math.abs(n[1] - c.y)).toBeLessThan(1e-12);
      expect(Math.abs(n[2] - c.z)).toBeLessThan(1e-12);
    }
  });
});
