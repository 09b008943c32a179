import { describe, expect, it } from 'vitest';
import { extrudePart, partTop, type BuildingPart } from '../../../tools/lib/extrude';
import { area, centroid, clipHalfPlanes, convexOverlap, leftOf, offsetConvex, orientedRect, type Polygon } from '../../../tools/lib/geom2d';
import { encodeGlb, parseGlb, readGlbHeader, GLB_MAGIC } from '../../../tools/lib/glb';
import { MeshBuilder } from '../../../tools/lib/mesh-builder';
import { decodePropertyTable, encodePropertyTable, type PropertyTableInput } from '../../../tools/lib/metadata';
import { createRng } from '../../../tools/lib/prng';
import { createProgress } from '../../../tools/lib/progress';
import { buildQuadtree, collectItems, promoteForAdd } from '../../../tools/lib/quadtree';
import { boundsToBox, boxContainsBox, mat4InvertRigid, mat4Multiply, roundBox } from '../../../tools/lib/tileset';
import { eastNorthUpToEcef } from '../../../src/geo/frame';

/** Signed volume of a closed triangle mesh (positive when normals face outwards). */
function signedVolume(m: MeshBuilder): number {
  let v = 0;
  const p = m.positions;
  for (let t = 0; t < m.indices.length; t += 3) {
    const [a, b, c] = [m.indices[t]!, m.indices[t + 1]!, m.indices[t + 2]!].map((i) => [p[3 * i]!, p[3 * i + 1]!, p[3 * i + 2]!]);
    v += (a![0]! * (b![1]! * c![2]! - b![2]! * c![1]!) - a![1]! * (b![0]! * c![2]! - b![2]! * c![0]!) + a![2]! * (b![0]! * c![1]! - b![1]! * c![0]!)) / 6;
  }
  return v;
}

describe('prng', () => {
  it('is deterministic per seed and label', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(createRng(8).next()).not.toBe(xs[0]);
    expect(createRng(7).fork('x').next()).toBe(createRng(7).fork('x').next());
    expect(createRng(7).fork('x').next()).not.toBe(createRng(7).fork('y').next());
  });

  it('keeps ranges', () => {
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const f = r.float(-2, 3);
      expect(f).toBeGreaterThanOrEqual(-2);
      expect(f).toBeLessThan(3);
      const n = r.int(1, 6);
      expect(Number.isInteger(n) && n >= 1 && n <= 6).toBe(true);
    }
    expect(() => r.pick([])).toThrow();
    expect(r.weighted([['a', 0], ['b', 1]] as const)).toBe('b');
  });
});

describe('geom2d', () => {
  const square: Polygon = [[0, 0], [10, 0], [10, 10], [0, 10]];

  it('offsets convex polygons inwards and detects degenerate results', () => {
    const inner = offsetConvex(square, 2)!;
    expect(area(inner)).toBeCloseTo(36, 9);
    expect(offsetConvex(square, 5.5)).toBeNull();
  });

  it('clips by half-planes', () => {
    const left = clipHalfPlanes(square, [leftOf([5, 0], [5, 10])]);
    expect(area(left)).toBeCloseTo(50, 9);
    expect(centroid(left)[0]).toBeCloseTo(2.5, 9);
  });

  it('tests convex overlap with a margin', () => {
    const a = orientedRect([0, 0], 5, 5, 0.3);
    const b = orientedRect([10.5, 0], 5, 5, 0.3);
    expect(convexOverlap(a, b)).toBe(false);
    expect(convexOverlap(a, b, 2)).toBe(true);
  });
});

describe('extrude', () => {
  it('builds closed, outward-facing solids (volume = footprint × height + roof)', () => {
    const base: Omit<BuildingPart, 'roof'> = {
      footprint: [[0, 0], [0, 8], [10, 8], [10, 0]], // clockwise on purpose
      base: 0,
      eave: 6.4,
      wallColor: [0.5, 0.2, 0.1],
      roofColor: [0.1, 0.1, 0.1],
      bands: [{ from: 0, color: [0.2, 0.2, 0.2] }, { from: 0.6, color: [0.5, 0.2, 0.1] }],
    };
    const flat = new MeshBuilder();
    extrudePart(flat, { ...base, roof: { kind: 'flat' } }, 3);
    // no floor: add the missing bottom face's contribution (zero at z = 0)
    expect(signedVolume(flat)).toBeCloseTo(10 * 8 * 6.4, 6);
    expect(new Set(flat.featureIds)).toEqual(new Set([3]));

    const gable = new MeshBuilder();
    const part: BuildingPart = { ...base, roof: { kind: 'gable', rise: 3 } };
    extrudePart(gable, part, 0);
    // the ridge runs along the first edge of the (CCW) footprint: prism volume = ½·span·rise·length
    expect(signedVolume(gable)).toBeCloseTo(10 * 8 * 6.4 + 0.5 * 3 * 10 * 8, 6);
    expect(partTop(part)).toBeCloseTo(9.4, 9);

    const pyramid = new MeshBuilder();
    extrudePart(pyramid, { ...base, roof: { kind: 'pyramid', rise: 6 } }, 0);
    expect(signedVolume(pyramid)).toBeCloseTo(10 * 8 * 6.4 + (10 * 8 * 6) / 3, 6);
  });

  it('has unit normals', () => {
    const m = new MeshBuilder();
    extrudePart(m, { footprint: orientedRect([3, 4], 6, 4, 0.4), base: 0, eave: 9.6, roof: { kind: 'gable', rise: 2 }, wallColor: [1, 1, 1], roofColor: [0, 0, 0] }, 0);
    for (let i = 0; i < m.normals.length; i += 3) {
      expect(Math.hypot(m.normals[i]!, m.normals[i + 1]!, m.normals[i + 2]!)).toBeCloseTo(1, 9);
    }
  });
});

describe('glb + metadata', () => {
  it('round-trips a GLB container', () => {
    const glb = encodeGlb({ asset: { version: '2.0' } }, new Uint8Array([1, 2, 3]));
    const h = readGlbHeader(glb);
    expect(h).toEqual({ magic: GLB_MAGIC, version: 2, length: glb.byteLength });
    expect(glb.byteLength % 4).toBe(0);
    const { json, bin } = parseGlb(glb);
    expect(json.asset.version).toBe('2.0');
    expect(Array.from(bin!.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(() => parseGlb(glb.subarray(0, 30))).toThrow(/length/);
  });

  it('encodes and decodes property tables', () => {
    const input: PropertyTableInput = {
      schemaId: 'test',
      className: 'thing',
      classDef: {
        properties: {
          id: { type: 'STRING' },
          flag: { type: 'BOOLEAN' },
          n: { type: 'SCALAR', componentType: 'UINT16' },
          x: { type: 'SCALAR', componentType: 'FLOAT32' },
        },
      },
      rows: Array.from({ length: 11 }, (_, i) => ({ id: i % 3 ? `Ö-${i}` : '', flag: i % 2 === 0, n: i * 100, x: i / 4 })),
    };
    const enc = encodePropertyTable(input);
    expect(enc.propertyTable.count).toBe(11);
    // lay the buffer views out as attachFeatureMetadata would
    let size = 0;
    const offsets = enc.bufferViews.map((b) => {
      const o = size;
      size = (size + b.byteLength + 7) & ~7;
      return o;
    });
    const bin = new Uint8Array(size);
    enc.bufferViews.forEach((b, i) => bin.set(b, offsets[i]!));
    const json = {
      bufferViews: enc.bufferViews.map((b, i) => ({ buffer: 0, byteOffset: offsets[i], byteLength: b.byteLength })),
      extensions: { EXT_structural_metadata: { schema: enc.schema, propertyTables: [enc.propertyTable] } },
    };
    expect(decodePropertyTable(json, bin)).toEqual(input.rows);
    expect(() => encodePropertyTable({ ...input, rows: [{ id: 'a' }] })).toThrow(/lacks/);
  });
});

describe('quadtree', () => {
  const rect = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
  const rng = createRng(3);
  const items = Array.from({ length: 200 }, (_, i) => ({ i, p: [rng.float(0, 100), rng.float(0, 100)] as [number, number], s: rng.float(0, 50) }));

  it('splits until leaves are small enough and keeps every item once', () => {
    const root = buildQuadtree(items, { rect, point: (t) => t.p, maxItems: 20, maxDepth: 6 });
    const all = collectItems(root);
    expect(all.length).toBe(200);
    expect(new Set(all.map((t) => t.i)).size).toBe(200);
    const check = (n: typeof root): void => {
      if (n.children.length === 0) expect(n.items.length).toBeLessThanOrEqual(20);
      for (const c of n.children) {
        expect(c.level).toBe(n.level + 1);
        for (const t of collectItems(c)) {
          expect(t.p[0] >= c.rect.minX && t.p[0] <= c.rect.maxX && t.p[1] >= c.rect.minY && t.p[1] <= c.rect.maxY).toBe(true);
        }
        check(c);
      }
    };
    check(root);
  });

  it('promotes significant items to inner nodes for ADD refinement', () => {
    const root = buildQuadtree(items, { rect, point: (t) => t.p, maxItems: 20, maxDepth: 6 });
    promoteForAdd(root, { score: (t) => t.s, threshold: (l) => 45 - 5 * l, maxPerNode: 5 });
    expect(collectItems(root).length).toBe(200);
    expect(root.items.length).toBeGreaterThan(0);
    expect(root.items.length).toBeLessThanOrEqual(5);
    for (const t of root.items) expect(t.s).toBeGreaterThanOrEqual(45);
  });
});

describe('tileset helpers', () => {
  it('rounds boxes outwards and checks containment', () => {
    const inner = boundsToBox({ min: [1.23456, 2.34567, 0], max: [3.45678, 4.56789, 5.6789] });
    const rounded = roundBox(inner);
    expect(boxContainsBox(rounded, inner, 0)).toBe(true);
    expect(boxContainsBox(inner, boundsToBox({ min: [0, 0, 0], max: [10, 10, 10] }))).toBe(false);
  });

  it('inverts rigid transforms', () => {
    const m = eastNorthUpToEcef({ lon: 17.9379, lat: 62.6323, height: 28 });
    const id = mat4Multiply(mat4InvertRigid(m), m);
    id.forEach((v, i) => expect(v).toBeCloseTo([0, 5, 10, 15].includes(i) ? 1 : 0, 6));
  });
});

describe('progress', () => {
  it('prints only the final line when not on a TTY', () => {
    let out = '';
    const p = createProgress('test', 4, { write: (s: string) => (out += s), isTTY: false });
    p.tick('a');
    p.tick('b');
    expect(out).toBe('');
    p.done();
    expect(out).toMatch(/^test\s+\[#+\] 4\/4\n$/);
  });

  it('redraws in place on a TTY', () => {
    let out = '';
    const p = createProgress('t', 2, { write: (s: string) => (out += s), isTTY: true, columns: 80 });
    p.tick('x.glb');
    expect(out).toContain('\r');
    expect(out).toContain('1/2  x.glb');
  });
});
