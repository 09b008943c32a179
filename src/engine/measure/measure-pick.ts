/**
 * Where measuring rays land: the nearest surface of the solid layers (buildings, terrain: the
 * layers that take part in shadows) that the active comparison draws where the ray meets the
 * screen, else the scene's ground plane; and the ground under a point, the lowest solid
 * surface straight below it. Scene frame, metres. Scratch objects at module scope.
 */
import { Raycaster, Vector3, type Intersection } from 'three';
import type { Engine } from '../engine';
import type { MeasurePoint } from '../../state/measure-store';

const _hits: Intersection[] = [];
const _down = new Raycaster();
const DOWN = new Vector3(0, -1, 0);
/** Height from which the ground is looked for, metres above the point. */
const ABOVE = 5_000;

/**
 * The measure point along `raycaster` (its surface hit and the ground below it), or `null`
 * when the ray meets neither a solid layer nor the ground plane at `groundPlaneY`.
 */
export function measurePointAlong(engine: Engine, raycaster: Raycaster, groundPlaneY: number): MeasurePoint | null {
  const side = engine.sideOfRay(raycaster);
  let best: Intersection | null = null;
  _hits.length = 0;
  for (const h of engine.layerHandles()) {
    if (!h.setShadows || !h.object.visible || !engine.shownOn(h.id, side)) continue;
    h.raycast(raycaster, _hits);
  }
  for (const hit of _hits) if (hit.distance >= raycaster.near && hit.distance <= raycaster.far && (!best || hit.distance < best.distance)) best = hit;
  _hits.length = 0;
  let x: number;
  let y: number;
  let z: number;
  if (best) ({ x, y, z } = best.point);
  else {
    const { origin, direction } = raycaster.ray;
    if (direction.y >= -1e-6) return null;
    const t = (groundPlaneY - origin.y) / direction.y;
    if (t < 0 || t > raycaster.far) return null;
    x = origin.x + direction.x * t;
    y = groundPlaneY;
    z = origin.z + direction.z * t;
  }
  return { x, y, z, groundY: groundBelow(engine, x, y, z, groundPlaneY, side) };
}

/** Scene y of the lowest solid surface straight below (or at) a point; `groundPlaneY` where there is none. */
export function groundBelow(engine: Engine, x: number, y: number, z: number, groundPlaneY: number, side = engine.comparisonSideAt(null)): number {
  _down.ray.origin.set(x, y + ABOVE, z);
  _down.ray.direction.copy(DOWN);
  _down.near = 0;
  _down.far = Infinity;
  _hits.length = 0;
  for (const h of engine.layerHandles()) {
    if (!h.setShadows || !h.object.visible || !engine.shownOn(h.id, side)) continue;
    h.raycast(_down, _hits);
  }
  let lowest = Infinity;
  for (const hit of _hits) lowest = Math.min(lowest, hit.point.y);
  _hits.length = 0;
  return Number.isFinite(lowest) ? lowest : groundPlaneY;
}

/** Scene y of the scene's ground plane (its `ground.height`, else the origin's height). */
export function groundPlaneY(doc: { origin: { height: number }; ground?: { height?: number } } | null): number {
  if (!doc) return 0;
  return (doc.ground?.height ?? doc.origin.height) - doc.origin.height;
}
