/**
 * The `cityjson` command on tiny hand-made fixtures (test/fixtures/cityjson/): converted into temp
 * dirs, then read back with glTF-Transform (meshopt decoder registered) through the same frames a
 * 3D Tiles client applies: feature counts, property values, roof and wall colours, positions and
 * heights against independently known coordinates.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../tools/cli';
import { cityjsonCommand, summarise } from '../../../tools/cityjson/command';
import { convertCityJson, type ConvertReport } from '../../../tools/cityjson/convert';
import { readBackTileset, type ReadBackContent } from '../../../tools/cityjson/read-back';
import { PALETTE } from '../../../tools/cityjson/style';
import type { Vec3 } from '../../../tools/lib/mesh-builder';

const FIXTURES = new URL('../../fixtures/cityjson/', import.meta.url).pathname;
const fixture = (name: string) => join(FIXTURES, name);

/** EGM96 geoid heights (PROJ egm96_15, test/fixtures/geo/egm96-europe.json) at the fixtures' places. */
const N_AMERSFOORT = 43.297;
const N_BERN = 48.79;

let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cityjson-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const R = 6_371_000;
  const dy = ((b.lat - a.lat) * Math.PI) / 180;
  const dx = (((b.lon - a.lon) * Math.PI) / 180) * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return R * Math.hypot(dx, dy);
}

function close(a: readonly number[], b: readonly number[], tol: number): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tol);
}

async function convert(name: string, extra: { lod?: string; crs?: string } = {}): Promise<{ report: ConvertReport; contents: ReadBackContent[]; dir: string }> {
  const dir = join(tmp, `${name}-${extra.lod ?? ''}-${(extra.crs ?? '').replace(/\W/g, '')}`);
  const report = await convertCityJson({ input: fixture(name), outDir: dir, ...extra });
  const { contents } = await readBackTileset(dir);
  return { report, contents, dir };
}

/** Vertices of one feature (by property `id`) across all contents. */
function featureVertices(contents: ReadBackContent[], id: string) {
  const out: { geo: Vec3; normal: Vec3; color: Vec3 }[] = [];
  for (const c of contents) {
    const fid = c.rows.findIndex((r) => r.id === id);
    if (fid < 0) continue;
    c.featureIds.forEach((f, i) => {
      if (f === fid) out.push({ geo: c.geodetic[i]!, normal: c.normals[i]!, color: c.colors[i]! });
    });
  }
  return out;
}

const rowsOf = (contents: ReadBackContent[]) => contents.flatMap((c) => c.rows);

describe('cityjson: two LoD2 cubes in EPSG:7415 (RD New + NAP), with semantics and a transform', () => {
  let r: Awaited<ReturnType<typeof convert>>;
  beforeAll(async () => {
    r = await convert('two-cubes-7415.city.json');
  });

  it('should write one feature per building with EXT_mesh_features and EXT_structural_metadata', () => {
    expect(r.report.objects).toMatchObject({ input: 2, all: 2, features: 2, skipped: [] });
    expect(r.contents).toHaveLength(1);
    const c = r.contents[0]!;
    expect(c.featureCount).toBe(2);
    expect(new Set(c.featureIds)).toEqual(new Set([0, 1]));
    expect(c.json.extensionsUsed).toEqual(expect.arrayContaining(['EXT_meshopt_compression', 'EXT_mesh_features', 'EXT_structural_metadata']));
    const tileset = JSON.parse(readFileSync(join(r.dir, 'tileset.json'), 'utf8'));
    expect(tileset.asset.version).toBe('1.1');
    expect(tileset.root.refine).toBe('ADD');
    expect(tileset.asset.extras.crs).toBe('EPSG:7415 (Amersfoort / RD New + NAP height)');
  });

  it('should carry the attributes as typed properties (ids sanitised, missing values empty or NaN, arrays skipped)', () => {
    const rows = rowsOf(r.contents);
    const a = rows.find((x) => x.id === 'cube-a')!;
    const b = rows.find((x) => x.id === 'cube-b')!;
    expect(a).toMatchObject({ type: 'Building', lod: '2.2', name: 'Cube A', measuredHeight: 10, yearOfConstruction: 1999, roofType: 'flat', bag_id: '0307100000000001', monument: true });
    expect(b).toMatchObject({ type: 'Building', lod: '2.2', name: 'Cube B', measuredHeight: 12.5, yearOfConstruction: 2005, roofType: '', bag_id: '', monument: false });
    expect(a).not.toHaveProperty('tags');
    expect(a).not.toHaveProperty('parts');
    expect(r.report.attributes.skippedNonScalar).toEqual(['tags']);
    const schema = r.contents[0]!.json.extensions.EXT_structural_metadata.schema.classes.cityobject.properties;
    expect(schema.bag_id).toEqual({ type: 'STRING', name: 'bag:id' });
    expect(schema.yearOfConstruction).toEqual({ type: 'SCALAR', componentType: 'INT32' });
    expect(schema.measuredHeight).toEqual({ type: 'SCALAR', componentType: 'FLOAT64' });
    expect(schema.monument).toEqual({ type: 'BOOLEAN' });
  });

  it('should colour roofs and walls differently and leave the ground surfaces out', () => {
    expect(r.report.surfaces).toMatchObject({ drawn: 10, dropped: { ground: 2 }, invalid: 0 });
    for (const v of featureVertices(r.contents, 'cube-a')) {
      expect(v.normal[2]).toBeGreaterThan(-0.5); // no floor
      if (v.normal[2] > 0.99) expect(close(v.color, PALETTE.roof, 0.01)).toBe(true);
      else {
        expect(Math.abs(v.normal[2])).toBeLessThan(0.01);
        expect(close(v.color, PALETTE.wall, 0.01)).toBe(true);
      }
    }
    expect(Math.abs(PALETTE.roof[0] - PALETTE.wall[0]) + Math.abs(PALETTE.roof[2] - PALETTE.wall[2])).toBeGreaterThan(0.3);
  });

  it('should put the cube at the RD origin, 52.1551744N 5.38720621E, to 1.5 m', () => {
    const vs = featureVertices(r.contents, 'cube-a');
    // the south-west corner is RD (155000, 463000): the vertex nearest that point
    const sw = vs.reduce((best, v) => (v.geo[0] + v.geo[1] < best.geo[0] + best.geo[1] ? v : best));
    expect(metres({ lon: sw.geo[0], lat: sw.geo[1] }, { lon: 5.38720621, lat: 52.1551744 })).toBeLessThan(1.5);
    // 10 m east, 10 m north
    const ne = vs.reduce((best, v) => (v.geo[0] + v.geo[1] > best.geo[0] + best.geo[1] ? v : best));
    expect(metres({ lon: sw.geo[0], lat: sw.geo[1] }, { lon: ne.geo[0], lat: ne.geo[1] })).toBeCloseTo(Math.SQRT2 * 10, 1);
  });

  it('should make NAP heights ellipsoidal with the geoid: ground NAP 1 m, roof 11 m (+ N = 43.3 m)', () => {
    const hs = featureVertices(r.contents, 'cube-a').map((v) => v.geo[2]);
    expect(Math.min(...hs)).toBeCloseTo(1 + N_AMERSFOORT, 1);
    expect(Math.max(...hs)).toBeCloseTo(11 + N_AMERSFOORT, 1);
    const hb = featureVertices(r.contents, 'cube-b').map((v) => v.geo[2]);
    expect(Math.max(...hb)).toBeCloseTo(13.5 + N_AMERSFOORT, 1);
    expect(r.report.origin.height).toBeCloseTo(1 + N_AMERSFOORT, 1);
  });

  it('should draw a lower LoD on request and skip objects without it', async () => {
    const lod0 = await convert('two-cubes-7415.city.json', { lod: '0' });
    expect(lod0.report.objects.features).toBe(1);
    expect(lod0.report.objects.skipped).toEqual([{ id: 'cube-b', type: 'Building', reason: 'no LoD 0 geometry (has LoD 2.2)' }]);
    expect(rowsOf(lod0.contents)[0]).toMatchObject({ id: 'cube-a', lod: '0' });
    const lod2 = await convert('two-cubes-7415.city.json', { lod: '2' });
    expect(rowsOf(lod2.contents).map((x) => x.lod)).toEqual(['2.2', '2.2']);
    await expect(convertCityJson({ input: fixture('two-cubes-7415.city.json'), outDir: join(tmp, 'lod3'), lod: '3' })).rejects.toThrow(
      /nothing to convert: none of the 2 city objects has drawable geometry at LoD 3 \(cube-a: no LoD 3 geometry \(has LoD 0, 2.2\)/,
    );
  });
});

describe('cityjson: a cube at Bern in EPSG:2056 (LV95, heights LN02 assumed), CityJSON 1.1 with a URN CRS', () => {
  it('should land within 1.5 m of Bern old observatory with LN02 540 m + N = 48.8 m', async () => {
    const { report, contents } = await convert('cube-2056.city.json');
    expect(report.crs.code).toBe('EPSG:2056');
    expect(report.crs.label).toBe('EPSG:2056 (CH1903+ / LV95 + LN02 height)');
    expect(report.crs.notes[0]).toMatch(/names no height system: heights are taken as LN02 height \(EPSG:5728\)/);
    const vs = featureVertices(contents, 'bern-cube');
    const lon = (Math.min(...vs.map((v) => v.geo[0])) + Math.max(...vs.map((v) => v.geo[0]))) / 2;
    const lat = (Math.min(...vs.map((v) => v.geo[1])) + Math.max(...vs.map((v) => v.geo[1]))) / 2;
    expect(metres({ lon, lat }, { lon: 7.4386329, lat: 46.9510827 })).toBeLessThan(1.5);
    const hs = vs.map((v) => v.geo[2]);
    expect(Math.min(...hs)).toBeCloseTo(540 + N_BERN, 1);
    expect(Math.max(...hs)).toBeCloseTo(548 + N_BERN, 1);
  });

  it('should take the CRS from --crs over the file, with explicit heights', async () => {
    const { report } = await convert('cube-2056.city.json', { crs: 'EPSG:2056+5729' });
    expect(report.crs).toMatchObject({ code: 'EPSG:2056+5729', from: 'option' });
    expect(report.crs.notes.join(' ')).not.toMatch(/names no height system/);
  });
});

describe('cityjson: BuildingParts (CityJSON 1.0, untransformed vertices)', () => {
  let r: Awaited<ReturnType<typeof convert>>;
  beforeAll(async () => {
    r = await convert('building-parts-1.0.city.json');
  });

  it('should merge the parts into their building as one feature and fill its attributes from them', () => {
    expect(r.report.objects).toMatchObject({ input: 2, all: 4, features: 2, mergedChildren: 2 });
    const rows = rowsOf(r.contents);
    const house = rows.find((x) => x.id === 'house')!;
    expect(house).toMatchObject({ type: 'Building', lod: '2', parts: 2, name: 'House with an annex', roofType: 'gabled, flat', storeys: 2, measuredHeight: 9 });
    expect(rows.find((x) => x.id === 'shed')).toMatchObject({ type: 'Building', lod: '1', parts: 0, name: 'Shed', storeys: 1, roofType: '', measuredHeight: Number.NaN });
  });

  it('should draw both parts in the one feature: gable roofs and the flat annex roof red, walls off-white', () => {
    const vs = featureVertices(r.contents, 'house');
    const roofs = vs.filter((v) => close(v.color, PALETTE.roof, 0.01));
    const walls = vs.filter((v) => close(v.color, PALETTE.wall, 0.01));
    expect(roofs.length + walls.length).toBe(vs.length);
    expect(roofs.some((v) => v.normal[2] > 0.3 && v.normal[2] < 0.9)).toBe(true); // pitched
    expect(roofs.some((v) => v.normal[2] > 0.99)).toBe(true); // flat annex roof
    const hs = vs.map((v) => v.geo[2]);
    expect(Math.max(...hs)).toBeCloseTo(10 + N_AMERSFOORT, 1); // the ridge
  });

  it('should colour a LoD1 block without semantics by its faces: tops are roofs, sides are walls, no floor', () => {
    const vs = featureVertices(r.contents, 'shed');
    expect(vs.length).toBeGreaterThan(0);
    for (const v of vs) {
      expect(v.normal[2]).toBeGreaterThan(-0.5);
      expect(close(v.color, v.normal[2] > 0.5 ? PALETTE.roof : PALETTE.wall, 0.01)).toBe(true);
    }
    expect(r.report.surfaces.dropped.ground).toBe(3);
  });
});

describe('cityjson: degenerate and invalid surfaces', () => {
  let r: Awaited<ReturnType<typeof convert>>;
  beforeAll(async () => {
    r = await convert('degenerate.city.json');
  });

  it('should skip invalid surfaces, count them by object id and reason, and keep the valid ones', () => {
    expect(r.report.surfaces.invalid).toBe(6);
    expect(r.report.surfaces.invalidByObject).toEqual({
      'good-with-bad-surfaces': {
        'zero area (collinear or repeated vertices)': 1,
        'vertex index 99 out of range or not finite': 1,
        'self-intersecting ring (triangles do not cover the surface)': 1,
        'fewer than 3 distinct vertices': 1,
      },
      'all-bad': { 'zero area (collinear or repeated vertices)': 1, 'fewer than 3 distinct vertices': 1 },
    });
    const vs = featureVertices(r.contents, 'good-with-bad-surfaces');
    expect(vs.filter((v) => close(v.color, PALETTE.roof, 0.01)).length).toBeGreaterThan(0);
    expect(vs.filter((v) => close(v.color, PALETTE.wall, 0.01)).length).toBeGreaterThan(0);
  });

  it('should report objects with nothing to draw by id, and not crash', () => {
    expect(r.report.objects).toMatchObject({ input: 4, features: 2 });
    expect(r.report.objects.skipped).toEqual([
      { id: 'all-bad', type: 'Building', reason: 'every surface is invalid or dropped' },
      { id: 'lamp', type: 'CityFurniture', reason: 'no surface geometry (has MultiLineString)' },
    ]);
    const written = JSON.parse(readFileSync(join(r.dir, 'report.json'), 'utf8')) as ConvertReport;
    expect(written.surfaces.invalidByObject['all-bad']).toBeDefined();
    const text = summarise(r.report, r.dir, 0.1).join('\n');
    expect(text).toContain('skipped 2 objects');
    expect(text).toContain('all-bad (Building): every surface is invalid or dropped');
    expect(text).toContain('skipped 6 invalid surfaces in 2 objects');
  });

  it('should turn a road surface that faces down to face up, in road grey', () => {
    const vs = featureVertices(r.contents, 'road-facing-down');
    expect(vs.length).toBeGreaterThan(0);
    for (const v of vs) {
      expect(v.normal[2]).toBeGreaterThan(0.99);
      expect(close(v.color, PALETTE.road, 0.01)).toBe(true);
    }
  });
});

describe('cityjson: geometry templates and CityJSON Text Sequences', () => {
  it('should place GeometryInstances at their reference points', async () => {
    const doc = {
      type: 'CityJSON',
      version: '2.0',
      transform: { scale: [0.001, 0.001, 0.001], translate: [155000, 463000, 0] },
      metadata: { referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/7415' },
      'geometry-templates': {
        templates: [{ type: 'MultiSurface', lod: '1', boundaries: [[[0, 1, 2]], [[0, 2, 3]], [[0, 3, 1]]] }],
        'vertices-templates': [[0, 0, 5], [-1, -1, 0], [1, -1, 0], [0, 1, 0]],
      },
      CityObjects: {
        tree1: { type: 'SolitaryVegetationObject', geometry: [{ type: 'GeometryInstance', template: 0, boundaries: [0], transformationMatrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] }] },
        tree2: { type: 'SolitaryVegetationObject', geometry: [{ type: 'GeometryInstance', template: 0, boundaries: [1], transformationMatrix: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1] }] },
      },
      vertices: [[0, 0, 1000], [100000, 0, 1000]],
    };
    const input = join(tmp, 'trees.city.json');
    writeFileSync(input, JSON.stringify(doc));
    const dir = join(tmp, 'trees');
    const report = await convertCityJson({ input, outDir: dir });
    expect(report.objects.features).toBe(2);
    const { contents } = await readBackTileset(dir);
    const h1 = featureVertices(contents, 'tree1').map((v) => v.geo[2]);
    const h2 = featureVertices(contents, 'tree2').map((v) => v.geo[2]);
    expect(Math.max(...h1) - Math.min(...h1)).toBeCloseTo(5, 1);
    expect(Math.max(...h2) - Math.min(...h2)).toBeCloseTo(10, 1);
    const east = featureVertices(contents, 'tree2')[0]!.geo;
    const west = featureVertices(contents, 'tree1')[0]!.geo;
    expect(metres({ lon: west[0], lat: west[1] }, { lon: east[0], lat: east[1] })).toBeGreaterThan(95);
    // open surfaces of other objects are drawn from both sides
    expect(featureVertices(contents, 'tree1').some((v) => v.normal[2] < 0)).toBe(true);
  });

  it('should read a CityJSON Text Sequence (header line + CityJSONFeature lines with their own vertices)', async () => {
    const header = { type: 'CityJSON', version: '2.0', transform: { scale: [0.001, 0.001, 0.001], translate: [155000, 463000, 0] }, metadata: { referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/7415' }, CityObjects: {}, vertices: [] };
    const square = (id: string, x: number) => ({
      type: 'CityJSONFeature',
      id,
      CityObjects: { [id]: { type: 'LandUse', attributes: { n: x }, geometry: [{ type: 'MultiSurface', lod: '1', boundaries: [[[0, 1, 2, 3]]] }] } },
      vertices: [[x, 0, 0], [x + 5000, 0, 0], [x + 5000, 5000, 0], [x, 5000, 0]],
    });
    const input = join(tmp, 'seq.city.jsonl');
    writeFileSync(input, [header, square('a', 0), square('b', 20000)].map((o) => JSON.stringify(o)).join('\n') + '\n');
    const dir = join(tmp, 'seq');
    const report = await convertCityJson({ input, outDir: dir });
    expect(report.objects).toMatchObject({ input: 2, features: 2 });
    const { contents } = await readBackTileset(dir);
    const a = featureVertices(contents, 'a');
    const b = featureVertices(contents, 'b');
    expect(metres({ lon: a[0]!.geo[0], lat: a[0]!.geo[1] }, { lon: b[0]!.geo[0], lat: b[0]!.geo[1] })).toBeGreaterThan(15);
    for (const v of [...a, ...b]) expect(close(v.color, PALETTE.landUse, 0.01)).toBe(true);
  });
});

describe('cityjson command (CLI)', () => {
  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(['cityjson', ...args], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
    return { code, out, err };
  }
  const write = (name: string, text: string) => {
    const p = join(tmp, name);
    writeFileSync(p, text);
    return p;
  };

  it('should be registered and describe itself with --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run tools -- cityjson [options]');
    for (const o of ['--out DIR', '--lod LOD', '--crs CRS', '--quiet']) expect(out).toContain(o);
    expect(cityjsonCommand.summary).toMatch(/CityJSON/);
  });

  it('should convert with a summary and exit 0', async () => {
    const dir = join(tmp, 'cli-ok');
    const { code, err } = await run(fixture('two-cubes-7415.city.json'), '-o', dir);
    expect(code).toBe(0);
    expect(err).toContain('2 objects → 2 features (2 Building)');
    expect(err).toContain('report.json written');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).objects.features).toBe(2);
    const quiet = await run(fixture('two-cubes-7415.city.json'), '-o', dir, '-q');
    expect(quiet).toEqual({ code: 0, out: '', err: '' });
  });

  it.each([
    ['no input', [], 2, 'error: no input file given'],
    ['no output', ['x.json'], 2, 'error: -o/--out DIR is required'],
    ['a bad --lod', ['x.json', '-o', 'out', '--lod', 'high'], 2, '--lod must look like 2 or 1.2'],
    ['an unknown option', ['x.json', '-o', 'out', '--colour'], 2, "Unknown option '--colour'"],
  ] as const)('should refuse %s with a usage error (exit 2)', async (_what, args, exit, message) => {
    const { code, err } = await run(...args);
    expect(code).toBe(exit);
    expect(err).toContain(message);
  });

  it.each([
    ['a missing file', () => join(tmp, 'nope.city.json'), [], 'no such file'],
    ['an empty file', () => write('empty.city.json', ''), [], 'is empty'],
    ['a blank file', () => write('blank.city.json', '  \n\n'), [], 'is empty'],
    ['broken JSON', () => write('broken.city.json', '{"type": "CityJSON", "version": "2.0",\n "vertices": [[1, 2'), [], 'is not valid JSON at line 2'],
    ['GeoJSON', () => write('geo.json', '{"type": "FeatureCollection", "features": []}'), [], 'is not CityJSON: expected "type": "CityJSON", found "type": "FeatureCollection" (this looks like GeoJSON: use the buildings command)'],
    ['a JSON array', () => write('array.json', '[1, 2]'), [], 'is not CityJSON: expected a JSON object'],
    ['an unsupported version', () => write('v3.city.json', '{"type": "CityJSON", "version": "3.0", "CityObjects": {}, "vertices": []}'), [], 'CityJSON version "3.0" is not supported (supported: 1.0, 1.1, 2.0)'],
    ['a bad transform', () => write('tr.city.json', '{"type": "CityJSON", "version": "2.0", "transform": {"scale": [1, 1]}, "CityObjects": {}, "vertices": []}'), [], '"transform" must have "scale" and "translate"'],
    ['a bad vertex', () => write('vx.city.json', '{"type": "CityJSON", "version": "2.0", "CityObjects": {}, "vertices": [[1, 2, 3], [1, "a", 3]]}'), [], 'vertex 1 is not [x, y, z] numbers'],
    ['no city objects', () => write('none.city.json', '{"type": "CityJSON", "version": "2.0", "metadata": {"referenceSystem": "EPSG:7415"}, "CityObjects": {}, "vertices": []}'), [], 'has no city objects'],
  ] as const)('should refuse %s with a clear message (exit 1)', async (_what, input, extra, message) => {
    const { code, err } = await run(input(), '-o', join(tmp, 'bad'), ...extra);
    expect(code, err).toBe(1);
    expect(err).toContain(`error: `);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('should ask for --crs when the file has no referenceSystem, and work with it', async () => {
    const doc = JSON.parse(readFileSync(fixture('two-cubes-7415.city.json'), 'utf8'));
    delete doc.metadata.referenceSystem;
    const input = write('no-crs.city.json', JSON.stringify(doc));
    const bad = await run(input, '-o', join(tmp, 'no-crs'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('the file has no metadata.referenceSystem, so its coordinates cannot be placed on the globe: pass --crs (e.g. --crs EPSG:7415');
    const ok = await run(input, '-o', join(tmp, 'no-crs'), '--crs', 'EPSG:7415', '-q');
    expect(ok.code).toBe(0);
  });

  it('should name the known CRSs for an unknown one', async () => {
    const { code, err } = await run(fixture('two-cubes-7415.city.json'), '-o', join(tmp, 'unknown'), '--crs', 'EPSG:9999');
    expect(code).toBe(1);
    expect(err).toContain('--crs names the CRS "EPSG:9999", which this tool does not know. Known CRSs: EPSG:4326, EPSG:3006');
    expect(err).toContain('EPSG:28992');
    expect(err).toContain('EPSG:2056');
    expect(err).toContain('heights: EPSG:5613, EPSG:5709, EPSG:5728, EPSG:5729');
  });

  it('should catch a wrong CRS from the extent, and a height system without a geoid', async () => {
    const wrong = await run(fixture('two-cubes-7415.city.json'), '-o', join(tmp, 'wrong'), '--crs', 'EPSG:2056');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('lie outside the area of EPSG:2056 (CH1903+ / LV95 + LN02 height) (easting 2485000…2838000, northing 1074000…1300000): the CRS is probably wrong');
    const doc = JSON.parse(readFileSync(fixture('cube-2056.city.json'), 'utf8'));
    doc.metadata.referenceSystem = 'https://www.opengis.net/def/crs/EPSG/0/28992';
    const swapped = await run(write('rd-claims.city.json', JSON.stringify(doc)), '-o', join(tmp, 'wrong2'));
    expect(swapped.err).toContain('the CRS is probably wrong in the file; override it with --crs');
    const vertical = await run(fixture('two-cubes-7415.city.json'), '-o', join(tmp, 'wrong3'), '--crs', 'EPSG:5709');
    expect(vertical.code).toBe(1);
    expect(vertical.err).toContain('EPSG:5709 (NAP height) is a vertical CRS');
  });
});
