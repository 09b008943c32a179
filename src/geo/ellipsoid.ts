/**
 * WGS84 / GRS80 ellipsoid maths: geodetic ⇄ ECEF (EPSG:4326 ⇄ EPSG:4978).
 *
 * SWEREF 99 uses GRS80, whose semi-minor axis differs from WGS84's by 0.1 mm;
 * at the precision we care about (1 cm) both share these constants.
 * No three.js here: vectors are plain `[x, y, z]` tuples in metres.
 */

/** Semi-major axis, metres. */
export const WGS84_A = 6378137.0;
/** Flattening. */
export const WGS84_F = 1 / 298.257223563;
/** Semi-minor axis, metres. */
export const WGS84_B = WGS84_A * (1 - WGS84_F);
/** First eccentricity squared. */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);

export type Vec3 = [number, number, number];

export const DEG = Math.PI / 180;

/**
 * Geodetic position to ECEF (EPSG:4978).
 * @param lonDeg longitude, degrees east
 * @param latDeg latitude, degrees north
 * @param height height above the ellipsoid, metres
 * @returns ECEF `[x, y, z]`, metres
 */
export function geodeticToEcef(lonDeg: number, latDeg: number, height: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const lon = lonDeg * DEG;
  const lat = latDeg * DEG;
  const sinLat = Math.sin(lat);
  const cosLat = Math.cos(lat);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  out[0] = (n + height) * cosLat * Math.cos(lon);
  out[1] = (n + height) * cosLat * Math.sin(lon);
  out[2] = (n * (1 - WGS84_E2) + height) * sinLat;
  return out;
}

/**
 * ECEF (EPSG:4978) to geodetic, by Bowring's method with two refinements
 * (sub-millimetre from the centre of the Earth to GEO orbit).
 * @returns `[lonDeg, latDeg, heightMetres]`
 */
export function ecefToGeodetic(x: number, y: number, z: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const p = Math.hypot(x, y);
  const lon = Math.atan2(y, x);
  if (p < 1e-9) {
    out[0] = 0;
    out[1] = z >= 0 ? 90 : -90;
    out[2] = Math.abs(z) - WGS84_B;
    return out;
  }
  const ep2 = (WGS84_A * WGS84_A - WGS84_B * WGS84_B) / (WGS84_B * WGS84_B);
  let beta = Math.atan2(z * WGS84_A, p * WGS84_B);
  let lat = 0;
  for (let i = 0; i < 3; i++) {
    const sb = Math.sin(beta);
    const cb = Math.cos(beta);
    lat = Math.atan2(z + ep2 * WGS84_B * sb * sb * sb, p - WGS84_E2 * WGS84_A * cb * cb * cb);
    beta = Math.atan2((1 - WGS84_F) * Math.sin(lat), Math.cos(lat));
  }
  const sinLat = Math.sin(lat);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  const height = p * Math.cos(lat) + (z + WGS84_E2 * n * sinLat) * sinLat - n;
  out[0] = lon / DEG;
  out[1] = lat / DEG;
  out[2] = height;
  return out;
}

/**
 * Unit surface normal of the ellipsoid (geodetic "up") at a geodetic position, in ECEF.
 */
export function geodeticNormal(lonDeg: number, latDeg: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const lon = lonDeg * DEG;
  const lat = latDeg * DEG;
  out[0] = Math.cos(lat) * Math.cos(lon);
  out[1] = Math.cos(lat) * Math.sin(lon);
  out[2] = Math.sin(lat);
  return out;
}
