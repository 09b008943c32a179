/**
 * Accumulates flat-shaded, vertex-coloured triangles with a per-vertex feature ID.
 *
 * Coordinates are in a right-handed z-up frame in metres (the demo uses east-north-up,
 * ENU), kept in float64 until the content is encoded (see `gltf-content.ts`, which moves
 * them into tile-local glTF y-up coordinates). Every face gets its own vertices so that
 * normals stay crisp on boxes and roofs.
 */
import earcut from 'earcut';
import type { Rgb } from './color';
import type { Vec2 } from './geom2d';

export type Vec3 = [number, number, number];

export interface Bounds3 {
  min: Vec3;
  max: Vec3;
}

export function emptyBounds(): Bounds3 {
  return { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
}

export function expandBounds(b: Bounds3, p: Readonly<Vec3>): Bounds3 {
  for (let i = 0; i < 3; i++) {
    if (p[i]! < b.min[i]!) b.min[i] = p[i]!;
    if (p[i]! > b.max[i]!) b.max[i] = p[i]!;
  }
  return b;
}

export function unionBounds(a: Bounds3, b: Bounds3): Bounds3 {
  return {
    min: [Math.min(a.min[0], b.min[0]), Math.min(a.min[1], b.min[1]), Math.min(a.min[2], b.min[2])],
    max: [Math.max(a.max[0], b.max[0]), Math.max(a.max[1], b.max[1]), Math.max(a.max[2], b.max[2])],
  };
}

export function isEmptyBounds(b: Bounds3): boolean {
  return !(b.min[0] <= b.max[0]);
}

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function normalize(a: Vec3): Vec3 | null {
  const l = Math.hypot(a[0], a[1], a[2]);
  return l > 1e-12 ? [a[0] / l, a[1] / l, a[2] / l] : null;
}

/** Newell's method: the normal of a (possibly non-convex) planar polygon from its winding. */
export function polygonNormal(points: readonly Vec3[]): Vec3 | null {
  let nx = 0;
  let ny = 0;
  let nz = 0;
  for (let i = 0, n = points.length; i < n; i++) {
    const p = points[i]!;
    const q = points[(i + 1) % n]!;
    nx += (p[1] - q[1]) * (p[2] + q[2]);
    ny += (p[2] - q[2]) * (p[0] + q[0]);
    nz += (p[0] - q[0]) * (p[1] + q[1]);
  }
  return normalize([nx, ny, nz]);
}

export class MeshBuilder {
  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly colors: number[] = [];
  readonly featureIds: number[] = [];
  readonly indices: number[] = [];

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  get triangleCount(): number {
    return this.indices.length / 3;
  }

  private pushVertex(p: Readonly<Vec3>, n: Readonly<Vec3>, color: Readonly<Rgb>, featureId: number): number {
    const i = this.positions.length / 3;
    this.positions.push(p[0], p[1], p[2]);
    this.normals.push(n[0], n[1], n[2]);
    this.colors.push(color[0], color[1], color[2]);
    this.featureIds.push(featureId);
    return i;
  }

  /** One triangle, counter-clockwise seen from its front side. */
  addTriangle(a: Vec3, b: Vec3, c: Vec3, color: Readonly<Rgb>, featureId: number): void {
    const n = normalize(cross(sub(b, a), sub(c, a)));
    if (!n) return;
    const i = this.pushVertex(a, n, color, featureId);
    this.pushVertex(b, n, color, featureId);
    this.pushVertex(c, n, color, featureId);
    this.indices.push(i, i + 1, i + 2);
  }

  /**
   * A planar polygon (optionally with holes), outer ring counter-clockwise seen from its
   * front side. Triangulated with earcut in the polygon's dominant plane; triangle winding
   * is made to agree with the ring's normal.
   */
  addPolygon(outer: readonly Vec3[], color: Readonly<Rgb>, featureId: number, holes: readonly (readonly Vec3[])[] = []): void {
    if (outer.length < 3) return;
    const n = polygonNormal(outer);
    if (!n) return;
    // project onto the plane that drops the normal's largest component
    const ax = Math.abs(n[0]);
    const ay = Math.abs(n[1]);
    const az = Math.abs(n[2]);
    const [u, v] = az >= ax && az >= ay ? [0, 1] : ax >= ay ? [1, 2] : [2, 0];
    const all: Vec3[] = [...outer];
    const holeStarts: number[] = [];
    for (const h of holes) {
      if (h.length < 3) continue;
      holeStarts.push(all.length);
      all.push(...h);
    }
    const flat: number[] = [];
    for (const p of all) flat.push(p[u]!, p[v]!);
    const tris = earcut(flat, holeStarts.length ? holeStarts : undefined, 2);
    const base = this.vertexCount;
    for (const p of all) this.pushVertex(p, n, color, featureId);
    for (let t = 0; t < tris.length; t += 3) {
      const i0 = tris[t]!;
      let i1 = tris[t + 1]!;
      let i2 = tris[t + 2]!;
      const tn = cross(sub(all[i1]!, all[i0]!), sub(all[i2]!, all[i0]!));
      if (tn[0] * n[0] + tn[1] * n[1] + tn[2] * n[2] < 0) [i1, i2] = [i2, i1];
      this.indices.push(base + i0, base + i1, base + i2);
    }
  }

  /** A horizontal polygon at height `z`, facing up (any input winding). */
  addHorizontal(outer: readonly Vec2[], z: number, color: Readonly<Rgb>, featureId: number, holes: readonly (readonly Vec2[])[] = []): void {
    const ring = orientRing(outer, true).map(([x, y]): Vec3 => [x, y, z]);
    const hs = holes.map((h) => orientRing(h, false).map(([x, y]): Vec3 => [x, y, z]));
    this.addPolygon(ring, color, featureId, hs);
  }

  /** A vertical quad standing on the segment a→b between heights z0 and z1, facing right of a→b. */
  addWall(a: Vec2, b: Vec2, z0: number, z1: number, color: Readonly<Rgb>, featureId: number): void {
    if (z1 - z0 < 1e-6) return;
    this.addPolygon(
      [
        [a[0], a[1], z0],
        [b[0], b[1], z0],
        [b[0], b[1], z1],
        [a[0], a[1], z1],
      ],
      color,
      featureId,
    );
  }

  /** Appends another builder's geometry (feature IDs kept as they are). */
  append(other: MeshBuilder): void {
    const base = this.vertexCount;
    this.positions.push(...other.positions);
    this.normals.push(...other.normals);
    this.colors.push(...other.colors);
    this.featureIds.push(...other.featureIds);
    for (const i of other.indices) this.indices.push(base + i);
  }

  /** Axis-aligned bounds of all vertices. */
  bounds(): Bounds3 {
    const b = emptyBounds();
    const p = this.positions;
    for (let i = 0; i < p.length; i += 3) expandBounds(b, [p[i]!, p[i + 1]!, p[i + 2]!]);
    return b;
  }

  /** Applies a column-major 4×4 rigid transform to positions (and its rotation to normals). */
  transform(m: readonly number[]): void {
    const p = this.positions;
    const n = this.normals;
    for (let i = 0; i < p.length; i += 3) {
      const x = p[i]!;
      const y = p[i + 1]!;
      const z = p[i + 2]!;
      p[i] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
      p[i + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
      p[i + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
      const a = n[i]!;
      const b = n[i + 1]!;
      const c = n[i + 2]!;
      n[i] = m[0]! * a + m[4]! * b + m[8]! * c;
      n[i + 1] = m[1]! * a + m[5]! * b + m[9]! * c;
      n[i + 2] = m[2]! * a + m[6]! * b + m[10]! * c;
    }
  }
}

function orientRing(ring: readonly Vec2[], ccw: boolean): Vec2[] {
  let a = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % n]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a > 0 === ccw ? ring.slice() : ring.slice().reverse();
}
