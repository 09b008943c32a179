/**
 * Reads a tileset written by the `cityjson` command back into plain numbers: every content tile's
 * vertices in WGS84 (lon°, lat°, ellipsoidal height), their normals in the tileset's ENU frame,
 * linear vertex colours, feature ids and the decoded property table. For tests and debugging; it
 * follows the 3D Tiles rules a client applies (tile transforms, glTF y-up → z-up, node matrices,
 * dequantization, meshopt decoding).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ecefToGeodetic } from '../../src/geo/ellipsoid';
import { getGltfIO } from '../lib/gltf-content';
import { parseGlb, type GltfJson } from '../lib/glb';
import { decodePropertyTable, type PropertyValue } from '../lib/metadata';
import { mat4Multiply, mat4TransformPoint, type Tile, type Tileset } from '../lib/tileset';
import type { Vec3 } from '../lib/mesh-builder';

export interface ReadBackContent {
  uri: string;
  /** Geodetic positions: lon°, lat°, ellipsoidal height (m). */
  geodetic: Vec3[];
  /** Unit normals in the tileset's root frame (ENU: x east, y north, z up). */
  normals: Vec3[];
  /** Linear RGB vertex colours. */
  colors: Vec3[];
  featureIds: number[];
  /** EXT_mesh_features featureCount. */
  featureCount: number;
  rows: Record<string, PropertyValue>[];
  /** The glTF JSON (to inspect extensions). */
  json: GltfJson;
}

/** glTF y-up → 3D Tiles z-up. */
const Y_UP_TO_Z_UP = [1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1];

export async function readBackTileset(dir: string): Promise<{ tileset: Tileset; contents: ReadBackContent[] }> {
  const tileset = JSON.parse(await readFile(join(dir, 'tileset.json'), 'utf8')) as Tileset;
  const io = await getGltfIO();
  const contents: ReadBackContent[] = [];
  const visit = async (tile: Tile, parent: number[]): Promise<void> => {
    const m = tile.transform ? mat4Multiply(parent, tile.transform) : parent;
    if (tile.content) {
      const bytes = new Uint8Array(await readFile(join(dir, tile.content.uri)));
      const { json, bin } = parseGlb(bytes);
      const doc = await io.readBinary(bytes);
      const out: ReadBackContent = { uri: tile.content.uri, geodetic: [], normals: [], colors: [], featureIds: [], featureCount: 0, rows: [], json };
      for (const node of doc.getRoot().listNodes()) {
        const mesh = node.getMesh();
        if (!mesh) continue;
        const toEcef = mat4Multiply(m, mat4Multiply(Y_UP_TO_Z_UP, node.getWorldMatrix() as unknown as number[]));
        for (const prim of mesh.listPrimitives()) {
          const pos = prim.getAttribute('POSITION')!;
          const nor = prim.getAttribute('NORMAL');
          const col = prim.getAttribute('COLOR_0');
          const fid = prim.getAttribute('_FEATURE_ID_0');
          const e: number[] = [];
          for (let i = 0; i < pos.getCount(); i++) {
            pos.getElement(i, e);
            const [x, y, z] = mat4TransformPoint(toEcef, [e[0]!, e[1]!, e[2]!]);
            out.geodetic.push(ecefToGeodetic(x, y, z));
            if (nor) {
              nor.getElement(i, e);
              const l = Math.hypot(e[0]!, e[1]!, e[2]!);
              // normals in the root's ENU frame: glTF y-up → z-up only (no root rotation)
              out.normals.push([e[0]! / l, -e[2]! / l, e[1]! / l]);
            }
            if (col) {
              col.getElement(i, e);
              out.colors.push([e[0]!, e[1]!, e[2]!]);
            }
            if (fid) {
              fid.getElement(i, e);
              out.featureIds.push(e[0]!);
            }
          }
        }
      }
      for (const mesh of json.meshes ?? []) for (const p of mesh.primitives ?? []) out.featureCount = p.extensions?.EXT_mesh_features?.featureIds?.[0]?.featureCount ?? 0;
      if (bin && json.extensions?.EXT_structural_metadata) out.rows = decodePropertyTable(json, bin);
      contents.push(out);
    }
    for (const c of tile.children ?? []) await visit(c, m);
  };
  await visit(tileset.root, [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  return { tileset, contents };
}
