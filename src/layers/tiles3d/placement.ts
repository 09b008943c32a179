/**
 * Where a tileset's own frame sits in the scene frame. Georeferenced tilesets are in ECEF
 * (EPSG:4978); tilesets authored in local coordinates are anchored east-north-up at a
 * geographic placement.
 */
import { Matrix4, Sphere } from 'three';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import { DEG, eastNorthUpToEcef, type GeoOrigin, type SceneFrame } from '../../geo';

export interface Placement extends GeoOrigin {
  /** Rotation of the model's +y axis from north, degrees clockwise. */
  heading: number;
}

/** Below this distance from the Earth's centre (metres) a tileset is taken to be in local coordinates. */
export const LOCAL_COORDINATES_RADIUS = 100_000;

const _m = new Matrix4();
const _sphere = new Sphere();

/**
 * Tileset frame → scene frame into `out`: ECEF → local, or ENU at `placement` → local when
 * given; then lifted `heightOffset` metres along the scene's up axis.
 */
export function tilesetToScene(frame: SceneFrame, placement: Placement | null, heightOffset: number, out: Matrix4): Matrix4 {
  out.fromArray(frame.ecefToLocal as number[]);
  if (placement) {
    out.multiply(_m.fromArray(eastNorthUpToEcef(placement)));
    out.multiply(_m.makeRotationZ(-placement.heading * DEG));
  }
  return out.premultiply(_m.makeTranslation(0, heightOffset, 0));
}

/** `true` when the loaded root tileset's bounds lie near the Earth's centre (not georeferenced). */
export function isLocalTileset(tiles: TilesRenderer): boolean {
  // the root bounding volume is expressed in the tileset's own frame (inside tiles.group)
  if (!tiles.getBoundingSphere(_sphere)) return false;
  return _sphere.center.length() < LOCAL_COORDINATES_RADIUS;
}
