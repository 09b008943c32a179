/**
 * 3D Tiles 1.1 tileset.json model and helpers: oriented `box` bounding volumes,
 * containment checks, column-major matrix utilities, deterministic JSON output.
 *
 * A `box` is `[cx, cy, cz, ax, ay, az, bx, by, bz, ux, uy, uz]`: centre and three
 * half-axis vectors, in the tile's frame (after the tile's and its ancestors' `transform`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Bounds3, Vec3 } from './mesh-builder';

export type Box = number[];

export interface TileContent {
  uri: string;
  boundingVolume?: { box: Box };
}

export interface Tile {
  boundingVolume: { box: Box };
  geometricError: number;
  refine?: 'ADD' | 'REPLACE';
  transform?: number[];
  content?: TileContent;
  /** Several contents (3D Tiles 1.1), instead of `content`. */
  contents?: TileContent[];
  children?: Tile[];
}

export interface Tileset {
  asset: { version: '1.1'; generator?: string; tilesetVersion?: string; extras?: Record<string, unknown> };
  schema?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  geometricError: number;
  root: Tile;
  extras?: Record<string, unknown>;
}

/** Axis-aligned bounds as a `box`, each half-axis at least `minHalf` (no degenerate boxes). */
export function boundsToBox(b: Bounds3, minHalf = 0.5): Box {
  const c = [0, 1, 2].map((i) => (b.min[i]! + b.max[i]!) / 2);
  const h = [0, 1, 2].map((i) => Math.max(minHalf, (b.max[i]! - b.min[i]!) / 2));
  return [c[0]!, c[1]!, c[2]!, h[0]!, 0, 0, 0, h[1]!, 0, 0, 0, h[2]!];
}

/** The 8 corners of a box. */
export function boxCorners(box: Box): Vec3[] {
  const out: Vec3[] = [];
  for (const sa of [-1, 1]) {
    for (const sb of [-1, 1]) {
      for (const sc of [-1, 1]) {
        out.push([0, 1, 2].map((i) => box[i]! + sa * box[3 + i]! + sb * box[6 + i]! + sc * box[9 + i]!) as Vec3);
      }
    }
  }
  return out;
}

/** True when point `p` is inside the (oriented) box, with tolerance `eps` metres. */
export function boxContainsPoint(box: Box, p: Readonly<Vec3>, eps = 1e-6): boolean {
  const d = [p[0] - box[0]!, p[1] - box[1]!, p[2] - box[2]!];
  for (let k = 0; k < 3; k++) {
    const a = [box[3 + 3 * k]!, box[4 + 3 * k]!, box[5 + 3 * k]!];
    const len2 = a[0]! * a[0]! + a[1]! * a[1]! + a[2]! * a[2]!;
    if (len2 === 0) continue;
    const len = Math.sqrt(len2);
    const proj = (d[0]! * a[0]! + d[1]! * a[1]! + d[2]! * a[2]!) / len;
    if (Math.abs(proj) > len + eps) return false;
  }
  return true;
}

/** True when every corner of `inner` lies in `outer` (boxes in the same frame). */
export function boxContainsBox(outer: Box, inner: Box, eps = 1e-6): boolean {
  return boxCorners(inner).every((p) => boxContainsPoint(outer, p, eps));
}

/** Column-major 4×4 product a·b. */
export function mat4Multiply(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(16).fill(0);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[k * 4 + r]! * b[c * 4 + k]!;
      out[c * 4 + r] = s;
    }
  }
  return out;
}

/** Inverse of a rigid (rotation + translation) column-major 4×4. */
export function mat4InvertRigid(m: readonly number[]): number[] {
  const t = [m[12]!, m[13]!, m[14]!];
  const out = [m[0]!, m[4]!, m[8]!, 0, m[1]!, m[5]!, m[9]!, 0, m[2]!, m[6]!, m[10]!, 0, 0, 0, 0, 1];
  for (let r = 0; r < 3; r++) out[12 + r] = -(out[r]! * t[0]! + out[4 + r]! * t[1]! + out[8 + r]! * t[2]!);
  return out;
}

export function mat4TransformPoint(m: readonly number[], p: Readonly<Vec3>): Vec3 {
  return [
    m[0]! * p[0] + m[4]! * p[1] + m[8]! * p[2] + m[12]!,
    m[1]! * p[0] + m[5]! * p[1] + m[9]! * p[2] + m[13]!,
    m[2]! * p[0] + m[6]! * p[1] + m[10]! * p[2] + m[14]!,
  ];
}

/** Depth-first visit of tiles, parents first, with their depth. */
export function walkTiles(tile: Tile, visit: (tile: Tile, depth: number, parent: Tile | null) => void, depth = 0, parent: Tile | null = null): void {
  visit(tile, depth, parent);
  for (const c of tile.children ?? []) walkTiles(c, visit, depth + 1, tile);
}

/** Rounds a number for JSON output (bounding volumes, errors); keeps integers as they are. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Rounds a box to millimetres so that it still contains the original: the centre moves by
 * at most 0.5 mm, and every non-zero half-axis grows by 1 mm (after rounding up).
 */
export function roundBox(box: Box): Box {
  return box.map((v, i) => {
    if (i < 3) return round(v);
    if (v === 0) return 0;
    return Math.sign(v) * round(Math.ceil(Math.abs(v) * 1000) / 1000 + 0.001);
  });
}

/** Axis-aligned bounds of an axis-aligned box (half-axes along x, y, z). */
export function boxBounds(box: Box): Bounds3 {
  const h = [Math.abs(box[3]!), Math.abs(box[7]!), Math.abs(box[11]!)];
  return {
    min: [box[0]! - h[0]!, box[1]! - h[1]!, box[2]! - h[2]!],
    max: [box[0]! + h[0]!, box[1]! + h[1]!, box[2]! + h[2]!],
  };
}

/**
 * Geometric error of a tile under ADD refinement, from its children: the largest size of what
 * they add (`omitted`, what is missing when only this tile is drawn), at least 1.5 × their own
 * errors so errors strictly shrink with depth, and at least `minimum`; 0 for a leaf.
 * Rounded up to centimetres.
 */
export function additiveGeometricError(children: readonly { omitted: number; tile: { geometricError: number } }[], minimum = 0): number {
  if (children.length === 0) return 0;
  let omitted = 0;
  let childError = 0;
  for (const c of children) {
    omitted = Math.max(omitted, c.omitted);
    childError = Math.max(childError, c.tile.geometricError);
  }
  return Math.ceil(Math.max(omitted, 1.5 * childError, minimum) * 100) / 100;
}

/** Writes JSON with 2-space indentation (deterministic: insertion-ordered keys). */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(value, null, 2) + '\n');
}
