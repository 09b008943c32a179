/**
 * A projection from the geo registry for 3d-tiles-renderer's image overlays, which know only
 * Web Mercator and plate carrée by themselves. The overlay's normalized [0, 1]² space is laid
 * over a CRS by an affine map (a grid of WMS or WMTS tiles, or an image placed by its world
 * file), and proj4 converts between that CRS and longitude/latitude. Every vertex of the
 * ground gets its own texture coordinate through this, so a map in SWEREF 99 lands where its
 * coordinates say, grid convergence and scale included.
 */
import { ProjectionScheme } from '3d-tiles-renderer/src/three/plugins/images/utils/ProjectionScheme.js';
import { DEG, getConverter, type CrsConverter } from '../../geo';

/** x = ax·u + bx·v + cx, y = ay·u + by·v + cy: normalized (u, v) → CRS (x easting, y northing). */
export interface NormalizedToCrs {
  ax: number;
  bx: number;
  cx: number;
  ay: number;
  by: number;
  cy: number;
}

/** The affine map that puts the normalized square on the CRS box [minX, minY] – [maxX, maxY]. */
export function boxFrame(minX: number, minY: number, maxX: number, maxY: number): NormalizedToCrs {
  return { ax: maxX - minX, bx: 0, cx: minX, ay: 0, by: maxY - minY, cy: minY };
}

/** Samples per edge when a rectangle's image under the projection is bounded. */
const EDGE_SAMPLES = 8;

export class CrsGridProjection extends ProjectionScheme {
  /** Canonical code of the CRS, e.g. `EPSG:3006`. */
  readonly crs: string;
  readonly frame: Readonly<NormalizedToCrs>;
  private readonly toCrs: CrsConverter;
  private readonly det: number;
  private bounds: number[] | null = null;

  constructor(crs: string, frame: NormalizedToCrs) {
    super('none');
    this.toCrs = getConverter('EPSG:4326', crs);
    this.crs = this.toCrs.to;
    this.scheme = this.crs;
    this.frame = { ...frame };
    this.det = frame.ax * frame.by - frame.bx * frame.ay;
    if (Math.abs(this.det) < 1e-12) throw new Error('CrsGridProjection: the grid has no area');
  }

  override get isMercator(): boolean {
    return false;
  }

  override get isCartographic(): boolean {
    return true;
  }

  /** CRS (x, y) of a normalized point. */
  normalizedToCrs(u: number, v: number, target: number[] = [0, 0]): number[] {
    const f = this.frame;
    target[0] = f.ax * u + f.bx * v + f.cx;
    target[1] = f.ay * u + f.by * v + f.cy;
    return target;
  }

  /** Normalized (u, v) of a CRS point. */
  crsToNormalized(x: number, y: number, target: number[] = [0, 0]): number[] {
    const f = this.frame;
    const dx = x - f.cx;
    const dy = y - f.cy;
    target[0] = (f.by * dx - f.bx * dy) / this.det;
    target[1] = (-f.ay * dx + f.ax * dy) / this.det;
    return target;
  }

  override fromCartographicToNormalized(lon: number, lat: number, target: number[] = [0, 0]): number[] {
    const [x, y] = this.toCrs.forward(lon / DEG, lat / DEG);
    return this.crsToNormalized(x, y, target);
  }

  override fromNormalizedToCartographic(u: number, v: number, target: number[] = [0, 0]): number[] {
    this.normalizedToCrs(u, v, target);
    const [lon, lat] = this.toCrs.inverse(target[0]!, target[1]!);
    target[0] = lon * DEG;
    target[1] = lat * DEG;
    return target;
  }

  /** [west, south, east, north] in radians around the whole normalized square. */
  override getBounds(): number[] {
    this.bounds ??= this.fromNormalizedToCartographicRange([0, 0, 1, 1]);
    return [...this.bounds];
  }

  /** The normalized box around a longitude/latitude box (radians): its edges are sampled, since they map to curves. */
  override fromCartographicToNormalizedRange(range: readonly number[]): number[] {
    return boundEdges(range, (a, b, t) => this.fromCartographicToNormalized(a, b, t));
  }

  /** The longitude/latitude box (radians) around a normalized box. */
  override fromNormalizedToCartographicRange(range: readonly number[]): number[] {
    return boundEdges(range, (a, b, t) => this.fromNormalizedToCartographic(a, b, t));
  }

  override getProjectedExtents(): number[] {
    return [Math.hypot(this.frame.ax, this.frame.ay), Math.hypot(this.frame.bx, this.frame.by)];
  }
}

/** Bounding box of the image of a box's edges under `map`, sampled `EDGE_SAMPLES` times per edge. */
function boundEdges(range: readonly number[], map: (a: number, b: number, target: number[]) => number[]): number[] {
  const [x0, y0, x1, y1] = range as [number, number, number, number];
  const p = [0, 0];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (a: number, b: number) => {
    map(a, b, p);
    if (p[0]! < minX) minX = p[0]!;
    if (p[0]! > maxX) maxX = p[0]!;
    if (p[1]! < minY) minY = p[1]!;
    if (p[1]! > maxY) maxY = p[1]!;
  };
  for (let i = 0; i <= EDGE_SAMPLES; i++) {
    const t = i / EDGE_SAMPLES;
    const a = x0 + (x1 - x0) * t;
    const b = y0 + (y1 - y0) * t;
    visit(a, y0);
    visit(a, y1);
    visit(x0, b);
    visit(x1, b);
  }
  return [minX, minY, maxX, maxY];
}
