/**
 * Encodes a `MeshBuilder` as 3D Tiles glTF content (GLB) with glTF-Transform:
 *
 * - Tile-local coordinates: vertices are stored relative to `center` (float64 maths here,
 *   so float32 vertices carry no jitter) and `center` becomes the node translation.
 * - Axis convention: the builder's frame is z-up (the tileset's ENU frame), glTF is y-up.
 *   3D Tiles runtimes rotate glTF content by +90° about X (y-up → z-up, i.e. glTF (x, y, z)
 *   → tile (x, −z, y)), so a z-up point (x, y, z) is written as glTF (x, z, −y).
 * - One primitive, one material; vertex colours (`COLOR_0`, linear), flat normals and a
 *   `_FEATURE_ID_0` attribute (UNSIGNED_SHORT, not normalised).
 * - `EXT_meshopt_compression` (required) after `reorder` + `quantize`
 *   (`KHR_mesh_quantization`: int16 positions with a dequantizing node transform,
 *   octahedral 8-bit normals, 8-bit colours); feature IDs are left unquantized.
 * - Optionally `EXT_mesh_features` + `EXT_structural_metadata` (see `metadata.ts`).
 */
import { Document, Logger, NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { meshopt } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import type { MeshBuilder, Vec3 } from './mesh-builder';
import { attachFeatureMetadata, type PropertyTableInput } from './metadata';

export interface ContentOptions {
  /** Tile-local origin in the builder's z-up frame. */
  center: Readonly<Vec3>;
  /** Feature properties, row i for feature ID i. */
  metadata?: PropertyTableInput;
  /** `asset.generator` of the glTF. */
  generator?: string;
  /** `asset.copyright` of the glTF. */
  copyright?: string;
  /** Material roughness (default 0.9: matte façades). */
  roughness?: number;
}

let ioPromise: Promise<NodeIO> | null = null;

/** A NodeIO that reads and writes meshopt-compressed, quantized glTF. */
export function getGltfIO(): Promise<NodeIO> {
  ioPromise ??= (async () => {
    await MeshoptEncoder.ready;
    await MeshoptDecoder.ready;
    return new NodeIO()
      // readers of this content see "missing optional extension EXT_mesh_features": expected
      .setLogger(new Logger(Logger.Verbosity.ERROR))
      .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization])
      .registerDependencies({ 'meshopt.encoder': MeshoptEncoder, 'meshopt.decoder': MeshoptDecoder });
  })();
  return ioPromise;
}

/** z-up frame → tile-local glTF y-up coordinates. */
export function toGltfLocal(p: Readonly<Vec3>, center: Readonly<Vec3>): Vec3 {
  return [p[0] - center[0], p[2] - center[2], -(p[1] - center[1])];
}

export async function encodeContentGlb(mesh: MeshBuilder, options: ContentOptions): Promise<Uint8Array> {
  const n = mesh.vertexCount;
  if (n === 0 || mesh.triangleCount === 0) throw new Error('encodeContentGlb: empty mesh');
  const c = options.center;
  const pos = new Float32Array(n * 3);
  const nor = new Float32Array(n * 3);
  const col = new Float32Array(n * 3);
  const src = mesh.positions;
  const sn = mesh.normals;
  for (let i = 0; i < n; i++) {
    const k = i * 3;
    pos[k] = src[k]! - c[0];
    pos[k + 1] = src[k + 2]! - c[2];
    pos[k + 2] = -(src[k + 1]! - c[1]);
    nor[k] = sn[k]!;
    nor[k + 1] = sn[k + 2]!;
    nor[k + 2] = -sn[k + 1]!;
    col[k] = mesh.colors[k]!;
    col[k + 1] = mesh.colors[k + 1]!;
    col[k + 2] = mesh.colors[k + 2]!;
  }
  let maxId = 0;
  for (const f of mesh.featureIds) maxId = Math.max(maxId, f);
  if (maxId > 65534) throw new Error('encodeContentGlb: more than 65535 features in one tile');
  const fid = Uint16Array.from(mesh.featureIds);
  const idx = n < 65536 ? Uint16Array.from(mesh.indices) : Uint32Array.from(mesh.indices);

  const doc = new Document();
  doc.setLogger(new Logger(Logger.Verbosity.WARN));
  const asset = doc.getRoot().getAsset();
  asset.generator = options.generator ?? 'metacity-twin tools (glTF-Transform)';
  if (options.copyright) asset.copyright = options.copyright;
  const buffer = doc.createBuffer();
  const acc = (type: 'VEC3' | 'SCALAR', array: Float32Array | Uint16Array | Uint32Array) =>
    doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const material = doc
    .createMaterial('surface')
    .setBaseColorFactor([1, 1, 1, 1])
    .setMetallicFactor(0)
    .setRoughnessFactor(options.roughness ?? 0.9);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', acc('VEC3', pos))
    .setAttribute('NORMAL', acc('VEC3', nor))
    .setAttribute('COLOR_0', acc('VEC3', col))
    .setAttribute('_FEATURE_ID_0', acc('SCALAR', fid))
    .setIndices(acc('SCALAR', idx))
    .setMaterial(material);
  const gMesh = doc.createMesh('content').addPrimitive(prim);
  const node = doc.createNode('content').setMesh(gMesh).setTranslation([c[0], c[2], -c[1]]);
  doc.createScene('scene').addChild(node);
  doc.getRoot().setDefaultScene(doc.getRoot().listScenes()[0]!);

  await MeshoptEncoder.ready;
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'high', quantizePosition: 16 }));
  const io = await getGltfIO();
  let glb: Uint8Array = await io.writeBinary(doc);
  if (options.metadata) glb = attachFeatureMetadata(glb, options.metadata);
  return glb;
}
