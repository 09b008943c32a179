/**
 * The synthetic Härnösand demo tilesets: generated into temp dirs (not the committed
 * tiles/), checked for determinism, tileset structure, content and frame.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecefToGeodetic, geodeticToEcef } from '../../../src/geo/ellipsoid';
import { generateDemo, DEMO_TILESETS, type DemoResult } from '../../../tools/demo/generate';
import { DEFAULT_DEMO_SEED, DEMO_GROUND_HEIGHT, DEMO_ORIGIN } from '../../../tools/demo/origin';
import { GLB_MAGIC, parseGlb, readGlbHeader } from '../../../tools/lib/glb';
import { decodePropertyTable } from '../../../tools/lib/metadata';
import { forEachGeodeticVertex } from './glb-vertices';
import { boxContainsBox, mat4TransformPoint, walkTiles, type Tile, type Tileset } from '../../../tools/lib/tileset';

const USES = ['bostad', 'centrum', 'skola', 'kyrka', 'bibliotek', 'kontor', 'industri'];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else out.push(relative(dir, p));
    }
  };
  visit(dir);
  return out.sort();
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

function readTileset(dir: string, name: string): Tileset {
  return JSON.parse(readFileSync(join(dir, name, 'tileset.json'), 'utf8')) as Tileset;
}

function contentTiles(ts: Tileset): Tile[] {
  const out: Tile[] = [];
  walkTiles(ts.root, (t) => {
    if (t.content) out.push(t);
  });
  return out;
}

let dirA = '';
let dirB = '';
let dirC = '';
let result: DemoResult;

beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), 'demo-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'demo-b-'));
  dirC = mkdtempSync(join(tmpdir(), 'demo-c-'));
  result = await generateDemo({ outDir: dirA });
  await generateDemo({ outDir: dirB, seed: DEFAULT_DEMO_SEED });
  await generateDemo({ outDir: dirC, seed: 7 });
}, 120_000);

afterAll(() => {
  for (const d of [dirA, dirB, dirC]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('demo generation', () => {
  it('is deterministic: same seed, identical bytes; other seed, other bytes', () => {
    const a = hashes(dirA);
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(hashes(dirB)).toEqual(a);
    const c = hashes(dirC);
    expect(c['harnosand-buildings/tileset.json']).not.toBe(a['harnosand-buildings/tileset.json']);
  });

  it('writes the three tilesets and a README, small enough to commit', () => {
    for (const name of DEMO_TILESETS) expect(existsSync(join(dirA, name, 'tileset.json'))).toBe(true);
    const readme = readFileSync(join(dirA, 'README.md'), 'utf8');
    expect(readme).toMatch(/synthetic/i);
    expect(readme).toContain('npm run tools -- demo');
    expect(readme).toContain(`--seed ${DEFAULT_DEMO_SEED}`);
    const total = listFiles(dirA).reduce((s, f) => s + statSync(join(dirA, f)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('has a plausible number of buildings and a 10–20 building proposal', () => {
    expect(result.seed).toBe(DEFAULT_DEMO_SEED);
    expect(result.buildings).toBeGreaterThanOrEqual(400);
    expect(result.buildings).toBeLessThanOrEqual(800);
    expect(result.proposalBuildings).toBeGreaterThanOrEqual(10);
    expect(result.proposalBuildings).toBeLessThanOrEqual(20);
  });
});

describe.each(DEMO_TILESETS)('tileset %s', (name) => {
  it('is 3D Tiles 1.1, marked synthetic', () => {
    const ts = readTileset(dirA, name);
    expect(ts.asset.version).toBe('1.1');
    expect(ts.asset.generator).toMatch(/metacity-twin/);
    expect(ts.asset.extras?.synthetic).toBe(true);
    expect(String(ts.asset.extras?.note)).toMatch(/SYNTHETIC/);
    expect((ts.metadata as { properties: { synthetic: boolean } }).properties.synthetic).toBe(true);
    expect(ts.root.refine).toBe('ADD');
    expect(ts.root.transform).toHaveLength(16);
  });

  it('has bounding volumes containing children and content, and errors shrinking with depth', () => {
    const ts = readTileset(dirA, name);
    expect(ts.geometricError).toBeGreaterThan(ts.root.geometricError);
    walkTiles(ts.root, (tile, _depth, parent) => {
      expect(tile.boundingVolume.box).toHaveLength(12);
      if (tile.content?.boundingVolume) expect(boxContainsBox(tile.boundingVolume.box, tile.content.boundingVolume.box)).toBe(true);
      if (parent) {
        expect(boxContainsBox(parent.boundingVolume.box, tile.boundingVolume.box)).toBe(true);
        expect(tile.geometricError).toBeLessThan(parent.geometricError);
        expect(tile.transform).toBeUndefined();
      }
      if (!tile.children?.length) expect(tile.geometricError).toBe(0);
      else expect(tile.geometricError).toBeGreaterThan(0);
    });
  });

  it('references existing content with sane GLB headers', () => {
    const tiles = contentTiles(readTileset(dirA, name));
    expect(tiles.length).toBeGreaterThan(0);
    for (const t of tiles) {
      const path = join(dirA, name, t.content!.uri);
      expect(existsSync(path), t.content!.uri).toBe(true);
      const bytes = new Uint8Array(readFileSync(path));
      const h = readGlbHeader(bytes);
      expect(h.magic).toBe(GLB_MAGIC);
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('glTF');
      expect(h.version).toBe(2);
      expect(h.length).toBe(bytes.byteLength);
      expect(() => parseGlb(bytes)).not.toThrow();
    }
  });

  it('places the tileset centre within 1 km of the Härnösand origin, on the ground', () => {
    const ts = readTileset(dirA, name);
    const m = ts.root.transform!;
    const origin = geodeticToEcef(DEMO_ORIGIN.lon, DEMO_ORIGIN.lat, DEMO_ORIGIN.height);
    const centre = [m[12]!, m[13]!, m[14]!];
    expect(Math.hypot(centre[0]! - origin[0], centre[1]! - origin[1], centre[2]! - origin[2])).toBeLessThan(1000);
    const [lon, lat, h] = ecefToGeodetic(centre[0]!, centre[1]!, centre[2]!);
    expect(lon).toBeCloseTo(DEMO_ORIGIN.lon, 1);
    expect(lat).toBeCloseTo(DEMO_ORIGIN.lat, 1);
    expect(h).toBeCloseTo(DEMO_GROUND_HEIGHT, 3);
    // the z column is the local up: same direction as the ellipsoid normal
    const [ux, uy, uz] = [m[8]!, m[9]!, m[10]!];
    expect(Math.hypot(ux, uy, uz)).toBeCloseTo(1, 9);
    const n = [centre[0]!, centre[1]!, centre[2]!].map((v) => v / Math.hypot(...centre));
    expect(ux * n[0]! + uy * n[1]! + uz * n[2]!).toBeGreaterThan(0.99);
    const boxCentre = mat4TransformPoint(m, ts.root.boundingVolume.box.slice(0, 3) as [number, number, number]);
    expect(Math.hypot(boxCentre[0] - origin[0], boxCentre[1] - origin[1], boxCentre[2] - origin[2])).toBeLessThan(1000);
  });

  it('has one EXT_mesh_features feature ID set per primitive matching an EXT_structural_metadata table', () => {
    for (const t of contentTiles(readTileset(dirA, name))) {
      const { json, bin } = parseGlb(new Uint8Array(readFileSync(join(dirA, name, t.content!.uri))));
      expect(json.extensionsUsed).toEqual(expect.arrayContaining(['EXT_mesh_features', 'EXT_structural_metadata', 'EXT_meshopt_compression']));
      const meta = json.extensions.EXT_structural_metadata;
      const table = meta.propertyTables[0];
      expect(meta.schema.classes[table.class]).toBeDefined();
      for (const mesh of json.meshes) {
        for (const prim of mesh.primitives) {
          const ids = prim.extensions.EXT_mesh_features.featureIds;
          expect(ids).toHaveLength(1);
          expect(ids[0].attribute).toBe(0);
          expect(ids[0].propertyTable).toBe(0);
          expect(ids[0].featureCount).toBe(table.count);
          expect(prim.attributes._FEATURE_ID_0).toBeTypeOf('number');
        }
      }
      const rows = decodePropertyTable(json, bin!);
      expect(rows).toHaveLength(table.count);
      for (const r of rows) expect(r.synthetic).toBe(true);
    }
  });
});

describe('content decoded with glTF-Transform (meshopt decoder registered)', () => {
  let io: NodeIO;
  beforeAll(async () => {
    await MeshoptDecoder.ready;
    io = new NodeIO().registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  });

  async function decodeTileset(name: string) {
    const ts = readTileset(dirA, name);
    const m = ts.root.transform!;
    const features: { id: string; rows: Record<string, unknown> }[] = [];
    const heights: number[] = [];
    let maxDeg = 0;
    for (const t of contentTiles(ts)) {
      const bytes = new Uint8Array(readFileSync(join(dirA, name, t.content!.uri)));
      const doc = await io.readBinary(bytes);
      const { json, bin } = parseGlb(bytes);
      const rows = decodePropertyTable(json, bin!);
      const seen = new Set<number>();
      forEachGeodeticVertex(doc, m, (featureId, lon, lat, h) => {
        seen.add(featureId);
        maxDeg = Math.max(maxDeg, Math.abs(lon - DEMO_ORIGIN.lon) * Math.cos((lat * Math.PI) / 180), Math.abs(lat - DEMO_ORIGIN.lat));
        heights.push(h - DEMO_GROUND_HEIGHT);
      });
      expect([...seen].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
      for (const r of rows) features.push({ id: String(r.id), rows: r });
    }
    return { features, heights, maxDeg };
  }

  it('gives the expected building count, unique ids and valid properties', async () => {
    const { features, heights, maxDeg } = await decodeTileset('harnosand-buildings');
    expect(features).toHaveLength(result.buildings);
    expect(new Set(features.map((f) => f.id)).size).toBe(result.buildings);
    for (const { rows: r } of features) {
      expect(r.id).toMatch(/^HND-\d{6}$/);
      expect(USES).toContain(r.use);
      expect(Number.isInteger(r.storeys)).toBe(true);
      expect(r.storeys as number).toBeGreaterThanOrEqual(1);
      expect(r.storeys as number).toBeLessThanOrEqual(6);
      expect(r.height as number).toBeGreaterThan(2);
      expect(r.yearBuilt as number).toBeGreaterThanOrEqual(1700);
      expect(r.yearBuilt as number).toBeLessThanOrEqual(2030);
      expect(typeof r.name).toBe('string');
    }
    const names = features.map((f) => f.rows.name).filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(['Sambiblioteket', 'Härnösands domkyrka', 'Katedralskolan', 'Rådhuset']));
    const church = features.find((f) => f.rows.name === 'Härnösands domkyrka')!;
    expect(church.rows.use).toBe('kyrka');
    expect(church.rows.height as number).toBeGreaterThan(40);
    // buildings stand on the ground and rise up (frame + y-up handling are right)
    expect(Math.min(...heights)).toBeGreaterThan(-0.1);
    expect(Math.max(...heights)).toBeGreaterThan(40);
    expect(Math.max(...heights)).toBeLessThan(70);
    expect(maxDeg).toBeLessThan(0.01); // within ~1 km
  });

  it('decodes the ground (water below the land) and the proposal', async () => {
    const ground = await decodeTileset('harnosand-ground');
    expect(ground.features.map((f) => f.rows.kind)).toEqual(expect.arrayContaining(['gata', 'vatten', 'kaj', 'park', 'kvarter']));
    expect(ground.features.find((f) => f.rows.kind === 'vatten')!.rows.name).toBe('Södra sundet');
    expect(Math.min(...ground.heights)).toBeLessThan(-0.5);
    expect(Math.min(...ground.heights)).toBeGreaterThan(-3);
    expect(Math.max(...ground.heights)).toBeLessThan(0.1);

    const proposal = await decodeTileset('harnosand-proposal');
    expect(proposal.features).toHaveLength(result.proposalBuildings);
    for (const f of proposal.features) expect(f.id).toMatch(/^HND-P-\d{3}$/);
    expect(Math.min(...proposal.heights)).toBeGreaterThan(-0.1);
    expect(Math.min(...proposal.heights)).toBeLessThan(0.1);
  });
});
