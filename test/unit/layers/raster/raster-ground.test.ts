/** The raster ground's geometry: the tangent plane as a surface, and its tiling. */
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { createSceneFrame, DEG } from '../../../../src/geo';
import { boxAround, GROUND_RADIUS, intersectBoxes } from '../../../../src/layers/raster/radian-box';
import { groundTiling } from '../../../../src/layers/raster/ground-tiling';
import { TangentPlaneSurface } from '../../../../src/layers/raster/tangent-plane-surface';

const ORIGIN = { lon: 17.9379, lat: 62.6323, height: 28 };

describe('TangentPlaneSurface', () => {
  const frame = createSceneFrame(ORIGIN);
  const surface = new TangentPlaneSurface(frame, 2 * GROUND_RADIUS);
  const cart = { lat: 0, lon: 0, height: 0 };

  it('should give a point of the plane the geodetic position of that point in the scene frame', () => {
    surface.getPositionToCartographic(new Vector3(1200, -3400, 0), cart);
    const [lon, lat] = frame.toGeodetic(1200, 0, 3400);
    expect(cart.lon / DEG).toBeCloseTo(lon, 12);
    expect(cart.lat / DEG).toBeCloseTo(lat, 12);
  });

  it('should put a longitude/latitude back on the plane, within 2 mm at 5 km and 1 m at the plane’s 40 km', () => {
    for (const [e, n, tolerance] of [
      [3000, 4000, 0.002],
      [-28_000, 28_000, 1],
    ] as const) {
      surface.getPositionToCartographic(new Vector3(e, n, 0), cart);
      const p = surface.getCartographicToPosition(cart.lat, cart.lon, 0, new Vector3());
      expect(Math.hypot(p.x - e, p.y - n), `${e}, ${n}`).toBeLessThan(tolerance);
      expect(p.z).toBe(0);
    }
  });

  it('should be flat, with the scale of its tiling’s square', () => {
    expect(surface.isEllipsoid).toBe(false);
    expect(surface.getPositionToNormal(new Vector3(5000, 0, 0), new Vector3()).toArray()).toEqual([0, 0, 1]);
    expect(surface.scale).toEqual({ x: 80_000, y: 80_000 });
  });
});

describe('groundTiling', () => {
  const square = boxAround(ORIGIN, GROUND_RADIUS);
  const map = [17.925 * DEG, 62.626 * DEG, 17.95 * DEG, 62.638 * DEG] as [number, number, number, number];
  const tiling = groundTiling(ORIGIN, intersectBoxes(map, square)!);

  it('should cover the ground plane’s square with one tile at level 0 and split it down to ~40 m tiles', () => {
    expect(tiling.minLevel).toBe(0);
    expect(tiling.maxLevel).toBe(11);
    const [w, s, e, n] = tiling.getTileBounds(0, 0, 0);
    expect(w).toBeCloseTo(square[0], 9);
    expect(s).toBeCloseTo(square[1], 6);
    expect(e).toBeCloseTo(square[2], 9);
    expect(n).toBeCloseTo(square[3], 6);
    const [w11, , e11] = tiling.getTileBounds(0, 0, 11);
    const metres = (e11! - w11!) * 6_378_137 * Math.cos(ORIGIN.lat * DEG);
    expect(metres).toBeGreaterThan(35);
    expect(metres).toBeLessThan(45);
  });

  it('should have content only where the rasters are', () => {
    expect(tiling.getContentBounds()).toEqual(map);
    expect(intersectBoxes(map, [0, 0, 0.1, 0.1])).toBeNull();
  });
});
