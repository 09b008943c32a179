/**
 * Where a ray meets "the ground": the nearest layer geometry, else the WGS84 ellipsoid raised
 * to the scene's ground height. The ellipsoid fallback keeps navigation working over empty
 * areas, before tiles load, and from kilometres up where the curvature matters.
 */
import { Vector3, type Ray } from 'three';
import { WGS84_A, WGS84_B, type SceneFrame } from '../../geo';
import type { Engine } from '../engine';

const _o = new Vector3();
const _d = new Vector3();
const _oEcef: [number, number, number] = [0, 0, 0];
const _pEcef: [number, number, number] = [0, 0, 0];

/**
 * Distance along `ray` (scene-local, unit direction) to the ellipsoid raised by `height`
 * metres, or `null` when the ray misses it.
 */
export function rayEllipsoidDistance(frame: SceneFrame, ray: Ray, height: number): number | null {
  _o.copy(ray.origin);
  frame.localToEcefPoint(_o.x, _o.y, _o.z, _oEcef);
  _o.add(ray.direction);
  frame.localToEcefPoint(_o.x, _o.y, _o.z, _pEcef);
  const a = WGS84_A + height;
  const b = WGS84_B + height;
  const [ox, oy, oz] = _oEcef;
  const dx = _pEcef[0] - ox;
  const dy = _pEcef[1] - oy;
  const dz = _pEcef[2] - oz;
  // scale to the unit sphere: (x/a)² + (y/a)² + (z/b)² = 1
  const qa = (dx * dx + dy * dy) / (a * a) + (dz * dz) / (b * b);
  const qb = 2 * ((ox * dx + oy * dy) / (a * a) + (oz * dz) / (b * b));
  const qc = (ox * ox + oy * oy) / (a * a) + (oz * oz) / (b * b) - 1;
  const disc = qb * qb - 4 * qa * qc;
  if (disc < 0) return null;
  const sq = Math.sqrt(disc);
  const t0 = (-qb - sq) / (2 * qa);
  const t1 = (-qb + sq) / (2 * qa);
  if (t0 > 0) return t0;
  if (t1 > 0) return t1;
  return null;
}

/**
 * The surface point along `ray` into `out` (scene-local metres); returns `false` when neither
 * a layer nor the ground is hit.
 */
export function pickSurface(engine: Engine, ray: Ray, groundHeight: number, out: Vector3): boolean {
  const raycaster = engine.raycasterAt(0, 0);
  if (raycaster) {
    raycaster.ray.copy(ray);
    const hit = engine.raycastLayers(raycaster);
    if (hit) {
      out.copy(hit.point);
      return true;
    }
  }
  const t = rayEllipsoidDistance(engine.frame, ray, groundHeight);
  if (t === null) return false;
  ray.at(t, out);
  return true;
}
