/**
 * Reads the data properties of the feature under a raycast hit on 3D Tiles content:
 * glTF `EXT_mesh_features` + `EXT_structural_metadata` (3D Tiles 1.1), or the batch table of
 * b3dm/i3dm/pnts content (3D Tiles 1.0). Values are returned as plain JSON-safe data.
 */
import { Triangle, Vector3, type BufferGeometry, type Intersection, type Object3D } from 'three';

interface MeshFeaturesLike {
  getFeatureInfo(): { propertyTable?: number | null; label?: string | null }[];
  getFeatures(triangle: number, barycoord: Vector3): (number | null)[];
}
interface StructuralMetadataLike {
  getPropertyTableData(table: number, id: number, target?: object | null): Record<string, unknown>;
}
interface BatchTableLike {
  count?: number;
  getDataFromId(id: number, target?: object): Record<string, unknown>;
}

const _triangle = new Triangle();
const _barycoord = new Vector3();

/**
 * A null-prototype object for properties whose names come from data: a `__proto__` or
 * `constructor` in a batch table is then an ordinary property, never the object's prototype.
 */
function propertyBag(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

/**
 * JSON-safe copy: typed arrays → arrays, bigint → number (or string when unsafe), nested objects
 * copied into null-prototype objects (see `propertyBag`).
 */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => toPlain(v));
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    const out = propertyBag();
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

function barycoordOf(hit: Intersection): Vector3 | null {
  if (hit.barycoord) return hit.barycoord;
  const mesh = hit.object as Object3D & { geometry?: BufferGeometry };
  const position = mesh.geometry?.getAttribute('position');
  if (!hit.face || !position) return null;
  _triangle.setFromAttributeAndIndices(position, hit.face.a, hit.face.b, hit.face.c);
  _triangle.a.applyMatrix4(mesh.matrixWorld);
  _triangle.b.applyMatrix4(mesh.matrixWorld);
  _triangle.c.applyMatrix4(mesh.matrixWorld);
  return _triangle.getBarycoord(hit.point, _barycoord);
}

function fromMeshFeatures(hit: Intersection): Record<string, unknown> | null {
  const { meshFeatures, structuralMetadata } = hit.object.userData as {
    meshFeatures?: MeshFeaturesLike;
    structuralMetadata?: StructuralMetadataLike;
  };
  if (!meshFeatures || hit.faceIndex == null) return null;
  const barycoord = barycoordOf(hit);
  if (!barycoord) return null;
  const ids = meshFeatures.getFeatures(hit.faceIndex, barycoord);
  const infos = meshFeatures.getFeatureInfo();
  const out = propertyBag();
  let found = false;
  infos.forEach((info, i) => {
    const id = ids[i];
    if (id == null) return;
    found = true;
    if (structuralMetadata && info.propertyTable != null) {
      Object.assign(out, toPlain(structuralMetadata.getPropertyTableData(info.propertyTable, id)));
    } else {
      out[info.label ?? `featureId${i}`] = id;
    }
  });
  return found ? out : null;
}

function findBatchTable(object: Object3D): BatchTableLike | null {
  for (let o: Object3D | null = object; o; o = o.parent) {
    const table = (o as Object3D & { batchTable?: BatchTableLike }).batchTable;
    if (table) return table;
  }
  return null;
}

function fromBatchTable(hit: Intersection): Record<string, unknown> | null {
  const table = findBatchTable(hit.object);
  if (!table) return null;
  let batchId: number | null = null;
  if (hit.instanceId != null) batchId = hit.instanceId;
  else {
    const geometry = (hit.object as Object3D & { geometry?: BufferGeometry }).geometry;
    const attr = geometry?.getAttribute('_batchid');
    const vertex = hit.face ? hit.face.a : hit.index;
    if (attr && vertex != null) batchId = attr.getX(vertex);
    else if (hit.index != null) batchId = hit.index;
  }
  if (batchId == null || (table.count !== undefined && batchId >= table.count)) return null;
  const data = toPlain(table.getDataFromId(batchId, {})) as Record<string, unknown>;
  return Object.assign(propertyBag(), { batchId }, data);
}

/** Properties of the feature under `hit`, or `null` when the content carries no feature data. */
export function featurePropertiesAt(hit: Intersection): Record<string, unknown> | null {
  return fromMeshFeatures(hit) ?? fromBatchTable(hit);
}

/**
 * Number of distinct features in one tile's content scene: the rows of its property tables
 * (3D Tiles 1.1), else the largest batch table length (1.0), else the feature-ID count.
 */
export function countFeatures(scene: Object3D): number {
  const tables = (scene.userData.structuralMetadata as { tableAccessors?: { count: number }[] } | undefined)?.tableAccessors;
  if (tables && tables.length > 0) return Math.max(...tables.map((t) => t.count));
  let batchCount = 0;
  let featureIdCount = 0;
  scene.traverse((o) => {
    const bt = (o as Object3D & { batchTable?: BatchTableLike }).batchTable;
    if (bt?.count) batchCount = Math.max(batchCount, bt.count);
    const mf = o.userData.meshFeatures as { getFeatureInfo(): { featureCount: number }[] } | undefined;
    if (mf) featureIdCount = Math.max(featureIdCount, mf.getFeatureInfo()[0]?.featureCount ?? 0);
  });
  return batchCount || featureIdCount;
}
