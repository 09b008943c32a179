/**
 * The `buildings` command end to end (in process, through the CLI's `main`): tiny hand-made
 * footprint files in test/fixtures/buildings/ (and variants written here) → tilesets in temp
 * dirs, decoded back with glTF-Transform (meshopt decoder registered).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMeshQuantization } from '@gltf-transform/extensions';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { FeatureCollection } from 'geojson';
import { MeshoptDecoder } from 'meshoptimizer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecefToGeodetic } from '../../../src/geo/ellipsoid';
import { writeSyntheticFootprints } from '../../../tools/buildings/synthetic';
import { main } from '../../../tools/cli';
import { parseGlb } from '../../../tools/lib/glb';
import { decodePropertyTable } from '../../../tools/lib/metadata';
import { forEachGeodeticVertex } from './glb-vertices';
import { boxContainsBox, mat4TransformPoint, walkTiles, type Tile, type Tileset } from '../../../tools/lib/tileset';

const FIX = join(import.meta.dirname, '../../fixtures/buildings');
const fixture = (name: string) => join(FIX, name);
let tmp = '';
let io: NodeIO;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'buildings-'));
  await MeshoptDecoder.ready;
  io = new NodeIO().registerExtensions([EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out = { stdout: '', stderr: '' };
  const code = await main(['buildings', ...args], {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s), isTTY: false },
  });
  return { code, ...out };
}

let n = 0;
const outDir = () => join(tmp, `out-${n++}`);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

interface Report {
  crs: { code: string; source: string };
  features: { read: number; written: number; skipped: number };
  skipped: { id: string; index: number; reason: string }[];
  defaultedHeights: { id: string; reason: string }[];
  heights: { bySource: Record<string, number>; defaulted: number };
  unclosedRingsClosed: number;
  droppedAttributes: Record<string, number>;
  properties: { id: string; source?: string; type: string; componentType?: string }[];
  tiles: { count: number; contents: number; refine: string };
}

interface Decoded {
  rows: Record<string, unknown>[];
  /** Per row: lowest and highest ellipsoidal height, and the mean lon/lat of its vertices. */
  geo: { minH: number; maxH: number; lon: number; lat: number }[];
}

function contentUris(t: Tile): string[] {
  return [...(t.content ? [t.content.uri] : []), ...(t.contents ?? []).map((c) => c.uri)];
}

/** Every building of a tileset: property rows and where its vertices are on the globe. */
async function decodeTileset(dir: string): Promise<{ tileset: Tileset; features: Decoded }> {
  const tileset = readJson<Tileset>(join(dir, 'tileset.json'));
  const m = tileset.root.transform!;
  const features: Decoded = { rows: [], geo: [] };
  const uris: string[] = [];
  walkTiles(tileset.root, (t) => uris.push(...contentUris(t)));
  for (const uri of uris) {
    const bytes = new Uint8Array(readFileSync(join(dir, uri)));
    const { json, bin } = parseGlb(bytes);
    expect(json.extensionsUsed).toEqual(expect.arrayContaining(['EXT_meshopt_compression', 'EXT_mesh_features', 'EXT_structural_metadata']));
    const rows = decodePropertyTable(json, bin!);
    const geo = rows.map(() => ({ minH: Infinity, maxH: -Infinity, lon: 0, lat: 0, n: 0 }));
    const doc = await io.readBinary(bytes);
    forEachGeodeticVertex(doc, m, (featureId, lon, lat, h) => {
      const e = geo[featureId]!;
      e.minH = Math.min(e.minH, h);
      e.maxH = Math.max(e.maxH, h);
      e.lon += lon;
      e.lat += lat;
      e.n++;
    });
    // every feature ID of the mesh has a row, every row has geometry
    expect(geo.every((e) => e.n > 0)).toBe(true);
    features.rows.push(...rows);
    features.geo.push(...geo.map((e) => ({ minH: e.minH, maxH: e.maxH, lon: e.lon / e.n, lat: e.lat / e.n })));
  }
  return { tileset, features };
}

function byId(d: Decoded, id: string) {
  const i = d.rows.findIndex((r) => r.twin_id === id);
  expect(i, `building ${id}`).toBeGreaterThanOrEqual(0);
  return { row: d.rows[i]!, geo: d.geo[i]! };
}

/** Structural checks any tileset of this command must pass. */
function checkStructure(ts: Tileset): void {
  expect(ts.asset.version).toBe('1.1');
  expect(ts.root.refine).toBe('ADD');
  expect(ts.root.transform).toHaveLength(16);
  expect(ts.geometricError).toBeGreaterThanOrEqual(ts.root.geometricError);
  walkTiles(ts.root, (t, _d, parent) => {
    if (parent) {
      expect(t.geometricError).toBeLessThan(parent.geometricError);
      expect(boxContainsBox(parent.boundingVolume.box, t.boundingVolume.box, 1e-3)).toBe(true);
    }
    for (const c of [...(t.content ? [t.content] : []), ...(t.contents ?? [])]) {
      expect(boxContainsBox(t.boundingVolume.box, c.boundingVolume!.box, 1e-3)).toBe(true);
    }
    if (!t.children) expect(t.geometricError).toBe(0);
  });
}

describe('buildings: valid input', () => {
  it('converts a GeoJSON in EPSG:4326 with heights, levels, defaults and typed properties', async () => {
    const dir = outDir();
    const r = await run(fixture('small-4326.geojson'), '-o', dir, '--base', 'base', '--max-per-tile', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('6 of 6 footprints');
    const { tileset, features } = await decodeTileset(dir);
    checkStructure(tileset);
    // split into a quadtree
    let tiles = 0;
    walkTiles(tileset.root, () => tiles++);
    expect(tiles).toBeGreaterThan(2);
    expect(features.rows).toHaveLength(6);
    expect(new Set(features.rows.map((r) => r.twin_id))).toEqual(new Set(['B1', 'B2', 'B3', 'B4', '5', 'B6']));

    // the root transform puts the frame's origin at the dataset's centre, on the ellipsoid
    const t = tileset.root.transform!;
    const [lon, lat, h] = ecefToGeodetic(t[12]!, t[13]!, t[14]!);
    expect(lon).toBeCloseTo(17.9382, 3);
    expect(lat).toBeCloseTo(62.6325, 3);
    expect(h).toBeCloseTo(0, 6);

    const b1 = byId(features, 'B1');
    expect(b1.row).toMatchObject({ name: 'Bibliotek', height: 18.5, year: 1999, public: true, twin_height: 18.5, twin_base: 0, twin_height_source: 'height' });
    expect(b1.geo.maxH).toBeCloseTo(18.5, 1);
    expect(b1.geo.minH).toBeCloseTo(0, 1);
    // B1 is centred on Sambiblioteket (17.9379 E, 62.6323 N)
    expect(b1.geo.lon).toBeCloseTo(17.9379, 4);
    expect(b1.geo.lat).toBeCloseTo(62.6323, 4);
    expect(byId(features, 'B2').row).toMatchObject({ building_levels: 4, twin_height: 12, twin_height_source: 'building:levels × 3 m' });
    expect(byId(features, 'B2').geo.maxH).toBeCloseTo(12, 1);
    expect(byId(features, 'B3').row).toMatchObject({ hojd: '7,5', twin_height: 7.5, twin_height_source: 'höjd' });
    expect(byId(features, 'B4').row).toMatchObject({ twin_height: 9, twin_height_source: 'default' });
    expect(Number.isNaN(byId(features, 'B4').row.height)).toBe(true); // missing numbers are NaN
    expect(byId(features, 'B6').row).toMatchObject({ twin_height: 6, twin_height_source: 'levels × 3 m' });
    const five = byId(features, '5');
    expect(five.row).toMatchObject({ name: 'Kvarteret Ankaret', base: 2.5, twin_base: 2.5, twin_height: 25 });
    expect(five.geo.minH).toBeCloseTo(2.5, 1);
    expect(five.geo.maxH).toBeCloseTo(27.5, 1);

    const report = readJson<Report>(join(dir, 'report.json'));
    expect(report.crs).toMatchObject({ code: 'EPSG:4326' });
    expect(report.crs.source).toMatch(/RFC 7946/);
    expect(report.features).toEqual({ read: 6, written: 6, skipped: 0 });
    expect(report.defaultedHeights).toEqual([{ id: 'B4', index: 3, reason: 'no height attribute' }]);
    expect(report.droppedAttributes).toEqual({ tags: 1 });
    const types = Object.fromEntries(report.properties.map((p) => [p.id, p.componentType ?? p.type]));
    expect(types).toMatchObject({ name: 'STRING', height: 'FLOAT64', year: 'UINT16', public: 'BOOLEAN', hojd: 'STRING', building_levels: 'FLOAT64', twin_id: 'STRING', twin_height: 'FLOAT64' });
    expect(report.properties.find((p) => p.id === 'building_levels')!.source).toBe('building:levels');
  });

  it('converts the same buildings in EPSG:3006 (SWEREF 99 TM, legacy crs member) to the same place', async () => {
    const a = outDir();
    const b = outDir();
    expect((await run(fixture('small-4326.geojson'), '-o', a, '-q')).code).toBe(0);
    const r = await run(fixture('small-3006.geojson'), '-o', b, '-q');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const A = await decodeTileset(a);
    const B = await decodeTileset(b);
    checkStructure(B.tileset);
    expect(readJson<Report>(join(b, 'report.json')).crs).toEqual({ code: 'EPSG:3006', name: 'SWEREF 99 TM', source: 'GeoJSON crs member' });
    // the fixtures were made from the same lon/lat (rounded to 1e-7° and 1 mm)
    const ta = A.tileset.root.transform!;
    const tb = B.tileset.root.transform!;
    expect(Math.hypot(ta[12]! - tb[12]!, ta[13]! - tb[13]!, ta[14]! - tb[14]!)).toBeLessThan(0.05);
    for (const id of ['B1', 'B2', 'B3', 'B4', '5', 'B6']) {
      const ga = byId(A.features, id).geo;
      const gb = byId(B.features, id).geo;
      expect(Math.abs(ga.lon - gb.lon) * 51_000).toBeLessThan(0.05);
      expect(Math.abs(ga.lat - gb.lat) * 111_000).toBeLessThan(0.05);
      expect(gb.maxH).toBeCloseTo(ga.maxH, 1);
    }
  });

  it('reads the CRS of a GeoJSON whose crs member comes after the features', async () => {
    const fc = readJson<Record<string, unknown>>(fixture('small-3006.geojson'));
    const { crs, ...rest } = fc;
    const path = join(tmp, 'late-crs.geojson');
    writeFileSync(path, JSON.stringify({ ...rest, crs }));
    const dir = outDir();
    const r = await run(path, '-o', dir, '-q');
    expect(r.code, r.stderr).toBe(0);
    expect(readJson<Report>(join(dir, 'report.json')).crs.code).toBe('EPSG:3006');
    const { features } = await decodeTileset(dir);
    expect(byId(features, 'B1').geo.lon).toBeCloseTo(17.9379, 4);
    // also with more features than the early wrong-CRS check looks at
    const many = join(tmp, 'many-3006.geojson');
    writeSyntheticFootprints(many, { count: 60, crs: 'EPSG:3006' });
    const { crs: c2, ...rest2 } = readJson<Record<string, unknown>>(many);
    writeFileSync(many, JSON.stringify({ ...rest2, crs: c2 }));
    const r2 = await run(many, '-o', outDir(), '-q');
    expect(r2.code, r2.stderr).toBe(0);
  });

  it('converts FlatGeobuf (CRS from its header, streamed)', async () => {
    const src = readJson<FeatureCollection>(fixture('small-3006.geojson'));
    // FlatGeobuf takes its columns from the first feature: give every feature the same ones
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: src.features.map((f, i) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { ref: `F${i + 1}`, name: String(f.properties!.name), height: typeof f.properties!.height === 'number' && f.properties!.height > 0 ? f.properties!.height : 0, year: Number(f.properties!.year) },
      })),
    };
    const path = join(tmp, 'small.fgb');
    writeFileSync(path, serialize(fc, 3006));
    const dir = outDir();
    const r = await run(path, '-o', dir, '--id', 'ref', '--height', 'height');
    expect(r.code, r.stderr).toBe(0);
    const report = readJson<Report>(join(dir, 'report.json'));
    expect(report.crs).toMatchObject({ code: 'EPSG:3006', source: 'FlatGeobuf header' });
    expect(report.features).toEqual({ read: 6, written: 6, skipped: 0 });
    // heights of 0 are not usable: defaulted and reported by --id
    expect(report.defaultedHeights.map((d) => d.id).sort()).toEqual(['F2', 'F3', 'F4', 'F6']);
    const { tileset, features } = await decodeTileset(dir);
    checkStructure(tileset);
    expect(byId(features, 'F1').row).toMatchObject({ ref: 'F1', name: 'Bibliotek', height: 18.5, twin_height: 18.5 });
    expect(byId(features, 'F1').geo.lon).toBeCloseTo(17.9379, 4);
    expect(byId(features, 'F5').geo.maxH).toBeCloseTo(25, 1); // the MultiPolygon with a courtyard
  });

  it('puts bases on the geoid with --geoid (RH 2000 → ellipsoidal)', async () => {
    const dir = outDir();
    const r = await run(fixture('small-4326.geojson'), '-o', dir, '--base', 'base', '--geoid', 'harnosand', '-q');
    expect(r.code, r.stderr).toBe(0);
    const { features } = await decodeTileset(dir);
    expect(byId(features, '5').geo.minH).toBeCloseTo(2.5 + 24.4, 1);
    expect(byId(features, 'B1').geo.minH).toBeCloseTo(24.4, 1);
    expect(byId(features, 'B1').row.twin_base).toBeCloseTo(24.4, 6);
  });

  it('replaces an earlier output in the same directory', async () => {
    const dir = outDir();
    expect((await run(fixture('small-4326.geojson'), '-o', dir, '-q', '--max-per-tile', '1')).code).toBe(0);
    const many = readdirSync(join(dir, 'content')).length;
    expect(many).toBeGreaterThan(1);
    writeFileSync(join(dir, 'content', 'notes.txt'), 'not ours');
    expect((await run(fixture('small-4326.geojson'), '-o', dir, '-q')).code).toBe(0);
    // earlier glb files are gone, other files are left alone, temporary files are removed
    expect(readdirSync(join(dir, 'content')).sort()).toEqual(['0_0_0.glb', 'notes.txt']);
    expect(readdirSync(dir).sort()).toEqual(['content', 'report.json', 'tileset.json']);
  });
});

describe('buildings: invalid geometries', () => {
  it('skips, counts and reports degenerate footprints by id, and converts the rest', async () => {
    const dir = outDir();
    const r = await run(fixture('degenerate.geojson'), '-o', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 of 13 footprints');
    expect(r.stderr).toContain('skipped 11 invalid footprints');
    expect(r.stderr).toMatch(/bowtie: .*intersects itself/);
    const report = readJson<Report>(join(dir, 'report.json'));
    expect(report.features).toEqual({ read: 13, written: 2, skipped: 11 });
    expect(report.unclosedRingsClosed).toBe(1);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.id, s.reason]));
    expect(Object.keys(reasons)).toEqual(['bowtie', 'two-points', 'nan', 'null-coordinate', 'infinity', 'empty-ring', 'empty-hole', 'zero-area', 'hole-outside', 'point', 'no-geometry']);
    expect(reasons.bowtie).toMatch(/intersects itself/);
    expect(reasons['two-points']).toMatch(/fewer than 3 distinct points/);
    expect(reasons.nan).toMatch(/not finite .*NaN/);
    expect(reasons['null-coordinate']).toMatch(/not finite/);
    expect(reasons.infinity).toMatch(/not finite .*Infinity/);
    expect(reasons['empty-ring']).toMatch(/outer ring is empty/);
    expect(reasons['empty-hole']).toMatch(/hole 1 is empty/);
    expect(reasons['zero-area']).toMatch(/zero area/);
    expect(reasons['hole-outside']).toMatch(/outside the outer ring/);
    expect(reasons.point).toMatch(/unsupported geometry type "Point"/);
    expect(reasons['no-geometry']).toMatch(/no geometry/);
    expect(report.skipped.find((s) => s.id === 'bowtie')!.index).toBe(2);
    const { features } = await decodeTileset(dir);
    expect(features.rows.map((r) => r.twin_id).sort()).toEqual(['ok', 'unclosed-ok']);
  });

  it('fails clearly when every footprint is invalid, and still writes the report', async () => {
    const path = join(tmp, 'all-bad.geojson');
    const bad = readJson<{ features: { id: string }[] }>(fixture('degenerate.geojson'));
    writeFileSync(path, JSON.stringify({ ...bad, features: bad.features.filter((f) => !f.id.includes('ok')) }));
    const dir = outDir();
    const r = await run(path, '-o', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: buildings: no valid footprints .*all 11 features were skipped/m);
    expect(readJson<Report>(join(dir, 'report.json')).skipped).toHaveLength(11);
  });
});

describe('buildings: bad input fails with one clear line and a non-zero exit', () => {
  const expectError = (r: { code: number; stderr: string }, pattern: RegExp) => {
    expect(r.code).toBe(1);
    // besides finished progress bars, exactly one line: the error (no stack trace)
    const lines = r.stderr.trimEnd().split('\n').filter((l) => !/^\S+\s+\[[#·]+\]/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: buildings: /);
    expect(lines[0]).toMatch(pattern);
  };

  it('broken JSON (with line and column)', async () => {
    const path = join(tmp, 'broken.geojson');
    writeFileSync(path, '{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature", "properties": {"a": 1,, }}\n ]}');
    expectError(await run(path, '-o', outDir()), /broken JSON in .*broken\.geojson at line 3, column \d+: expected an object key/);
  });

  it('truncated JSON', async () => {
    const path = join(tmp, 'truncated.geojson');
    const text = readFileSync(fixture('small-4326.geojson'), 'utf8');
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
    expectError(await run(path, '-o', outDir()), /broken JSON .*unexpected end of file/);
  });

  it('an empty file, a blank file, and a collection without features', async () => {
    const empty = join(tmp, 'empty.geojson');
    writeFileSync(empty, '');
    expectError(await run(empty, '-o', outDir()), /empty\.geojson is empty \(0 bytes\)/);
    const blank = join(tmp, 'blank.geojson');
    writeFileSync(blank, ' \n\t\n');
    expectError(await run(blank, '-o', outDir()), /holds no JSON/);
    const none = join(tmp, 'none.geojson');
    writeFileSync(none, '{"type": "FeatureCollection", "features": []}');
    expectError(await run(none, '-o', outDir()), /holds no features/);
  });

  it('JSON that is not a FeatureCollection', async () => {
    const arr = join(tmp, 'array.json');
    writeFileSync(arr, '[1, 2, 3]');
    expectError(await run(arr, '-o', outDir()), /not GeoJSON: expected a FeatureCollection object, found an array/);
    const topo = join(tmp, 'topo.json');
    writeFileSync(topo, '{"type": "Topology", "objects": {}}');
    expectError(await run(topo, '-o', outDir()), /type "Topology": expected a FeatureCollection/);
  });

  it('a missing file', async () => {
    expectError(await run(join(tmp, 'nope.geojson'), '-o', outDir()), /cannot read .*nope\.geojson: no such file/);
  });

  it('an unknown CRS in the file, and an unknown --crs', async () => {
    const fc = readJson<Record<string, unknown>>(fixture('small-3006.geojson'));
    const path = join(tmp, 'unknown-crs.geojson');
    writeFileSync(path, JSON.stringify({ ...fc, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9999' } } }));
    expectError(await run(path, '-o', outDir()), /names CRS urn:ogc:def:crs:EPSG::9999, which the CRS registry does not know \(it knows EPSG:4326, EPSG:3006/);
    expectError(await run(fixture('small-4326.geojson'), '-o', outDir(), '--crs', 'EPSG:1234'), /unknown --crs EPSG:1234/);
  });

  it('a wrong CRS: projected coordinates without a crs member, lon/lat given as SWEREF, swapped axes', async () => {
    const fc = readJson<Record<string, unknown>>(fixture('small-3006.geojson'));
    const { crs: _crs, ...noCrs } = fc;
    const path = join(tmp, 'no-crs-member.geojson');
    writeFileSync(path, JSON.stringify(noCrs));
    expectError(await run(path, '-o', outDir()), /do not fit EPSG:4326 .*not longitude\/latitude degrees.*names no CRS.*pass --crs EPSG:<code>/);
    // and with --crs it works
    expect((await run(path, '-o', outDir(), '--crs', 'EPSG:3006', '-q')).code).toBe(0);

    expectError(await run(fixture('small-4326.geojson'), '-o', outDir(), '--crs', 'EPSG:3006'), /do not fit EPSG:3006 \(SWEREF 99 TM\): feature B1 has \(17\.93\d+, 62\.63\d+\), outside its area of use/);

    const swapped = JSON.parse(JSON.stringify(fc).replace(/\[(\d+\.?\d*), (\d+\.?\d*)\]/g, '[$2, $1]').replace(/\[(\d+\.?\d*),(\d+\.?\d*)\]/g, '[$2,$1]'));
    const sw = join(tmp, 'swapped.geojson');
    writeFileSync(sw, JSON.stringify(swapped));
    expectError(await run(sw, '-o', outDir()), /look like \(northing, easting\): swap the axes/);
  });

  it('a broken FlatGeobuf', async () => {
    const path = join(tmp, 'broken.fgb');
    const good = serialize({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { h: 1 }, geometry: { type: 'Polygon', coordinates: [[[17.9, 62.6], [17.9001, 62.6], [17.9001, 62.6001], [17.9, 62.6]]] } }] }, 4326);
    // the magic bytes and a truncated header
    writeFileSync(path, good.subarray(0, 40));
    expectError(await run(path, '-o', outDir()), /FlatGeobuf/);
    writeFileSync(join(tmp, 'fake.fgb'), '{"type": "FeatureCollection"}');
    expectError(await run(join(tmp, 'fake.fgb'), '-o', outDir()), /not a FlatGeobuf file/);
  });
});

describe('buildings: command line', () => {
  it('prints help with the height attributes it knows', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run tools -- buildings');
    for (const s of ['-o, --out DIR', '--crs EPSG:N', '--height ATTR', '--base ATTR', '--id ATTR', '--max-per-tile N', '-q, --quiet', 'building:levels', 'measuredHeight', 'hojd']) {
      expect(r.stdout).toContain(s);
    }
  });

  it('refuses missing or bad arguments with a usage error (exit 2)', async () => {
    for (const args of [[], [fixture('small-4326.geojson')], [fixture('small-4326.geojson'), '-o', outDir(), '--max-per-tile', '0'], [fixture('small-4326.geojson'), '-o', outDir(), '--geoid', 'x'], ['a', 'b', '-o', outDir()]]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
  });
});
