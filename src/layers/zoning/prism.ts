/**
 * Closed prisms over polygons in the scene frame: the building block of draping volumes and of
 * maximum-height envelopes. Caps are triangulated with earcut; walls are outward-facing quads.
 */
import earcut from 'earcut';
import type { SceneFrame } from '../../geo';
import type { Polygon } from '../../sources/plans/plan-document';
import { MeshBuilder, type Pattern, type Rgba } from './mesh-buffers';

const _p: [number, number, number] = [0, 0, 0];

export interface PrismOptions {
  /** Bottom and top heights above the WGS84 ellipsoid, metres. */
  bottom: number;
  top: number;
  colour: Rgba;
  /** Wall colour (default: `colour`), e.g. shaded for envelopes. */
  wallColour?: Rgba;
  pattern?: Pattern;
}

/** Signed area in the (east, north) plane of a ring given as scene x/z pairs; > 0 = counter-clockwise. */
function signedAreaEN(xz: number[], start: number, end: number): number {
  let a = 0;
  for (let i = start, j = end - 2; i < end; j = i, i += 2) {
    // east = x, north = −z
    a += xz[j]! * -xz[i + 1]! - xz[i]! * -xz[j + 1]!;
  }
  return a / 2;
}

/** Reverses the vertex order of a flat xz ring in place between `start` and `end`. */
function reverseRing(xz: number[], start: number, end: number): void {
  for (let i = start, j = end - 2; i < j; i += 2, j -= 2) {
    const x = xz[i]!, z = xz[i + 1]!;
    xz[i] = xz[j]!;
    xz[i + 1] = xz[j + 1]!;
    xz[j] = x;
    xz[j + 1] = z;
  }
}

/**
 * Appends a closed prism over `polygon` (lon/lat rings) from `bottom` to `top` to `out`.
 * Outer rings are made counter-clockwise and holes clockwise (seen from above), so every face
 * points outwards. Returns `false` when the polygon cannot be triangulated.
 */
export function appendPrism(out: MeshBuilder, frame: SceneFrame, polygon: Polygon, o: PrismOptions): boolean {
  const xz: number[] = [];
  const holes: number[] = [];
  const lower: number[] = []; // geodetic lon/lat for each vertex, to place both caps
  polygon.forEach((ring, r) => {
    const start = xz.length;
    if (r > 0) holes.push(start / 2);
    for (const [lon, lat] of ring) {
      frame.toLocal(lon, lat, o.bottom, _p);
      xz.push(_p[0], _p[2]);
      lower.push(lon, lat);
    }
    const area = signedAreaEN(xz, start, xz.length);
    if ((r === 0 && area < 0) || (r > 0 && area > 0)) {
      reverseRing(xz, start, xz.length);
      reverseRing(lower, start, xz.length);
    }
  });
  const n = xz.length / 2;
  if (n < 3) return false;
  const tris = earcut(xz, holes, 2);
  if (tris.length === 0) return false;

  const base = out.vertexCount;
  const wall = o.wallColour ?? o.colour;
  // bottom ring then top ring; the same vertex serves caps and walls (unlit, so no normals)
  for (let i = 0; i < n; i++) {
    frame.toLocal(lower[2 * i]!, lower[2 * i + 1]!, o.bottom, _p);
    out.vertex(_p[0], _p[1], _p[2], wall, o.pattern);
  }
  for (let i = 0; i < n; i++) {
    frame.toLocal(lower[2 * i]!, lower[2 * i + 1]!, o.top, _p);
    out.vertex(_p[0], _p[1], _p[2], o.colour, o.pattern);
  }
  for (let t = 0; t < tris.length; t += 3) {
    let a = tris[t]!, b = tris[t + 1]!, c = tris[t + 2]!;
    // top faces up: counter-clockwise in (east, north)
    const cross = (xz[2 * b]! - xz[2 * a]!) * -(xz[2 * c + 1]! - xz[2 * a + 1]!) - -(xz[2 * b + 1]! - xz[2 * a + 1]!) * (xz[2 * c]! - xz[2 * a]!);
    if (cross < 0) [b, c] = [c, b];
    out.triangle(base + n + a, base + n + b, base + n + c);
    out.triangle(base + a, base + c, base + b);
  }
  // walls, ring by ring
  let start = 0;
  const ends = [...holes, n];
  for (const end of ends) {
    for (let i = start; i < end; i++) {
      const j = i + 1 < end ? i + 1 : start;
      out.quad(base + i, base + j, base + n + j, base + n + i);
    }
    start = end;
  }
  return true;
}

/**
 * Appends a box around the edge a–b (lon/lat) from `bottom` to `top` metres: a draped outline,
 * widened on screen by the drape shader to `halfPx` CSS pixels on each side (the box has no
 * width in the buffers).
 */
export function appendEdgeBox(out: MeshBuilder, frame: SceneFrame, a: readonly [number, number], b: readonly [number, number], bottom: number, top: number, colour: Rgba, halfPx: number): void {
  frame.toLocal(a[0], a[1], bottom, _p);
  const ax = _p[0], az = _p[2], ay0 = _p[1];
  frame.toLocal(b[0], b[1], bottom, _p);
  const bx = _p[0], bz = _p[2], by0 = _p[1];
  const len = Math.hypot(bx - ax, bz - az);
  if (len < 1e-6) return;
  // d along the edge and nrm to its right (seen from above), in scene x/z
  const dx = (bx - ax) / len, dz = (bz - az) / len;
  const nx = -dz, nz = dx;
  const rise = top - bottom;
  const v = out.vertexCount;
  // 0..3 bottom (a−, a+, b+, b−: counter-clockwise from above), 4..7 top; corners pushed out along the edge too
  const corners: [number, number, number, number, number][] = [
    [ax, ay0, az, -nx - dx, -nz - dz],
    [ax, ay0, az, nx - dx, nz - dz],
    [bx, by0, bz, nx + dx, nz + dz],
    [bx, by0, bz, -nx + dx, -nz + dz],
  ];
  for (const [x, y, z, ox, oz] of corners) out.vertex(x, y, z, colour, 0, ox, halfPx, oz);
  for (const [x, y, z, ox, oz] of corners) out.vertex(x, y + rise, z, colour, 0, ox, halfPx, oz);
  addBoxFaces(out, v);
}

/** Outward faces of a box whose bottom ring v..v+3 and top ring v+4..v+7 run counter-clockwise seen from above. */
function addBoxFaces(out: MeshBuilder, v: number): void {
  out.quad(v + 4, v + 5, v + 6, v + 7); // top
  out.quad(v + 3, v + 2, v + 1, v + 0); // bottom
  for (let i = 0; i < 4; i++) {
    const j = (i + 1) % 4;
    out.quad(v + i, v + j, v + 4 + j, v + 4 + i);
  }
}
