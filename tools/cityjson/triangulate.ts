/**
 * Triangulation of one CityJSON surface (an outer ring and optional holes, 3D, possibly slightly
 * non-planar): the rings are projected onto the surface's best-fit plane and cut into triangles
 * with earcut.
 *
 * Best-fit plane: the normal from Newell's method (the area-weighted normal of the polygon, the
 * least-squares plane normal's standard estimate for near-planar rings) through the centroid.
 * Projecting onto it, rather than onto a coordinate plane, keeps steep and tilted surfaces
 * (roofs, walls not aligned with an axis) well conditioned.
 *
 * A surface is refused, with a reason, when a ring has non-finite coordinates, the outer ring has
 * fewer than 3 distinct vertices, its area is (nearly) zero, or the triangles do not cover the
 * polygon (self-intersecting rings: earcut's area deviation above 1 %). Degenerate holes are
 * ignored.
 */
import earcut, { deviation } from 'earcut';
import type { Vec3 } from '../lib/mesh-builder';

export interface Triangulated {
  ok: true;
  /** Unit normal (from the outer ring's winding). */
  normal: Vec3;
  /** The cleaned ring points (outer ring first, then holes), 3D. */
  points: Vec3[];
  /** Triangles as index triples into `points`, counter-clockwise seen from the normal's side. */
  triangles: number[];
  /** Largest distance of a vertex from the best-fit plane, metres. */
  nonPlanarity: number;
}

export interface Refused {
  ok: false;
  reason: string;
}

/** Surfaces smaller than this (m², 1/100 mm²) have no area: collinear or repeated vertices (slivers of real data, e.g. 0.2 cm² TIN triangles, are kept). */
export const MIN_AREA = 1e-8;
/** Consecutive vertices closer than this (m) are the same vertex. */
const SAME_POINT = 1e-6;
/** Largest accepted relative area deviation of the triangulation. */
const MAX_DEVIATION = 0.01;

function finite(p: Vec3): boolean {
  return Number.isFinite(p[0]) && Number.isFinite(p[1]) && Number.isFinite(p[2]);
}

function same(a: Vec3, b: Vec3): boolean {
  return Math.abs(a[0] - b[0]) < SAME_POINT && Math.abs(a[1] - b[1]) < SAME_POINT && Math.abs(a[2] - b[2]) < SAME_POINT;
}

/** Indices of a ring's vertices without consecutive duplicates and without a closing vertex equal to the first. */
export function cleanRingIndices(ring: readonly Vec3[]): number[] {
  const out: number[] = [];
  ring.forEach((p, i) => {
    if (out.length === 0 || !same(ring[out[out.length - 1]!]!, p)) out.push(i);
  });
  while (out.length > 1 && same(ring[out[0]!]!, ring[out[out.length - 1]!]!)) out.pop();
  return out;
}

/** A ring without consecutive duplicates and without a closing vertex equal to the first. */
export function cleanRing(ring: readonly Vec3[]): Vec3[] {
  return cleanRingIndices(ring).map((i) => ring[i]!);
}

/** Newell's normal of a ring, NOT normalised: its length is twice the ring's area. */
export function newellNormal(ring: readonly Vec3[]): Vec3 {
  // relative to the first vertex, so large coordinates do not cost precision
  const o = ring[0]!;
  let nx = 0;
  let ny = 0;
  let nz = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % n]!;
    const py = p[1] - o[1];
    const pz = p[2] - o[2];
    const px = p[0] - o[0];
    const qx = q[0] - o[0];
    const qy = q[1] - o[1];
    const qz = q[2] - o[2];
    nx += (py - qy) * (pz + qz);
    ny += (pz - qz) * (px + qx);
    nz += (px - qx) * (py + qy);
  }
  return [nx, ny, nz];
}

/**
 * Triangulates a surface given in the output frame (`rings`). Validity (distinct vertices, area,
 * self-intersection) is judged on `sourceRings`, the same rings in the file's own coordinates
 * (default: `rings`): a reprojection bends straight lines by micrometres (Earth curvature, the
 * projection), which would give collinear source vertices a tiny but non-zero area.
 */
export function triangulateSurface(rings: readonly (readonly Vec3[])[], sourceRings: readonly (readonly Vec3[])[] = rings): Triangulated | Refused {
  if (rings.length === 0 || sourceRings.length !== rings.length) return { ok: false, reason: 'no rings' };
  for (let i = 0; i < rings.length; i++) {
    if (!rings[i]!.every(finite) || !sourceRings[i]!.every(finite)) return { ok: false, reason: 'non-finite coordinate' };
  }
  const outerKeep = cleanRingIndices(sourceRings[0]!);
  if (outerKeep.length < 3) return { ok: false, reason: 'fewer than 3 distinct vertices' };
  const srcNormal = newellNormal(outerKeep.map((i) => sourceRings[0]![i]!));
  const srcLen = Math.hypot(srcNormal[0], srcNormal[1], srcNormal[2]);
  if (!(srcLen / 2 >= MIN_AREA)) return { ok: false, reason: 'zero area (collinear or repeated vertices)' };
  const outer = outerKeep.map((i) => rings[0]![i]!);
  const nRaw = newellNormal(outer);
  const len = Math.hypot(nRaw[0], nRaw[1], nRaw[2]);
  if (!(len > 0)) return { ok: false, reason: 'zero area (collinear or repeated vertices)' };
  const n: Vec3 = [nRaw[0] / len, nRaw[1] / len, nRaw[2] / len];

  // orthonormal basis (u, v) of the plane with u × v = n
  const a: Vec3 = Math.abs(n[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  let u: Vec3 = [a[1] * n[2] - a[2] * n[1], a[2] * n[0] - a[0] * n[2], a[0] * n[1] - a[1] * n[0]];
  const ul = Math.hypot(u[0], u[1], u[2]);
  u = [u[0] / ul, u[1] / ul, u[2] / ul];
  const v: Vec3 = [n[1] * u[2] - n[2] * u[1], n[2] * u[0] - n[0] * u[2], n[0] * u[1] - n[1] * u[0]];

  const points: Vec3[] = [...outer];
  const holeStarts: number[] = [];
  for (let i = 1; i < rings.length; i++) {
    const keep = cleanRingIndices(sourceRings[i]!);
    if (keep.length < 3) continue;
    holeStarts.push(points.length);
    for (const k of keep) points.push(rings[i]![k]!);
  }
  const o = outer[0]!;
  const flat = new Float64Array(points.length * 2);
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (const p of outer) {
    cx += p[0] - o[0];
    cy += p[1] - o[1];
    cz += p[2] - o[2];
  }
  cx /= outer.length;
  cy /= outer.length;
  cz /= outer.length;
  let nonPlanarity = 0;
  points.forEach((p, i) => {
    const d: Vec3 = [p[0] - o[0], p[1] - o[1], p[2] - o[2]];
    flat[i * 2] = d[0] * u[0] + d[1] * u[1] + d[2] * u[2];
    flat[i * 2 + 1] = d[0] * v[0] + d[1] * v[1] + d[2] * v[2];
    nonPlanarity = Math.max(nonPlanarity, Math.abs((d[0] - cx) * n[0] + (d[1] - cy) * n[1] + (d[2] - cz) * n[2]));
  });
  const holes = holeStarts.length ? holeStarts : undefined;
  const tris = earcut(flat, holes, 2);
  if (tris.length === 0) return { ok: false, reason: 'cannot be triangulated (self-intersecting or collapsed ring)' };
  const dev = deviation(flat, holes ?? null, 2, tris);
  if (!(dev <= MAX_DEVIATION)) return { ok: false, reason: 'self-intersecting ring (triangles do not cover the surface)' };
  // counter-clockwise in (u, v) is counter-clockwise seen from +n
  for (let t = 0; t < tris.length; t += 3) {
    const i0 = tris[t]!;
    const i1 = tris[t + 1]!;
    const i2 = tris[t + 2]!;
    const area = (flat[i1 * 2]! - flat[i0 * 2]!) * (flat[i2 * 2 + 1]! - flat[i0 * 2 + 1]!) - (flat[i2 * 2]! - flat[i0 * 2]!) * (flat[i1 * 2 + 1]! - flat[i0 * 2 + 1]!);
    if (area < 0) {
      tris[t + 1] = i2;
      tris[t + 2] = i1;
    }
  }
  return { ok: true, normal: n, points, triangles: tris, nonPlanarity };
}
