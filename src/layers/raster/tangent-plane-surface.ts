/**
 * The scene's ground plane as a 3d-tiles-renderer "surface" (the object a `TilesRenderer`
 * uses to map longitude/latitude to tile geometry and back), so `GeneratedSurfacePlugin` can
 * build ground tiles on the plane rather than on the curved ellipsoid, and image overlays can
 * find the longitude/latitude of each of their vertices.
 *
 * Positions are in the east-north-up frame of the scene origin (x east, y north, z up, metres)
 * on the plane z = 0. A point's longitude/latitude is the geodetic position of that point
 * (the ellipsoid normal through it), as for any other ground tile; placing a longitude/latitude
 * on the plane drops its height. Within the ground plane's 40 km the two agree to ~1 m at
 * worst (d³/2R²), 2 mm at 5 km.
 */
import { Vector3 } from 'three';
import { DEG, type SceneFrame } from '../../geo';

const _local = [0, 0, 0] as [number, number, number];

export class TangentPlaneSurface {
  /** Tells `GeneratedSurfacePlugin` to make box, not region, bounding volumes. */
  readonly isEllipsoid = false;
  /**
   * Metres spanned by the tiling's square (each level's tiles together): `GeneratedSurfacePlugin`
   * divides it by a level's pixels for a tile's geometric error.
   */
  readonly scale: { x: number; y: number };

  constructor(
    private readonly frame: SceneFrame,
    /** Side of the tiling's square, metres. */
    side: number,
  ) {
    this.scale = { x: side, y: side };
  }

  getCartographicToPosition(lat: number, lon: number, height: number, target: Vector3): Vector3 {
    const [x, , z] = this.frame.toLocal(lon / DEG, lat / DEG, this.frame.origin.height, _local);
    return target.set(x, -z, height);
  }

  getPositionToCartographic(pos: Vector3, target: { lat: number; lon: number; height: number }): { lat: number; lon: number; height: number } {
    const [lon, lat] = this.frame.toGeodetic(pos.x, 0, -pos.y, _local);
    target.lon = lon * DEG;
    target.lat = lat * DEG;
    target.height = pos.z;
    return target;
  }

  getCartographicToNormal(_lat: number, _lon: number, target: Vector3): Vector3 {
    return target.set(0, 0, 1);
  }

  getPositionToNormal(_pos: Vector3, target: Vector3): Vector3 {
    return target.set(0, 0, 1);
  }
}
