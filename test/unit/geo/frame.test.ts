import { describe, expect, it } from 'vitest';
import { Cartesian3, Matrix4, Transforms } from 'cesium';
import { geodeticToEcef, type Vec3 } from '../../../src/geo/ellipsoid';
import { createSceneFrame, eastNorthUpToEcef, enuAxes, type GeoOrigin, type Mat4 } from '../../../src/geo/frame';

const HARNOSAND: GeoOrigin = { lon: 17.9379, lat: 62.6323, height: 24.4 };

const ORIGINS: [string, GeoOrigin][] = [
  ['Härnösand', HARNOSAND],
  ['Härnösand, sea level', { lon: 17.9379, lat: 62.6323, height: 0 }],
  ['Kiruna', { lon: 20.2253, lat: 67.8558, height: 530 }],
  ['Malmö', { lon: 13.0038, lat: 55.605, height: 12 }],
  ['equator, prime meridian', { lon: 0, lat: 0, height: 0 }],
  ['equator, antimeridian', { lon: 180, lat: 0, height: -20 }],
  ['southern hemisphere, west', { lon: -70.65, lat: -33.45, height: 570 }],
  ['near the North Pole', { lon: 10, lat: 89.999, height: 0 }],
];

function mul(m: Readonly<Mat4>, v: Vec3, w = 1): Vec3 {
  return [
    m[0]! * v[0] + m[4]! * v[1] + m[8]! * v[2] + m[12]! * w,
    m[1]! * v[0] + m[5]! * v[1] + m[9]! * v[2] + m[13]! * w,
    m[2]! * v[0] + m[6]! * v[1] + m[10]! * v[2] + m[14]! * w,
  ];
}

function dist(a: Readonly<Vec3>, b: Readonly<Vec3>): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function det3(m: Readonly<Mat4>): number {
  return (
    m[0]! * (m[5]! * m[10]! - m[9]! * m[6]!) - m[4]! * (m[1]! * m[10]! - m[9]! * m[2]!) + m[8]! * (m[1]! * m[6]! - m[5]! * m[2]!)
  );
}

describe('frame', () => {
  /**
   * Cesium's `eastNorthUpToFixedFrame` takes "up" as the normal of the ellipsoid scaled
   * through the point (`geodeticSurfaceNormal(cartesian)`), which tilts from the true
   * geodetic normal by about e²·sinφ·cosφ·h/N: up to ~5e-8 rad per 100 m of height, 1.8e-7
   * rad (1 mm over 5 km) at Kiruna's 530 m. Ours uses the geodetic normal at (lon, lat)
   * whatever the height, so rotations are compared to 1e-9 at the surface point.
   */
  it.each(ORIGINS)('should match Cesium Transforms.eastNorthUpToFixedFrame: %s', (_label, origin) => {
    const ours = eastNorthUpToEcef(origin);
    const atSurface = Matrix4.toArray(Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(origin.lon, origin.lat, 0)));
    const atHeight = Matrix4.toArray(Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(origin.lon, origin.lat, origin.height)));
    expect(ours).toHaveLength(16);
    for (const k of [0, 1, 2, 4, 5, 6, 8, 9, 10]) {
      expect(Math.abs(ours[k]! - atSurface[k]!)).toBeLessThan(1e-9);
      expect(Math.abs(ours[k]! - atHeight[k]!)).toBeLessThan(1e-9 + 5.3e-10 * Math.abs(origin.height));
    }
    for (const k of [3, 7, 11]) expect(ours[k]).toBe(0);
    expect(ours[15]).toBe(1);
    expect(dist([ours[12]!, ours[13]!, ours[14]!], [atHeight[12]!, atHeight[13]!, atHeight[14]!])).toBeLessThan(0.01);
  });

  it('should give orthonormal, right-handed east/north/up axes', () => {
    for (const [, o] of ORIGINS) {
      const { east, north, up } = enuAxes(o.lon, o.lat);
      const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
      expect(dot(east, east)).toBeCloseTo(1, 14);
      expect(dot(north, north)).toBeCloseTo(1, 14);
      expect(dot(up, up)).toBeCloseTo(1, 14);
      expect(dot(east, north)).toBeCloseTo(0, 14);
      expect(dot(east, up)).toBeCloseTo(0, 14);
      expect(dot(north, up)).toBeCloseTo(0, 14);
      // east × north = up
      const cross: Vec3 = [
        east[1] * north[2] - east[2] * north[1],
        east[2] * north[0] - east[0] * north[2],
        east[0] * north[1] - east[1] * north[0],
      ];
      expect(dist(cross, up)).toBeLessThan(1e-14);
    }
  });

  describe('createSceneFrame', () => {
    it.each(ORIGINS)('should map x → east, y → up, z → south like Cesium ENU: %s', (_label, origin) => {
      const frame = createSceneFrame(origin);
      const enu = Matrix4.toArray(Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(origin.lon, origin.lat, 0)));
      const o = Cartesian3.fromDegrees(origin.lon, origin.lat, origin.height);
      const m = frame.localToEcef;
      for (let r = 0; r < 3; r++) {
        expect(Math.abs(m[r]! - enu[r]!)).toBeLessThan(1e-9); // x = east
        expect(Math.abs(m[4 + r]! - enu[8 + r]!)).toBeLessThan(1e-9); // y = up
        expect(Math.abs(m[8 + r]! + enu[4 + r]!)).toBeLessThan(1e-9); // z = −north
        expect(Math.abs(m[12 + r]! - [o.x, o.y, o.z][r]!)).toBeLessThan(0.01);
      }
      expect(det3(m)).toBeCloseTo(1, 12); // right-handed, no scaling
    });

    it('should have ecefToLocal as the exact inverse of localToEcef', () => {
      const frame = createSceneFrame(HARNOSAND);
      for (const p of [[0, 0, 0], [1000, -20, 5000], [-3000, 150, -4000]] as Vec3[]) {
        const ecef = mul(frame.localToEcef, p);
        expect(dist(mul(frame.ecefToLocal, ecef), p)).toBeLessThan(1e-6);
      }
    });

    it('should put the origin at (0, 0, 0) and keep the origin', () => {
      const frame = createSceneFrame(HARNOSAND);
      expect(dist(frame.toLocal(HARNOSAND.lon, HARNOSAND.lat, HARNOSAND.height), [0, 0, 0])).toBeLessThan(1e-6);
      expect(frame.origin).toEqual(HARNOSAND);
      expect(Object.isFrozen(frame.origin)).toBe(true);
      expect(dist(frame.originEcef, geodeticToEcef(HARNOSAND.lon, HARNOSAND.lat, HARNOSAND.height))).toBe(0);
    });

    it('should map 100 m north to z ≈ −100, east to x ≈ +100, up to y ≈ +100', () => {
      const frame = createSceneFrame(HARNOSAND);
      const { east, north, up } = enuAxes(HARNOSAND.lon, HARNOSAND.lat);
      const o = frame.originEcef;
      const offset = (axis: Vec3, d: number) =>
        frame.ecefToLocalPoint(o[0] + axis[0] * d, o[1] + axis[1] * d, o[2] + axis[2] * d);
      expect(dist(offset(north, 100), [0, 0, -100])).toBeLessThan(1e-6);
      expect(dist(offset(east, 100), [100, 0, 0])).toBeLessThan(1e-6);
      expect(dist(offset(up, 100), [0, 100, 0])).toBeLessThan(1e-6);

      // The same through geodetic positions: 100 m along the meridian/parallel, or 100 m higher.
      // (The ground curves away: ~0.8 mm of drop at 100 m.)
      const metresPerDegLat = 111_000; // close enough to place a point about 100 m away
      const northPoint = frame.toLocal(HARNOSAND.lon, HARNOSAND.lat + 100 / metresPerDegLat, HARNOSAND.height);
      expect(northPoint[0]).toBeCloseTo(0, 6);
      expect(northPoint[2]).toBeLessThan(-99);
      expect(northPoint[2]).toBeGreaterThan(-101);
      expect(Math.abs(northPoint[1])).toBeLessThan(0.002);
      const eastPoint = frame.toLocal(HARNOSAND.lon + 0.002, HARNOSAND.lat, HARNOSAND.height);
      expect(eastPoint[0]).toBeGreaterThan(100);
      expect(eastPoint[0]).toBeLessThan(105);
      expect(Math.abs(eastPoint[2])).toBeLessThan(0.01);
      const upPoint = frame.toLocal(HARNOSAND.lon, HARNOSAND.lat, HARNOSAND.height + 100);
      expect(dist(upPoint, [0, 100, 0])).toBeLessThan(1e-6);
    });

    it('should round-trip toLocal ⇄ toGeodetic to < 1 mm within 20 km', () => {
      const frame = createSceneFrame(HARNOSAND);
      for (const dLon of [-0.4, -0.05, 0, 0.013, 0.3]) {
        for (const dLat of [-0.18, -0.01, 0, 0.002, 0.18]) {
          for (const h of [-30, 0, 24.4, 80, 350]) {
            const lon = HARNOSAND.lon + dLon;
            const lat = HARNOSAND.lat + dLat;
            const local = frame.toLocal(lon, lat, h);
            const [gLon, gLat, gH] = frame.toGeodetic(local[0], local[1], local[2]);
            const back = geodeticToEcef(gLon, gLat, gH);
            expect(dist(back, geodeticToEcef(lon, lat, h))).toBeLessThan(0.001);
            const again = frame.toLocal(gLon, gLat, gH);
            expect(dist(again, local)).toBeLessThan(0.001);
          }
        }
      }
    });

    it('should round-trip local ⇄ ECEF points', () => {
      const frame = createSceneFrame({ lon: 20.2253, lat: 67.8558, height: 530 });
      const p: Vec3 = [1234.5, -67.8, -9876.5];
      const ecef = frame.localToEcefPoint(p[0], p[1], p[2]);
      expect(dist(frame.ecefToLocalPoint(ecef[0], ecef[1], ecef[2]), p)).toBeLessThan(1e-6);
    });
  });
});
