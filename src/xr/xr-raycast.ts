/**
 * Rays in XR: an input source's target ray in the scene frame, and casting it (or a segment)
 * against every layer and the ground plane, reporting the kind of surface hit and its world
 * normal. Scratch objects at module scope; nothing allocated per call except what WebXR's
 * `getPose` returns.
 */
import { Matrix3, Plane, Quaternion, Raycaster, Vector3, type Intersection, type Object3D } from 'three';
import type { Engine } from '../engine/engine';
import { shownOnSide } from '../state/compare-store';

const _hits: Intersection[] = [];
const _plane = new Plane(new Vector3(0, 1, 0), 0);
const _normalMatrix = new Matrix3();
const _dir = new Vector3();
const _quat = new Quaternion();

/** Ground-plane kind reported by `castLayers`. */
export const GROUND_PLANE = 'ground-plane';

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
 * The nearest hit of `raycaster` (within its `far`) on any layer drawn (visible, and shown by
 * the active comparison's side) or on the horizontal ground
 * plane at `groundPlaneY`; writes point and world normal and returns the layer's type (or
 * `ground-plane`), or `null` when nothing is hit.
 */
export function castLayers(engine: Engine, raycaster: Raycaster, groundPlaneY: number, point: Vector3, normal: Vector3): string | null {
  let bestDistance = Infinity;
  let kind: string | null = null;
  const side = engine.comparisonSideAt(null);
  const comparison = side ? (engine.compare?.active() ?? null) : null;
  for (const h of engine.layerHandles()) {
    if (!h.object.visible || (side && !shownOnSide(comparison, h.id, side))) continue;
    _hits.length = 0;
    h.raycast(raycaster, _hits);
    for (const hit of _hits) {
      if (hit.distance >= bestDistance || hit.distance > raycaster.far) continue;
      bestDistance = hit.distance;
      kind = h.type;
      point.copy(hit.point);
      if (hit.face) {
        _normalMatrix.getNormalMatrix(hit.object.matrixWorld);
        normal.copy(hit.face.normal).applyMatrix3(_normalMatrix).normalize();
      } else normal.set(0, 1, 0);
    }
  }
  _hits.length = 0;
  _plane.constant = -groundPlaneY;
  const ray = raycaster.ray;
  const t = _plane.distanceToPoint(ray.origin) / -_plane.normal.dot(ray.direction);
  if (Number.isFinite(t) && t >= 0 && t < bestDistance && t <= raycaster.far) {
    ray.at(t, point);
    normal.set(0, 1, 0);
    kind = GROUND_PLANE;
  }
  return kind;
}
