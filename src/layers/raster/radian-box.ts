/** The square of the raster ground around the scene origin, and boxes of longitude/latitude (radians). */
import { DEG, WGS84_A, type GeoOrigin } from '../../geo';

/** [west, south, east, north], radians. */
export type RadianBox = [number, number, number, number];

/** Half the side of the raster ground's square, metres: as far as the ground plane reaches. */
export const GROUND_RADIUS = 40_000;

/** The box (radians) `radius` metres around `origin`, on a sphere of the WGS84 radius. */
export function boxAround(origin: GeoOrigin, radius: number): RadianBox {
  const dLat = radius / WGS84_A;
  const dLon = radius / (WGS84_A * Math.cos(origin.lat * DEG));
  return [origin.lon * DEG - dLon, origin.lat * DEG - dLat, origin.lon * DEG + dLon, origin.lat * DEG + dLat];
}

/** The intersection of two boxes, or `null` when they do not meet. */
export function intersectBoxes(a: RadianBox, b: RadianBox): RadianBox | null {
  const out: RadianBox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return out[0] < out[2] && out[1] < out[3] ? out : null;
}
