/**
 * City object attributes → one EXT_structural_metadata class for the whole tileset.
 *
 * - Every feature row has the fixed properties `id` (the CityObject id), `type` (its CityJSON
 *   type), `lod` (the level of detail drawn) and, when the file has BuildingParts or other child
 *   objects, `parts` (how many were merged into the feature).
 * - Each scalar attribute becomes a property. Its type is inferred from all rows: all booleans
 *   (none missing) → BOOLEAN; all integers in int32 range (none missing) → INT32; other numbers →
 *   FLOAT64, missing values NaN; anything else → STRING, missing values "" (mixed types are written
 *   as text). Arrays and objects are not scalar and are skipped (listed in the report).
 * - Property ids must match `[A-Za-z_][A-Za-z0-9_]*`: other characters become `_` (the original key
 *   is kept as the property's `name`); a key that collides with a fixed property or another key
 *   gets a suffix (`attr_type`, `height_2`).
 *
 * Missing values are NaN or "" because tools/lib/metadata.ts writes no `noData` yet.
 */
import type { ClassDef, PropertyDef, PropertyValue } from '../lib/metadata';
import type { Json } from './read';

export type Scalar = string | number | boolean;

export const FIXED = ['id', 'type', 'lod', 'parts'] as const;

export interface AttributeSchema {
  classDef: ClassDef;
  /** Original attribute key → property id. */
  ids: Map<string, string>;
  /** Attribute keys with non-scalar values somewhere (skipped there). */
  nonScalar: string[];
  /** Makes a complete row for a feature. */
  row(fixed: { id: string; type: string; lod: string; parts: number }, attributes: ReadonlyMap<string, Scalar>): Record<string, PropertyValue>;
}

export function isScalar(v: Json | undefined): v is Scalar {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

export function sanitiseId(key: string): string {
  let id = key.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`;
  return id;
}

/**
 * Merges the attributes of a feature's objects: the top object's own values first; a key it lacks
 * is taken from its parts when they agree, otherwise numbers → the largest, booleans → any true,
 * text → the distinct values joined by ", ".
 */
export function mergeAttributes(own: Record<string, Json> | undefined, parts: (Record<string, Json> | undefined)[], nonScalar: Set<string>): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  for (const [k, v] of Object.entries(own ?? {})) {
    if (isScalar(v)) out.set(k, v);
    else if (v !== null) nonScalar.add(k);
  }
  const fromParts = new Map<string, Scalar[]>();
  for (const p of parts) {
    for (const [k, v] of Object.entries(p ?? {})) {
      if (!isScalar(v)) {
        if (v !== null) nonScalar.add(k);
        continue;
      }
      if (out.has(k)) continue;
      let list = fromParts.get(k);
      if (!list) fromParts.set(k, (list = []));
      list.push(v);
    }
  }
  for (const [k, values] of fromParts) {
    const distinct = [...new Set(values)];
    if (distinct.length === 1) out.set(k, distinct[0]!);
    else if (distinct.every((v) => typeof v === 'number')) out.set(k, Math.max(...(distinct as number[])));
    else if (distinct.every((v) => typeof v === 'boolean')) out.set(k, distinct.includes(true));
    else out.set(k, distinct.map(String).join(', '));
  }
  return out;
}

/** Infers the class from all features' merged attributes. */
export function buildAttributeSchema(all: readonly ReadonlyMap<string, Scalar>[], nonScalar: ReadonlySet<string>, withParts: boolean): AttributeSchema {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const m of all) {
    for (const k of m.keys()) {
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  const used = new Set<string>(FIXED);
  const ids = new Map<string, string>();
  for (const k of keys) {
    let id = sanitiseId(k);
    if ((FIXED as readonly string[]).includes(id)) id = `attr_${id}`;
    let n = 2;
    const base = id;
    while (used.has(id)) id = `${base}_${n++}`;
    used.add(id);
    ids.set(k, id);
  }

  type Kind = 'BOOLEAN' | 'INT32' | 'FLOAT64' | 'STRING';
  const kinds = new Map<string, Kind>();
  for (const k of keys) {
    let missing = false;
    let bools = true;
    let nums = true;
    let ints = true;
    for (const m of all) {
      const v = m.get(k);
      if (v === undefined) {
        missing = true;
        continue;
      }
      if (typeof v !== 'boolean') bools = false;
      if (typeof v !== 'number') nums = false;
      else if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) ints = false;
    }
    kinds.set(k, bools && !missing ? 'BOOLEAN' : nums && ints && !missing ? 'INT32' : nums ? 'FLOAT64' : 'STRING');
  }

  const properties: Record<string, PropertyDef> = {
    id: { type: 'STRING', description: 'CityJSON CityObject id' },
    type: { type: 'STRING', description: 'CityJSON CityObject type (Building, Road, …)' },
    lod: { type: 'STRING', description: 'Level of detail drawn' },
  };
  if (withParts) properties.parts = { type: 'SCALAR', componentType: 'UINT16', description: 'Child objects (BuildingParts, installations…) merged into this feature' };
  for (const k of keys) {
    const id = ids.get(k)!;
    const kind = kinds.get(k)!;
    const named = id !== k ? { name: k } : {};
    properties[id] = kind === 'STRING' || kind === 'BOOLEAN' ? { type: kind, ...named } : { type: 'SCALAR', componentType: kind, ...named };
  }
  const classDef: ClassDef = { name: 'CityObject', description: 'A CityJSON city object and its attributes', properties };

  return {
    classDef,
    ids,
    nonScalar: [...nonScalar].sort(),
    row(fixed, attributes) {
      const r: Record<string, PropertyValue> = { id: fixed.id, type: fixed.type, lod: fixed.lod };
      if (withParts) r.parts = Math.min(65535, fixed.parts);
      for (const k of keys) {
        const v = attributes.get(k);
        const kind = kinds.get(k)!;
        const id = ids.get(k)!;
        if (kind === 'STRING') r[id] = v === undefined ? '' : String(v);
        else if (kind === 'FLOAT64') r[id] = typeof v === 'number' ? v : Number.NaN;
        else r[id] = v as PropertyValue;
      }
      return r;
    },
  };
}
