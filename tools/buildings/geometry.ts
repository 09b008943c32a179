/**
 * Footprint geometry checks for the `buildings` converter.
 *
 * A footprint is accepted when every polygon of it is valid in the OGC simple-features
 * sense, checked in metres (a local equirectangular frame around the feature's first
 * vertex, exact enough for one building):
 *
 * - every coordinate is a finite number pair (NaN, Infinity, null or strings are errors);
 * - every ring has at least 3 distinct points once repeated points (< 1 mm apart) and the
 *   closing point are dropped (an unclosed ring is closed silently and counted);
 * - no ring has (almost) zero area (< 0.01 m²);
 * - no ring touches or crosses itself, and no ring doubles back on itself (a spike);
 * - holes cross neither the outer ring nor each other (touching at a point is allowed) and
 *   lie inside the outer ring.
 *
 * Accepted rings are returned in lon/lat, outer rings counter-clockwise and holes clockwise
 * (seen from above), without a closing point. MultiPolygon parts may overlap each other
 * (common in real data, harmless for extrusion).
 */
import type { Rings } from './records';

export interface FootprintOk {
  ok: true;
  /** Per polygon, its rings as flat lon/lat arrays. */
  polygons: Rings[];
  /** Rings that were not closed in the input (closed here). */
  unclosedRings: number;
  /** Area in m² (outer rings minus holes). */
  area: number;
}

export interface FootprintError {
  ok: false;
  reason: string;
  /** The coordinates fall outside the CRS's area of use (maybe a wrong CRS). */
  outOfArea?: { x: number; y: number; lon: number; lat: number };
}

/** Where coordinates must land (degrees), with the CRS's name for messages. */
export interface AreaOfUse {
  west: number;
  south: number;
  east: number;
  north: number;
}

const M_PER_DEG = (Math.PI * 6_378_137) / 180;
/** Points closer than this (metres) are the same point. */
const SAME_POINT = 1e-3;
/** Distance tolerance (metres) of the intersection tests. */
const TOUCH = 1e-6;
/** Smallest ring area kept (m²). */
export const MIN_RING_AREA = 0.01;

/** The polygons of a GeoJSON geometry (Polygon or MultiPolygon), or why there are none. */
export function polygonsOf(geometry: unknown): { polygons: unknown[] } | { error: string } {
  if (geometry === null || geometry === undefined) return { error: 'no geometry (null)' };
  if (typeof geometry !== 'object') return { error: `geometry is not an object (${typeof geometry})` };
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') {
    if (!Array.isArray(g.coordinates)) return { error: 'Polygon without a coordinates array' };
    return { polygons: [g.coordinates] };
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates)) return { error: 'MultiPolygon without a coordinates array' };
    if (g.coordinates.length === 0) return { error: 'empty MultiPolygon' };
    return { polygons: g.coordinates };
  }
  return { error: `unsupported geometry type ${JSON.stringify(g.type ?? null)} (expected Polygon or MultiPolygon)` };
}

/**
 * Checks and converts a footprint. `toLonLat` converts one source coordinate pair; `area`
 * is where converted points must lie.
 */
export function prepareFootprint(
  polygons: readonly unknown[],
  toLonLat: (x: number, y: number) => [number, number],
  area: AreaOfUse,
): FootprintOk | FootprintError {
  const multi = polygons.length > 1;
  let lon0 = NaN;
  let lat0 = NaN;
  let kx = 0;
  const out: Rings[] = [];
  let unclosed = 0;
  let totalArea = 0;
  for (let p = 0; p < polygons.length; p++) {
    const poly = polygons[p];
    const where = (r: number) => `${multi ? `polygon ${p + 1}, ` : ''}${r === 0 ? 'outer ring' : `hole ${r}`}`;
    if (!Array.isArray(poly)) return { ok: false, reason: `${multi ? `polygon ${p + 1}` : 'polygon'} is not an array of rings` };
    if (poly.length === 0) return { ok: false, reason: `${multi ? `polygon ${p + 1}` : 'polygon'} has no rings (empty)` };
    const ll: Float64Array[] = [];
    const mm: Float64Array[] = [];
    for (let r = 0; r < poly.length; r++) {
      const ring = poly[r];
      if (!Array.isArray(ring)) return { ok: false, reason: `${where(r)} is not an array of positions` };
      if (ring.length === 0) return { ok: false, reason: `${where(r)} is empty` };
      // convert, then drop repeated points and the closing point
      const lonlat: number[] = [];
      const metric: number[] = [];
      for (let i = 0; i < ring.length; i++) {
        const pos = ring[i] as unknown;
        if (!Array.isArray(pos) || pos.length < 2) return { ok: false, reason: `${where(r)}: position ${i + 1} is not a coordinate pair (${short(pos)})` };
        const x = pos[0];
        const y = pos[1];
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          return { ok: false, reason: `${where(r)}: position ${i + 1} is not finite (${short(pos)}): NaN, Infinity or not a number` };
        }
        let lon: number;
        let lat: number;
        try {
          [lon, lat] = toLonLat(x, y);
        } catch {
          lon = NaN;
          lat = NaN;
        }
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < area.west || lon > area.east || lat < area.south || lat > area.north) {
          return { ok: false, reason: `${where(r)}: position ${i + 1} (${x}, ${y}) lies outside the CRS's area of use`, outOfArea: { x, y, lon, lat } };
        }
        if (Number.isNaN(lon0)) {
          lon0 = lon;
          lat0 = lat;
          kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
        }
        const mx = (lon - lon0) * kx;
        const my = (lat - lat0) * M_PER_DEG;
        const n = metric.length;
        if (n >= 2 && Math.abs(metric[n - 2]! - mx) < SAME_POINT && Math.abs(metric[n - 1]! - my) < SAME_POINT) continue;
        lonlat.push(lon, lat);
        metric.push(mx, my);
      }
      let n = metric.length;
      if (n >= 4 && Math.abs(metric[0]! - metric[n - 2]!) < SAME_POINT && Math.abs(metric[1]! - metric[n - 1]!) < SAME_POINT) {
        lonlat.length -= 2;
        metric.length -= 2;
        n -= 2;
      } else if (n >= 2) {
        unclosed++;
      }
      if (n < 6) return { ok: false, reason: `${where(r)} has fewer than 3 distinct points (${n / 2})` };
      const a = signedArea(metric);
      if (Math.abs(a) < MIN_RING_AREA) {
        // a symmetric bow-tie has zero area too: name the crossing when there is one
        const crossing = findIntersection([Float64Array.from(metric)]);
        if (crossing && crossing.includes('intersects itself')) return { ok: false, reason: crossing.replace('outer ring', where(r)) };
        return { ok: false, reason: `${where(r)} has zero area (${Math.abs(a).toFixed(4)} m²): degenerate` };
      }
      // outer rings counter-clockwise, holes clockwise
      const wantCcw = r === 0;
      if (a > 0 !== wantCcw) {
        reversePairs(lonlat);
        reversePairs(metric);
      }
      totalArea += r === 0 ? Math.abs(a) : -Math.abs(a);
      ll.push(Float64Array.from(lonlat));
      mm.push(Float64Array.from(metric));
    }
    const problem = findIntersection(mm);
    if (problem) return { ok: false, reason: `${multi ? `polygon ${p + 1}: ` : ''}${problem}` };
    for (let h = 1; h < mm.length; h++) {
      if (!ringInside(mm[h]!, mm[0]!)) return { ok: false, reason: `${where(h)} lies outside the outer ring` };
    }
    out.push(ll);
  }
  return { ok: true, polygons: out, unclosedRings: unclosed, area: totalArea };
}

function short(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Signed area of a flat ring (positive: counter-clockwise). */
export function signedArea(ring: ArrayLike<number>): number {
  let a = 0;
  const n = ring.length;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    a += ring[i]! * ring[j + 1]! - ring[j]! * ring[i + 1]!;
  }
  return a / 2;
}

function reversePairs(a: number[]): void {
  for (let i = 0, j = a.length - 2; i < j; i += 2, j -= 2) {
    const x = a[i]!;
    const y = a[i + 1]!;
    a[i] = a[j]!;
    a[i + 1] = a[j + 1]!;
    a[j] = x;
    a[j + 1] = y;
  }
}

/** Even-odd point-in-ring test on a flat ring. */
export function pointInRing(x: number, y: number, ring: ArrayLike<number>): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const xi = ring[i]!;
    const yi = ring[i + 1]!;
    const xj = ring[j]!;
    const yj = ring[j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the (non-crossing) hole lies inside `outer`: some vertex of it is strictly inside. */
function ringInside(hole: Float64Array, outer: Float64Array): boolean {
  for (let i = 0; i < hole.length; i += 2) {
    const x = hole[i]!;
    const y = hole[i + 1]!;
    if (onRing(x, y, outer)) continue;
    return pointInRing(x, y, outer);
  }
  return true; // every vertex on the outer ring: the crossing test would have caught a real problem
}

function onRing(x: number, y: number, ring: Float64Array): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    if (pointSegmentDistance(x, y, ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!) < TOUCH) return true;
  }
  return false;
}

function pointSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

interface Seg {
  ring: number;
  i: number;
  n: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Signed side of c against the line a→b, as a distance (metres); 0 within `TOUCH`. */
function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const len = Math.hypot(bx - ax, by - ay);
  if (len === 0) return 0;
  const d = ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) / len;
  return Math.abs(d) < TOUCH ? 0 : d;
}

/**
 * The first self-intersection among the rings of one polygon, as a message, or null.
 * A sweep over segments sorted by their smallest x: near-linear for building outlines.
 */
export function findIntersection(rings: readonly Float64Array[]): string | null {
  const segs: Seg[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length / 2;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      const ax = ring[2 * i]!;
      const ay = ring[2 * i + 1]!;
      const bx = ring[2 * j]!;
      const by = ring[2 * j + 1]!;
      segs.push({ ring: r, i, n, ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx), minY: Math.min(ay, by), maxY: Math.max(ay, by) });
    }
  });
  segs.sort((s, t) => s.minX - t.minX);
  const name = (r: number) => (r === 0 ? 'outer ring' : `hole ${r}`);
  for (let a = 0; a < segs.length; a++) {
    const s = segs[a]!;
    for (let b = a + 1; b < segs.length; b++) {
      const t = segs[b]!;
      if (t.minX > s.maxX + TOUCH) break;
      if (t.minY > s.maxY + TOUCH || t.maxY < s.minY - TOUCH) continue;
      if (s.ring === t.ring) {
        const adjacent = t.i === (s.i + 1) % s.n || s.i === (t.i + 1) % s.n;
        if (adjacent) {
          // a spike: the ring goes back along the edge it came from
          const [first, second] = t.i === (s.i + 1) % s.n ? [s, t] : [t, s];
          if (side(first.ax, first.ay, first.bx, first.by, second.bx, second.by) === 0) {
            const dot = (first.bx - first.ax) * (second.bx - second.ax) + (first.by - first.ay) * (second.by - second.ay);
            if (dot < 0) return `${name(s.ring)} doubles back on itself (a spike) at edge ${second.i + 1}`;
          }
          continue;
        }
        if (segmentsTouch(s, t)) return `${name(s.ring)} intersects itself (edges ${Math.min(s.i, t.i) + 1} and ${Math.max(s.i, t.i) + 1}, e.g. a bow-tie)`;
      } else if (segmentsCross(s, t)) {
        return `${name(Math.min(s.ring, t.ring))} and ${name(Math.max(s.ring, t.ring))} cross`;
      }
    }
  }
  return null;
}

/** Any contact between two segments (crossing, touching, overlapping). */
function segmentsTouch(s: Seg, t: Seg): boolean {
  const d1 = side(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = side(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const d3 = side(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = side(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    pointSegmentDistance(t.ax, t.ay, s.ax, s.ay, s.bx, s.by) < TOUCH ||
    pointSegmentDistance(t.bx, t.by, s.ax, s.ay, s.bx, s.by) < TOUCH ||
    pointSegmentDistance(s.ax, s.ay, t.ax, t.ay, t.bx, t.by) < TOUCH ||
    pointSegmentDistance(s.bx, s.by, t.ax, t.ay, t.bx, t.by) < TOUCH
  );
}

/** A proper crossing, or a collinear overlap of positive length (touching at a point is allowed). */
function segmentsCross(s: Seg, t: Seg): boolean {
  const d1 = side(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const d2 = side(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const d3 = side(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const d4 = side(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 === 0 && d2 === 0) {
    // collinear: overlap length along s
    const dx = s.bx - s.ax;
    const dy = s.by - s.ay;
    const l = Math.hypot(dx, dy);
    if (l === 0) return false;
    const u1 = ((t.ax - s.ax) * dx + (t.ay - s.ay) * dy) / l;
    const u2 = ((t.bx - s.ax) * dx + (t.by - s.ay) * dy) / l;
    const lo = Math.max(0, Math.min(u1, u2));
    const hi = Math.min(l, Math.max(u1, u2));
    return hi - lo > TOUCH;
  }
  // touching at a point (a vertex on the other's edge) is allowed between different rings
  return false;
}
