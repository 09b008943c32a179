/**
 * The pieces of the `cityjson` command: reading, LoD choice, geometry walking, triangulation,
 * attributes and styles.
 */
import { describe, expect, it } from 'vitest';
import { buildAttributeSchema, mergeAttributes, sanitiseId } from '../../../tools/cityjson/attributes';
import { checkExtent, resolveSourceCrs } from '../../../tools/cityjson/crs';
import { chooseLod, geometrySurfaces, lodMatches, type VertexSource } from '../../../tools/cityjson/geometry';
import { CityJsonInputError, parseCityJson, type CityJsonGeometry, type CityObject } from '../../../tools/cityjson/read';
import { PALETTE, familyOf, surfaceStyle } from '../../../tools/cityjson/style';
import { cleanRing, triangulateSurface } from '../../../tools/cityjson/triangulate';
import type { Vec3 } from '../../../tools/lib/mesh-builder';

function triangleArea(points: Vec3[], tris: number[]): number {
  let a = 0;
  for (let t = 0; t < tris.length; t += 3) {
    const [p, q, r] = [points[tris[t]!]!, points[tris[t + 1]!]!, points[tris[t + 2]!]!];
    const u = [q[0] - p[0], q[1] - p[1], q[2] - p[2]];
    const v = [r[0] - p[0], r[1] - p[1], r[2] - p[2]];
    a += Math.hypot(u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!) / 2;
  }
  return a;
}

function windingAgrees(points: Vec3[], tris: number[], n: Vec3): boolean {
  for (let t = 0; t < tris.length; t += 3) {
    const [p, q, r] = [points[tris[t]!]!, points[tris[t + 1]!]!, points[tris[t + 2]!]!];
    const u = [q[0] - p[0], q[1] - p[1], q[2] - p[2]];
    const v = [r[0] - p[0], r[1] - p[1], r[2] - p[2]];
    const c = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
    if (c[0]! * n[0] + c[1]! * n[1] + c[2]! * n[2] <= 0) return false;
  }
  return true;
}

describe('cityjson read', () => {
  it('should apply the transform and keep the metadata', () => {
    const m = parseCityJson(
      JSON.stringify({
        type: 'CityJSON',
        version: '1.1',
        transform: { scale: [0.01, 0.02, 0.5], translate: [100, 200, 10] },
        metadata: { referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/7415', title: 't' },
        CityObjects: { a: { type: 'Building' } },
        vertices: [[1, 2, 3], [100, 50, -2]],
      }),
    );
    expect(m.version).toBe('1.1');
    expect(m.referenceSystem).toBe('https://www.opengis.net/def/crs/EPSG/0/7415');
    expect([...m.vertices]).toEqual([100.01, 200.04, 11.5, 101, 201, 9]);
    expect(m.cityObjects.get('a')?.type).toBe('Building');
  });

  it('should accept CityJSON 1.0 without a transform and its old referenceSystem spellings', () => {
    const m = parseCityJson('{"type":"CityJSON","version":"1.0","metadata":{"referenceSystem":"urn:ogc:def:crs:EPSG::7415"},"CityObjects":{},"vertices":[[1.5,2.5,3.5]]}');
    expect([...m.vertices]).toEqual([1.5, 2.5, 3.5]);
    expect(m.referenceSystem).toBe('urn:ogc:def:crs:EPSG::7415');
    expect(parseCityJson('{"type":"CityJSON","version":"1.0","metadata":{"crs":{"epsg":28992}},"CityObjects":{},"vertices":[]}').referenceSystem).toBe('EPSG:28992');
    expect(parseCityJson('{"type":"CityJSON","version":"2.0.1","CityObjects":{},"vertices":[]}').version).toBe('2.0.1');
  });

  it('should merge CityJSON Text Sequence features, offsetting their vertex indices', () => {
    const lines = [
      { type: 'CityJSON', version: '2.0', transform: { scale: [1, 1, 1], translate: [0, 0, 0] }, CityObjects: {}, vertices: [] },
      { type: 'CityJSONFeature', id: 'a', CityObjects: { a: { type: 'Building', geometry: [{ type: 'MultiSurface', lod: '1', boundaries: [[[0, 1, 2]]] }] } }, vertices: [[0, 0, 0], [1, 0, 0], [0, 1, 0]] },
      { type: 'CityJSONFeature', id: 'b', CityObjects: { b: { type: 'Building', geometry: [{ type: 'MultiSurface', lod: '1', boundaries: [[[0, 1, 2]]] }] } }, vertices: [[5, 0, 0], [6, 0, 0], [5, 1, 0]] },
    ];
    const m = parseCityJson(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(m.featureLines).toBe(2);
    expect(m.vertices.length).toBe(18);
    expect(m.cityObjects.get('b')!.geometry![0]!.boundaries).toEqual([[[3, 4, 5]]]);
    expect(() => parseCityJson(`${JSON.stringify(lines[0])}\n{"type":"Feature"}`)).toThrow('(line 2) is not CityJSON: expected "type": "CityJSONFeature"');
  });

  it('should explain what is wrong', () => {
    const err = (text: string) => {
      try {
        parseCityJson(text, 'in.json');
      } catch (e) {
        expect(e).toBeInstanceOf(CityJsonInputError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(err('')).toBe('in.json is empty');
    expect(err('{"type":"CityJSON",')).toMatch(/^in\.json is not valid JSON at line 1, column \d+/);
    expect(err('{"version":"2.0"}')).toBe('in.json is not CityJSON: expected "type": "CityJSON", found no "type"');
    expect(err('"CityJSON"')).toBe('in.json is not CityJSON: expected a JSON object with "type": "CityJSON", got string "CityJSON"');
    expect(err('{"type":"CityJSON","version":2}')).toBe('in.json: "version" must be a string such as "2.0", got number 2');
    expect(err('{"type":"CityJSON","version":"2.0","CityObjects":[],"vertices":[]}')).toBe('in.json: "CityObjects" must be an object of id → city object, got an array');
    expect(err('{"type":"CityJSON","version":"2.0","CityObjects":{"x":{}},"vertices":[]}')).toBe('in.json: city object "x" has no "type"');
    expect(err('{"type":"CityJSON","version":"2.0","CityObjects":{},"vertices":{}}')).toBe('in.json: "vertices" must be an array of [x, y, z], got an object');
  });
});

describe('cityjson LoD choice', () => {
  const g = (lod: string | number, type = 'Solid'): CityJsonGeometry => ({ type, lod, boundaries: [] });
  const obj = (...geometry: CityJsonGeometry[]): CityObject => ({ type: 'Building', geometry });

  it('should match --lod 2 to any 2.x and 2.2 exactly', () => {
    expect(lodMatches('2', '2')).toBe(true);
    expect(lodMatches('2.2', '2')).toBe(true);
    expect(lodMatches('1.2', '2')).toBe(false);
    expect(lodMatches('2.2', '2.2')).toBe(true);
    expect(lodMatches('2', '2.0')).toBe(true);
    expect(lodMatches('2.1', '2.2')).toBe(false);
  });

  it('should pick the highest LoD by default, or the highest matching the request', () => {
    const o = obj(g('1.2'), g('1.3'), g('2.2'), g('0', 'MultiSurface'));
    expect(chooseLod(o, undefined)).toMatchObject({ lod: '2.2' });
    expect(chooseLod(o, '1')).toMatchObject({ lod: '1.3' });
    expect(chooseLod(o, '1.2')).toMatchObject({ lod: '1.2' });
    expect(chooseLod(o, '0').geometries[0]!.type).toBe('MultiSurface');
    expect(chooseLod(o, '3')).toEqual({ geometries: [], lod: null, reason: 'no LoD 3 geometry (has LoD 0, 1.2, 1.3, 2.2)' });
    expect(chooseLod(obj(g(2), g(2, 'MultiSurface')), undefined).geometries).toHaveLength(2); // CityJSON 1.0 numbers
    expect(chooseLod(obj(g(1, 'MultiPoint')), undefined)).toMatchObject({ lod: null, reason: 'no surface geometry (has MultiPoint)' });
    expect(chooseLod({ type: 'Building' }, undefined)).toMatchObject({ lod: null, reason: 'no geometry' });
  });
});

describe('cityjson geometry', () => {
  const pts: Vec3[] = [
    [0, 0, 0],
    [1, 0, 0],
    [1, 1, 0],
    [0, 1, 0],
    [0, 0, 1],
    [1, 0, 1],
    [1, 1, 1],
    [0, 1, 1],
  ];
  const src: VertexSource = { vertex: (i) => (pts[i] ? { out: pts[i]!, src: pts[i]! } : null) };
  const shell = [[[0, 3, 2, 1]], [[4, 5, 6, 7]], [[0, 1, 5, 4]], [[1, 2, 6, 5]], [[2, 3, 7, 6]], [[3, 0, 4, 7]]];

  it('should walk a MultiSolid with semantics per solid, exterior shells only', () => {
    const g: CityJsonGeometry = {
      type: 'MultiSolid',
      lod: '2',
      boundaries: [[shell, [[[0, 1, 2]]]], [shell]],
      semantics: { surfaces: [{ type: 'GroundSurface' }, { type: 'RoofSurface' }], values: [[[0, 1, null, null, null, null], [null]], [[0, 1, null, null, null, null]]] },
    };
    const { surfaces, problems, groups } = geometrySurfaces(g, src, undefined);
    expect(problems).toEqual([]);
    expect(groups).toBe(2);
    expect(surfaces).toHaveLength(12);
    expect(surfaces.map((s) => s.semantic).slice(0, 3)).toEqual(['GroundSurface', 'RoofSurface', null]);
    expect(surfaces.map((s) => s.group)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('should walk CompositeSurface and CompositeSolid, and report malformed boundaries', () => {
    expect(geometrySurfaces({ type: 'CompositeSurface', boundaries: shell }, src, undefined).surfaces).toHaveLength(6);
    expect(geometrySurfaces({ type: 'CompositeSolid', boundaries: [[shell]] }, src, undefined).surfaces).toHaveLength(6);
    expect(geometrySurfaces({ type: 'Solid', boundaries: [] }, src, undefined).problems).toEqual([{ reason: 'malformed solid (no shells)' }]);
    expect(geometrySurfaces({ type: 'MultiSurface', boundaries: [[[0, 1, 'x']]] }, src, undefined).problems).toEqual([{ reason: 'malformed ring (not an array of vertex indices)' }]);
    expect(geometrySurfaces({ type: 'MultiSurface', boundaries: [[[0, 1, 42]]] }, src, undefined).problems).toEqual([{ reason: 'vertex index 42 out of range or not finite' }]);
    expect(geometrySurfaces({ type: 'GeometryInstance', boundaries: [0] }, src, undefined).problems[0]!.reason).toMatch(/malformed GeometryInstance/);
  });
});

describe('cityjson triangulation', () => {
  it('should triangulate a square with a hole on its plane, keeping its area and facing', () => {
    const outer: Vec3[] = [
      [0, 0, 0],
      [10, 0, 0],
      [10, 10, 0],
      [0, 10, 0],
    ];
    const hole: Vec3[] = [
      [3, 3, 0],
      [3, 7, 0],
      [7, 7, 0],
      [7, 3, 0],
    ];
    const t = triangulateSurface([outer, hole]);
    if (!t.ok) throw new Error(t.reason);
    expect(t.normal).toEqual([0, 0, 1]);
    expect(triangleArea(t.points, t.triangles)).toBeCloseTo(84, 9);
    expect(windingAgrees(t.points, t.triangles, t.normal)).toBe(true);
  });

  it('should triangulate a steep, tilted, slightly non-planar roof on its best-fit plane', () => {
    // a 45° roof facing south-east, one corner lifted by 5 cm
    const s = Math.SQRT1_2;
    const ring: Vec3[] = [
      [0, 0, 0],
      [8 * s, 8 * s, 0],
      [8 * s - 6 * s * s, 8 * s + 6 * s * s, 6 * s + 0.05],
      [-6 * s * s, 6 * s * s, 6 * s],
    ];
    const t = triangulateSurface([ring.slice().reverse()]);
    if (!t.ok) throw new Error(t.reason);
    expect(t.nonPlanarity).toBeGreaterThan(0.005); // the lift spreads over the four corners of the best-fit plane
    expect(t.nonPlanarity).toBeLessThan(0.05);
    expect(t.triangles).toHaveLength(6);
    expect(windingAgrees(t.points, t.triangles, t.normal)).toBe(true);
    expect(Math.abs(triangleArea(t.points, t.triangles) - 48)).toBeLessThan(0.2); // 8 m × 6 m, warped
  });

  it('should triangulate a concave (L-shaped) wall in a vertical plane', () => {
    const ring: Vec3[] = [
      [0, 0, 0],
      [4, 0, 0],
      [4, 0, 1],
      [1, 0, 1],
      [1, 0, 3],
      [0, 0, 3],
    ];
    const t = triangulateSurface([ring]);
    if (!t.ok) throw new Error(t.reason);
    expect(t.normal[1]).toBeCloseTo(-1, 12);
    expect(triangleArea(t.points, t.triangles)).toBeCloseTo(6, 9);
    expect(windingAgrees(t.points, t.triangles, t.normal)).toBe(true);
  });

  it('should refuse degenerate and self-intersecting surfaces with a reason', () => {
    expect(triangulateSurface([[[0, 0, 0], [1, 0, 0], [2, 0, 0]]])).toEqual({ ok: false, reason: 'zero area (collinear or repeated vertices)' });
    expect(triangulateSurface([[[0, 0, 0], [1, 0, 0], [1, 0, 0], [0, 0, 0]]])).toEqual({ ok: false, reason: 'fewer than 3 distinct vertices' });
    expect(triangulateSurface([[[0, 0, 0], [1, 0, 0], [0, Number.NaN, 0]]])).toEqual({ ok: false, reason: 'non-finite coordinate' });
    const bowtie: Vec3[] = [
      [0, 0, 0],
      [10, 10, 0],
      [10, 0, 0],
      [0, 4, 0],
    ];
    expect(triangulateSurface([bowtie])).toEqual({ ok: false, reason: 'self-intersecting ring (triangles do not cover the surface)' });
    expect(triangulateSurface([])).toEqual({ ok: false, reason: 'no rings' });
  });

  it('should judge validity in the source coordinates: collinear there stays invalid after a reprojection bends it', () => {
    const source: Vec3[] = [
      [0, 0, 0],
      [1000, 0, 0],
      [2000, 0, 0],
    ];
    const bent: Vec3[] = [
      [0, 0, 0],
      [1000, 0, -0.0785],
      [2000, 0, -0.314],
    ]; // Earth curvature over 2 km
    expect(triangulateSurface([bent])).toMatchObject({ ok: true });
    expect(triangulateSurface([bent], [source])).toEqual({ ok: false, reason: 'zero area (collinear or repeated vertices)' });
  });

  it('should drop repeated and closing vertices', () => {
    expect(
      cleanRing([
        [0, 0, 0],
        [0, 0, 0],
        [1, 0, 0],
        [1, 1, 0],
        [0, 0, 0],
      ]),
    ).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [1, 1, 0],
    ]);
  });
});

describe('cityjson attributes', () => {
  it('should sanitise property ids', () => {
    expect(sanitiseId('bag:id')).toBe('bag_id');
    expect(sanitiseId('min-height-surface')).toBe('min_height_surface');
    expect(sanitiseId('3d')).toBe('_3d');
    expect(sanitiseId('hoogte_max')).toBe('hoogte_max');
  });

  it('should merge part attributes: own first, agreement, else largest number, any true, or distinct texts', () => {
    const nonScalar = new Set<string>();
    const m = mergeAttributes({ name: 'B', h: 3 }, [{ h: 9, roof: 'flat', n: 1, ok: false, list: [1] }, { h: 5, roof: 'gabled', n: 4, ok: true, same: 'x' }, { same: 'x', nothing: null }], nonScalar);
    expect(Object.fromEntries(m)).toEqual({ name: 'B', h: 3, roof: 'flat, gabled', n: 4, ok: true, same: 'x' });
    expect([...nonScalar]).toEqual(['list']);
  });

  it('should infer one schema for all rows and fill missing values', () => {
    const rows = [new Map<string, string | number | boolean>([['a', 1], ['b', true], ['c', 'x'], ['type', 'house'], ['d', 1.5]]), new Map<string, string | number | boolean>([['a', 2], ['b', false], ['d', 2], ['e', 5]])];
    const s = buildAttributeSchema(rows, new Set(), false);
    expect(s.classDef.properties).toMatchObject({
      id: { type: 'STRING' },
      type: { type: 'STRING' },
      lod: { type: 'STRING' },
      a: { type: 'SCALAR', componentType: 'INT32' },
      b: { type: 'BOOLEAN' },
      c: { type: 'STRING' },
      attr_type: { type: 'STRING', name: 'type' },
      d: { type: 'SCALAR', componentType: 'FLOAT64' },
      e: { type: 'SCALAR', componentType: 'FLOAT64' },
    });
    expect(s.classDef.properties.parts).toBeUndefined();
    const r1 = s.row({ id: 'o2', type: 'Building', lod: '1', parts: 0 }, rows[1]!);
    expect(r1).toMatchObject({ id: 'o2', type: 'Building', lod: '1', a: 2, b: false, c: '', attr_type: '', d: 2, e: 5 });
    expect(s.row({ id: 'o1', type: 'Building', lod: '1', parts: 0 }, rows[0]!).e).toBeNaN();
  });
});

describe('cityjson styles', () => {
  it('should colour buildings by semantics, and by facing without them', () => {
    expect(surfaceStyle('Building', 'RoofSurface', 0.3)).toEqual({ color: PALETTE.roof, kind: 'roof' });
    expect(surfaceStyle('BuildingPart', 'WallSurface', 0)).toEqual({ color: PALETTE.wall, kind: 'wall' });
    expect(surfaceStyle('Building', 'GroundSurface', -1)).toEqual({ color: null, kind: 'ground' });
    expect(surfaceStyle('Building', 'ClosureSurface', 0)).toEqual({ color: null, kind: 'closure' });
    expect(surfaceStyle('Building', 'Window', 0).color).toBe(PALETTE.window);
    expect(surfaceStyle('Building', null, 1)).toEqual({ color: PALETTE.roof, kind: 'roof' });
    expect(surfaceStyle('Building', null, 0.1)).toEqual({ color: PALETTE.wall, kind: 'wall' });
    expect(surfaceStyle('Building', null, -1)).toEqual({ color: null, kind: 'ground' });
  });

  it('should give other object types their own colours', () => {
    expect(surfaceStyle('Road', null, 1).color).toBe(PALETTE.road);
    expect(surfaceStyle('Road', 'AuxiliaryTrafficArea', 1).color).toBe(PALETTE.roadAux);
    expect(surfaceStyle('PlantCover', null, 1).color).toBe(PALETTE.plant);
    expect(surfaceStyle('LandUse', null, 1).color).toBe(PALETTE.landUse);
    expect(surfaceStyle('WaterBody', 'WaterSurface', 1).color).toBe(PALETTE.water);
    expect(surfaceStyle('WaterBody', null, 1).color).toBe(PALETTE.water);
    expect(surfaceStyle('Bridge', null, -1).color).toBe(PALETTE.bridge);
    expect(surfaceStyle('Bridge', 'GroundSurface', -1).color).toBe(PALETTE.bridge);
    expect(surfaceStyle('GenericCityObject', null, 0).color).toBe(PALETTE.generic);
    expect(surfaceStyle('+NoiseBarrier', null, 0).color).toBe(PALETTE.neutral);
    expect(familyOf('Road')).toBe('ground');
    expect(familyOf('GenericCityObject')).toBe('open');
  });
});

describe('cityjson CRS resolution', () => {
  it('should resolve the file CRS, explain the assumed heights, and prefer --crs', () => {
    const rd = resolveSourceCrs('urn:ogc:def:crs:EPSG::28992', undefined);
    expect(rd.vertical?.code).toBe('EPSG:5709');
    expect(rd.notes[0]).toBe('EPSG:28992 names no height system: heights are taken as NAP height (EPSG:5709), as usual for data in Amersfoort / RD New.');
    const [, , h] = rd.toGeodetic(155000, 463000, 0);
    expect(h).toBeCloseTo(43.297, 2);
    const wgs = resolveSourceCrs('EPSG:7415', 'EPSG:4326');
    expect(wgs).toMatchObject({ code: 'EPSG:4326', from: 'option', vertical: null });
    expect(wgs.notes).toEqual(['EPSG:4326 names no height system: heights are taken as ellipsoidal (WGS84).']);
    expect(wgs.toGeodetic(5, 52, 7)).toEqual([5, 52, 7]);
  });

  it('should refuse a missing CRS, a CRS in degrees given metres, and a vertex outside the geoid grid', () => {
    expect(() => resolveSourceCrs(undefined, undefined)).toThrow(CityJsonInputError);
    const wgs = resolveSourceCrs('EPSG:4326', undefined);
    expect(() => checkExtent(wgs, [155000, 463000], [155100, 463100])).toThrow(/are not longitude\/latitude degrees/);
    const rd = resolveSourceCrs('EPSG:7415', undefined);
    expect(() => rd.toGeodetic(155000, 1_200_000, 0)).toThrow(/outside the geoid grid for EPSG:5709: is the CRS right\?/);
  });
});
