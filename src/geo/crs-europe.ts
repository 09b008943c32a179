/**
 * More CRSs for real city models: the Netherlands (RD New, NAP), Switzerland (LV95, LV03, LN02,
 * LHN95) and the EPSG compound codes that pair SWEREF 99 with RH 2000. Registered when this module
 * is imported (the `src/geo` barrel does), after the built-ins of ./crs-definitions.
 *
 * Datum shifts (proj4 `+towgs84`, position-vector convention, as proj4js applies them):
 * - **EPSG:28992 Amersfoort / RD New**: the 7-parameter Helmert of EPSG's "Amersfoort to WGS 84 (4)"
 *   (PROJ 9.1 picks it when the RDNAPTRANS grids are absent), with PROJ's coordinate-frame rotations
 *   negated for proj4's position-vector convention. EPSG states its accuracy as **1 m**; at the RD
 *   origin it lands 0.3 m from RDNAPTRANS™2018's ETRS89 position. The official RDNAPTRANS™ adds a
 *   correction grid (up to 0.25 m) that is not used here.
 * - **EPSG:2056 CH1903+ / LV95** and **EPSG:21781 CH1903 / LV03**: the 3-parameter shift of
 *   "CH1903+ to WGS 84 (1)" (accuracy **1 m** per EPSG) and "CH1903 to WGS 84 (2)" (**1.5 m**; LV03
 *   also carries the up-to-1.5 m distortions that swisstopo's CHENyx06 grid would remove).
 * - WGS84 itself is treated as ETRS89 (they drift apart by about 2.5 cm a year, now ~0.9 m), so
 *   "about 1 m" is the honest figure for both countries.
 *
 * Heights: NAP (EPSG:5709), LN02 (EPSG:5728), LHN95 (EPSG:5729) are gravity-related (roughly
 * orthometric) heights; ./vertical.ts turns them into ellipsoidal heights with a coarse EGM96 geoid.
 *
 * Compound codes (EPSG:7415 = RD New + NAP; EPSG:5845–5857 = SWEREF 99 TM / local zones + RH 2000)
 * are registered as `projected` with their horizontal component's proj4 and `horizontal`/`vertical`
 * naming the components (see `CrsDefinition`).
 */
import { registerCrs } from './crs';
import { BUILTIN_CRS, type CrsDefinition, type GeographicBounds } from './crs-definitions';

/** EPSG's area of use of RD New / NAP (onshore Netherlands), degrees. */
const NETHERLANDS: GeographicBounds = { west: 3.2, south: 50.75, east: 7.22, north: 53.7 };
/** EPSG's area of use of NAP height (including the Dutch North Sea), degrees. */
const NETHERLANDS_NAP: GeographicBounds = { west: 2.53, south: 50.75, east: 7.22, north: 55.77 };
/** EPSG's area of use of the Swiss CRSs: Switzerland and Liechtenstein, degrees. */
const SWITZERLAND: GeographicBounds = { west: 5.96, south: 45.82, east: 10.49, north: 47.81 };

export const RD_NEW_PROJ4 =
  '+proj=sterea +lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel ' +
  '+towgs84=565.4171,50.3319,465.5524,-0.398957388243134,0.343987817378283,-1.87740163998045,4.0725 +units=m +no_defs';

export const LV95_PROJ4 =
  '+proj=somerc +lat_0=46.9524055555556 +lon_0=7.43958333333333 +k_0=1 +x_0=2600000 +y_0=1200000 +ellps=bessel ' +
  '+towgs84=674.374,15.056,405.346,0,0,0,0 +units=m +no_defs';

export const LV03_PROJ4 =
  '+proj=somerc +lat_0=46.9524055555556 +lon_0=7.43958333333333 +k_0=1 +x_0=600000 +y_0=200000 +ellps=bessel ' +
  '+towgs84=674.374,15.056,405.346,0,0,0,0 +units=m +no_defs';

const RD_ACCURACY =
  'about 1 m: EPSG\'s 7-parameter "Amersfoort to WGS 84 (4)" without the RDNAPTRANS correction grid (0.3 m off at the RD origin)';
const LV95_ACCURACY = 'about 1 m: EPSG\'s 3-parameter "CH1903+ to WGS 84 (1)"';
const LV03_ACCURACY = 'about 1.5 m: EPSG\'s 3-parameter "CH1903 to WGS 84 (2)", without the CHENyx06 distortion grid';

const RD_NEW: CrsDefinition = {
  code: 'EPSG:28992',
  name: 'Amersfoort / RD New',
  kind: 'projected',
  units: 'metre',
  proj4: RD_NEW_PROJ4,
  axisOrder: 'east-north',
  accuracy: RD_ACCURACY,
  bounds: {
    geographic: NETHERLANDS,
    // the area of use's edges projected with PROJ cs2cs, rounded outwards to whole kilometres
    projected: { minEasting: 0, maxEasting: 285000, minNorthing: 306000, maxNorthing: 638000 },
  },
};

const LV95: CrsDefinition = {
  code: 'EPSG:2056',
  name: 'CH1903+ / LV95',
  kind: 'projected',
  units: 'metre',
  proj4: LV95_PROJ4,
  axisOrder: 'east-north',
  accuracy: LV95_ACCURACY,
  bounds: {
    geographic: SWITZERLAND,
    projected: { minEasting: 2485000, maxEasting: 2838000, minNorthing: 1074000, maxNorthing: 1300000 },
  },
};

const LV03: CrsDefinition = {
  code: 'EPSG:21781',
  name: 'CH1903 / LV03',
  kind: 'projected',
  units: 'metre',
  proj4: LV03_PROJ4,
  axisOrder: 'east-north',
  accuracy: LV03_ACCURACY,
  bounds: {
    geographic: SWITZERLAND,
    projected: { minEasting: 485000, maxEasting: 838000, minNorthing: 74000, maxNorthing: 300000 },
  },
};

function vertical(code: number, name: string, geographic: GeographicBounds): CrsDefinition {
  return { code: `EPSG:${code}`, name, kind: 'vertical', units: 'metre', axisOrder: 'up', bounds: { geographic } };
}

function compound(code: number, name: string, horizontal: CrsDefinition, verticalCode: string): CrsDefinition {
  return {
    code: `EPSG:${code}`,
    name,
    kind: 'projected',
    units: 'metre',
    proj4: horizontal.proj4!,
    axisOrder: horizontal.axisOrder,
    ...(horizontal.bounds ? { bounds: horizontal.bounds } : {}),
    horizontal: horizontal.code,
    vertical: verticalCode,
    ...(horizontal.accuracy ? { accuracy: horizontal.accuracy } : {}),
  };
}

function builtin(code: string): CrsDefinition {
  const def = BUILTIN_CRS.find((d) => d.code === code);
  if (!def) throw new Error(`crs-europe: built-in ${code} is missing`);
  return def;
}

/** SWEREF 99 + RH 2000 compound codes (EPSG) and their horizontal components. */
const SWEREF_RH2000: [compound: number, horizontal: string][] = [
  [5845, 'EPSG:3006'],
  [5846, 'EPSG:3007'],
  [5847, 'EPSG:3008'],
  [5848, 'EPSG:3009'],
  [5849, 'EPSG:3010'],
  [5850, 'EPSG:3011'],
  [5851, 'EPSG:3012'],
  [5852, 'EPSG:3013'],
  [5853, 'EPSG:3014'],
  [5854, 'EPSG:3015'],
  [5855, 'EPSG:3016'],
  [5856, 'EPSG:3017'],
  [5857, 'EPSG:3018'],
];

/** The definitions this module registers, in order. */
export const EUROPE_CRS: readonly CrsDefinition[] = [
  RD_NEW,
  vertical(5709, 'NAP height', NETHERLANDS_NAP),
  compound(7415, 'Amersfoort / RD New + NAP height', RD_NEW, 'EPSG:5709'),
  LV95,
  LV03,
  vertical(5728, 'LN02 height', SWITZERLAND),
  vertical(5729, 'LHN95 height', SWITZERLAND),
  ...SWEREF_RH2000.map(([code, h]) => {
    const def = builtin(h);
    return compound(code, `${def.name.replace('SWEREF 99', 'SWEREF99')} + RH2000 height`, def, 'EPSG:5613');
  }),
];

/** Registers `EUROPE_CRS` (idempotent: registering an identical definition again is a no-op). */
export function registerEuropeCrs(): void {
  for (const def of EUROPE_CRS) registerCrs(def);
}

registerEuropeCrs();
