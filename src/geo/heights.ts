/**
 * RH 2000 (EPSG:5613) heights ⇄ ellipsoidal heights (GRS80 ≈ WGS84), by h = H + N.
 *
 * H is the RH 2000 (normal) height "above sea level", h the height above the ellipsoid
 * that ECEF and the scene frame use, and N the geoid height (strictly the height anomaly
 * of Lantmäteriet's SWEN17_RH2000 model) at the point. All in metres.
 *
 * There is no SWEN17_RH2000 grid on this platform (Debian's proj-data lacks it), so the
 * default model is a single constant for Härnösand; see `GEOID_APPROXIMATION_NOTE` for
 * what that costs. A real grid (e.g. SWEN17_RH2000 resampled to a `GeoidGrid`) can be
 * plugged in with `createGeoidModel({ grid })`.
 */
import { bilinearSampler, type GeoidGrid, type OutsideGrid } from './geoid-grid';

export type { GeoidGrid, OutsideGrid } from './geoid-grid';

/** A geoid model: the geoid height N at a position. */
export interface GeoidModel {
  /** Where the numbers come from and how good they are. */
  readonly description: string;
  /**
   * Geoid height N (RH 2000 zero surface above the GRS80 ellipsoid), metres.
   * @param lon longitude, degrees east
   * @param lat latitude, degrees north
   */
  geoidHeight(lon: number, lat: number): number;
}

/**
 * Geoid height used for Härnösand, metres: N ≈ 24.4 m at the town centre (17.9379°E,
 * 62.6323°N). Source: the EGM96 global geoid (PROJ's egm96_15 grid, as shipped in Debian's
 * proj-data) gives 24.44 m there; it is not a SWEN17_RH2000 value. See `GEOID_APPROXIMATION_NOTE`.
 */
export const HARNOSAND_GEOID_HEIGHT = 24.4;

/**
 * The error statement for the constant-geoid approximation, fit to show in a README or UI.
 *
 * Basis: EGM96 (egm96_15 grid) sampled around Härnösand and across Sweden, compared
 * with Lantmäteriet's published SWEN17_RH2000 control points (N = 36.925 m at 59.057°N
 * 11.218°E, where EGM96 gives 37.23 m; N = 33.740 m at 60.386°N 12.618°E, EGM96 33.67 m).
 */
export const GEOID_APPROXIMATION_NOTE =
  'Heights in RH 2000 are turned into ellipsoidal heights with one constant geoid height, ' +
  `N = ${HARNOSAND_GEOID_HEIGHT} m (h = H + N), instead of Lantmäteriet's SWEN17_RH2000 model, which is not available here. ` +
  'The value is the EGM96 global geoid at Härnösand\'s centre (24.44 m). EGM96 is within about 0.3 m of ' +
  'SWEN17_RH2000 at two control points Lantmäteriet publishes (western Sweden), but this is unverified at ' +
  'Härnösand: allow ±0.5 m at the centre. ' +
  'The geoid also slopes by about 6–8 cm per km around Härnösand, falling towards the sea in the east ' +
  '(EGM96: about 25.8 m 20 km west of the centre, 23.3 m 20 km east), so a constant adds up to about ±0.4 m ' +
  'of error within 5 km and ±1.5 m within 20 km (the regional EGM96 grid model follows that slope). Across Sweden the geoid height ranges from about 20 m ' +
  '(Haparanda, northern Gulf of Bothnia) to about 37 m (northern Bohuslän), so the constant is wrong by up ' +
  'to 13 m elsewhere. Use a SWEN17_RH2000 grid where heights must be right to better than a metre.';

/**
 * A model with the same geoid height everywhere.
 * @param n geoid height, metres
 * @param description its source and accuracy
 */
export function constantGeoid(n: number, description: string): GeoidModel {
  if (!Number.isFinite(n)) throw new TypeError(`Constant geoid height must be finite, got ${n}`);
  return Object.freeze({ description, geoidHeight: () => n });
}

/** The default model for Härnösand: `HARNOSAND_GEOID_HEIGHT` everywhere. */
export const HARNOSAND_GEOID: GeoidModel = constantGeoid(HARNOSAND_GEOID_HEIGHT, GEOID_APPROXIMATION_NOTE);

/** Options of `createGeoidModel`. */
export interface CreateGeoidModelOptions {
  /** Regular lat/lon grid of geoid heights in metres. */
  grid: GeoidGrid;
  /** Source and accuracy of the grid. */
  description?: string;
  /** What to do outside the grid (default `'throw'`, a RangeError). */
  outside?: OutsideGrid;
}

/** A geoid model that interpolates a regular grid bilinearly (as Lantmäteriet and PROJ do). */
export function createGeoidModel(options: CreateGeoidModelOptions): GeoidModel {
  const sample = bilinearSampler(options.grid, options.outside ?? 'throw');
  return Object.freeze({
    description: options.description ?? 'Geoid heights interpolated bilinearly from a lat/lon grid',
    geoidHeight: (lon: number, lat: number) => sample(lon, lat),
  });
}

/**
 * RH 2000 height to ellipsoidal height: h = H + N.
 * @param lon longitude, degrees east
 * @param lat latitude, degrees north
 * @param height RH 2000 height H, metres
 * @returns ellipsoidal height h, metres
 */
export function rh2000ToEllipsoidal(model: GeoidModel, lon: number, lat: number, height: number): number {
  return height + model.geoidHeight(lon, lat);
}

/**
 * Ellipsoidal height to RH 2000 height: H = h − N.
 * @param lon longitude, degrees east
 * @param lat latitude, degrees north
 * @param height ellipsoidal height h, metres
 * @returns RH 2000 height H, metres
 */
export function ellipsoidalToRh2000(model: GeoidModel, lon: number, lat: number, height: number): number {
  return height - model.geoidHeight(lon, lat);
}
