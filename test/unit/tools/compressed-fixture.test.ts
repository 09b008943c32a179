/** The committed Draco + KTX2 fixture in test/fixtures/tiles/compressed/ (tools/fixtures/compressed-tileset.ts). */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeIO, type Document } from '@gltf-transform/core';
import { KHRDracoMeshCompression, KHRMaterialsUnlit, KHRTextureBasisu } from '@gltf-transform/extensions';
import { KHR_DF_MODEL_ETC1S, KHR_DF_TRANSFER_SRGB, KHR_SUPERCOMPRESSION_BASISLZ, read as readKtx2 } from 'ktx-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geodeticToEcef } from '../../../src/geo/ellipsoid';
import { DEMO_ORIGIN } from '../../../tools/demo/origin';
import {
  BOX_SIZE,
  CHECKER_SIZE,
  COMPRESSED_FIXTURE_FILES,
  DRACO_EAST,
  KTX2_EAST,
  KTX2_MAGIC,
  writeCompressedFixture,
} from '../../../tools/fixtures/compressed-tileset';
import { dracoDependencies } from '../../../tools/fixtures/draco';
import { walkTiles, type Tileset } from '../../../tools/lib/tileset';

const DIR = join(import.meta.dirname, '../../fixtures/tiles/compressed');

interface GltfJson {
  extensionsUsed?: string[];
  extensionsRequired?: string[];
  textures?: { source?: number; extensions?: Record<string, { source: number }> }[];
  images?: { mimeType?: string; bufferView?: number }[];
  meshes: { primitives: { extensions?: Record<string, unknown> }[] }[];
  materials: { extensions?: Record<string, unknown> }[];
}

/** The JSON chunk of a GLB. */
function glbJson(bytes: Buffer): GltfJson {
  expect(bytes.toString('latin1', 0, 4)).toBe('glTF');
  const len = bytes.readUInt32LE(12);
  expect(bytes.readUInt32LE(16)).toBe(0x4e4f534a); // 'JSON'
  return JSON.parse(bytes.toString('utf8', 20, 20 + len)) as GltfJson;
}

function readFixture(name: string): Buffer {
  return readFileSync(join(DIR, name));
}

describe('compressed-content fixture (Draco + KTX2)', () => {
  let io: NodeIO;
  beforeAll(async () => {
    io = new NodeIO().registerExtensions([KHRDracoMeshCompression, KHRMaterialsUnlit, KHRTextureBasisu]).registerDependencies(await dracoDependencies());
  });

  it('tileset.json is 3D Tiles 1.1 at the demo origin and references both glbs', () => {
    const ts = JSON.parse(readFixture('tileset.json').toString('utf8')) as Tileset;
    expect(ts.asset.version).toBe('1.1');
    const m = ts.root.transform!;
    const o = geodeticToEcef(DEMO_ORIGIN.lon, DEMO_ORIGIN.lat, DEMO_ORIGIN.height);
    expect(Math.hypot(m[12]! - o[0], m[13]! - o[1], m[14]! - o[2])).toBeLessThan(1e-6);
    const uris: string[] = [];
    walkTiles(ts.root, (t) => {
      if (t.content) uris.push(t.content.uri);
    });
    expect(uris.sort()).toEqual(['draco.glb', 'ktx2.glb']);
    for (const u of uris) expect(existsSync(join(DIR, u)), u).toBe(true);
  });

  it('draco.glb requires KHR_draco_mesh_compression and decodes to the magenta box', async () => {
    const json = glbJson(readFixture('draco.glb'));
    expect(json.extensionsUsed).toContain('KHR_draco_mesh_compression');
    expect(json.extensionsRequired).toContain('KHR_draco_mesh_compression');
    expect(json.meshes[0]!.primitives[0]!.extensions).toHaveProperty('KHR_draco_mesh_compression');
    expect(json.materials[0]!.extensions).toHaveProperty('KHR_materials_unlit');

    const doc: Document = await io.readBinary(new Uint8Array(readFixture('draco.glb')));
    const [prim] = doc.getRoot().listMeshes()[0]!.listPrimitives();
    const pos = prim!.getAttribute('POSITION')!;
    expect(pos.getCount()).toBe(24);
    expect(prim!.getIndices()!.getCount()).toBe(36);
    const min = pos.getMin([]);
    const max = pos.getMax([]);
    const h = BOX_SIZE / 2;
    const expected = { min: [DRACO_EAST - h, 0, -h], max: [DRACO_EAST + h, BOX_SIZE, h] };
    for (let i = 0; i < 3; i++) {
      expect(min[i]).toBeCloseTo(expected.min[i]!, 2);
      expect(max[i]).toBeCloseTo(expected.max[i]!, 2);
    }
    expect(prim!.getMaterial()!.getBaseColorFactor()).toEqual([1, 0, 1, 1]);
  });

  it('ktx2.glb requires KHR_texture_basisu and holds a KTX2 (ETC1S, sRGB) image', async () => {
    const json = glbJson(readFixture('ktx2.glb'));
    expect(json.extensionsUsed).toContain('KHR_texture_basisu');
    expect(json.extensionsRequired).toContain('KHR_texture_basisu');
    expect(json.extensionsUsed).not.toContain('KHR_draco_mesh_compression');
    expect(json.textures).toHaveLength(1);
    expect(json.textures![0]!.source).toBeUndefined(); // no PNG/JPEG fallback
    expect(json.textures![0]!.extensions!.KHR_texture_basisu!.source).toBe(0);
    expect(json.images![0]!.mimeType).toBe('image/ktx2');
    expect(json.materials[0]!.extensions).toHaveProperty('KHR_materials_unlit');

    const doc = await io.readBinary(new Uint8Array(readFixture('ktx2.glb')));
    const [texture] = doc.getRoot().listTextures();
    expect(texture!.getMimeType()).toBe('image/ktx2');
    const image = texture!.getImage()!;
    expect(Array.from(image.subarray(0, 12))).toEqual(Array.from(KTX2_MAGIC));
    expect(Buffer.from(image.subarray(1, 7)).toString('latin1')).toBe('KTX 20');

    const ktx = readKtx2(image);
    expect([ktx.pixelWidth, ktx.pixelHeight]).toEqual([CHECKER_SIZE, CHECKER_SIZE]);
    expect(ktx.levels.length).toBe(Math.log2(CHECKER_SIZE) + 1);
    expect(ktx.supercompressionScheme).toBe(KHR_SUPERCOMPRESSION_BASISLZ);
    expect(ktx.dataFormatDescriptor[0]!.colorModel).toBe(KHR_DF_MODEL_ETC1S);
    expect(ktx.dataFormatDescriptor[0]!.transferFunction).toBe(KHR_DF_TRANSFER_SRGB);

    const mat = doc.getRoot().listMaterials()[0]!;
    expect(mat.getBaseColorTexture()).toBe(texture);
    const pos = doc.getRoot().listMeshes()[0]!.listPrimitives()[0]!.getAttribute('POSITION')!;
    expect(pos.getMin([])[0]).toBeCloseTo(KTX2_EAST - BOX_SIZE / 2, 5);
    expect(pos.getMax([])[0]).toBeCloseTo(KTX2_EAST + BOX_SIZE / 2, 5);
  });

  it('is small', () => {
    const total = COMPRESSED_FIXTURE_FILES.reduce((n, f) => n + readFixture(f).byteLength, 0);
    expect(total).toBeLessThan(100_000);
  });

  describe('regeneration', () => {
    let tmp: string;
    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'compressed-fixture-'));
      await writeCompressedFixture(tmp);
    }, 60_000);
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    it.each(['tileset.json', 'draco.glb'])('reproduces %s byte for byte', (f) => {
      expect(readFileSync(join(tmp, f)).equals(readFixture(f))).toBe(true);
    });

    // the KTX2 bytes depend on the basisu build: pinned to the package's linux-x64 one
    it.skipIf(platform() !== 'linux' || arch() !== 'x64' || !!process.env.BASISU)('reproduces ktx2.glb byte for byte (pinned linux-x64 basisu)', () => {
      expect(readFileSync(join(tmp, 'ktx2.glb')).equals(readFixture('ktx2.glb'))).toBe(true);
    });
  });
});
