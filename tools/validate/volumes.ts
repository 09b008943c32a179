/**
 * Bounding volumes of 3D Tiles for the validator: parsing with readable problems, placing them
 * in the tileset's frame (tile `transform`s composed from the root down; regions are always
 * EPSG:4979 and ignore transforms), and measuring how far one volume reaches outside another.
 *
 * Containment is measured in metres: the child's volume is sampled (box corners and points on
 * its faces, region grids, points on a sphere) and each sample's distance outside the parent
 * is taken; sphere-in-box and sphere-in-sphere are exact. Region samples use a grid, so the
 * bulge of a region's curved top between samples (a few mm for a 1 km tile) is not seen.
 */
import { DEG, ecefToGeodetic, geodeticToEcef, WGS84_A, WGS84_E2 } from '../../src/geo/ellipsoid';
import { mat4Multiply, mat4TransformPoint } from '../lib/tileset';

export type V3 = [number, number, number];

export const IDENTITY: readonly number[] = Object.freeze([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

/** A bounding volume placed in the tileset's frame (ECEF for georeferenced tilesets). */
export type PlacedVolume =
  | { kind: 'box'; centre: V3; axes: [V3, V3, V3] }
  | { kind: 'sphere'; centre: V3; radius: number }
  /** Radians and metres; `west > east` crosses the antimeridian. */
  | { kind: 'region'; west: number; south: number; east: number; north: number; minHeight: number; maxHeight: number };

export interface VolumeProblem {
  /** Sub-path below the bounding volume, e.g. `box` or `region[4]`. */
  path: string;
  message: string;
}

/** A bounding volume as written, before placement. */
export type RawVolume = { kind: 'box'; values: number[] } | { kind: 'sphere'; values: number[] } | { kind: 'region'; values: number[] };

function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `an array of ${v.length}${v.every((x) => typeof x === 'number') ? ' numbers' : ''}`;
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : JSON.stringify(v);
}

/**
 * Checks a `boundingVolume` object (box: 12 numbers; sphere: 4, radius ≥ 0; region: 6 in
 * radians, south ≤ north, minimum height ≤ maximum height). Returns the volume to use
 * (box before region before sphere, as clients do) or null, and the problems found.
 */
export function parseBoundingVolume(bv: unknown): { volume: RawVolume | null; problems: VolumeProblem[]; warnings: VolumeProblem[] } {
  const problems: VolumeProblem[] = [];
  const warnings: VolumeProblem[] = [];
  if (typeof bv !== 'object' || bv === null || Array.isArray(bv)) {
    problems.push({ path: '', message: `expected an object with a box, region or sphere, got ${describe(bv)}` });
    return { volume: null, problems, warnings };
  }
  const o = bv as Record<string, unknown>;
  const present = (['box', 'region', 'sphere'] as const).filter((k) => o[k] !== undefined);
  const extensions = typeof o.extensions === 'object' && o.extensions !== null ? Object.keys(o.extensions) : [];
  if (present.length === 0) {
    if (extensions.length > 0) warnings.push({ path: '', message: `only an extension volume (${extensions.join(', ')}); not checked` });
    else problems.push({ path: '', message: 'expected a box, region or sphere, but none is given' });
    return { volume: null, problems, warnings };
  }
  if (present.length > 1) warnings.push({ path: '', message: `has ${present.join(' and ')}; clients use only one (the ${present[0]})` });
  let volume: RawVolume | null = null;
  for (const kind of present) {
    const v = o[kind];
    const before = problems.length;
    if (kind === 'box') {
      if (!isNumberArray(v) || v.length !== 12) problems.push({ path: 'box', message: `expected 12 numbers (centre and three half-axes), got ${describe(v)}` });
    } else if (kind === 'sphere') {
      if (!isNumberArray(v) || v.length !== 4) problems.push({ path: 'sphere', message: `expected 4 numbers (centre and radius), got ${describe(v)}` });
      else if (v[3]! < 0) problems.push({ path: 'sphere[3]', message: `the radius must not be negative, got ${v[3]}` });
    } else {
      if (!isNumberArray(v) || v.length !== 6) {
        problems.push({ path: 'region', message: `expected 6 numbers (west, south, east, north in radians, minimum and maximum height), got ${describe(v)}` });
      } else {
        const [w, s, e, n, h0, h1] = v as [number, number, number, number, number, number];
        const deg = (r: number) => `${r} rad = ${(r / DEG).toFixed(4)}°`;
        if (w < -Math.PI || w > Math.PI) problems.push({ path: 'region[0]', message: `west must be in [-π, π] radians, got ${deg(w)}${Math.abs(w) <= 180 && Math.abs(w) > Math.PI ? ' (degrees instead of radians?)' : ''}` });
        if (e < -Math.PI || e > Math.PI) problems.push({ path: 'region[2]', message: `east must be in [-π, π] radians, got ${deg(e)}${Math.abs(e) <= 180 && Math.abs(e) > Math.PI ? ' (degrees instead of radians?)' : ''}` });
        if (s < -Math.PI / 2 || s > Math.PI / 2) problems.push({ path: 'region[1]', message: `south must be in [-π/2, π/2] radians, got ${deg(s)}` });
        if (n < -Math.PI / 2 || n > Math.PI / 2) problems.push({ path: 'region[3]', message: `north must be in [-π/2, π/2] radians, got ${deg(n)}` });
        if (s > n) problems.push({ path: 'region', message: `south (${s}) must not be greater than north (${n})` });
        if (h0 > h1) problems.push({ path: 'region', message: `minimum height (${h0} m) must not be greater than maximum height (${h1} m)` });
        if (problems.length === before && w > e) warnings.push({ path: 'region', message: `west (${w}) > east (${e}): the region crosses the antimeridian` });
      }
    }
    if (volume === null && problems.length === before) volume = { kind, values: (v as number[]).slice() };
  }
  return { volume: problems.length > 0 ? null : volume, problems, warnings };
}

/** Problems of a tile `transform` (16 numbers, column-major, affine, invertible). */
export function transformProblems(t: unknown): string[] {
  if (!isNumberArray(t) || t.length !== 16) return [`expected 16 numbers (a column-major 4×4 matrix), got ${describe(t)}`];
  const out: string[] = [];
  if (t[3] !== 0 || t[7] !== 0 || t[11] !== 0 || t[15] !== 1) out.push(`expected an affine matrix (last row 0, 0, 0, 1; elements 3, 7, 11, 15), got ${t[3]}, ${t[7]}, ${t[11]}, ${t[15]}`);
  const det = t[0]! * (t[5]! * t[10]! - t[9]! * t[6]!) - t[4]! * (t[1]! * t[10]! - t[9]! * t[2]!) + t[8]! * (t[1]! * t[6]! - t[5]! * t[2]!);
  if (Math.abs(det) < 1e-12) out.push('the matrix is not invertible (its 3×3 part has determinant 0)');
  return out;
}

export function composeTransform(parent: readonly number[], local: unknown): readonly number[] {
  if (!isNumberArray(local) || local.length !== 16) return parent;
  return mat4Multiply(parent as number[], local);
}

function linear(m: readonly number[], v: Readonly<V3>): V3 {
  return [m[0]! * v[0] + m[4]! * v[1] + m[8]! * v[2], m[1]! * v[0] + m[5]! * v[1] + m[9]! * v[2], m[2]! * v[0] + m[6]! * v[1] + m[10]! * v[2]];
}

/** Places a volume with the accumulated `transform` (regions ignore it, as the spec says). */
export function placeVolume(raw: RawVolume, transform: readonly number[]): PlacedVolume {
  const v = raw.values;
  if (raw.kind === 'region') return { kind: 'region', west: v[0]!, south: v[1]!, east: v[2]!, north: v[3]!, minHeight: v[4]!, maxHeight: v[5]! };
  const centre = mat4TransformPoint(transform as number[], [v[0]!, v[1]!, v[2]!]) as V3;
  if (raw.kind === 'sphere') {
    const scale = Math.max(...[0, 1, 2].map((c) => Math.hypot(transform[c * 4]!, transform[c * 4 + 1]!, transform[c * 4 + 2]!)));
    return { kind: 'sphere', centre, radius: v[3]! * scale };
  }
  const axes = [0, 1, 2].map((k) => linear(transform, [v[3 + 3 * k]!, v[4 + 3 * k]!, v[5 + 3 * k]!])) as [V3, V3, V3];
  return { kind: 'box', centre, axes };
}

// ---- vector helpers ----
const sub = (a: Readonly<V3>, b: Readonly<V3>): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Readonly<V3>, b: Readonly<V3>): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: Readonly<V3>, s: number): V3 => [a[0] * s, a[1] * s, a[2] * s];
const dot = (a: Readonly<V3>, b: Readonly<V3>) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Readonly<V3>, b: Readonly<V3>): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const len = (a: Readonly<V3>) => Math.hypot(a[0], a[1], a[2]);
const unit = (a: Readonly<V3>): V3 => scale(a, 1 / len(a));

/**
 * The box as three slabs: unit face normals `n` and half-thicknesses `h` (so the box is
 * |(p − c)·nᵢ| ≤ hᵢ). Works for skewed (transformed) boxes and flat ones (a zero half-axis).
 */
interface Slabs {
  centre: V3;
  normals: V3[];
  half: number[];
}

function boxSlabs(box: Extract<PlacedVolume, { kind: 'box' }>): Slabs {
  const lengths = box.axes.map(len);
  const scaleRef = Math.max(...lengths, 1e-300);
  const dirs: (V3 | null)[] = box.axes.map((a, i) => (lengths[i]! > scaleRef * 1e-12 ? unit(a) : null));
  // complete missing (zero) directions so that the three are independent
  const seeds: V3[] = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ];
  for (let i = 0; i < 3; i++) {
    if (dirs[i]) continue;
    const known = dirs.filter((d): d is V3 => d !== null);
    let best: V3 = seeds[0]!;
    let bestLen = -1;
    for (const s of seeds) {
      let v: V3 = [...s] as V3;
      for (const k of known) v = sub(v, scale(k, dot(v, k)));
      if (known.length === 2) v = cross(known[0]!, known[1]!);
      if (len(v) > bestLen) {
        bestLen = len(v);
        best = v;
      }
    }
    dirs[i] = unit(best);
  }
  const d = dirs as V3[];
  const normals: V3[] = [];
  const half: number[] = [];
  for (let i = 0; i < 3; i++) {
    let n = cross(d[(i + 1) % 3]!, d[(i + 2) % 3]!);
    if (len(n) < 1e-12) n = d[i]!; // degenerate: nearly parallel axes
    n = unit(n);
    normals.push(n);
    half.push(Math.abs(dot(box.axes[i]!, n)));
  }
  return { centre: box.centre, normals, half };
}

function boxCornersOf(box: Extract<PlacedVolume, { kind: 'box' }>, steps = 1): V3[] {
  // steps = 1: the 8 corners; more: a grid on each face (for non-convex parents such as regions)
  const out: V3[] = [];
  const ts = Array.from({ length: steps + 1 }, (_, i) => -1 + (2 * i) / steps);
  for (const a of ts) {
    for (const b of ts) {
      for (const c of ts) {
        const onFace = Math.abs(a) === 1 || Math.abs(b) === 1 || Math.abs(c) === 1;
        if (!onFace) continue;
        out.push(add(box.centre, add(scale(box.axes[0], a), add(scale(box.axes[1], b), scale(box.axes[2], c)))));
      }
    }
  }
  return out;
}

function regionPoints(r: Extract<PlacedVolume, { kind: 'region' }>, steps = 4): V3[] {
  const east = r.east < r.west ? r.east + 2 * Math.PI : r.east;
  const out: V3[] = [];
  for (let i = 0; i <= steps; i++) {
    const lon = r.west + ((east - r.west) * i) / steps;
    for (let j = 0; j <= steps; j++) {
      const lat = r.south + ((r.north - r.south) * j) / steps;
      for (const h of r.minHeight === r.maxHeight ? [r.minHeight] : [r.minHeight, r.maxHeight]) {
        out.push(geodeticToEcef(lon / DEG, lat / DEG, h));
      }
    }
  }
  return out;
}

function spherePoints(s: Extract<PlacedVolume, { kind: 'sphere' }>): V3[] {
  // 26 directions: axes, face diagonals and corners of a cube, plus the local vertical
  const out: V3[] = [];
  for (const x of [-1, 0, 1]) {
    for (const y of [-1, 0, 1]) {
      for (const z of [-1, 0, 1]) {
        if (x === 0 && y === 0 && z === 0) continue;
        out.push(add(s.centre, scale(unit([x, y, z]), s.radius)));
      }
    }
  }
  if (len(s.centre) > 1e5) {
    const up = unit(s.centre);
    out.push(add(s.centre, scale(up, s.radius)), sub(s.centre, scale(up, s.radius)));
  }
  return out;
}

/** Metres by which point `p` lies outside the volume (≤ 0 inside). */
export function distanceOutside(parent: PlacedVolume, p: Readonly<V3>, slabs?: Slabs): number {
  if (parent.kind === 'sphere') return len(sub(p, parent.centre)) - parent.radius;
  if (parent.kind === 'box') {
    const s = slabs ?? boxSlabs(parent);
    const d = sub(p, s.centre);
    let worst = -Infinity;
    for (let i = 0; i < 3; i++) worst = Math.max(worst, Math.abs(dot(d, s.normals[i]!)) - s.half[i]!);
    return worst;
  }
  const [lonDeg, latDeg, h] = ecefToGeodetic(p[0], p[1], p[2]);
  const lon = lonDeg * DEG;
  const lat = latDeg * DEG;
  const sinLat = Math.sin(lat);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  const m = (WGS84_A * (1 - WGS84_E2)) / Math.pow(1 - WGS84_E2 * sinLat * sinLat, 1.5);
  // longitude: distance outside the (possibly antimeridian-crossing) interval
  const width = (((parent.east - parent.west) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI) || (parent.east === parent.west ? 0 : 2 * Math.PI);
  const rel = (((lon - parent.west) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  const lonOut = rel <= width ? 0 : Math.min(rel - width, 2 * Math.PI - rel);
  const lonMetres = lonOut * (n + h) * Math.cos(lat);
  const latOut = Math.max(parent.south - lat, lat - parent.north, 0);
  const latMetres = latOut * (m + h);
  const hOut = Math.max(parent.minHeight - h, h - parent.maxHeight, 0);
  const inside = lonOut === 0 && latOut === 0 && hOut === 0;
  if (inside) return -Math.min(h - parent.minHeight, parent.maxHeight - h); // a rough "how far inside"
  return Math.hypot(lonMetres, latMetres, hOut);
}

/**
 * How far (metres) the child volume reaches outside the parent volume; ≤ 0 when contained.
 */
export function excessOutside(parent: PlacedVolume, child: PlacedVolume): number {
  if (child.kind === 'sphere' && parent.kind === 'sphere') return len(sub(child.centre, parent.centre)) + child.radius - parent.radius;
  if (child.kind === 'sphere' && parent.kind === 'box') {
    const s = boxSlabs(parent);
    const d = sub(child.centre, s.centre);
    let worst = -Infinity;
    for (let i = 0; i < 3; i++) worst = Math.max(worst, Math.abs(dot(d, s.normals[i]!)) + child.radius - s.half[i]!);
    return worst;
  }
  if (child.kind === 'region' && parent.kind === 'region') {
    // exact on the intervals: sample the child's corners and edge midpoints
    return Math.max(...regionPoints(child, 2).map((p) => distanceOutside(parent, p)));
  }
  let points: V3[];
  if (child.kind === 'box') points = boxCornersOf(child, parent.kind === 'region' ? 4 : 1);
  else if (child.kind === 'region') points = regionPoints(child, 6);
  else points = spherePoints(child);
  const slabs = parent.kind === 'box' ? boxSlabs(parent) : undefined;
  let worst = -Infinity;
  for (const p of points) worst = Math.max(worst, distanceOutside(parent, p, slabs));
  return worst;
}
