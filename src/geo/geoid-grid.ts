/**
 * A regular latitude/longitude grid of values (geoid heights, in practice) with bilinear
 * interpolation: the format of Lantmäteriet's SWEN17_RH2000 and of PROJ's GTX grids.
 */

/**
 * A regular grid, row-major: node (row `i`, column `j`) lies at latitude `lat0 + i·dLat`,
 * longitude `lon0 + j·dLon` (degrees) and holds `values[i·cols + j]`. Steps may be negative
 * (a north-up grid has `dLat < 0`). Missing nodes are `NaN`.
 */
export interface GeoidGrid {
  /** Latitude of row 0, degrees north. */
  readonly lat0: number;
  /** Longitude of column 0, degrees east. */
  readonly lon0: number;
  /** Latitude step between rows, degrees (non-zero). */
  readonly dLat: number;
  /** Longitude step between columns, degrees (non-zero). */
  readonly dLon: number;
  /** Number of rows (≥ 2). */
  readonly rows: number;
  /** Number of columns (≥ 2). */
  readonly cols: number;
  /** `rows · cols` values, row-major; metres for a geoid grid. */
  readonly values: Float32Array | Float64Array | readonly number[];
}

/** What sampling outside the grid does: throw a RangeError, return NaN, or use the nearest edge. */
export type OutsideGrid = 'throw' | 'nan' | 'clamp';

/** Grid edges are matched with this tolerance, in grid cells, so that float noise at an edge is inside. */
const EDGE_TOLERANCE = 1e-9;

/** Throws a TypeError unless the grid is well formed. */
export function validateGrid(grid: GeoidGrid): void {
  const { lat0, lon0, dLat, dLon, rows, cols, values } = grid;
  for (const [name, v] of [['lat0', lat0], ['lon0', lon0], ['dLat', dLat], ['dLon', dLon]] as const) {
    if (!Number.isFinite(v)) throw new TypeError(`Geoid grid: ${name} must be finite, got ${v}`);
  }
  if (dLat === 0 || dLon === 0) throw new TypeError('Geoid grid: dLat and dLon must be non-zero');
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 2 || cols < 2) {
    throw new TypeError(`Geoid grid: rows and cols must be integers ≥ 2, got ${rows}×${cols}`);
  }
  if (values.length !== rows * cols) {
    throw new TypeError(`Geoid grid: expected rows·cols = ${rows * cols} values, got ${values.length}`);
  }
}

/**
 * Returns a bilinear sampler of a grid.
 * @param grid the grid (validated here)
 * @param outside what to do outside the grid (default `'throw'`)
 * @returns `(lon, lat) => value`, degrees in, grid units (metres) out
 */
export function bilinearSampler(grid: GeoidGrid, outside: OutsideGrid = 'throw'): (lon: number, lat: number) => number {
  validateGrid(grid);
  const { lat0, lon0, dLat, dLon, rows, cols, values } = grid;
  const lastRow = rows - 1;
  const lastCol = cols - 1;
  return (lon, lat) => {
    let fi = (lat - lat0) / dLat;
    let fj = (lon - lon0) / dLon;
    const isOutside = !(fi >= -EDGE_TOLERANCE && fi <= lastRow + EDGE_TOLERANCE && fj >= -EDGE_TOLERANCE && fj <= lastCol + EDGE_TOLERANCE);
    if (isOutside) {
      if (outside === 'nan') return Number.NaN;
      if (outside === 'throw' || Number.isNaN(fi) || Number.isNaN(fj)) {
        throw new RangeError(`Geoid grid: (lon ${lon}, lat ${lat}) is outside the grid`);
      }
    }
    fi = Math.min(Math.max(fi, 0), lastRow);
    fj = Math.min(Math.max(fj, 0), lastCol);
    const i = Math.min(Math.floor(fi), lastRow - 1);
    const j = Math.min(Math.floor(fj), lastCol - 1);
    const ti = fi - i;
    const tj = fj - j;
    const v00 = values[i * cols + j]!;
    const v01 = values[i * cols + j + 1]!;
    const v10 = values[(i + 1) * cols + j]!;
    const v11 = values[(i + 1) * cols + j + 1]!;
    return (v00 * (1 - tj) + v01 * tj) * (1 - ti) + (v10 * (1 - tj) + v11 * tj) * ti;
  };
}
