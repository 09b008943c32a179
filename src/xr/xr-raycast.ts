/**
 * Rays in XR: an input source's target ray in the scene frame, and casting it (or a segment)
 * against the surfaces drawn, as taps and XR picks meet them, reporting the kind of surface
 * hit and its world normal. Scratch objects at module scope; nothing allocated per call beyond
 * what WebXR's `getPose` and three's raycasting return.
 */
import { Plane, Quaternion, Raycaster, Vector3, type Object3D } from 'three';
import type { Engine } from '../engine/engine';

const _plane = new Plane(new Vector3(0, 1, 0), 0);
const _dir = new Vector3();
const _quat = new Quaternion();
const _at = new Vector3();
/** Straight down from a point, far enough for any terrain under a ground height. */
const _down = new Raycaster(new Vector3(), new Vector3(0, -1, 0), 0, 10_000);

/** Kind reported by `castLayers` for the ground plane, or the ground height where nothing is drawn. */
export const GROUND_PLANE = 'ground-plane';
/** Kind reported by `castLayers` for a layer's surface that drapes colour (ground and terrain tiles): ground at any height. */
export const GROUND_SURFACE = 'ground';

/**
 * Sets `raycaster` to the target ray of `space` at `frame` (room pose through `origin`, the XR
 * origin, into the scene frame). Returns `false` when the pose is not tracked.
 */
export function rayFromSpace(frame: XRFrame, space: XRSpace, refSpace: XRReferenceSpace, origin: Object3D, raycaster: Raycaster): boolean {
  const pose = frame.getPose(space, refSpace);
  if (!pose) return false;
  const p = pose.transform.position;
  const o = pose.transform.orientation;
  raycaster.ray.origin.set(p.x, p.y, p.z).applyMatrix4(origin.matrixWorld);
  _dir.set(0, 0, -1).applyQuaternion(_quat.set(o.x, o.y, o.z, o.w));
  raycaster.ray.direction.copy(_dir).transformDirection(origin.matrixWorld);
  raycaster.near = 0;
  raycaster.far = Infinity;
  return true;
}

/**
 * The first surface drawn along `raycaster` (within its `far`), as the engine picks it for
 * taps and XR rays (`Engine.surfaceAlong`: visible layers shown by the active comparison, the
 * ground plane while shown; a draped plan is no surface); writes point and world normal and
 * returns its kind: `ground-plane`, `ground` (a surface that drapes colour), or the layer's
 * type. Where the ray meets nothing drawn, the horizontal plane at `groundPlaneY` stands in,
 * unless something drawn lies under that point (then the plane would float over it); `null`
 * when nothing is hit.
 */
export function castLayers(engine: Engine, raycaster: Raycaster, groundPlaneY: number, point: Vector3, normal: Vector3): string | null {
  const side = engine.comparisonSideAt(null);
  const surface = engine.surfaceAlong(raycaster, side);
  if (surface) {
    point.copy(surface.point);
    normal.copy(surface.normal);
    return surface.layer === null ? GROUND_PLANE : surface.receivesDrape ? GROUND_SURFACE : surface.layer.type;
  }
  _plane.constant = -groundPlaneY;
  const ray = raycaster.ray;
  const t = _plane.distanceToPoint(ray.origin) / -_plane.normal.dot(ray.direction);
  if (!(Number.isFinite(t) && t >= 0 && t <= raycaster.far)) return null;
  ray.at(t, _at);
  // anything drawn under the plane there (lower terrain, water) is the ground, not the plane
  _down.ray.origin.copy(_at);
  if (engine.surfaceAlong(_down, side)) return null;
  point.copy(_at);
  normal.set(0, 1, 0);
  return GROUND_PLANE;
}
