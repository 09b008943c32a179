/** One tile content: records → extruded mesh with per-building metadata → glb file. */
import { writeFileSync } from 'node:fs';
import { encodeContentGlb } from '../lib/gltf-content';
import { MeshBuilder, type Bounds3, type Vec3 } from '../lib/mesh-builder';
import type { PropertyValue } from '../lib/metadata';
import { round } from '../lib/tileset';
import type { FinalSchema } from './attributes';
import { extrudeRecord } from './mesh';
import { GENERATOR } from './options';
import type { FootprintRecord } from './records';

export interface BuiltContent {
  uri: string;
  bytes: number;
  bounds: Bounds3;
  maxSize: number;
}

export interface BuiltTile {
  contents: BuiltContent[];
}

export async function buildContent(records: FootprintRecord[], schema: FinalSchema, heightNames: string[], path: string, uri: string): Promise<BuiltContent> {
  const mesh = new MeshBuilder();
  let maxSize = 0;
  const sourceColumns = schema.ids.length - 4;
  const rows: Record<string, PropertyValue>[] = records.map((r, i) => {
    extrudeRecord(mesh, r, i);
    maxSize = Math.max(maxSize, r.size);
    const cells = JSON.parse(r.row) as unknown[];
    const row: Record<string, PropertyValue> = {};
    for (let c = 0; c < sourceColumns; c++) row[schema.ids[c]!] = schema.cell(c, cells[c] ?? undefined);
    row.twin_id = r.id;
    row.twin_height = r.height;
    row.twin_base = r.base;
    row.twin_height_source = heightNames[r.heightSource] ?? '';
    return row;
  });
  const bounds = mesh.bounds();
  const center: Vec3 = [round((bounds.min[0] + bounds.max[0]) / 2, 2), round((bounds.min[1] + bounds.max[1]) / 2, 2), round(bounds.min[2], 2)];
  const glb = await encodeContentGlb(mesh, {
    center,
    generator: GENERATOR,
    metadata: { schemaId: 'buildings', className: 'building', classDef: schema.classDef, rows },
  });
  writeFileSync(path, glb);
  return { uri, bytes: glb.byteLength, bounds, maxSize };
}
