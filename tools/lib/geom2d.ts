/**
 * Small 2D polygon toolkit for footprints and land-use polygons (metres, x east, y north).
 * Polygons are arrays of points without a repeated closing point; "CCW" means
 * counter-clockwise seen from above (+z), i.e. positive signed area.
 */
import { pointInRing } from '../../src/geo/planar';

export type Vec2 = [number, number];
export type Polygon = Vec2[];

/** Half-plane `nx·x + ny·y ≤ c`. */
export interface HalfPlane {
  nx: number;
  ny: number;
  c: number;
}

export function signedArea(poly: readonly Vec2[]): number {
  let a = 0;
  for (let i = 0, n = poly.length; i < n; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % n]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

export function area(poly: readonly Vec2[]): number {
  return Math.abs(signedArea(poly));
}

/** Returns the polygon in counter-clockwise order (a copy when reversed). */
export function ensureCcw(poly: Polygon): Polygon {
  return signedArea(poly) < 0 ? poly.slice().reverse() : poly;
}

/** Area centroid (falls back to the vertex mean for degenerate polygons). */
export function centroid(poly: readonly Vec2[]): Vec2 {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % n]!;
    const k = p[0] * q[1] - q[0] * p[1];
    a += k;
    cx += (p[0] + q[0]) * k;
    cy += (p[1] + q[1]) * k;
  }
  if (Math.abs(a) < 1e-9) {
    let sx = 0;
    let sy = 0;
    for (const p of poly) {
      sx += p[0];
      sy += p[1];
    }
    return [sx / n, sy / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

export function bbox(points: readonly Vec2[]): { minX: number; minY: number; maxX: number; maxY: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

export function lerp2(a: Vec2, b: Vec2, t: number): Vec2 {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

export function dist2(a: Vec2, b: Vec2): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Rotates a point about `center` by `angle` radians (counter-clockwise). */
export function rotate2(p: Vec2, angle: number, center: Vec2 = [0, 0]): Vec2 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const x = p[0] - center[0];
  const y = p[1] - center[1];
  return [center[0] + c * x - s * y, center[1] + s * x + c * y];
}

/** The half-plane on the left of the directed line a→b (inside of a CCW polygon edge). */
export function leftOf(a: Vec2, b: Vec2, offset = 0): HalfPlane {
  // left normal of (dx, dy) is (−dy, dx); keep points with (p−a)·left ≥ offset
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  const lx = -dy / len;
  const ly = dx / len;
  // −left·p ≤ −left·a − offset
  return { nx: -lx, ny: -ly, c: -(lx * a[0] + ly * a[1]) - offset };
}

/** Sutherland–Hodgman clip of a polygon to one half-plane. */
export function clipHalfPlane(poly: readonly Vec2[], h: HalfPlane): Polygon {
  const out: Polygon = [];
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % n]!;
    const dp = h.nx * p[0] + h.ny * p[1] - h.c;
    const dq = h.nx * q[0] + h.ny * q[1] - h.c;
    if (dp <= 0) out.push(p);
    if ((dp < 0 && dq > 0) || (dp > 0 && dq < 0)) {
      const t = dp / (dp - dq);
      out.push(lerp2(p, q, t));
    }
  }
  return dedupe(out);
}

/** Clips a polygon to the intersection of half-planes. */
export function clipHalfPlanes(poly: readonly Vec2[], planes: readonly HalfPlane[]): Polygon {
  let cur: Polygon = poly.slice();
  for (const h of planes) {
    if (cur.length < 3) return [];
    cur = clipHalfPlane(cur, h);
  }
  return cur.length >= 3 ? cur : [];
}

/** Removes consecutive (and wrap-around) points closer than `eps`. */
export function dedupe(poly: readonly Vec2[], eps = 1e-6): Polygon {
  const out: Polygon = [];
  for (const p of poly) {
    const last = out[out.length - 1];
    if (!last || dist2(last, p) > eps) out.push(p);
  }
  while (out.length > 1 && dist2(out[0]!, out[out.length - 1]!) <= eps) out.pop();
  return out;
}

function lineIntersection(p: Vec2, d: Vec2, q: Vec2, e: Vec2): Vec2 | null {
  const den = d[0] * e[1] - d[1] * e[0];
  if (Math.abs(den) < 1e-12) return null;
  const t = ((q[0] - p[0]) * e[1] - (q[1] - p[1]) * e[0]) / den;
  return [p[0] + d[0] * t, p[1] + d[1] * t];
}

/**
 * Offsets a CCW convex polygon inwards by `d` (negative: outwards) by moving each edge
 * along its normal and intersecting neighbouring edges. Returns null when the result
 * degenerates (an edge flips or vanishes), i.e. the polygon is too thin for `d`.
 */
export function offsetConvex(poly: readonly Vec2[], d: number): Polygon | null {
  const n = poly.length;
  if (n < 3) return null;
  const lines: { p: Vec2; dir: Vec2 }[] = [];
  for (let i = 0; i < n; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % n]!;
    const len = dist2(a, b);
    const dir: Vec2 = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    const left: Vec2 = [-dir[1], dir[0]];
    lines.push({ p: [a[0] + left[0] * d, a[1] + left[1] * d], dir });
  }
  const out: Polygon = [];
  for (let i = 0; i < n; i++) {
    const prev = lines[(i + n - 1) % n]!;
    const cur = lines[i]!;
    const x = lineIntersection(prev.p, prev.dir, cur.p, cur.dir);
    if (!x) return null;
    out.push(x);
  }
  // every offset edge must keep its direction and a positive length
  for (let i = 0; i < n; i++) {
    const a = out[i]!;
    const b = out[(i + 1) % n]!;
    const dir = lines[i]!.dir;
    if ((b[0] - a[0]) * dir[0] + (b[1] - a[1]) * dir[1] <= 1e-3) return null;
  }
  return signedArea(out) > 0 ? out : null;
}

/** Offsets an open polyline sideways by `d` (positive: to the left), mitring the joints. */
export function offsetPolyline(line: readonly Vec2[], d: number): Vec2[] {
  const n = line.length;
  const out: Vec2[] = [];
  for (let i = 0; i < n; i++) {
    const normals: Vec2[] = [];
    if (i > 0) normals.push(segmentLeft(line[i - 1]!, line[i]!));
    if (i < n - 1) normals.push(segmentLeft(line[i]!, line[i + 1]!));
    let nx = 0;
    let ny = 0;
    for (const m of normals) {
      nx += m[0];
      ny += m[1];
    }
    const len = Math.hypot(nx, ny);
    nx /= len;
    ny /= len;
    // mitre length so that both adjacent segments are offset by exactly d
    const cos = normals[0]![0] * nx + normals[0]![1] * ny;
    const k = d / Math.max(cos, 0.2);
    const p = line[i]!;
    out.push([p[0] + nx * k, p[1] + ny * k]);
  }
  return out;
}

function segmentLeft(a: Vec2, b: Vec2): Vec2 {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  return [-dy / len, dx / len];
}

/** Even-odd point-in-polygon test (one ring). */
export const pointInPolygon: (p: Vec2, poly: readonly Vec2[]) => boolean = pointInRing;

/** True when every point of `inner` lies inside `outer` (by vertices; exact for convex `outer`). */
export function polygonInside(inner: readonly Vec2[], outer: readonly Vec2[]): boolean {
  return inner.every((p) => pointInPolygon(p, outer));
}

/** Axis-aligned rectangle in a rotated frame: centre, half sizes, rotation (radians). CCW. */
export function orientedRect(center: Vec2, halfU: number, halfV: number, angle: number): Polygon {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const corner = (u: number, v: number): Vec2 => [center[0] + c * u - s * v, center[1] + s * u + c * v];
  return [corner(-halfU, -halfV), corner(halfU, -halfV), corner(halfU, halfV), corner(-halfU, halfV)];
}

/** Separating-axis overlap test for two convex polygons (touching counts as not overlapping). */
export function convexOverlap(a: readonly Vec2[], b: readonly Vec2[], margin = 0): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const ax = -(q[1] - p[1]);
      const ay = q[0] - p[0];
      const len = Math.hypot(ax, ay);
      let minA = Infinity;
      let maxA = -Infinity;
      let minB = Infinity;
      let maxB = -Infinity;
      for (const v of a) {
        const t = (v[0] * ax + v[1] * ay) / len;
        minA = Math.min(minA, t);
        maxA = Math.max(maxA, t);
      }
      for (const v of b) {
        const t = (v[0] * ax + v[1] * ay) / len;
        minB = Math.min(minB, t);
        maxB = Math.max(maxB, t);
      }
      if (maxA + margin <= minB || maxB + margin <= minA) return false;
    }
  }
  return true;
}
