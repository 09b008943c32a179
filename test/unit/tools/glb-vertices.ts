/**
 * Test helper: every vertex of a tile's glTF content with its feature id, on the globe: the
 * node's transform, glTF's y-up to 3D Tiles' z-up ((x, y, z) → (x, −z, y)), then the tile's
 * transform to ECEF, then geodetic lon/lat (degrees) and ellipsoidal height (metres).
 */
import type { Document } from '@gltf-transform/core';
import { ecefToGeodetic } from '../../../src/geo/ellipsoid';
import { mat4TransformPoint } from '../../../tools/lib/tileset';

export function forEachGeodeticVertex(doc: Document, tileTransform: number[], visit: (featureId: number, lon: number, lat: number, height: number) => void): void {
  const v = [0, 0, 0];
  const f = [0];
  for (const node of doc.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const w = node.getWorldMatrix();
    for (const prim of mesh.listPrimitives()) {
      const fid = prim.getAttribute('_FEATURE_ID_0')!;
      const pos = prim.getAttribute('POSITION')!;
      for (let i = 0; i < pos.getCount(); i++) {
        fid.getElement(i, f);
        pos.getElement(i, v);
        const g = [0, 1, 2].map((r) => w[r]! * v[0]! + w[4 + r]! * v[1]! + w[8 + r]! * v[2]! + w[12 + r]!);
        const ecef = mat4TransformPoint(tileTransform, [g[0]!, -g[2]!, g[1]!]);
        const [lon, lat, h] = ecefToGeodetic(ecef[0], ecef[1], ecef[2]);
        visit(f[0]!, lon, lat, h);
      }
    }
  }
}
