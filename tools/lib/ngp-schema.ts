/**
 * Validates JSON against Lantmäteriet's NGP Detaljplan 4.1 JSON Schemas (draft-04) with a
 * small validator for the part of JSON Schema those schemas use: `$ref` (within a file and
 * across files), `type`, `enum`, `pattern`, `required`, `properties`,
 * `additionalProperties: false`, `items`, `minItems`, `allOf` and `oneOf`. `format` is not
 * checked (the `date` fields also carry a `pattern`, which is).
 *
 * The schemas `$ref` Lantmäteriet's GeoJSON 1.1 schema, which is not available offline;
 * `GEOJSON_STANDIN` stands in for it with the RFC 7946 shapes of the definitions referenced
 * (feature, featurecollection and the geometry types).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type JsonSchema = Record<string, unknown>;

export interface SchemaIssue {
  /** JSON path of the offending value, e.g. `$.features[3].properties.status`. */
  path: string;
  message: string;
}

const LM_GEOJSON = 'http://namespace.lantmateriet.se/distribution/produkter/geojson/v1.1/geojson-1.1.json';
const LM_GEOMETRI = 'http://namespace.lantmateriet.se/distribution/geodatakatalog/geometri/geometri-2.0.json';
const LM_GEOMETRIMETADATA = 'http://namespace.lantmateriet.se/distribution/geodatakatalog/geometri/geometrimetadata-2.0.1.json';
/** Key of the root schema in a registry. */
export const DETALJPLAN_SCHEMA = 'detaljplan-4.1.json';

const position = { type: 'array', minItems: 2, items: { type: 'number' } };
const linePositions = { type: 'array', minItems: 2, items: position };
const ring = { type: 'array', minItems: 4, items: position };
const polygonCoords = { type: 'array', minItems: 1, items: ring };
const geometry = (type: string, coordinates: JsonSchema): JsonSchema => ({
  type: 'object',
  required: ['type', 'coordinates'],
  properties: { type: { type: 'string', enum: [type] }, coordinates },
});

/** RFC 7946 shapes for the definitions of Lantmäteriet's GeoJSON 1.1 schema that NGP references. */
export const GEOJSON_STANDIN: JsonSchema = {
  definitions: {
    feature: {
      type: 'object',
      required: ['type', 'geometry', 'properties'],
      properties: { type: { type: 'string', enum: ['Feature'] }, properties: { type: ['object', 'null'] } },
    },
    featurecollection: {
      type: 'object',
      required: ['type', 'features'],
      properties: { type: { type: 'string', enum: ['FeatureCollection'] }, features: { type: 'array' } },
    },
    point: geometry('Point', position),
    linestring: geometry('LineString', linePositions),
    polygon: geometry('Polygon', polygonCoords),
    multipoint: geometry('MultiPoint', { type: 'array', items: position }),
    multilinestring: geometry('MultiLineString', { type: 'array', items: linePositions }),
    multipolygon: geometry('MultiPolygon', { type: 'array', items: polygonCoords }),
    geometrycollection: {
      type: 'object',
      required: ['type', 'geometries'],
      properties: { type: { type: 'string', enum: ['GeometryCollection'] }, geometries: { type: 'array', items: { type: 'object' } } },
    },
  },
};

/** Schema documents by key: the root's file name, or the absolute URI other files `$ref`. */
export type SchemaRegistry = Map<string, JsonSchema>;

/** Loads the three NGP schema files from `dir` (e.g. ../shared/data/ngp-detaljplan-4.1-spec). */
export function loadNgpSchemas(dir: string): SchemaRegistry {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as JsonSchema;
  return new Map<string, JsonSchema>([
    [DETALJPLAN_SCHEMA, read('detaljplan-4.1.json')],
    [LM_GEOMETRI, read('geometri-2.0.json')],
    [LM_GEOMETRIMETADATA, read('geometrimetadata-2.0.1.json')],
    [LM_GEOJSON, GEOJSON_STANDIN],
  ]);
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

function pointer(doc: JsonSchema, fragment: string): JsonSchema {
  let node: unknown = doc;
  for (const part of fragment.replace(/^\//, '').split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`ngp-schema: unresolved $ref fragment #${fragment}`);
  return node as JsonSchema;
}

/** Validates `value` against the root schema of `registry`; returns every issue found (empty: valid). */
export function validateNgp(value: unknown, registry: SchemaRegistry, root = DETALJPLAN_SCHEMA): SchemaIssue[] {
  const rootDoc = registry.get(root);
  if (!rootDoc) throw new Error(`ngp-schema: no schema "${root}" in the registry`);
  const issues: SchemaIssue[] = [];

  const resolve = (ref: string, doc: JsonSchema): { schema: JsonSchema; doc: JsonSchema } => {
    const [uri, fragment = ''] = ref.split('#');
    const target = uri ? registry.get(uri) : doc;
    if (!target) throw new Error(`ngp-schema: no schema for $ref "${ref}"`);
    return { schema: fragment ? pointer(target, fragment) : target, doc: target };
  };

  const check = (v: unknown, schema: JsonSchema, doc: JsonSchema, path: string, out: SchemaIssue[]): void => {
    if (typeof schema.$ref === 'string') {
      const r = resolve(schema.$ref, doc);
      check(v, r.schema, r.doc, path, out);
      return;
    }
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => typeMatches(v, t))) {
        out.push({ path, message: `expected ${types.join(' or ')}, got ${typeOf(v)}` });
        return;
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === v)) {
      out.push({ path, message: `expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(v)}` });
    }
    if (typeof schema.pattern === 'string' && typeof v === 'string' && !new RegExp(schema.pattern).test(v)) {
      out.push({ path, message: `"${v}" does not match ${schema.pattern}` });
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) out.push({ path, message: `expected at least ${schema.minItems} items, got ${v.length}` });
      if (schema.items && typeof schema.items === 'object') v.forEach((item, i) => check(item, schema.items as JsonSchema, doc, `${path}[${i}]`, out));
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      for (const key of (schema.required as string[] | undefined) ?? []) {
        if (!(key in obj)) out.push({ path, message: `missing required property "${key}"` });
      }
      const props = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
      for (const [key, sub] of Object.entries(props)) {
        if (key in obj) check(obj[key], sub, doc, `${path}.${key}`, out);
      }
      if (schema.additionalProperties === false) {
        for (const key of Object.keys(obj)) if (!(key in props)) out.push({ path, message: `unexpected property "${key}"` });
      }
    }
    for (const sub of (schema.allOf as JsonSchema[] | undefined) ?? []) check(v, sub, doc, path, out);
    if (Array.isArray(schema.oneOf)) {
      const results = (schema.oneOf as JsonSchema[]).map((sub) => {
        const o: SchemaIssue[] = [];
        check(v, sub, doc, path, o);
        return o;
      });
      const passing = results.filter((r) => r.length === 0).length;
      if (passing !== 1) {
        // report the branch that came closest, so the message names the real problem
        const closest = passing === 0 ? results.reduce((a, b) => (b.length < a.length ? b : a)) : [];
        out.push({ path, message: passing === 0 ? `matches none of ${results.length} alternatives (oneOf)` : `matches ${passing} alternatives, expected exactly one (oneOf)` }, ...closest);
      }
    }
  };

  check(value, rootDoc, rootDoc, '$', issues);
  return issues;
}
