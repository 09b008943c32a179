import { describe, expect, it } from 'vitest';
import { Matrix4, Sphere, Vector3 } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import { LOCAL_COORDINATES_RADIUS, isLocalTileset, tilesetToScene, type Placement } from '../../../../src/layers/tiles3d/placement';
import { createSceneFrame, geodeticToEcef, type GeoOrigin } from '../../../../src/geo';

const HARNOSAND: GeoOrigin = { lon: 17.9379, lat: 62.6323, height: 24.4 };

function apply(m: Matrix4, x: number, y: number, z: number): Vector3 {
  return new Vector3(x, y, z).applyMatrix4(m);
}

describe('placement', () => {
  describe('tilesetToScene', () => {
    const frame = createSceneFrame(HARNOSAND);

    it('should map ECEF to the scene frame without a placement', () => {
      const m = tilesetToScene(frame, null, 0, new Matrix4());
      const origin = geodeticToEcef(HARNOSAND.lon, HARNOSAND.lat, HARNOSAND.height);
      expect(apply(m, origin[0], origin[1], origin[2]).length()).toBeLessThan(1e-6);
      const p = geodeticToEcef(17.95, 62.64, 80);
      const expected = frame.toLocal(17.95, 62.64, 80);
      expect(apply(m, p[0], p[1], p[2]).distanceTo(new Vector3(...expected))).toBeLessThan(1e-6);
    });

    it('should write into and return `out`', () => {
      const out = new Matrix4();
      expect(tilesetToScene(frame, null, 0, out)).toBe(out);
      expect(out.equals(new Matrix4())).toBe(false);
    });

    it('should put a placed tileset’s origin at the placement', () => {
      const placement: Placement = { lon: 17.95, lat: 62.64, height: 10, heading: 0 };
      const m = tilesetToScene(frame, placement, 0, new Matrix4());
      const expected = frame.toLocal(17.95, 62.64, 10);
      expect(apply(m, 0, 0, 0).distanceTo(new Vector3(...expected))).toBeLessThan(1e-6);
    });

    it('should map the tileset axes x, y, z to east, north (−z), up at the scene origin with heading 0', () => {
      const m = tilesetToScene(frame, { ...HARNOSAND, heading: 0 }, 0, new Matrix4());
      expect(apply(m, 0, 10, 0).distanceTo(new Vector3(0, 0, -10))).toBeLessThan(1e-6);
      expect(apply(m, 10, 0, 0).distanceTo(new Vector3(10, 0, 0))).toBeLessThan(1e-6);
      expect(apply(m, 0, 0, 10).distanceTo(new Vector3(0, 10, 0))).toBeLessThan(1e-6);
    });

    it("should turn the model's +y to the east with heading 90", () => {
      const m = tilesetToScene(frame, { ...HARNOSAND, heading: 90 }, 0, new Matrix4());
      expect(apply(m, 0, 10, 0).distanceTo(new Vector3(10, 0, 0))).toBeLessThan(1e-6);
      // and its +x to the south
      expect(apply(m, 10, 0, 0).distanceTo(new Vector3(0, 0, 10))).toBeLessThan(1e-6);
      // up stays up
      expect(apply(m, 0, 0, 10).distanceTo(new Vector3(0, 10, 0))).toBeLessThan(1e-6);
    });

    it("should turn the model's +y to the south-west with heading 225", () => {
      const m = tilesetToScene(frame, { ...HARNOSAND, heading: 225 }, 0, new Matrix4());
      const s = 10 / Math.SQRT2;
      expect(apply(m, 0, 10, 0).distanceTo(new Vector3(-s, 0, s))).toBeLessThan(1e-6);
    });

    it('should lift along the scene up by heightOffset, with or without a placement', () => {
      const placed = tilesetToScene(frame, { ...HARNOSAND, heading: 30 }, 12.5, new Matrix4());
      expect(apply(placed, 0, 0, 0).distanceTo(new Vector3(0, 12.5, 0))).toBeLessThan(1e-6);
      expect(apply(placed, 0, 10, 0).y).toBeCloseTo(12.5, 6);
      const origin = geodeticToEcef(HARNOSAND.lon, HARNOSAND.lat, HARNOSAND.height);
      const ecef = tilesetToScene(frame, null, -3, new Matrix4());
      expect(apply(ecef, origin[0], origin[1], origin[2]).distanceTo(new Vector3(0, -3, 0))).toBeLessThan(1e-6);
    });

    it('should follow the local up of a placement 10 km away (not the scene y axis)', () => {
      const lat = HARNOSAND.lat + 0.09; // ~10 km north
      const m = tilesetToScene(frame, { lon: HARNOSAND.lon, lat, height: 0, heading: 0 }, 0, new Matrix4());
      const base = apply(m, 0, 0, 0);
      const top = apply(m, 0, 0, 100);
      const [, , hBase] = frame.toGeodetic(base.x, base.y, base.z);
      const [lonTop, latTop, hTop] = frame.toGeodetic(top.x, top.y, top.z);
      expect(hBase).toBeCloseTo(0, 4);
      expect(hTop).toBeCloseTo(100, 4);
      expect(lonTop).toBeCloseTo(HARNOSAND.lon, 9);
      expect(latTop).toBeCloseTo(lat, 9);
    });

    it('should be a rigid transform (lengths kept)', () => {
      const m = tilesetToScene(frame, { lon: 18, lat: 62.7, height: 5, heading: 77 }, 3, new Matrix4());
      const a = apply(m, 1, 2, 3);
      const b = apply(m, 31, -12, 8);
      expect(a.distanceTo(b)).toBeCloseTo(Math.hypot(30, 14, 5), 6);
    });
  });

  describe('isLocalTileset', () => {
    function fakeTiles(sphere: Sphere | null): TilesRenderer {
      return {
        getBoundingSphere(target: Sphere) {
          if (!sphere) return false;
          target.copy(sphere);
          return true;
        },
      } as unknown as TilesRenderer;
    }

    it('should be true for bounds near the Earth’s centre', () => {
      expect(isLocalTileset(fakeTiles(new Sphere(new Vector3(100, 200, 0), 500)))).toBe(true);
      expect(isLocalTileset(fakeTiles(new Sphere(new Vector3(LOCAL_COORDINATES_RADIUS - 1, 0, 0), 10)))).toBe(true);
    });

    it('should be false for georeferenced (ECEF) bounds', () => {
      const p = geodeticToEcef(HARNOSAND.lon, HARNOSAND.lat, 0);
      expect(isLocalTileset(fakeTiles(new Sphere(new Vector3(...p), 2000)))).toBe(false);
      expect(isLocalTileset(fakeTiles(new Sphere(new Vector3(LOCAL_COORDINATES_RADIUS, 0, 0), 10)))).toBe(false);
    });

    it('should be false before the root is loaded (no bounds yet)', () => {
      expect(isLocalTileset(fakeTiles(null))).toBe(false);
    });
  });
});
