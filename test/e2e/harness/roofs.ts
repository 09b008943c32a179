/**
 * Points where a tile's geometry must be drawn, read from the glb itself in Node: the centroid
 * of the largest up-facing triangle of each of the biggest roofs, on the globe. Tests project
 * them (test/e2e/harness/projection.ts) and probe the canvas there.
 */
import { readFileSync } from 'node:fs';
import { Logger, NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { ecefToGeodetic } from '../../../src/geo/index.ts';
import { mat4TransformPoint } from '../../../tools/lib/tileset.ts';
import type { GeoPoint } from './projection.ts';

export interface RoofPoint extends GeoPoint {
  /** The roof triangle's area, m². */
  area: number;
}

/**
 * The roof points of the `count` features with the largest roof triangles in a glb (3D Tiles
 * glTF content, y-up), placed by the tile's transform (column-major, to ECEF). `offset` moves
 * them in the tile's frame first (metres, z up), e.g. a b3dm's RTC_CENTER.
 */
export async function roofPoints(glbPath: string, tileTransform: number[], count: number, offset: [number, number, number] = [0, 0, 0]): Promise<RoofPoint[]> {
  await MeshoptDecoder.ready;
  const io = new NodeIO().setLogger(new Logger(Logger.Verbosity.ERROR)).registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const doc = await io.readBinary(new Uint8Array(readFileSync(glbPath)));
  const best = new Map<number, { area: number; at: [number, number, number] }>();
  const v = [0, 0, 0];
  const f = [0];
  for (const node of doc.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const w = node.getWorldMatrix();
    for (const prim of mesh.listPrimitives()) {
      const pos = prim.getAttribute('POSITION')!;
      const fid = prim.getAttribute('_FEATURE_ID_0');
      const index = prim.getIndices();
      const triangles = (index ? index.getCount() : pos.getCount()) / 3;
      const corner = (k: number): [number, number, number] => {
        pos.getElement(index ? index.getScalar(k) : k, v);
        const g = [0, 1, 2].map((r) => w[r]! * v[0]! + w[4 + r]! * v[1]! + w[8 + r]! * v[2]! + w[12 + r]!);
        return [g[0]! + offset[0], -g[2]! + offset[1], g[1]! + offset[2]]; // y-up → z-up
      };
      for (let t = 0; t < triangles; t++) {
        const [a, b, c] = [corner(3 * t), corner(3 * t + 1), corner(3 * t + 2)];
        const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
        const s = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
        const n = [u[1]! * s[2]! - u[2]! * s[1]!, u[2]! * s[0]! - u[0]! * s[2]!, u[0]! * s[1]! - u[1]! * s[0]!];
        const twice = Math.hypot(n[0]!, n[1]!, n[2]!);
        if (twice === 0 || n[2]! / twice < 0.9) continue; // roofs only: facing up
        if (fid) fid.getElement(index ? index.getScalar(3 * t) : 3 * t, f);
        const id = fid ? f[0]! : 0;
        const area = twice / 2;
        if (area > (best.get(id)?.area ?? 0)) best.set(id, { area, at: [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3, (a[2] + b[2] + c[2]) / 3] });
      }
    }
  }
  return [...best.values()]
    .sort((p, q) => q.area - p.area)
    .slice(0, count)
    .map(({ area, at }) => {
      const ecef = mat4TransformPoint(tileTransform, at);
      const [lon, lat, height] = ecefToGeodetic(ecef[0], ecef[1], ecef[2]);
      return { lon, lat, height, area };
    });
}
