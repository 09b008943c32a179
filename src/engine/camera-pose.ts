/**
 * Camera pose ⇄ geographic view: `{ lon, lat, height, heading, pitch, fov }` in the CesiumJS
 * sense (degrees; heading clockwise from north; pitch negative looking down; height in metres
 * above the WGS84 ellipsoid; fov vertical, degrees). Heading and pitch are measured in the
 * east-north-up frame at the camera's own position, not at the scene origin, so they stay
 * exact kilometres away from it. Roll is always zero.
 */
import { Matrix4, Vector3, type PerspectiveCamera } from 'three';
import { DEG, enuAxes, type SceneFrame } from '../geo';

export interface GeoView {
  /** Longitude, degrees east. */
  lon: number;
  /** Latitude, degrees north. */
  lat: number;
  /** Metres above the WGS84 ellipsoid. */
  height: number;
  /** Degrees clockwise from north. */
  heading: number;
  /** Degrees; negative looks down. */
  pitch: number;
  /** Vertical field of view, degrees. */
  fov: number;
}

const _east = new Vector3();
const _north = new Vector3();
const _up = new Vector3();
const _right = new Vector3();
const _forward = new Vector3();
const _camUp = new Vector3();
const _basis = new Matrix4();
const _rot = new Matrix4();

/** ENU unit axes at a geodetic position, expressed in the scene's local frame. */
export function localEnuAxes(frame: SceneFrame, lon: number, lat: number, east: Vector3, north: Vector3, up: Vector3): void {
  const axes = enuAxes(lon, lat);
  _rot.fromArray(frame.ecefToLocal as number[]);
  east.fromArray(axes.east).transformDirection(_rot);
  north.fromArray(axes.north).transformDirection(_rot);
  up.fromArray(axes.up).transformDirection(_rot);
}

/** Places and orients `camera` at a geographic view (and sets its fov if given). */
export function applyGeoView(camera: PerspectiveCamera, frame: SceneFrame, view: Omit<GeoView, 'fov'> & { fov?: number }): void {
  const p = frame.toLocal(view.lon, view.lat, view.height);
  camera.position.set(p[0], p[1], p[2]);
  localEnuAxes(frame, view.lon, view.lat, _east, _north, _up);
  const h = view.heading * DEG;
  const t = view.pitch * DEG;
  // right = cos h·E − sin h·N; forward = cos t (sin h·E + cos h·N) + sin t·U
  _right.copy(_east).multiplyScalar(Math.cos(h)).addScaledVector(_north, -Math.sin(h)).normalize();
  _forward
    .copy(_east)
    .multiplyScalar(Math.sin(h) * Math.cos(t))
    .addScaledVector(_north, Math.cos(h) * Math.cos(t))
    .addScaledVector(_up, Math.sin(t))
    .normalize();
  _camUp.crossVectors(_right, _forward).normalize();
  _basis.makeBasis(_right, _camUp, _forward.negate());
  camera.quaternion.setFromRotationMatrix(_basis);
  if (view.fov !== undefined && camera.fov !== view.fov) {
    camera.fov = view.fov;
    camera.updateProjectionMatrix();
  }
  camera.updateMatrixWorld(true);
}

/** Reads the geographic view of `camera`. */
export function readGeoView(camera: PerspectiveCamera, frame: SceneFrame, out: Partial<GeoView> = {}): GeoView {
  camera.updateMatrixWorld();
  const [lon, lat, height] = frame.toGeodetic(camera.position.x, camera.position.y, camera.position.z);
  localEnuAxes(frame, lon, lat, _east, _north, _up);
  const e = camera.matrixWorld.elements;
  _right.set(e[0]!, e[1]!, e[2]!).normalize();
  _forward.set(-e[8]!, -e[9]!, -e[10]!).normalize();
  // atan2, not asin: asin loses ~1e-6° near ±90° (its slope is infinite there)
  const pitch = Math.atan2(_forward.dot(_up), Math.hypot(_forward.dot(_east), _forward.dot(_north))) / DEG;
  const heading =
    Math.abs(pitch) < 89
      ? Math.atan2(_forward.dot(_east), _forward.dot(_north))
      : Math.atan2(-_right.dot(_north), _right.dot(_east));
  out.lon = lon;
  out.lat = lat;
  out.height = height;
  out.heading = ((heading / DEG) % 360 + 360) % 360;
  out.pitch = pitch;
  out.fov = camera.fov;
  return out as GeoView;
}
