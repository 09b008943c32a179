/**
 * Whether a raster lies where the scene is. A map hundreds of kilometres away is almost always
 * a mistake: most often bounds written latitude first ([south, west, north, east]), which
 * this names when swapping them would put the map at the scene.
 */
import { DEG, WGS84_A, type GeoOrigin } from '../../geo';
import type { RadianBox } from './radian-box';

/** Farther than this from the origin, a raster is not where the scene is, metres. */
export const FAR_FROM_SCENE = 300_000;

/** Great-circle distance on a sphere of the WGS84 radius, metres (degrees in). */
function distance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * DEG;
  const p2 = lat2 * DEG;
  const a = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(((lon2 - lon1) * DEG) / 2) ** 2;
  return 2 * WGS84_A * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface PlacementCheck {
  /** The layer cannot be right (its bounds are written latitude first). */
  error: string | null;
  warnings: string[];
}

/**
 * Checks content `bounds` (radians) against the scene `origin`; `declared` are the layer's own
 * `bounds` ([west, south, east, north], degrees), when it gave them.
 */
export function checkPlacement(bounds: RadianBox, origin: GeoOrigin, declared?: readonly [number, number, number, number]): PlacementCheck {
  const lon = (bounds[0] + bounds[2]) / 2 / DEG;
  const lat = (bounds[1] + bounds[3]) / 2 / DEG;
  const away = distance(lon, lat, origin.lon, origin.lat);
  if (away <= FAR_FROM_SCENE) return { error: null, warnings: [] };
  const km = Math.round(away / 1000);
  if (declared) {
    const [w, s, e, n] = declared;
    const swapped = distance((s + n) / 2, (w + e) / 2, origin.lon, origin.lat);
    if (swapped <= FAR_FROM_SCENE && Math.abs(w) <= 90 && Math.abs(e) <= 90) {
      return {
        error: `"bounds" look like [south, west, north, east] (latitude first): as written they put the map ${km} km from the scene; [${s}, ${w}, ${n}, ${e}] would put it here`,
        warnings: [],
      };
    }
  }
  return { error: null, warnings: [`The map lies ${km} km from the scene’s origin, so it is not seen here.`] };
}
