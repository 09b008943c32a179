/**
 * Extrudes footprint records (ENU metres) into flat-shaded, vertex-coloured triangles:
 * one vertical quad per ring edge (outer rings counter-clockwise and holes clockwise, so
 * walls face out of the solid, into courtyards too) and a flat roof triangulated with
 * earcut, holes included. No floor (buildings stand on the ground).
 *
 * Heights: the whole building is flat at the ENU height of its base (`z`, which already
 * includes the Earth's curvature at its place), from `z` to `z + height`.
 */
import earcut from 'earcut';
import { srgbHexToLinear, type Rgb } from '../lib/color';
import { hashString } from '../lib/prng';
import type { MeshBuilder } from '../lib/mesh-builder';
import type { FootprintRecord } from './records';

const WALL = srgbHexToLinear('#d8d2c4');
const ROOF = srgbHexToLinear('#8f8a84');

/** Wall colour of a building: the base colour, a little lighter or darker per id (neighbours differ). */
export function wallColour(id: string): Rgb {
  const f = 0.9 + ((hashString(id) % 1000) / 1000) * 0.2;
  return [Math.min(1, WALL[0] * f), Math.min(1, WALL[1] * f), Math.min(1, WALL[2] * f)];
}

/** Appends one building (all its polygons) with feature ID `featureId`. */
export function extrudeRecord(mesh: MeshBuilder, r: FootprintRecord, featureId: number): void {
  const z0 = r.z;
  const z1 = r.z + r.height;
  const wall = wallColour(r.id);
  const P = mesh.positions;
  const N = mesh.normals;
  const C = mesh.colors;
  const F = mesh.featureIds;
  const I = mesh.indices;
  const vertex = (x: number, y: number, z: number, nx: number, ny: number, nz: number, c: Rgb) => {
    P.push(x, y, z);
    N.push(nx, ny, nz);
    C.push(c[0], c[1], c[2]);
    F.push(featureId);
  };
  for (const rings of r.polygons) {
    // walls: facing right of a→b (outside for a counter-clockwise outer ring)
    for (const ring of rings) {
      const n = ring.length / 2;
      for (let i = 0; i < n; i++) {
        const j = i + 1 === n ? 0 : i + 1;
        const ax = ring[2 * i]!;
        const ay = ring[2 * i + 1]!;
        const bx = ring[2 * j]!;
        const by = ring[2 * j + 1]!;
        const dx = bx - ax;
        const dy = by - ay;
        const len = Math.hypot(dx, dy);
        if (len < 1e-6) continue;
        const nx = dy / len;
        const ny = -dx / len;
        const k = P.length / 3;
        vertex(ax, ay, z0, nx, ny, 0, wall);
        vertex(bx, by, z0, nx, ny, 0, wall);
        vertex(bx, by, z1, nx, ny, 0, wall);
        vertex(ax, ay, z1, nx, ny, 0, wall);
        I.push(k, k + 1, k + 2, k, k + 2, k + 3);
      }
    }
    // flat roof
    const flat: number[] = [];
    const holes: number[] = [];
    rings.forEach((ring, i) => {
      if (i > 0) holes.push(flat.length / 2);
      for (let k = 0; k < ring.length; k++) flat.push(ring[k]!);
    });
    const tris = earcut(flat, holes.length ? holes : undefined, 2);
    const base = P.length / 3;
    for (let k = 0; k < flat.length; k += 2) vertex(flat[k]!, flat[k + 1]!, z1, 0, 0, 1, ROOF);
    for (let t = 0; t < tris.length; t += 3) {
      const a = tris[t]!;
      let b = tris[t + 1]!;
      let c = tris[t + 2]!;
      const cross = (flat[2 * b]! - flat[2 * a]!) * (flat[2 * c + 1]! - flat[2 * a + 1]!) - (flat[2 * b + 1]! - flat[2 * a + 1]!) * (flat[2 * c]! - flat[2 * a]!);
      if (cross < 0) [b, c] = [c, b];
      I.push(base + a, base + b, base + c);
    }
  }
}
