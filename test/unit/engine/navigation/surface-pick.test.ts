import { describe, expect, it } from 'vitest';
import { Cartesian3, Ellipsoid, IntersectionTests, Ray as CesiumRay } from 'cesium';
import { Object3D, PerspectiveCamera, Ray, Vector3, type Intersection, type Raycaster } from 'three';
import { Engine } from '../../../../src/engine/engine';
import { pickSurface, rayEllipsoidDistance } from '../../../../src/engine/navigation/surface-pick';
import { applyGeoView } from '../../../../src/engine/camera-pose';
import { createSceneFrame, enuAxes, geodeticToEcef, WGS84_A, WGS84_B, type GeoOrigin } from '../../../../src/geo';
import type { FeatureHit, LayerHandle } from '../../../../src/layers/layer-handle';

const HARNOSAND: GeoOrigin = { lon: 17.9379, lat: 62.6323, height: 0 };
const EQUATOR: GeoOrigin = { lon: 0, lat: 0, height: 0 };
const DEG = Math.PI / 180;

/** Scene-local ray from a geodetic position, looking at heading/pitch (degrees) in the local ENU there. */
function geoRay(origin: GeoOrigin, lon: number, lat: number, height: number, headingDeg: number, pitchDeg: number): Ray {
  const frame = createSceneFrame(origin);
  const camera = new PerspectiveCamera();
  applyGeoView(camera, frame, { lon, lat, height, heading: headingDeg, pitch: pitchDeg });
  return new Ray(camera.position.clone(), camera.getWorldDirection(new Vector3()));
}

/** Independent reference: CesiumJS's ray–ellipsoid test in ECEF. */
function cesiumDistance(lon: number, lat: number, height: number, headingDeg: number, pitchDeg: number, raise = 0): number | null {
  const o = geodeticToEcef(lon, lat, height);
  const { east, north, up } = enuAxes(lon, lat);
  const h = headingDeg * DEG;
  const p = pitchDeg * DEG;
  const d = [0, 1, 2].map((i) => Math.cos(p) * (Math.sin(h) * east[i]! + Math.cos(h) * north[i]!) + Math.sin(p) * up[i]!);
  const ellipsoid = new Ellipsoid(WGS84_A + raise, WGS84_A + raise, WGS84_B + raise);
  const interval = IntersectionTests.rayEllipsoid(new CesiumRay(new Cartesian3(o[0], o[1], o[2]), new Cartesian3(d[0], d[1], d[2])), ellipsoid);
  if (!interval) return null;
  return interval.start > 0 ? interval.start : interval.stop;
}

describe('surface-pick', () => {
  describe('rayEllipsoidDistance', () => {
    it('should hit 100 m away straight down from 100 m above the origin', () => {
      const frame = createSceneFrame(HARNOSAND);
      const ray = new Ray(new Vector3(0, 100, 0), new Vector3(0, -1, 0));
      expect(rayEllipsoidDistance(frame, ray, 0)).toBeCloseTo(100, 6);
    });

    it('should hit 100 m away straight down at the equator too', () => {
      const frame = createSceneFrame(EQUATOR);
      expect(rayEllipsoidDistance(frame, new Ray(new Vector3(0, 100, 0), new Vector3(0, -1, 0)), 0)).toBeCloseTo(100, 6);
    });

    it('should hit at 100 − h for an ellipsoid raised by h', () => {
      const frame = createSceneFrame(HARNOSAND);
      const ray = new Ray(new Vector3(0, 100, 0), new Vector3(0, -1, 0));
      expect(rayEllipsoidDistance(frame, ray, 25)).toBeCloseTo(75, 3);
      expect(rayEllipsoidDistance(frame, ray, -40)).toBeCloseTo(140, 3);
      const eq = createSceneFrame(EQUATOR);
      expect(rayEllipsoidDistance(eq, ray, 25)).toBeCloseTo(75, 6);
    });

    it('should account for a scene origin above the ellipsoid', () => {
      const frame = createSceneFrame({ ...HARNOSAND, height: 30 });
      // scene y = 0 is 30 m above the ellipsoid
      const ray = new Ray(new Vector3(0, 100, 0), new Vector3(0, -1, 0));
      expect(rayEllipsoidDistance(frame, ray, 0)).toBeCloseTo(130, 3);
      expect(rayEllipsoidDistance(frame, ray, 30)).toBeCloseTo(100, 3);
    });

    it('should miss with a ray pointing to the sky', () => {
      const frame = createSceneFrame(HARNOSAND);
      expect(rayEllipsoidDistance(frame, new Ray(new Vector3(0, 100, 0), new Vector3(0, 1, 0)), 0)).toBeNull();
      expect(rayEllipsoidDistance(frame, new Ray(new Vector3(0, 100, 0), new Vector3(0.6, 0.8, 0)), 0)).toBeNull();
    });

    it('should miss with a level ray from high up (it passes over the horizon)', () => {
      const frame = createSceneFrame(HARNOSAND);
      expect(rayEllipsoidDistance(frame, new Ray(new Vector3(0, 5000, 0), new Vector3(0, 0, -1)), 0)).toBeNull();
    });

    it('should hit a slightly downward ray from 5 km up at pitch −10° where CesiumJS predicts', () => {
      const frame = createSceneFrame(HARNOSAND);
      const ray = geoRay(HARNOSAND, HARNOSAND.lon, HARNOSAND.lat, 5000, 0, -10);
      const expected = cesiumDistance(HARNOSAND.lon, HARNOSAND.lat, 5000, 0, -10);
      expect(expected).not.toBeNull();
      // a flat ground would say 5000 / sin 10° = 28.79 km; curvature pushes it further
      expect(expected!).toBeGreaterThan(5000 / Math.sin(10 * DEG));
      const t = rayEllipsoidDistance(frame, ray, 0);
      expect(t).not.toBeNull();
      expect(Math.abs(t! - expected!)).toBeLessThan(0.01);
      // the hit point really is on the ellipsoid
      const p = ray.at(t!, new Vector3());
      expect(Math.abs(frame.toGeodetic(p.x, p.y, p.z)[2])).toBeLessThan(0.01);
    });

    it.each([
      ['Härnösand, east, −25°', HARNOSAND, 17.95, 62.62, 1200, 90, -25, 0],
      ['Härnösand, south-west, −3°, raised 20 m', HARNOSAND, 17.9, 62.65, 800, 225, -3, 20],
      ['20 km from the origin, −60°', HARNOSAND, 18.3, 62.6, 3000, 10, -60, 0],
      ['equator, west, −45°', EQUATOR, 0.01, 0.02, 500, 270, -45, 0],
    ] as const)('should agree with CesiumJS: %s', (_label, origin, lon, lat, height, heading, pitch, raise) => {
      const frame = createSceneFrame(origin);
      const ray = geoRay(origin, lon, lat, height, heading, pitch);
      const expected = cesiumDistance(lon, lat, height, heading, pitch, raise);
      const t = rayEllipsoidDistance(frame, ray, raise);
      expect(expected).not.toBeNull();
      expect(Math.abs(t! - expected!)).toBeLessThan(0.01);
    });

    it('should return the far hit from inside the ellipsoid', () => {
      const frame = createSceneFrame(EQUATOR);
      // 100 m under the ellipsoid at the equator, looking up: the surface is 100 m above
      expect(rayEllipsoidDistance(frame, new Ray(new Vector3(0, -100, 0), new Vector3(0, 1, 0)), 0)).toBeCloseTo(100, 6);
      // looking down: through the Earth to the far side, 2a − 100 m away
      expect(rayEllipsoidDistance(frame, new Ray(new Vector3(0, -100, 0), new Vector3(0, -1, 0)), 0)).toBeCloseTo(2 * WGS84_A - 100, 3);
    });

    it('should scale with a unit direction only (distance in metres)', () => {
      const frame = createSceneFrame(HARNOSAND);
      const dir = new Vector3(0.3, -1, -0.2).normalize();
      const t = rayEllipsoidDistance(frame, new Ray(new Vector3(0, 250, 0), dir), 0)!;
      const p = new Vector3(0, 250, 0).addScaledVector(dir, t);
      expect(Math.abs(frame.toGeodetic(p.x, p.y, p.z)[2])).toBeLessThan(0.001);
    });
  });

  describe('pickSurface', () => {
    function engineWithLayerHit(distance: number | null): Engine {
      const engine = new Engine(HARNOSAND);
      engine.camera = new PerspectiveCamera();
      const handle: LayerHandle = {
        id: 'fake',
        type: 'fake',
        object: new Object3D(),
        raycast(raycaster: Raycaster, out: Intersection[]) {
          if (distance === null) return;
          const point = raycaster.ray.at(distance, new Vector3());
          out.push({ distance, point, object: this.object } as Intersection);
        },
        featuresAlong: (): FeatureHit[] => [],
        isBusy: () => false,
      };
      engine.registerLayer(handle);
      return engine;
    }

    it('should prefer layer geometry along the ray', () => {
      const engine = engineWithLayerHit(40);
      const ray = new Ray(new Vector3(0, 100, 0), new Vector3(0, -1, 0));
      const out = new Vector3();
      expect(pickSurface(engine, ray, 0, out)).toBe(true);
      expect(out.distanceTo(new Vector3(0, 60, 0))).toBeLessThan(1e-9);
    });

    it('should fall back to the raised ellipsoid when no layer is hit', () => {
      const engine = engineWithLayerHit(null);
      const ray = new Ray(new Vector3(0, 100, 0), new Vector3(0, -1, 0));
      const out = new Vector3();
      expect(pickSurface(engine, ray, 10, out)).toBe(true);
      expect(out.y).toBeCloseTo(10, 3);
    });

    it('should fall back to the ellipsoid without a camera, and report a miss to the sky', () => {
      const engine = new Engine(HARNOSAND);
      const out = new Vector3(7, 7, 7);
      expect(pickSurface(engine, new Ray(new Vector3(0, 100, 0), new Vector3(0, -1, 0)), 0, out)).toBe(true);
      expect(out.y).toBeCloseTo(0, 3);
      expect(pickSurface(engine, new Ray(new Vector3(0, 100, 0), new Vector3(0, 1, 0)), 0, out)).toBe(false);
    });
  });
});
