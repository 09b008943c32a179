import { describe, expect, it, vi } from 'vitest';
import { BufferAttribute, BufferGeometry, Group, Mesh, Object3D, Vector3, type Face, type Intersection } from 'three';
import { countFeatures, featurePropertiesAt, toPlain } from '../../../../src/layers/tiles3d/feature-properties';

/** A mesh of two triangles: (0,0,0) (10,0,0) (0,10,0) and (10,0,0) (10,10,0) (0,10,0). */
function twoTriangles(batchIds?: number[]): Mesh {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array([0, 0, 0, 10, 0, 0, 0, 10, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0]), 3));
  if (batchIds) geometry.setAttribute('_batchid', new BufferAttribute(new Float32Array(batchIds), 1));
  return new Mesh(geometry);
}

function face(a: number, b: number, c: number): Face {
  return { a, b, c, normal: new Vector3(0, 0, 1), materialIndex: 0 };
}

function hitOn(object: Object3D, extra: Partial<Intersection>): Intersection {
  return { distance: 10, point: new Vector3(), object, ...extra } as Intersection;
}

function meshFeatures(ids: (number | null)[], infos: { propertyTable?: number | null; label?: string | null; featureCount?: number }[]) {
  return {
    getFeatureInfo: vi.fn(() => infos),
    getFeatures: vi.fn((_triangle: number, _bary: Vector3) => ids),
  };
}

describe('feature-properties', () => {
  describe('toPlain', () => {
    it('should copy keys named like built-ins as ordinary properties, never changing a prototype', () => {
      const data = JSON.parse('{"__proto__":{"polluted":true},"constructor":"a builder","toString":7,"name":"Stadshuset"}') as Record<string, unknown>;
      const out = toPlain(data) as Record<string, unknown>;
      expect(Object.keys(out)).toEqual(['__proto__', 'constructor', 'toString', 'name']);
      expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: true });
      expect(out.constructor).toBe('a builder');
      expect(out.toString).toBe(7);
      expect('polluted' in out).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('should turn typed arrays into plain arrays', () => {
      const out = toPlain(new Float32Array([1.5, 2.5]));
      expect(Array.isArray(out)).toBe(true);
      expect(out).toEqual([1.5, 2.5]);
      expect(toPlain(new Uint8Array([1, 2, 255]))).toEqual([1, 2, 255]);
    });

    it('should turn bigints into numbers when safe, strings otherwise (also inside BigInt64Arrays)', () => {
      expect(toPlain(42n)).toBe(42);
      expect(toPlain(-(2n ** 53n) + 1n)).toBe(-(2 ** 53) + 1);
      expect(toPlain(2n ** 60n)).toBe('1152921504606846976');
      expect(toPlain(new BigInt64Array([1n, -(2n ** 62n)]))).toEqual([1, '-4611686018427387904']);
      expect(toPlain(new BigUint64Array([7n]))).toEqual([7]);
    });

    it('should turn NaN and infinities into null', () => {
      expect(toPlain(NaN)).toBeNull();
      expect(toPlain(Infinity)).toBeNull();
      expect(toPlain(new Float64Array([1, NaN, -Infinity]))).toEqual([1, null, null]);
    });

    it('should copy nested objects and arrays deeply', () => {
      const input = { name: 'Rådhuset', floors: 3n, dims: { h: new Float32Array([12.5]), tags: ['a', NaN] }, ok: true, none: null };
      const out = toPlain(input) as Record<string, unknown>;
      expect(out).toEqual({ name: 'Rådhuset', floors: 3, dims: { h: [12.5], tags: ['a', null] }, ok: true, none: null });
      expect(out).not.toBe(input);
      expect(out.dims).not.toBe(input.dims);
      expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    });

    it('should leave strings, booleans, null and undefined alone', () => {
      expect(toPlain('x')).toBe('x');
      expect(toPlain(false)).toBe(false);
      expect(toPlain(null)).toBeNull();
      expect(toPlain(undefined)).toBeUndefined();
    });
  });

  describe('featurePropertiesAt', () => {
    it('should read the property table row of EXT_mesh_features + EXT_structural_metadata', () => {
      const mesh = twoTriangles();
      const mf = meshFeatures([7], [{ propertyTable: 0 }]);
      const getPropertyTableData = vi.fn((_table: number, id: number) => ({ id: BigInt(id), name: 'Domkyrkan', height: new Float32Array([31.5]) }));
      mesh.userData = { meshFeatures: mf, structuralMetadata: { getPropertyTableData } };
      const barycoord = new Vector3(0.2, 0.3, 0.5);
      const props = featurePropertiesAt(hitOn(mesh, { faceIndex: 1, face: face(3, 4, 5), barycoord }));
      expect(props).toEqual({ id: 7, name: 'Domkyrkan', height: [31.5] });
      expect(mf.getFeatures).toHaveBeenCalledWith(1, barycoord);
      expect(getPropertyTableData).toHaveBeenCalledWith(0, 7);
    });

    it('should merge the rows of several feature ID sets', () => {
      const mesh = twoTriangles();
      mesh.userData = {
        meshFeatures: meshFeatures([1, 2], [{ propertyTable: 0 }, { propertyTable: 1 }]),
        structuralMetadata: {
          getPropertyTableData: (table: number, id: number) => (table === 0 ? { building: `b${id}` } : { parcel: `p${id}` }),
        },
      };
      expect(featurePropertiesAt(hitOn(mesh, { faceIndex: 0, barycoord: new Vector3(1, 0, 0) }))).toEqual({ building: 'b1', parcel: 'p2' });
    });

    it('should keep a property row or feature label named __proto__ as a property of the hit', () => {
      const mesh = twoTriangles();
      mesh.userData = {
        meshFeatures: meshFeatures([1, 5], [{ propertyTable: 0 }, { label: '__proto__' }]),
        structuralMetadata: { getPropertyTableData: () => JSON.parse('{"__proto__":{"isAdmin":true},"name":"Rådhuset"}') as Record<string, unknown> },
      };
      const props = featurePropertiesAt(hitOn(mesh, { faceIndex: 0, barycoord: new Vector3(1, 0, 0) }))!;
      expect(Object.keys(props)).toEqual(['__proto__', 'name']);
      expect(Object.getOwnPropertyDescriptor(props, '__proto__')?.value).toBe(5);
      expect(props.name).toBe('Rådhuset');
      expect('isAdmin' in props).toBe(false);
    });

    it('should report the raw feature IDs (by label, else featureIdN) without a property table', () => {
      const mesh = twoTriangles();
      mesh.userData = { meshFeatures: meshFeatures([4, 9, null], [{ label: 'building' }, { propertyTable: null }, { label: 'unused' }]) };
      expect(featurePropertiesAt(hitOn(mesh, { faceIndex: 0, barycoord: new Vector3(1, 0, 0) }))).toEqual({ building: 4, featureId1: 9 });
    });

    it('should compute the barycentric coordinate from the face when the hit has none', () => {
      const mesh = twoTriangles();
      mesh.position.set(100, 0, 0); // world matrix must be applied
      mesh.updateMatrixWorld();
      const mf = meshFeatures([3], [{ label: 'f' }]);
      mesh.userData = { meshFeatures: mf };
      // the second triangle's second vertex (10,10,0), in world space
      const point = new Vector3(110, 10, 0);
      expect(featurePropertiesAt(hitOn(mesh, { faceIndex: 1, face: face(3, 4, 5), point }))).toEqual({ f: 3 });
      const bary = mf.getFeatures.mock.calls[0]![1];
      expect(bary.x).toBeCloseTo(0, 9);
      expect(bary.y).toBeCloseTo(1, 9);
      expect(bary.z).toBeCloseTo(0, 9);
    });

    it('should give null when no feature ID set has an ID there and there is no batch table', () => {
      const mesh = twoTriangles();
      mesh.userData = { meshFeatures: meshFeatures([null], [{ propertyTable: 0 }]), structuralMetadata: { getPropertyTableData: () => ({ x: 1 }) } };
      expect(featurePropertiesAt(hitOn(mesh, { faceIndex: 0, barycoord: new Vector3(1, 0, 0) }))).toBeNull();
    });

    it('should give null for content without feature data', () => {
      expect(featurePropertiesAt(hitOn(twoTriangles(), { faceIndex: 0, face: face(0, 1, 2) }))).toBeNull();
    });

    it("should read a b3dm batch table on an ancestor through the hit vertex's _batchid", () => {
      const mesh = twoTriangles([0, 0, 0, 5, 5, 5]);
      const tile = new Group();
      const content = new Group();
      tile.add(content);
      content.add(mesh);
      const getDataFromId = vi.fn((id: number) => ({ name: `house ${id}`, area: new Float64Array([120.5]), height: NaN }));
      (tile as Group & { batchTable: unknown }).batchTable = { count: 6, getDataFromId };
      const props = featurePropertiesAt(hitOn(mesh, { faceIndex: 1, face: face(3, 4, 5) }));
      expect(props).toEqual({ batchId: 5, name: 'house 5', area: [120.5], height: null });
      expect(getDataFromId.mock.calls[0]![0]).toBe(5);
    });

    it('should use the instance id for i3dm content', () => {
      const mesh = twoTriangles();
      (mesh as Mesh & { batchTable: unknown }).batchTable = { count: 10, getDataFromId: (id: number) => ({ tree: id }) };
      expect(featurePropertiesAt(hitOn(mesh, { instanceId: 8, faceIndex: 0, face: face(0, 1, 2) }))).toEqual({ batchId: 8, tree: 8 });
    });

    it('should use the _batchid of the hit point (pnts), else the point index', () => {
      const points = twoTriangles([10, 11, 12, 13, 14, 15]);
      (points as Mesh & { batchTable: unknown }).batchTable = { getDataFromId: (id: number) => ({ id }) };
      expect(featurePropertiesAt(hitOn(points, { index: 2 }))).toEqual({ batchId: 12, id: 12 });
      const plain = twoTriangles();
      (plain as Mesh & { batchTable: unknown }).batchTable = { getDataFromId: (id: number) => ({ id }) };
      expect(featurePropertiesAt(hitOn(plain, { index: 4 }))).toEqual({ batchId: 4, id: 4 });
    });

    it('should give null for a batch id beyond the table', () => {
      const mesh = twoTriangles([0, 0, 0, 9, 9, 9]);
      const getDataFromId = vi.fn(() => ({}));
      (mesh as Mesh & { batchTable: unknown }).batchTable = { count: 3, getDataFromId };
      expect(featurePropertiesAt(hitOn(mesh, { faceIndex: 1, face: face(3, 4, 5) }))).toBeNull();
      expect(getDataFromId).not.toHaveBeenCalled();
    });

    it('should prefer EXT_mesh_features over a batch table', () => {
      const mesh = twoTriangles([0, 0, 0, 1, 1, 1]);
      mesh.userData = { meshFeatures: meshFeatures([2], [{ label: 'f' }]) };
      (mesh as Mesh & { batchTable: unknown }).batchTable = { getDataFromId: () => ({ old: true }) };
      expect(featurePropertiesAt(hitOn(mesh, { faceIndex: 0, barycoord: new Vector3(1, 0, 0), face: face(0, 1, 2) }))).toEqual({ f: 2 });
    });
  });

  describe('countFeatures', () => {
    it('should count the rows of the largest property table (3D Tiles 1.1)', () => {
      const scene = new Group();
      scene.userData.structuralMetadata = { tableAccessors: [{ count: 12 }, { count: 40 }, { count: 3 }] };
      const mesh = twoTriangles();
      mesh.userData.meshFeatures = meshFeatures([], [{ featureCount: 999 }]);
      scene.add(mesh);
      expect(countFeatures(scene)).toBe(40);
    });

    it('should count the longest batch table anywhere in the content (3D Tiles 1.0)', () => {
      const scene = new Group();
      const a = new Group();
      const b = twoTriangles();
      (a as Group & { batchTable: unknown }).batchTable = { count: 14, getDataFromId: () => ({}) };
      (b as Mesh & { batchTable: unknown }).batchTable = { count: 6, getDataFromId: () => ({}) };
      scene.add(a);
      a.add(b);
      expect(countFeatures(scene)).toBe(14);
    });

    it('should fall back to the feature-ID count of the first feature ID set', () => {
      const scene = new Group();
      const m1 = twoTriangles();
      const m2 = twoTriangles();
      m1.userData.meshFeatures = meshFeatures([], [{ featureCount: 5 }, { featureCount: 50 }]);
      m2.userData.meshFeatures = meshFeatures([], [{ featureCount: 8 }]);
      scene.add(m1, m2);
      expect(countFeatures(scene)).toBe(8);
    });

    it('should be 0 for content without feature data or with empty property tables', () => {
      expect(countFeatures(new Group().add(twoTriangles()))).toBe(0);
      const scene = new Group();
      scene.userData.structuralMetadata = { tableAccessors: [] };
      expect(countFeatures(scene)).toBe(0);
    });
  });
});
