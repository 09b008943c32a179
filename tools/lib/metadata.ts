/**
 * EXT_structural_metadata property tables + EXT_mesh_features feature IDs for glTF content.
 *
 * glTF-Transform 4 has no implementation of these (Cesium) extensions, so content is first
 * written by glTF-Transform (geometry, meshopt, quantization) and then post-processed here:
 * the property table's binary columns are appended to the GLB's BIN chunk (buffer 0) as new
 * buffer views (8-byte aligned, as the extension requires), the schema and table go to the
 * root `extensions`, and every primitive with a `_FEATURE_ID_0` attribute gets an
 * `EXT_mesh_features` feature ID set pointing at the table. Both are "used", not "required":
 * viewers without them still draw the geometry.
 *
 * Spec: https://github.com/CesiumGS/glTF/tree/3d-tiles-next/extensions/2.0/Vendor/EXT_structural_metadata
 */
import { encodeGlb, parseGlb, type GltfJson } from './glb';

export type ScalarComponentType = 'INT8' | 'UINT8' | 'INT16' | 'UINT16' | 'INT32' | 'UINT32' | 'FLOAT32' | 'FLOAT64';

export type PropertyDef =
  | { type: 'STRING'; name?: string; description?: string }
  | { type: 'BOOLEAN'; name?: string; description?: string }
  | { type: 'SCALAR'; componentType: ScalarComponentType; name?: string; description?: string };

export interface ClassDef {
  name?: string;
  description?: string;
  properties: Record<string, PropertyDef>;
}

export type PropertyValue = string | number | boolean;

export interface PropertyTableInput {
  /** Schema id (letters, digits, underscores). */
  schemaId: string;
  className: string;
  classDef: ClassDef;
  /** One row per feature; row i belongs to feature ID i. Every property must be present. */
  rows: Record<string, PropertyValue>[];
  /** Optional table name. */
  name?: string;
}

const TYPED: Record<ScalarComponentType, { new (n: number): ArrayLike<number> & { buffer: ArrayBufferLike; [i: number]: number } }> = {
  INT8: Int8Array,
  UINT8: Uint8Array,
  INT16: Int16Array,
  UINT16: Uint16Array,
  INT32: Int32Array,
  UINT32: Uint32Array,
  FLOAT32: Float32Array,
  FLOAT64: Float64Array,
};

export interface EncodedPropertyTable {
  schema: GltfJson;
  /** Property table JSON; its buffer view numbers index into `bufferViews`. */
  propertyTable: GltfJson;
  bufferViews: Uint8Array[];
}

/** Encodes rows into EXT_structural_metadata binary columns. */
export function encodePropertyTable(input: PropertyTableInput): EncodedPropertyTable {
  const { rows, classDef } = input;
  const count = rows.length;
  if (count === 0) throw new Error('encodePropertyTable: no rows');
  const bufferViews: Uint8Array[] = [];
  const add = (bytes: Uint8Array): number => bufferViews.push(bytes) - 1;
  const properties: GltfJson = {};
  const schemaProps: GltfJson = {};

  for (const [key, def] of Object.entries(classDef.properties)) {
    const values = rows.map((r, i) => {
      const v = r[key];
      if (v === undefined) throw new Error(`encodePropertyTable: row ${i} lacks "${key}"`);
      return v;
    });
    const sp: GltfJson = { type: def.type };
    if (def.type === 'SCALAR') sp.componentType = def.componentType;
    if (def.name) sp.name = def.name;
    if (def.description) sp.description = def.description;
    schemaProps[key] = sp;

    if (def.type === 'STRING') {
      const enc = new TextEncoder();
      const parts = values.map((v) => {
        if (typeof v !== 'string') throw new Error(`encodePropertyTable: "${key}" expects strings`);
        return enc.encode(v);
      });
      const offsets = new Uint32Array(count + 1);
      let total = 0;
      parts.forEach((p, i) => {
        offsets[i] = total;
        total += p.byteLength;
      });
      offsets[count] = total;
      const data = new Uint8Array(total);
      let o = 0;
      for (const p of parts) {
        data.set(p, o);
        o += p.byteLength;
      }
      properties[key] = { values: add(data), stringOffsets: add(new Uint8Array(offsets.buffer)) };
    } else if (def.type === 'BOOLEAN') {
      const data = new Uint8Array(Math.ceil(count / 8));
      values.forEach((v, i) => {
        if (typeof v !== 'boolean') throw new Error(`encodePropertyTable: "${key}" expects booleans`);
        if (v) data[i >> 3]! |= 1 << (i & 7);
      });
      properties[key] = { values: add(data) };
    } else {
      const arr = new TYPED[def.componentType](count);
      values.forEach((v, i) => {
        if (typeof v !== 'number') throw new Error(`encodePropertyTable: "${key}" expects numbers`);
        arr[i] = v;
      });
      properties[key] = { values: add(new Uint8Array(arr.buffer)) };
    }
  }

  const cls: GltfJson = { properties: schemaProps };
  if (classDef.name) cls.name = classDef.name;
  if (classDef.description) cls.description = classDef.description;
  const propertyTable: GltfJson = { class: input.className, count, properties };
  if (input.name) propertyTable.name = input.name;
  return { schema: { id: input.schemaId, classes: { [input.className]: cls } }, propertyTable, bufferViews };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Adds a property table and feature IDs to a GLB. Every primitive that has a
 * `_FEATURE_ID_0` attribute is assumed to reference all `rows.length` features
 * (true for the single-primitive content these tools write).
 */
export function attachFeatureMetadata(glb: Uint8Array, table: PropertyTableInput): Uint8Array {
  const { json, bin } = parseGlb(glb);
  const enc = encodePropertyTable(table);
  const buffers: GltfJson[] = json.buffers ?? (json.buffers = []);
  if (buffers.length === 0) buffers.push({ byteLength: 0 });
  const glbBuffer = buffers[0]!;
  if (glbBuffer.uri !== undefined) throw new Error('attachFeatureMetadata: buffer 0 is not the GLB BIN chunk');

  const oldBin = bin ?? new Uint8Array(0);
  let size = align8(Math.max(oldBin.byteLength, glbBuffer.byteLength ?? 0));
  const placements: number[] = [];
  for (const bv of enc.bufferViews) {
    placements.push(size);
    size = align8(size + bv.byteLength);
  }
  const newBin = new Uint8Array(size);
  newBin.set(oldBin.subarray(0, Math.min(oldBin.byteLength, glbBuffer.byteLength ?? oldBin.byteLength)));
  const bufferViews: GltfJson[] = json.bufferViews ?? (json.bufferViews = []);
  const viewIndex = enc.bufferViews.map((bv, i) => {
    newBin.set(bv, placements[i]!);
    return bufferViews.push({ buffer: 0, byteOffset: placements[i]!, byteLength: bv.byteLength }) - 1;
  });
  glbBuffer.byteLength = size;

  const remap = (p: GltfJson): GltfJson => {
    const out: GltfJson = { ...p, values: viewIndex[p.values as number] };
    if (p.stringOffsets !== undefined) out.stringOffsets = viewIndex[p.stringOffsets as number];
    return out;
  };
  const props: GltfJson = {};
  for (const [k, p] of Object.entries(enc.propertyTable.properties as GltfJson)) props[k] = remap(p as GltfJson);

  json.extensions = json.extensions ?? {};
  json.extensions.EXT_structural_metadata = {
    schema: enc.schema,
    propertyTables: [{ ...enc.propertyTable, properties: props }],
  };

  let tagged = 0;
  for (const mesh of json.meshes ?? []) {
    for (const prim of mesh.primitives ?? []) {
      if (prim.attributes?._FEATURE_ID_0 === undefined) continue;
      prim.extensions = prim.extensions ?? {};
      prim.extensions.EXT_mesh_features = {
        featureIds: [{ featureCount: table.rows.length, attribute: 0, propertyTable: 0 }],
      };
      tagged++;
    }
  }
  if (tagged === 0) throw new Error('attachFeatureMetadata: no primitive has a _FEATURE_ID_0 attribute');

  const used: string[] = json.extensionsUsed ?? (json.extensionsUsed = []);
  for (const name of ['EXT_mesh_features', 'EXT_structural_metadata']) if (!used.includes(name)) used.push(name);
  return encodeGlb(json, newBin);
}

/**
 * Reads property table `index` of a GLB's EXT_structural_metadata back into rows
 * (STRING, BOOLEAN and SCALAR properties; the table's buffer views must be uncompressed
 * and in the BIN chunk, as `attachFeatureMetadata` writes them).
 */
export function decodePropertyTable(json: GltfJson, bin: Uint8Array, index = 0): Record<string, PropertyValue>[] {
  const ext = json.extensions?.EXT_structural_metadata;
  const table = ext?.propertyTables?.[index];
  if (!table) throw new Error(`decodePropertyTable: no property table ${index}`);
  const cls = ext.schema?.classes?.[table.class];
  if (!cls) throw new Error(`decodePropertyTable: class "${table.class}" not in schema`);
  const count: number = table.count;
  const view = (i: number): Uint8Array => {
    const bv = json.bufferViews[i];
    if (bv.buffer !== 0) throw new Error('decodePropertyTable: buffer view outside the BIN chunk');
    return bin.subarray(bv.byteOffset ?? 0, (bv.byteOffset ?? 0) + bv.byteLength);
  };
  const rows: Record<string, PropertyValue>[] = Array.from({ length: count }, () => ({}));
  for (const [key, prop] of Object.entries(table.properties as GltfJson)) {
    const def = cls.properties[key];
    const values = view((prop as GltfJson).values);
    if (def.type === 'STRING') {
      const offType = (prop as GltfJson).stringOffsetType ?? 'UINT32';
      if (offType !== 'UINT32') throw new Error(`decodePropertyTable: stringOffsetType ${offType} unsupported`);
      const ob = view((prop as GltfJson).stringOffsets);
      const offsets = new Uint32Array(ob.slice().buffer);
      const dec = new TextDecoder();
      for (let i = 0; i < count; i++) rows[i]![key] = dec.decode(values.subarray(offsets[i], offsets[i + 1]));
    } else if (def.type === 'BOOLEAN') {
      for (let i = 0; i < count; i++) rows[i]![key] = ((values[i >> 3]! >> (i & 7)) & 1) === 1;
    } else if (def.type === 'SCALAR') {
      const Ctor = TYPED[def.componentType as ScalarComponentType];
      if (!Ctor) throw new Error(`decodePropertyTable: componentType ${def.componentType} unsupported`);
      const arr = new (Ctor as unknown as { new (b: ArrayBufferLike): ArrayLike<number> })(values.slice().buffer);
      for (let i = 0; i < count; i++) rows[i]![key] = arr[i]!;
    } else {
      throw new Error(`decodePropertyTable: type ${def.type} unsupported`);
    }
  }
  return rows;
}
