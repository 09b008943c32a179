/**
 * The scene frame: the one place where the app's local coordinate convention is defined.
 *
 * Everything drawn in three.js lives in a local Cartesian frame tangent to the WGS84
 * ellipsoid at the scene's `origin`, in metres:
 *
 *   +x = east, +y = up (ellipsoid normal), +z = south   (so −z = north)
 *
 * This is a right-handed east-up-south frame, three.js's natural "y up" layout:
 * a camera with identity rotation looks down −z, i.e. north. Positions near the
 * city stay within a few km of (0,0,0), so float32 GPU maths keeps millimetre detail.
 *
 * Matrices are 4×4, column-major (the layout of three.js's `Matrix4.elements`).
 */
import { ecefToGeodetic, geodeticToEcef, type Vec3, DEG } from './ellipsoid';

/** Geodetic origin of a scene. */
export interface GeoOrigin {
  /** Longitude, degrees east. */
  lon: number;
  /** Latitude, degrees north. */
  lat: number;
  /** Height above the WGS84 ellipsoid, metres. */
  height: number;
}

/** Column-major 4×4 matrix. */
export type Mat4 = number[];

export interface SceneFrame {
  readonly origin: Readonly<GeoOrigin>;
  /** ECEF of the origin, metres. */
  readonly originEcef: Readonly<Vec3>;
  /** Maps ECEF (EPSG:4978) metres to scene-local metres. */
  readonly ecefToLocal: Readonly<Mat4>;
  /** Maps scene-local metres to ECEF (EPSG:4978) metres. */
  readonly localToEcef: Readonly<Mat4>;
  /** Geodetic (degrees, metres above ellipsoid) to scene-local `[x, y, z]` metres. */
  toLocal(lon: number, lat: number, height: number, out?: Vec3): Vec3;
  /** Scene-local metres to geodetic `[lon, lat, height]` (degrees, metres above ellipsoid). */
  toGeodetic(x: number, y: number, z: number, out?: Vec3): Vec3;
  /** ECEF metres to scene-local metres. */
  ecefToLocalPoint(x: number, y: number, z: number, out?: Vec3): Vec3;
  /** Scene-local metres to ECEF metres. */
  localToEcefPoint(x: number, y: number, z: number, out?: Vec3): Vec3;
}

/**
 * East, north and up unit vectors (in ECEF) at a geodetic position.
 * Same as the columns of CesiumJS's `Transforms.eastNorthUpToFixedFrame`.
 */
export function enuAxes(lonDeg: number, latDeg: number): { east: Vec3; north: Vec3; up: Vec3 } {
  const lon = lonDeg * DEG;
  const lat = latDeg * DEG;
  const sLon = Math.sin(lon);
  const cLon = Math.cos(lon);
  const sLat = Math.sin(lat);
  const cLat = Math.cos(lat);
  return {
    east: [-sLon, cLon, 0],
    north: [-sLat * cLon, -sLat * sLon, cLat],
    up: [cLat * cLon, cLat * sLon, sLat],
  };
}

/**
 * East-north-up to ECEF transform at a geodetic position (column-major), identical in
 * meaning to CesiumJS's `Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(...))`.
 */
export function eastNorthUpToEcef(origin: GeoOrigin): Mat4 {
  const { east, north, up } = enuAxes(origin.lon, origin.lat);
  const o = geodeticToEcef(origin.lon, origin.lat, origin.height);
  return [east[0], east[1], east[2], 0, north[0], north[1], north[2], 0, up[0], up[1], up[2], 0, o[0], o[1], o[2], 1];
}

function transformPoint(m: Readonly<Mat4>, x: number, y: number, z: number, out: Vec3): Vec3 {
  const rx = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
  const ry = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
  const rz = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
  out[0] = rx;
  out[1] = ry;
  out[2] = rz;
  return out;
}

const scratch: Vec3 = [0, 0, 0];

/** Builds the scene frame (east-up-south) at a geodetic origin. */
export function createSceneFrame(origin: GeoOrigin): SceneFrame {
  const { east, north, up } = enuAxes(origin.lon, origin.lat);
  const o = geodeticToEcef(origin.lon, origin.lat, origin.height);
  // columns: local x → east, local y → up, local z → south (−north)
  const localToEcef: Mat4 = [
    east[0], east[1], east[2], 0,
    up[0], up[1], up[2], 0,
    -north[0], -north[1], -north[2], 0,
    o[0], o[1], o[2], 1,
  ];
  // inverse of a rigid transform: Rᵀ, −Rᵀ·t
  const rows = [east, up, [-north[0], -north[1], -north[2]] as Vec3];
  const t = rows.map((r) => -(r[0] * o[0] + r[1] * o[1] + r[2] * o[2]));
  const ecefToLocal: Mat4 = [
    rows[0]![0], rows[1]![0], rows[2]![0], 0,
    rows[0]![1], rows[1]![1], rows[2]![1], 0,
    rows[0]![2], rows[1]![2], rows[2]![2], 0,
    t[0]!, t[1]!, t[2]!, 1,
  ];
  const frozenOrigin = Object.freeze({ ...origin });
  return {
    origin: frozenOrigin,
    originEcef: o,
    ecefToLocal,
    localToEcef,
    toLocal(lon, lat, height, out = [0, 0, 0]) {
      geodeticToEcef(lon, lat, height, scratch);
      return transformPoint(ecefToLocal, scratch[0], scratch[1], scratch[2], out);
    },
    toGeodetic(x, y, z, out = [0, 0, 0]) {
      transformPoint(localToEcef, x, y, z, scratch);
      return ecefToGeodetic(scratch[0], scratch[1], scratch[2], out);
    },
    ecefToLocalPoint(x, y, z, out = [0, 0, 0]) {
      return transformPoint(ecefToLocal, x, y, z, out);
    },
    localToEcefPoint(x, y, z, out = [0, 0, 0]) {
      return transformPoint(localToEcef, x, y, z, out);
    },
  };
}
