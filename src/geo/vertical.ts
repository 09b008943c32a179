/**
 * Gravity-related heights (NAP, LN02, LHN95, RH 2000) to ellipsoidal heights, h = H + N, with a
 * coarse geoid: EGM96 on 0.25° grids (./geoid-egm96-regions.ts, generated from PROJ's egm96_15.gtx),
 * and the CRS plumbing to split a CRS into its horizontal and vertical parts.
 *
 * The national geoids (NLGEO2018 for NAP, CHGeo2004 for LN02/LHN95, SWEN17_RH2000) are not
 * available offline, so every model here states how far EGM96 may be from them (`description`).
 * These errors are a near-constant offset over a city (the geoid is smooth): buildings keep their
 * shapes and relative heights; only their absolute height above the ellipsoid is off.
 */
import './crs-europe';
import { getCrs, type CrsCode } from './crs';
import type { CrsDefinition } from './crs-definitions';
import { normaliseCrsCode } from './crs-code';
import { EGM96_NETHERLANDS_GRID, EGM96_SWEDEN_GRID, EGM96_SWITZERLAND_GRID } from './geoid-egm96-regions';
import { createGeoidModel, type GeoidModel } from './heights';

/** Accuracy of NAP heights turned ellipsoidal with EGM96. */
export const NAP_GEOID_NOTE =
  'NAP heights (EPSG:5709) are made ellipsoidal with the EGM96 global geoid (h = H + N, N ≈ 40–47 m over the ' +
  'Netherlands, 43.3 m at Amersfoort), not with NLGEO2018 (RDNAPTRANS™), which is not available here. EGM96 ' +
  'agrees with the Dutch quasi-geoid to a few decimetres; allow ±0.5 m, and up to about 1 m at the borders and ' +
  'offshore. The offset changes slowly (a few cm per km), so within a city it shifts everything alike.';

/** Accuracy of LN02 / LHN95 heights turned ellipsoidal with EGM96. */
export const SWISS_GEOID_NOTE =
  'Swiss heights (LN02, EPSG:5728; LHN95, EPSG:5729) are made ellipsoidal with the EGM96 global geoid (N ≈ 46–53 m ' +
  'over Switzerland, 47.3 m at Zurich), not with swisstopo\'s CHGeo2004. EGM96 differs from CHGeo2004 by ' +
  'decimetres on the Plateau and up to about 1 m in the Alps, and LN02 differs from LHN95 by up to 0.5 m; allow ±1 m.';

/** Accuracy of RH 2000 heights turned ellipsoidal with EGM96 (whole of Sweden). */
export const SWEDEN_GEOID_NOTE =
  'RH 2000 heights (EPSG:5613) are made ellipsoidal with the EGM96 global geoid on a 0.25° grid over Sweden ' +
  '(N ≈ 20–37 m), not with SWEN17_RH2000. EGM96 was within 0.3 m of SWEN17_RH2000 at two of Lantmäteriet\'s ' +
  'control points (western Sweden); allow ±0.5 m, more in the mountains.';

/** EGM96 over the Netherlands and its North Sea, for NAP heights. Throws outside 50.5–56°N, 2.5–7.5°E. */
export const NAP_EGM96_GEOID: GeoidModel = createGeoidModel({ grid: EGM96_NETHERLANDS_GRID, description: NAP_GEOID_NOTE });

/** EGM96 over Switzerland and Liechtenstein, for LN02 and LHN95 heights. Throws outside 45.5–48.25°N, 5.75–10.75°E. */
export const SWISS_EGM96_GEOID: GeoidModel = createGeoidModel({ grid: EGM96_SWITZERLAND_GRID, description: SWISS_GEOID_NOTE });

/** EGM96 over Sweden, for RH 2000 heights. Throws outside 54.75–69.5°N, 10–24.5°E. */
export const SWEDEN_EGM96_GEOID: GeoidModel = createGeoidModel({ grid: EGM96_SWEDEN_GRID, description: SWEDEN_GEOID_NOTE });

const GEOIDS: ReadonlyMap<string, GeoidModel> = new Map([
  ['EPSG:5709', NAP_EGM96_GEOID],
  ['EPSG:5728', SWISS_EGM96_GEOID],
  ['EPSG:5729', SWISS_EGM96_GEOID],
  ['EPSG:5613', SWEDEN_EGM96_GEOID],
]);

/** Vertical CRSs with a geoid model here. */
export function listVerticalCrsWithGeoid(): string[] {
  return [...GEOIDS.keys()];
}

/**
 * The geoid model for a vertical CRS.
 * @throws Error for a vertical CRS without one, naming those that have one
 */
export function geoidModelFor(verticalCode: CrsCode): GeoidModel {
  const code = normaliseCrsCode(verticalCode);
  const model = GEOIDS.get(code);
  if (!model) throw new Error(`No geoid model for heights in "${code}": known are ${listVerticalCrsWithGeoid().join(', ')}`);
  return model;
}

/**
 * The height system that national data in a horizontal CRS usually comes with, for files that name
 * only the horizontal CRS: RD New → NAP, LV95/LV03 → LN02 (swisstopo's and the cities' 3D models),
 * SWEREF 99 → RH 2000. `undefined` for others (heights are then taken as ellipsoidal).
 */
export function usualVerticalCrs(horizontalCode: CrsCode): string | undefined {
  const code = normaliseCrsCode(horizontalCode);
  if (code === 'EPSG:28992') return 'EPSG:5709';
  if (code === 'EPSG:2056' || code === 'EPSG:21781') return 'EPSG:5728';
  const n = /^EPSG:(\d+)$/.exec(code);
  if (n && Number(n[1]) >= 3006 && Number(n[1]) <= 3018) return 'EPSG:5613';
  return undefined;
}

/** A CRS split into its horizontal and (optional) vertical parts. */
export interface SplitCrs {
  /** The CRS as asked for (canonical code). */
  code: string;
  /** The horizontal (or geographic / projected) definition; its proj4 converts x/y. */
  horizontal: CrsDefinition;
  /** The height system, or null when heights are ellipsoidal or unknown. */
  vertical: CrsDefinition | null;
}

/**
 * Splits `'EPSG:7415'` (a registered compound), `'EPSG:28992+5709'` (PROJ's horizontal+vertical
 * notation) or a plain horizontal code into its parts.
 * @throws Error for unknown codes (listing the registered ones), a vertical CRS alone, or a
 *   "+" pair whose second part is not vertical
 */
export function splitCrs(code: CrsCode): SplitCrs {
  const text = typeof code === 'number' ? String(code) : code.trim();
  const plus = /^(.+?)\+(\d+)$/.exec(text);
  if (plus) {
    const horizontal = getCrs(plus[1]!);
    const vertical = getCrs(plus[2]!);
    if (vertical.kind !== 'vertical') throw new Error(`"${text}": ${vertical.code} (${vertical.name}) is not a vertical CRS`);
    if (horizontal.kind === 'vertical') throw new Error(`"${text}": ${horizontal.code} (${horizontal.name}) is a vertical CRS`);
    const h = horizontal.horizontal ? getCrs(horizontal.horizontal) : horizontal;
    return { code: `${h.code}+${vertical.code.slice('EPSG:'.length)}`, horizontal: h, vertical };
  }
  const def = getCrs(text);
  if (def.kind === 'vertical') throw new Error(`${def.code} (${def.name}) is a vertical CRS: it gives heights only, not positions`);
  if (def.vertical) {
    return { code: def.code, horizontal: def.horizontal ? getCrs(def.horizontal) : def, vertical: getCrs(def.vertical) };
  }
  return { code: def.code, horizontal: def, vertical: null };
}

/**
 * Gravity-related height H in `verticalCode` to ellipsoidal height h = H + N(lon, lat).
 * @throws Error without a geoid model for that CRS; RangeError outside the model's grid
 */
export function toEllipsoidalHeight(verticalCode: CrsCode, lon: number, lat: number, height: number): number {
  return height + geoidModelFor(verticalCode).geoidHeight(lon, lat);
}
