/**
 * GeoJSON-shaped geometries in a plan's CRS and axis order → `PlanGeometry` in WGS84
 * longitude/latitude (degrees), with the ring checks of ./ring-checks applied and every
 * problem reported as a warning on the feature.
 */
import { getConverter, getCrs, type CrsConverter } from '../../geo';
import type { AxisOrder, PlanGeometry, Polygon, Ring } from './plan-document';
import { cleanRing, orientRing, type XY } from './ring-checks';
import { pairOrder } from './axis-order';
import type { PlanBudget } from './plan-limits';
import type { WarningList } from './warnings';
import { isRecord } from '../../shared/is-record';

/** How far outside a CRS's projected area of use (metres) coordinates may lie before a warning. */
const BOUNDS_MARGIN = 50_000;

/** Where the coordinates of one feature come from and where its problems go. */
export interface GeometryContext {
  /** Canonical CRS code of the coordinates, e.g. `EPSG:3014`. */
  crs: string;
  /** The document's axis order. */
  order: AxisOrder;
  featureId: string;
  warnings: WarningList;
  /** Counts every ring and line read against the plan's caps. */
  budget: PlanBudget;
}

export function emptyGeometry(): PlanGeometry {
  return { polygons: [], lines: [], points: [] };
}

export function isEmptyGeometry(g: PlanGeometry): boolean {
  return g.polygons.length === 0 && g.lines.length === 0 && g.points.length === 0;
}


/** The first coordinate pair of a GeoJSON geometry (any nesting), if it has one. */
export function firstPosition(geometry: unknown): [number, number] | undefined {
  if (!isRecord(geometry)) return undefined;
  if (geometry.type === 'GeometryCollection' && Array.isArray(geometry.geometries)) {
    for (const g of geometry.geometries) {
      const p = firstPosition(g);
      if (p) return p;
    }
    return undefined;
  }
  let c: unknown = geometry.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') return [c[0], c[1]];
  return undefined;
}

/** Converts one feature's geometries; create one per feature (it keeps per-feature state). */
export class GeometryReader {
  private readonly converter: CrsConverter;
  private readonly swap: boolean;
  private readonly bounds: { minE: number; maxE: number; minN: number; maxN: number } | undefined;
  private outsideWarned = false;
  private orderWarned = false;
  private featureSwap: boolean | undefined;

  constructor(private readonly ctx: GeometryContext) {
    this.converter = getConverter(ctx.crs, 'EPSG:4326');
    this.swap = ctx.order === 'NE';
    const p = getCrs(ctx.crs).bounds?.projected;
    this.bounds = p && { minE: p.minEasting - BOUNDS_MARGIN, maxE: p.maxEasting + BOUNDS_MARGIN, minN: p.minNorthing - BOUNDS_MARGIN, maxN: p.maxNorthing + BOUNDS_MARGIN };
  }

  private warn(message: string): void {
    this.ctx.warnings.add(this.ctx.featureId, message);
  }

  /** Decides, once per feature, whether this feature's pairs are swapped. */
  private swapFor(first: number, second: number): boolean {
    if (this.featureSwap !== undefined) return this.featureSwap;
    const own = this.ctx.crs === 'EPSG:4326' ? undefined : pairOrder(first, second);
    this.featureSwap = own ? own === 'NE' : this.swap;
    if (own && own !== this.ctx.order && !this.orderWarned) {
      this.orderWarned = true;
      this.warn(`Its coordinates are in (${own === 'NE' ? 'N, E' : 'E, N'}) order, unlike the rest of the file; they were read in that order.`);
    }
    return this.featureSwap;
  }

  /** A file position → `[easting, northing]` (or `[lon, lat]`); undefined when not two finite numbers. */
  private xy(pos: unknown): XY | undefined {
    if (!Array.isArray(pos) || pos.length < 2) return undefined;
    const a = pos[0];
    const b = pos[1];
    if (typeof a !== 'number' || typeof b !== 'number') return undefined;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return [NaN, NaN];
    const swap = this.swapFor(a, b);
    const e = swap ? b : a;
    const n = swap ? a : b;
    const box = this.bounds;
    if (box && !this.outsideWarned && (e < box.minE || e > box.maxE || n < box.minN || n > box.maxN)) {
      this.outsideWarned = true;
      this.warn(`Coordinates (E ${Math.round(e)}, N ${Math.round(n)}) lie outside the area of use of ${this.ctx.crs}; check the coordinate system.`);
    }
    return [e, n];
  }

  /** `[easting, northing]` (already in E, N order) → `[lon, lat]`, degrees. */
  lonLat(p: XY): [number, number] {
    const out = this.converter.forward(p[0], p[1]);
    return [out[0], out[1]];
  }

  /** The positions of a ring or line, counted against the plan's caps before they are read. */
  private positions(list: unknown, what: string): XY[] | undefined {
    if (!Array.isArray(list)) {
      this.warn(`${what} has no coordinate list; it was skipped.`);
      return undefined;
    }
    this.ctx.budget.addVertices(list.length);
    const out: XY[] = [];
    for (const pos of list) {
      const p = this.xy(pos);
      if (!p) {
        this.warn(`${what} has a position that is not two numbers; it was skipped.`);
        return undefined;
      }
      out.push(p);
    }
    return out;
  }

  /** Adds a GeoJSON geometry (Point … GeometryCollection) to `out`. */
  add(geometry: unknown, out: PlanGeometry, label = 'The geometry'): void {
    if (!isRecord(geometry)) {
      this.warn(`${label} is not a GeoJSON geometry object; it was skipped.`);
      return;
    }
    const c = geometry.coordinates;
    switch (geometry.type) {
      case 'Point': {
        const p = this.xy(c);
        if (p && Number.isFinite(p[0])) out.points.push(this.lonLat(p));
        else this.warn(`${label} (Point) is not two finite numbers; it was skipped.`);
        return;
      }
      case 'MultiPoint':
        if (!Array.isArray(c)) return this.warn(`${label} (MultiPoint) has no coordinates; it was skipped.`);
        for (const pos of c) this.add({ type: 'Point', coordinates: pos }, out, label);
        return;
      case 'LineString':
        return this.addLine(c, out, label);
      case 'MultiLineString':
        if (!Array.isArray(c)) return this.warn(`${label} (MultiLineString) has no coordinates; it was skipped.`);
        c.forEach((line, i) => this.addLine(line, out, `${label}, line ${i + 1}`));
        return;
      case 'Polygon': {
        const poly = this.polygon(c, label);
        if (poly) out.polygons.push(poly);
        return;
      }
      case 'MultiPolygon':
        if (!Array.isArray(c)) return this.warn(`${label} (MultiPolygon) has no coordinates; it was skipped.`);
        c.forEach((rings, i) => {
          const poly = this.polygon(rings, `${label}, polygon ${i + 1}`);
          if (poly) out.polygons.push(poly);
        });
        return;
      case 'GeometryCollection':
        if (!Array.isArray(geometry.geometries)) return this.warn(`${label} (GeometryCollection) has no geometries; it was skipped.`);
        geometry.geometries.forEach((g, i) => this.add(g, out, `${label}, part ${i + 1}`));
        return;
      default:
        this.warn(`${label} has an unknown geometry type ${JSON.stringify(geometry.type)}; it was skipped.`);
    }
  }

  private addLine(coords: unknown, out: PlanGeometry, label: string): void {
    const pts = this.positions(coords, label);
    if (!pts) return;
    if (pts.some((p) => !Number.isFinite(p[0]))) return this.warn(`${label} has coordinates that are not finite numbers; it was skipped.`);
    const line = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1]![0] || p[1] !== pts[i - 1]![1]);
    if (line.length < 2) return this.warn(`${label} has fewer than 2 distinct points; it was skipped.`);
    out.lines.push(line.map((p) => this.lonLat(p)));
  }

  /** GeoJSON polygon rings → a checked `Polygon`, or undefined (with a warning) when its outer ring is unusable. */
  private polygon(rings: unknown, label: string): Polygon | undefined {
    if (!Array.isArray(rings) || rings.length === 0) {
      this.warn(`${label} has no rings; it was skipped.`);
      return undefined;
    }
    const out: Polygon = [];
    for (let i = 0; i < rings.length; i++) {
      const ringLabel = rings.length > 1 ? `${label}, ring ${i + 1}${i === 0 ? ' (outer)' : ' (hole)'}` : label;
      const pts = this.positions(rings[i], ringLabel);
      const ring = pts && this.checkedRing(pts, ringLabel, i === 0);
      if (!ring) {
        if (i === 0) return undefined;
        continue;
      }
      out.push(ring);
    }
    this.ctx.budget.addPolygon(0);
    return out;
  }

  /** Checks one ring in CRS coordinates and returns it in lon/lat, outer rings counter-clockwise. */
  checkedRing(pts: XY[], label: string, outer: boolean): Ring | undefined {
    const skipped = outer ? 'the polygon was skipped' : 'the hole was dropped';
    const clean = cleanRing(pts);
    if (clean === 'non-finite') return this.warn(`${label} has coordinates that are not finite numbers; ${skipped}.`), undefined;
    if (clean === 'too-few-points') return this.warn(`${label} has fewer than 3 distinct points or no area; ${skipped}.`), undefined;
    if (clean === 'self-intersecting') return this.warn(`${label} crosses or touches itself; ${skipped}.`), undefined;
    if (clean.wasUnclosed) this.warn(`${label} was not closed; it was closed by joining its last point to its first.`);
    if (clean.repaired) this.warn(`${label} turned straight back on itself (a zero-width spike); the spike was cut off.`);
    return orientRing(clean.ring.map((p) => this.lonLat(p)), outer);
  }
}
