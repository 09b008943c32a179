/**
 * A small regional geoid grid around Härnösand, taken from the EGM96 global geoid.
 *
 * It is NOT SWEN17_RH2000, so its absolute level is uncertain by about ±0.5 m (see
 * `GEOID_APPROXIMATION_NOTE`), but it follows the geoid's east–west slope of about 6–8 cm
 * per km here, which the single constant `HARNOSAND_GEOID_HEIGHT` ignores (±1.5 m of error
 * 20 km from the centre). Prefer it over the constant for data spread across the municipality.
 *
 * Source: EGM96 geoid heights (metres above WGS84) at the nodes of PROJ's `egm96_15.gtx`
 * (15′ grid, Debian proj-data), read with `cct +proj=vgridshift +grids=egm96_15.gtx`; see
 * test/fixtures/geo/generate-egm96.py. PROJ interpolates that grid bilinearly too, so this
 * model reproduces PROJ's EGM96 geoid heights inside the box.
 */
import type { GeoidGrid } from './geoid-grid';
import { createGeoidModel, type GeoidModel } from './heights';

/** EGM96 geoid heights, 62.00–63.25°N × 16.50–19.50°E, 0.25° steps, row-major from the south-west. Metres. */
export const HARNOSAND_EGM96_GRID: GeoidGrid = Object.freeze({
  lat0: 62.0,
  lon0: 16.5,
  dLat: 0.25,
  dLon: 0.25,
  rows: 6,
  cols: 13,
  values: Object.freeze([
    28.4631, 27.5796, 26.6455, 25.7066, 24.8212, 24.0462, 23.4218, 22.96, 22.6412, 22.4193, 22.2348, 22.03, 21.7637,
    28.7808, 27.9623, 27.049, 26.0808, 25.1217, 24.2441, 23.5086, 22.9467, 22.553, 22.2873, 22.0888, 21.8938, 21.654,
    29.1238, 28.4101, 27.5749, 26.6456, 25.6785, 24.7437, 23.9062, 23.2073, 22.6547, 22.224, 21.8704, 21.5447, 21.2107,
    29.4542, 28.8226, 28.072, 27.2191, 26.3045, 25.3821, 24.5036, 23.705, 22.9988, 22.3752, 21.8107, 21.281, 20.7722,
    29.7762, 29.1953, 28.5166, 27.7527, 26.9294, 26.0793, 25.2332, 24.4127, 23.6271, 22.8746, 22.149, 21.4474, 20.7755,
    30.073, 29.5591, 28.9717, 28.3213, 27.6216, 26.8868, 26.1295, 25.3583, 24.578, 23.7919, 23.0045, 22.2252, 21.4694,
  ]),
});

/**
 * Geoid model for the Härnösand region from `HARNOSAND_EGM96_GRID`; throws a RangeError
 * outside 62.00–63.25°N, 16.50–19.50°E.
 */
export const HARNOSAND_REGIONAL_GEOID: GeoidModel = createGeoidModel({
  grid: HARNOSAND_EGM96_GRID,
  description:
    'EGM96 geoid heights around Härnösand (15′ grid, bilinear). Follows the local slope of the geoid, ' +
    'but its level is not SWEN17_RH2000: allow about ±0.5 m.',
});
