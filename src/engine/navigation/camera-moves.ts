/**
 * The elementary camera moves in the scene-local frame, each keeping roll at zero relative to
 * the geodetic up: orbit around a pivot, pan along the ground, dolly towards a point.
 * Allocation-free (module-scope scratch); all lengths in metres, angles in radians.
 */
import { Quaternion, Vector3, type PerspectiveCamera, type Plane, type Ray } from 'three';

const _offset = new Vector3();
const _q = new Quaternion();
const _right = new Vector3();
const _forward = new Vector3();
const _hit = new Vector3();

/** Lowest and highest pitch an orbit may reach, radians (a hair off straight down; never below the horizon). */
export const MIN_PITCH = (-89.9 * Math.PI) / 180;
export const MAX_PITCH = (-1 * Math.PI) / 180;

/** Pitch of the camera's view direction against `up`, radians (negative looks down). */
export function cameraPitch(camera: PerspectiveCamera, up: Vector3): number {
  camera.getWorldDirection(_forward);
  return Math.asin(Math.max(-1, Math.min(1, _forward.dot(up))));
}

/**
 * Orbits the camera around `pivot`: `dHeading` about `up` (positive turns the view to the
 * right), then `dPitch` about the camera's right axis (positive raises the view), clamped so
 * the pitch stays within [MIN_PITCH, MAX_PITCH].
 */
export function orbit(camera: PerspectiveCamera, pivot: Vector3, up: Vector3, dHeading: number, dPitch: number): void {
  const pitch = cameraPitch(camera, up);
  let dp = dPitch;
  // an overshoot stops at the limit (a camera already past it is brought back to it first)
  if (pitch + dp > MAX_PITCH) dp = MAX_PITCH - pitch + Math.min(dp, 0);
  if (pitch + dp < MIN_PITCH) dp = MIN_PITCH - pitch + Math.max(dp, 0);
  // heading: rotate about up
  _q.setFromAxisAngle(up, -dHeading);
  _offset.subVectors(camera.position, pivot).applyQuaternion(_q);
  camera.quaternion.premultiply(_q);
  // pitch: rotate about the camera's right axis
  _right.set(1, 0, 0).applyQuaternion(camera.quaternion);
  _q.setFromAxisAngle(_right, dp);
  _offset.applyQuaternion(_q);
  camera.quaternion.premultiply(_q);
  camera.position.addVectors(pivot, _offset);
  camera.updateMatrixWorld();
}

/** Rotates the camera in place (look around): heading about `up`, pitch about its right axis. */
export function look(camera: PerspectiveCamera, up: Vector3, dHeading: number, dPitch: number): void {
  const pitch = cameraPitch(camera, up);
  const limit = (89.5 * Math.PI) / 180;
  const dp = Math.max(-limit - pitch, Math.min(limit - pitch, dPitch));
  _q.setFromAxisAngle(up, -dHeading);
  camera.quaternion.premultiply(_q);
  _right.set(1, 0, 0).applyQuaternion(camera.quaternion);
  _q.setFromAxisAngle(_right, dp);
  camera.quaternion.premultiply(_q);
  camera.updateMatrixWorld();
}

/**
 * Moves the camera so that the ground point `grab` lies under `ray` again (drag-the-map pan),
 * along `plane` (horizontal through `grab`). Refuses grazing rays whose hit lies more than
 * `maxDistance` away, which would fling the camera to the horizon.
 */
export function panToKeepUnder(camera: PerspectiveCamera, grab: Vector3, plane: Plane, ray: Ray, maxDistance: number): boolean {
  if (!ray.intersectPlane(plane, _hit)) return false;
  if (_hit.distanceTo(ray.origin) > maxDistance) return false;
  camera.position.add(_offset.subVectors(grab, _hit));
  camera.updateMatrixWorld();
  return true;
}

/**
 * Moves the camera towards (`factor` < 1) or away from (`factor` > 1) `target`, scaling the
 * distance; never closer than `minDistance`.
 */
export function dolly(camera: PerspectiveCamera, target: Vector3, factor: number, minDistance: number): void {
  _offset.subVectors(camera.position, target);
  const distance = _offset.length();
  const next = Math.max(minDistance, distance * factor);
  if (distance > 0) camera.position.addVectors(target, _offset.multiplyScalar(next / distance));
  camera.updateMatrixWorld();
}

/** Translates the camera horizontally along its heading (forward > 0) and to its right. */
export function moveHorizontally(camera: PerspectiveCamera, up: Vector3, forward: number, right: number): void {
  camera.getWorldDirection(_forward);
  _forward.addScaledVector(up, -_forward.dot(up));
  if (_forward.lengthSq() < 1e-8) {
    // looking straight down: "forward" is the top of the screen
    _forward.set(0, 1, 0).applyQuaternion(camera.quaternion);
    _forward.addScaledVector(up, -_forward.dot(up));
  }
  _forward.normalize();
  _right.crossVectors(_forward, up).normalize();
  camera.position.addScaledVector(_forward, forward).addScaledVector(_right, right);
  camera.updateMatrixWorld();
}
