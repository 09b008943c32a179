/**
 * Where the synthetic Härnösand demo sits on the globe. Dependency-free (no Node APIs) so
 * that the app can import the same numbers for its scene origin.
 */
import type { GeoOrigin } from '../../src/geo/frame';

/** Longitude of the demo origin, degrees east: Sambiblioteket, Härnösand. */
export const DEMO_ORIGIN_LON = 17.9379;
/** Latitude of the demo origin, degrees north. */
export const DEMO_ORIGIN_LAT = 62.6323;

/**
 * THE ground height of the demo, metres above the WGS84 ellipsoid (GRS80/SWEREF 99 alike).
 *
 * Terrain around Sambiblioteket lies about 5–10 m above RH 2000 (Swedish national height
 * system, ≈ mean sea level); the geoid (SWEN17_RH2000) lies about +22 m over the ellipsoid
 * there. So ground ≈ 6 m + 22 m ≈ 28 m ellipsoidal. All demo tilesets put their flat ground
 * at this height, and the app's scene origin must use this same value so that ground
 * meets y = 0 in the scene frame. Change it here only.
 */
export const DEMO_GROUND_HEIGHT = 28;

/** Geodetic origin of the demo (ground level at Sambiblioteket); the tilesets' ENU frame. */
export const DEMO_ORIGIN: Readonly<GeoOrigin> = Object.freeze({
  lon: DEMO_ORIGIN_LON,
  lat: DEMO_ORIGIN_LAT,
  height: DEMO_GROUND_HEIGHT,
});

/** Default PRNG seed of `npm run tools -- demo` (Härnösand got its town charter in 1585). */
export const DEFAULT_DEMO_SEED = 1585;
