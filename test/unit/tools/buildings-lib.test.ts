/**
 * The parts of the `buildings` converter: footprint checks, attribute handling, the tile
 * plan and the temporary record files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHeightPicker, featureId, foldName, parseMetres, PropertyCollector, sanitiseId } from '../../../tools/buildings/attributes';
import { chooseCrs } from '../../../tools/buildings/convert';
import { findIntersection, polygonsOf, prepareFootprint, signedArea } from '../../../tools/buildings/geometry';
import { BucketWriter, decodeRecord, encodeRecord, readRecordFiles, recordSize, type FootprintRecord } from '../../../tools/buildings/records';
import { crsMemberText, InputError } from '../../../tools/buildings/sources';
import { writeSyntheticFootprints } from '../../../tools/buildings/synthetic';
import { cellOf, gridLevel, leafLevelForSide, leavesOf, MAX_LEAF_SIDE, planTree, promote, topCandidates, type Cell } from '../../../tools/buildings/tiling';

const tmp = mkdtempSync(join(tmpdir(), 'buildings-lib-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const WORLD = { west: -180, south: -90, east: 180, north: 90 };
const ident = (x: number, y: number): [number, number] => [x, y];
/** A ring in metres near 17.94 E 62.63 N, as lon/lat positions (closed). */
function ring(pts: [number, number][], close = true): number[][] {
  const k = 1 / 111_319.49;
  const out = pts.map(([x, y]) => [17.94 + (x * k) / Math.cos((62.63 * Math.PI) / 180), 62.63 + y * k]);
  return close ? [...out, out[0]!] : out;
}
const prep = (polygons: unknown[]) => prepareFootprint(polygons, ident, WORLD);

describe('footprint checks', () => {
  it('accepts a square, orients rings and closes an unclosed ring', () => {
    const cw = ring([[0, 0], [0, 10], [10, 10], [10, 0]]);
    const r = prep([[cw]]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.polygons).toHaveLength(1);
    expect(r.polygons[0]![0]!.length).toBe(8); // closing point dropped
    expect(signedArea(r.polygons[0]![0]!)).toBeGreaterThan(0); // outer ring made counter-clockwise
    expect(r.area).toBeCloseTo(100, 0);
    expect(r.unclosedRings).toBe(0);
    const open = prep([[ring([[0, 0], [10, 0], [10, 10], [0, 10]], false)]]);
    expect(open.ok && open.unclosedRings).toBe(1);
  });

  it('orients holes clockwise and accepts a courtyard', () => {
    const r = prep([[ring([[0, 0], [30, 0], [30, 30], [0, 30]]), ring([[10, 10], [20, 10], [20, 20], [10, 20]])]]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(signedArea(r.polygons[0]![1]!)).toBeLessThan(0);
    expect(r.area).toBeCloseTo(800, 0);
  });

  it('drops repeated points', () => {
    const r = prep([[ring([[0, 0], [0, 0], [10, 0], [10, 0.0001], [10, 10], [0, 10]])]]);
    expect(r.ok && r.polygons[0]![0]!.length).toBe(8);
  });

  it.each([
    ['bow-tie', [[ring([[0, 0], [10, 8], [10, 0], [0, 10]])]], /intersects itself/],
    ['symmetric bow-tie (zero area)', [[ring([[0, 0], [10, 10], [10, 0], [0, 10]])]], /intersects itself/],
    ['figure eight touching at a vertex', [[ring([[0, 0], [10, 0], [5, 5], [10, 10], [0, 10], [5, 5]])]], /intersects itself/],
    ['spike', [[ring([[0, 0], [10, 0], [10, 10], [10, 15], [10, 10], [0, 10]])]], /spike|intersects itself/],
    ['two points', [[ring([[0, 0], [5, 5]])]], /fewer than 3 distinct points/],
    ['collinear', [[ring([[0, 0], [5, 0], [10, 0]])]], /zero area/],
    ['NaN', [[[[17.94, 62.63], [NaN, 62.63], [17.941, 62.631], [17.94, 62.63]]]], /not finite .*NaN/],
    ['Infinity', [[[[17.94, 62.63], [Infinity, 62.63], [17.941, 62.631], [17.94, 62.63]]]], /not finite .*Infinity/],
    ['a string', [[[[17.94, 62.63], ['17.95', 62.63], [17.941, 62.631], [17.94, 62.63]]]], /not finite/],
    ['a 1-number position', [[[[17.94], [17.95, 62.63], [17.941, 62.631]]]], /not a coordinate pair/],
    ['empty ring', [[[]]], /outer ring is empty/],
    ['empty polygon', [[]], /no rings/],
    ['hole outside', [[ring([[0, 0], [10, 0], [10, 10], [0, 10]]), ring([[20, 0], [25, 0], [25, 5], [20, 5]])]], /outside the outer ring/],
    ['hole crossing the outer ring', [[ring([[0, 0], [10, 0], [10, 10], [0, 10]]), ring([[5, 5], [15, 5], [15, 8], [5, 8]])]], /cross/],
    ['second polygon broken', [[ring([[0, 0], [10, 0], [10, 10], [0, 10]])], [ring([[20, 0], [30, 8], [30, 0], [20, 10]])]], /^polygon 2: .*intersects itself/],
  ])('rejects %s', (_name, polygons, reason) => {
    const r = prep(polygons as unknown[]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('allows a hole touching the outer ring at one point', () => {
    const r = prep([[ring([[0, 0], [10, 0], [10, 10], [0, 10]]), ring([[0, 5], [5, 7], [5, 3]])]]);
    expect(r.ok).toBe(true);
  });

  it('flags coordinates outside the area of use', () => {
    const r = prepareFootprint([[[[600000, 6900000], [600010, 6900000], [600010, 6900010], [600000, 6900000]]]], ident, WORLD);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.outOfArea).toMatchObject({ x: 600000, y: 6900000 });
  });

  // (how fast, on 5 000 vertices: `npm run bench -- --only algorithms`)
  it('finds no crossing in a long simple ring, and the one crossing of the same ring with two vertices swapped', () => {
    const n = 5000;
    const pts: number[] = [];
    for (let i = 0; i < n; i++) pts.push(Math.cos((2 * Math.PI * i) / n) * 100, Math.sin((2 * Math.PI * i) / n) * 100);
    expect(findIntersection([Float64Array.from(pts)])).toBeNull();
    const crossed = pts.slice();
    crossed.splice(200, 4, pts[202]!, pts[203]!, pts[200]!, pts[201]!);
    expect(findIntersection([Float64Array.from(crossed)])).toBe('outer ring intersects itself (edges 100 and 102, e.g. a bow-tie)');
  });

  it('reads Polygon and MultiPolygon geometries and names the rest', () => {
    expect(polygonsOf({ type: 'Polygon', coordinates: [[]] })).toEqual({ polygons: [[[]]] });
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [[[]], [[]]] })).toEqual({ polygons: [[[]], [[]]] });
    expect(polygonsOf(null)).toEqual({ error: 'no geometry (null)' });
    expect(polygonsOf({ type: 'LineString', coordinates: [] })).toMatchObject({ error: expect.stringMatching(/unsupported geometry type "LineString"/) });
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [] })).toEqual({ error: 'empty MultiPolygon' });
  });
});

describe('attributes', () => {
  it('parses heights', () => {
    expect(parseMetres(12)).toBe(12);
    expect(parseMetres('12.5 m')).toBe(12.5);
    expect(parseMetres('7,5')).toBe(7.5);
    expect(parseMetres(' 30 ')).toBe(30);
    for (const bad of [0, -1, NaN, Infinity, 1200, 'tall', '12 ft', null, true, {}]) expect(parseMetres(bad)).toBeNull();
  });

  it('picks the first usable known height attribute, case- and accent-insensitively', () => {
    const pick = createHeightPicker({ levelHeight: 3 });
    expect(pick({ height: 10, 'building:levels': 5 })).toEqual({ height: 10, source: 'height' });
    expect(pick({ 'building:levels': 5 })).toEqual({ height: 15, source: 'building:levels × 3 m' });
    expect(pick({ HÖJD: '8' })).toEqual({ height: 8, source: 'HÖJD' });
    expect(pick({ measuredHeight: 21.5 })).toEqual({ height: 21.5, source: 'measuredHeight' });
    expect(pick({ height: -1, num_floors: 2 })).toEqual({ height: 6, source: 'num_floors × 3 m' });
    expect(pick({ height: 'unknown' })).toEqual({ height: null, source: 'unusable height "unknown"' });
    expect(pick({ name: 'x' })).toEqual({ height: null, source: 'no height attribute' });
    expect(pick(null)).toEqual({ height: null, source: 'no attributes' });
    expect(foldName('Höjd')).toBe('hojd');
  });

  it('uses only the --height attribute when given (levels attributes are multiplied)', () => {
    const pick = createHeightPicker({ attribute: 'h_total', levelHeight: 3 });
    expect(pick({ h_total: 14, height: 3 })).toEqual({ height: 14, source: 'h_total' });
    expect(pick({ height: 3 })).toEqual({ height: null, source: 'missing h_total' });
    const levels = createHeightPicker({ attribute: 'storeys', levelHeight: 3.2 });
    expect(levels({ storeys: 5 }).height).toBeCloseTo(16);
  });

  it('reports features by --id, feature id or index', () => {
    expect(featureId(3, 'a', { ref: 'R' }, 'ref')).toBe('R');
    expect(featureId(3, 'a', { ref: 'R' })).toBe('a');
    expect(featureId(3, 42, null)).toBe('42');
    expect(featureId(3, undefined, {})).toBe('#3');
    expect(featureId(3, 'a', {}, 'ref')).toBe('#3');
  });

  it('makes valid property ids', () => {
    expect(sanitiseId('building:levels')).toBe('building_levels');
    expect(sanitiseId('höjd')).toBe('hojd');
    expect(sanitiseId('3d')).toBe('_3d');
    expect(sanitiseId('')).toBe('_');
    for (const s of ['a b', 'ÅÄÖ', '@@', 'x-y']) expect(sanitiseId(s)).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
  });

  it('types columns from all values', () => {
    const c = new PropertyCollector();
    const rows = [
      { small: 1, big: 70000, neg: -5, float: 1.5, partial: 3, text: 'a', mixed: 1, flag: true, someFlags: true, nested: { a: 1 }, 'building:levels': 2, twin_id: 'x' },
      { small: 200, big: 1, neg: 100, float: 2, text: 'b', mixed: 'two', flag: false, 'building:levels': 3, twin_id: 'y' },
    ].map((p) => JSON.parse(c.add(p)) as unknown[]);
    const s = c.finish();
    const def = (id: string) => s.classDef.properties[id]!;
    expect(def('small')).toMatchObject({ type: 'SCALAR', componentType: 'UINT8' });
    expect(def('big')).toMatchObject({ type: 'SCALAR', componentType: 'UINT32' });
    expect(def('neg')).toMatchObject({ type: 'SCALAR', componentType: 'INT8' });
    expect(def('float')).toMatchObject({ type: 'SCALAR', componentType: 'FLOAT64' });
    expect(def('partial')).toMatchObject({ type: 'SCALAR', componentType: 'FLOAT64' }); // missing values: NaN
    expect(def('text')).toMatchObject({ type: 'STRING' });
    expect(def('mixed')).toMatchObject({ type: 'STRING' });
    expect(def('flag')).toMatchObject({ type: 'BOOLEAN' });
    expect(def('someFlags')).toMatchObject({ type: 'STRING' }); // booleans with gaps
    expect(def('building_levels')).toMatchObject({ type: 'SCALAR', componentType: 'UINT8', name: 'building:levels' });
    // a source attribute clashing with a derived column is renamed
    expect(def('twin_id_2')).toMatchObject({ type: 'STRING', name: 'twin_id' });
    expect(def('twin_id')).toMatchObject({ type: 'STRING' });
    expect(s.classDef.properties.nested).toBeUndefined();
    expect(Object.fromEntries(c.dropped)).toEqual({ nested: 1 });
    const cell = (id: string, r: number) => s.cell(s.ids.indexOf(id), rows[r]![s.ids.indexOf(id)] ?? undefined);
    expect(cell('partial', 1)).toBeNaN();
    expect(cell('mixed', 0)).toBe('1');
    expect(cell('someFlags', 1)).toBe('');
    expect(cell('someFlags', 0)).toBe('true');
  });
});

describe('CRS choice', () => {
  it('takes --crs, else the file, else WGS84', () => {
    expect(chooseCrs({ value: null, where: 'GeoJSON crs member' }, undefined)).toMatchObject({ code: 'EPSG:4326', source: expect.stringMatching(/RFC 7946/) });
    expect(chooseCrs({ value: 'urn:ogc:def:crs:EPSG::3006', where: 'GeoJSON crs member' }, undefined)).toMatchObject({ code: 'EPSG:3006', source: 'GeoJSON crs member' });
    expect(chooseCrs({ value: 'urn:ogc:def:crs:OGC:1.3:CRS84', where: 'GeoJSON crs member' }, undefined)).toMatchObject({ code: 'EPSG:4326' });
    const both = chooseCrs({ value: 'EPSG:3006', where: 'GeoJSON crs member' }, '3014');
    expect(both).toMatchObject({ code: 'EPSG:3014', source: '--crs', warning: expect.stringMatching(/names EPSG:3006, but --crs 3014/) });
    expect(() => chooseCrs({ value: 'EPSG:9999', where: 'FlatGeobuf header' }, undefined)).toThrow(InputError);
    expect(() => chooseCrs({ value: null, where: 'x' }, 'EPSG:9999')).toThrow(/unknown --crs/);
  });

  it('reads legacy GeoJSON crs members', () => {
    expect(crsMemberText({ type: 'name', properties: { name: 'EPSG:3006' } })).toBe('EPSG:3006');
    expect(crsMemberText({ type: 'EPSG', properties: { code: 3006 } })).toBe('EPSG:3006');
    expect(crsMemberText(null)).toBeNull();
    expect(() => crsMemberText({ type: 'link', properties: { href: 'x' } })).toThrow(/pass --crs/);
  });
});

describe('tile plan', () => {
  it('chooses the grid level from the count', () => {
    expect(gridLevel(10, 100)).toBe(0);
    expect(gridLevel(100, 100)).toBe(0);
    expect(gridLevel(101, 100)).toBe(1);
    expect(gridLevel(400, 100)).toBe(1);
    expect(gridLevel(100_000, 1000)).toBe(4);
    expect(gridLevel(1e12, 1)).toBe(10);
    const sq = { minX: 0, minY: 0, side: 100 };
    expect(cellOf(sq, 2, 0, 0)).toEqual([0, 0]);
    expect(cellOf(sq, 2, 99.9, 30)).toEqual([3, 1]);
    expect(cellOf(sq, 2, 150, -5)).toEqual([3, 0]); // clamped
  });

  const cell = (level: number, x: number, y: number, count: number, children: Cell[] = []): Cell => ({ level, x, y, count, file: children.length ? null : `${level}_${x}_${y}`, children });

  it('merges sparse cells into one leaf and keeps dense ones (and their splits)', () => {
    // level-2 grid, max 10 per tile: the south-west quadrant holds 2 + 3 features (one leaf at level 1);
    // the north-east quadrant holds 8 + 9 (split into two leaves); one cell was split on disk
    const cells = [cell(2, 0, 0, 2), cell(2, 1, 1, 3), cell(2, 2, 2, 8), cell(2, 3, 3, 9), cell(2, 3, 0, 30, [cell(3, 6, 0, 12, [cell(4, 12, 0, 6), cell(4, 13, 1, 6)]), cell(3, 7, 1, 18, [cell(4, 14, 2, 9), cell(4, 15, 3, 9)])])];
    const root = planTree(cells, 2, 10)!;
    expect(root.count).toBe(52);
    const leaves = leavesOf(root).map((l) => [l.level, l.x, l.y, l.count, l.files.join(',')]);
    expect(leaves).toEqual([
      [1, 0, 0, 5, '2_0_0,2_1_1'],
      [4, 12, 0, 6, '4_12_0'],
      [4, 13, 1, 6, '4_13_1'],
      [4, 14, 2, 9, '4_14_2'],
      [4, 15, 3, 9, '4_15_3'],
      [2, 2, 2, 8, '2_2_2'],
      [2, 3, 3, 9, '2_3_3'],
    ]);
    expect(planTree([], 2, 10)).toBeNull();
    // sparse data over a wide area: nodes above the minimum leaf level split however few they hold
    const wide = planTree([cell(2, 0, 0, 1), cell(2, 3, 3, 1)], 2, 10, 2)!;
    expect(leavesOf(wide).map((l) => l.level)).toEqual([2, 2]);
    expect(leafLevelForSide(1000)).toBe(0);
    expect(leafLevelForSide(MAX_LEAF_SIDE)).toBe(0);
    expect(leafLevelForSide(10_000)).toBe(3);
    expect(leafLevelForSide(1.5e6)).toBe(10);
  });

  it('promotes the largest buildings to inner tiles, each at most once, above the level thresholds', () => {
    const cells = [cell(1, 0, 0, 4), cell(1, 1, 0, 4), cell(1, 0, 1, 4), cell(1, 1, 1, 4)];
    const root = planTree(cells, 1, 3)!;
    const leaves = leavesOf(root);
    expect(leaves).toHaveLength(4);
    const sizes = [
      [5, 80, 6, 7],
      [50, 4, 3, 2],
      [9, 8, 40, 7],
      [1, 2, 3, 60],
    ];
    const candidates = sizes.map((s, i) => topCandidates(s, i, 30, 2));
    expect(candidates[0]!.map((c) => c.size)).toEqual([80]);
    promote(root, candidates, (level) => (level === 0 ? 45 : 10), 2);
    // the root takes the two largest at least 45 m: 80 and 60
    expect(root.promoted.map((c) => c.size)).toEqual([80, 60]);
    expect(candidates.flat().filter((c) => c.taken).map((c) => c.size).sort()).toEqual([60, 80]);
    expect(topCandidates([1, 5, 5, 3], 0, 2, 2).map((c) => c.ord)).toEqual([1, 2]);
  });
});

describe('temporary records', () => {
  const rec = (i: number): FootprintRecord => ({
    index: i,
    ax: 1.5 * i,
    ay: -2.25,
    z: 0.125,
    base: 24.4,
    height: 10.4,
    size: 12,
    heightSource: 3,
    polygons: [[Float64Array.of(0, 0, 10, 0, 10, 10), Float64Array.of(2, 2, 2, 4, 4, 4)], [Float64Array.of(20, 0, 30, 0, 30, 5)]],
    id: `id-${i}-ö`,
    row: JSON.stringify(['å', i, null, true]),
  });

  it('round-trip', () => {
    const b = encodeRecord(rec(7));
    expect(b.readUInt32LE(0)).toBe(b.byteLength);
    const back = decodeRecord(b);
    expect(back).toEqual(rec(7));
    expect(recordSize(b)).toBe(12);
  });

  it('are read back across blocks and files, and spilled within a memory budget', () => {
    const w = new BucketWriter<string>((k) => join(tmp, `${k}.bin`), 2000);
    for (let i = 0; i < 100; i++) w.append(i % 3 === 0 ? 'a' : 'b', encodeRecord(rec(i)));
    w.flush();
    expect(w.counts.get('a')).toBe(34);
    expect(w.counts.get('b')).toBe(66);
    const got: number[] = [];
    for (const r of readRecordFiles([join(tmp, 'a.bin'), join(tmp, 'b.bin')], 100)) got.push(decodeRecord(r).index);
    expect(got).toEqual([...Array.from({ length: 34 }, (_, i) => i * 3), ...Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 !== 0)]);
    expect(w.bytesWritten).toBe(readFileSync(join(tmp, 'a.bin')).byteLength + readFileSync(join(tmp, 'b.bin')).byteLength);
  });
});

describe('synthetic footprints', () => {
  it('are deterministic and valid GeoJSON with the requested broken ones', () => {
    const a = join(tmp, 'a.geojson');
    const b = join(tmp, 'b.geojson');
    const ra = writeSyntheticFootprints(a, { count: 50, invalidEvery: 10 });
    writeSyntheticFootprints(b, { count: 50, invalidEvery: 10 });
    expect(readFileSync(a)).toEqual(readFileSync(b));
    const fc = JSON.parse(readFileSync(a, 'utf8')) as { features: { id: string; geometry: { coordinates: number[][][] } }[] };
    expect(fc.features).toHaveLength(50);
    expect(ra).toMatchObject({ count: 50, invalid: 5 });
    expect(ra.invalidIds).toEqual(['SYN-000010', 'SYN-000020', 'SYN-000030', 'SYN-000040', 'SYN-000050']);
    const p = join(tmp, 'sweref.geojson');
    writeSyntheticFootprints(p, { count: 4, crs: 'EPSG:3006' });
    const sw = JSON.parse(readFileSync(p, 'utf8')) as { crs: unknown; features: { geometry: { coordinates: number[][][] } }[] };
    expect(sw.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } });
    expect(sw.features[0]!.geometry.coordinates[0]![0]![0]).toBeGreaterThan(600_000);
  });
});
