/**
 * The CRS record type and the built-in definitions: WGS84 (EPSG:4326, EPSG:4978),
 * SWEREF 99 TM (EPSG:3006), the twelve SWEREF 99 local zones (EPSG:3007–3018),
 * RH 2000 height (EPSG:5613) and Web Mercator (EPSG:3857, the CRS of web map tiles).
 *
 * Axis order: `axisOrder` records the order the *authority* (EPSG) defines. SWEREF 99
 * projections are officially (northing, easting) and EPSG:4326 is officially (latitude,
 * longitude). This project's code, GeoJSON and proj4 all use (easting, northing) and
 * (longitude, latitude) instead: every function in src/geo takes x = easting/longitude
 * first, whatever `axisOrder` says. Data read from WFS/GML or other authority-ordered
 * sources must be swapped before use; `bounds` helps detect that from value ranges.
 *
 * SWEREF 99 is the Swedish realisation of ETRS89 on the GRS80 ellipsoid. It agrees with
 * WGS84 to a few decimetres at most (ETRF/ITRF drift), far below what this viewer
 * resolves, so the definitions use `+towgs84=0,0,0,0,0,0,0`, as EPSG and Lantmäteriet
 * treat it for mapping.
 */

export type CrsKind = 'geographic' | 'geocentric' | 'projected' | 'vertical';

export type CrsUnits = 'degree' | 'metre';

/**
 * Axis order as the authority defines it:
 * - `east-north`, `north-east`: projected (easting, northing) or (northing, easting)
 * - `lon-lat`, `lat-lon`: geographic
 * - `xyz`: geocentric X, Y, Z
 * - `up`: a vertical (height) CRS
 */
export type CrsAxisOrder = 'east-north' | 'north-east' | 'lon-lat' | 'lat-lon' | 'xyz' | 'up';

/** A longitude/latitude box, degrees (WGS84 ≈ SWEREF 99). */
export interface GeographicBounds {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** An easting/northing box in the CRS's own units (metres). */
export interface ProjectedBounds {
  readonly minEasting: number;
  readonly maxEasting: number;
  readonly minNorthing: number;
  readonly maxNorthing: number;
}

/**
 * Area of validity. `geographic` is EPSG's area of use; `projected` (projected CRSs only)
 * is that area's easting/northing range, rounded outwards to whole kilometres. A coordinate
 * pair that falls outside `projected` but inside it when swapped is almost surely in
 * (northing, easting) order.
 */
export interface CrsBounds {
  readonly geographic: GeographicBounds;
  readonly projected?: ProjectedBounds;
}

/** One coordinate reference system in the registry. */
export interface CrsDefinition {
  /** Canonical code, `AUTHORITY:code`, e.g. `'EPSG:3006'`. */
  readonly code: string;
  /** Human-readable name, e.g. `'SWEREF 99 TM'`. */
  readonly name: string;
  readonly kind: CrsKind;
  /** Unit of the horizontal axes (geographic: degree), or of the axis (vertical, geocentric: metre). */
  readonly units: CrsUnits;
  /** proj4 definition; required for geographic and projected CRSs, absent for vertical ones. */
  readonly proj4?: string;
  /** The authority's axis order (see the module note: our API is always east/lon first). */
  readonly axisOrder: CrsAxisOrder;
  readonly bounds?: CrsBounds;
  /**
   * Compound CRSs only (a horizontal CRS + a height system, e.g. EPSG:7415 = RD New + NAP height):
   * the horizontal component's code. A compound definition is registered as `projected` with that
   * component's proj4, so `getConverter` converts its x/y; its heights are NOT ellipsoidal and
   * must be converted with `vertical` (see ./vertical.ts).
   */
  readonly horizontal?: string;
  /** Compound CRSs only: the vertical component's code (e.g. `'EPSG:5709'`, NAP height). */
  readonly vertical?: string;
  /** How well the proj4 definition's datum shift to WGS84 is known, in words (e.g. `'about 1 m'`). */
  readonly accuracy?: string;
}

/** Sweden's extent as EPSG gives it for SWEREF 99 and RH 2000 (degrees). */
const SWEDEN: GeographicBounds = { west: 10.03, south: 54.96, east: 24.17, north: 69.07 };

const WORLD: GeographicBounds = { west: -180, south: -90, east: 180, north: 90 };

function swerefZone(
  code: number,
  name: string,
  centralMeridian: number,
  geographic: [west: number, south: number, east: number, north: number],
  projected: [minE: number, maxE: number, minN: number, maxN: number],
): CrsDefinition {
  const [west, south, east, north] = geographic;
  const [minEasting, maxEasting, minNorthing, maxNorthing] = projected;
  return {
    code: `EPSG:${code}`,
    name,
    kind: 'projected',
    units: 'metre',
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`,
    axisOrder: 'north-east',
    bounds: {
      geographic: { west, south, east, north },
      projected: { minEasting, maxEasting, minNorthing, maxNorthing },
    },
  };
}

/**
 * Built-in definitions. Geographic bounds are EPSG's areas of use (PROJ 9.1 proj.db);
 * projected bounds were computed by projecting the edges of those areas with PROJ cs2cs.
 */
export const BUILTIN_CRS: readonly CrsDefinition[] = [
  {
    code: 'EPSG:4326',
    name: 'WGS 84',
    kind: 'geographic',
    units: 'degree',
    proj4: '+proj=longlat +datum=WGS84 +no_defs',
    axisOrder: 'lat-lon',
    bounds: { geographic: WORLD },
  },
  {
    code: 'EPSG:4978',
    name: 'WGS 84 (geocentric, ECEF)',
    kind: 'geocentric',
    units: 'metre',
    proj4: '+proj=geocent +datum=WGS84 +units=m +no_defs',
    axisOrder: 'xyz',
    bounds: { geographic: WORLD },
  },
  {
    code: 'EPSG:3006',
    name: 'SWEREF 99 TM',
    kind: 'projected',
    units: 'metre',
    proj4: '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    axisOrder: 'north-east',
    bounds: {
      geographic: SWEDEN,
      projected: { minEasting: 181000, maxEasting: 1087000, minNorthing: 6090000, maxNorthing: 7690000 },
    },
  },
  swerefZone(3007, 'SWEREF 99 12 00', 12, [10.93, 56.74, 13.11, 60.13], [84000, 218000, 6290000, 6670000]),
  swerefZone(3008, 'SWEREF 99 13 30', 13.5, [12.12, 55.28, 14.79, 62.28], [62000, 232000, 6128000, 6909000]),
  swerefZone(3009, 'SWEREF 99 15 00', 15, [13.54, 55.95, 16.15, 61.62], [58000, 222000, 6202000, 6836000]),
  swerefZone(3010, 'SWEREF 99 16 30', 16.5, [15.41, 56.15, 17.63, 62.26], [82000, 221000, 6225000, 6907000]),
  swerefZone(3011, 'SWEREF 99 18 00', 18, [17.08, 58.66, 19.61, 60.7], [96000, 244000, 6504000, 6734000]),
  swerefZone(3012, 'SWEREF 99 14 15', 14.25, [11.93, 61.55, 15.55, 64.39], [26000, 220000, 6826000, 7146000]),
  swerefZone(3013, 'SWEREF 99 15 45', 15.75, [13.66, 60.44, 17.01, 65.13], [34000, 220000, 6703000, 7228000]),
  swerefZone(3014, 'SWEREF 99 17 15', 17.25, [14.31, 62.12, 19.04, 67.19], [-4000, 244000, 6890000, 7459000]),
  swerefZone(3015, 'SWEREF 99 18 45', 18.75, [17.18, 56.86, 20.22, 66.17], [54000, 240000, 6304000, 7343000]),
  swerefZone(3016, 'SWEREF 99 20 15', 20.25, [16.08, 63.45, 23.28, 69.07], [-58000, 302000, 7038000, 7671000]),
  swerefZone(3017, 'SWEREF 99 21 45', 21.75, [19.63, 65.01, 22.91, 66.43], [50000, 205000, 7212000, 7373000]),
  swerefZone(3018, 'SWEREF 99 23 15', 23.25, [21.85, 65.49, 24.17, 68.14], [85000, 193000, 7265000, 7563000]),
  {
    code: 'EPSG:5613',
    name: 'RH 2000 height',
    kind: 'vertical',
    units: 'metre',
    axisOrder: 'up',
    bounds: { geographic: SWEDEN },
  },
  {
    // a Mercator projection of WGS84 coordinates on a sphere of radius 6 378 137 m (not conformal
    // on the ellipsoid); `+nadgrids=@null` keeps the datum untouched, as EPSG defines it
    code: 'EPSG:3857',
    name: 'WGS 84 / Pseudo-Mercator',
    kind: 'projected',
    units: 'metre',
    proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
    axisOrder: 'east-north',
    bounds: {
      geographic: { west: -180, south: -85.06, east: 180, north: 85.06 },
      projected: { minEasting: -20037509, maxEasting: 20037509, minNorthing: -20048967, maxNorthing: 20048967 },
    },
  },
];
