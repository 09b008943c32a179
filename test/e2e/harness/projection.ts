/**
 * Where a geographic point appears on the canvas for a `twin.view()`, computed in Node from the
 * view alone (ECEF and the east-north-up frame at the camera, as CesiumJS defines heading and
 * pitch), independently of the app's three.js camera. Tests use it to know which pixels must
 * show a given piece of geometry. Checked against three.js in test/unit/harness/projection.test.ts.
 */
import type { GeoView } from '../../../src/engine/camera-pose.ts';
import { DEG, ecefToGeodetic, enuAxes, geodeticToEcef, type Vec3 } from '../../../src/geo/index.ts';

/** `twin.view()`: degrees, metres above the ellipsoid, vertical fov in degrees. */
export type ViewPose = GeoView;

export interface GeoPoint {
  lon: number;
  lat: number;
  /** Metres above the WGS84 ellipsoid. */
  height: number;
}

/** Pixel position on a canvas (0,0 top left), with the distance in front of the camera. */
export interface CanvasPoint {
  x: number;
  y: number;
  /** Metres along the view direction; ≤ 0 means behind the camera. */
  depth: number;
}

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** The camera's right, up and forward unit vectors (ECEF) and its ECEF position. */
function cameraAxes(view: ViewPose): { eye: Vec3; right: Vec3; up: Vec3; forward: Vec3 } {
  const { east: e, north: n, up: u } = enuAxes(view.lon, view.lat);
  const h = view.heading * DEG;
  const t = view.pitch * DEG;
  const right: Vec3 = [0, 1, 2].map((i) => Math.cos(h) * e[i]! - Math.sin(h) * n[i]!) as Vec3;
  const forward: Vec3 = [0, 1, 2].map((i) => Math.cos(t) * (Math.sin(h) * e[i]! + Math.cos(h) * n[i]!) + Math.sin(t) * u[i]!) as Vec3;
  const up: Vec3 = [right[1] * forward[2] - right[2] * forward[1], right[2] * forward[0] - right[0] * forward[2], right[0] * forward[1] - right[1] * forward[0]];
  return { eye: geodeticToEcef(view.lon, view.lat, view.height), right, up, forward };
}

/** The pixel of a `width` × `height` canvas at which `point` appears for `view`. */
export function canvasPointOf(view: ViewPose, size: { width: number; height: number }, point: GeoPoint): CanvasPoint {
  const { eye, right, up, forward } = cameraAxes(view);
  const p = geodeticToEcef(point.lon, point.lat, point.height);
  const d: Vec3 = [p[0] - eye[0], p[1] - eye[1], p[2] - eye[2]];
  const depth = dot(d, forward);
  const pixelsPerUnit = size.height / 2 / Math.tan((view.fov * DEG) / 2);
  return { x: size.width / 2 + (dot(d, right) / depth) * pixelsPerUnit, y: size.height / 2 - (dot(d, up) / depth) * pixelsPerUnit, depth };
}

/**
 * Where the ray through the canvas centre meets the surface `groundHeight` metres above the
 * ellipsoid, or null if it does not within `maxDistance` metres (e.g. it points at the sky).
 */
export function centreGroundPoint(view: ViewPose, groundHeight: number, maxDistance = 50_000): GeoPoint | null {
  const { eye, forward } = cameraAxes(view);
  const heightAt = (s: number) => ecefToGeodetic(eye[0] + forward[0] * s, eye[1] + forward[1] * s, eye[2] + forward[2] * s)[2] - groundHeight;
  if (heightAt(0) <= 0 || heightAt(maxDistance) > 0) return null;
  let [lo, hi] = [0, maxDistance];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (heightAt(mid) > 0) lo = mid;
    else hi = mid;
  }
  const [lon, lat, height] = ecefToGeodetic(eye[0] + forward[0] * hi, eye[1] + forward[1] * hi, eye[2] + forward[2] * hi);
  return { lon, lat, height };
}
