/**
 * A small JSON Schema (draft-04) validator for the keywords Lantmäteriet's Detaljplan 4.1,
 * Geometri 2.0 and Geometrimetadata 2.0.1 schemas use: $ref (local and between documents), type,
 * enum, required, properties, additionalProperties: false, allOf, oneOf, anyOf, items,
 * minItems, pattern. `format` is not checked. Test helper only.
 */

export type Schema = Record<string, unknown>;

export interface SchemaSet {
  /** Documents by the URL other documents `$ref` them with (without fragment). */
  documents: Map<string, Schema>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(want: string, value: unknown): boolean {
  const t = typeOf(value);
  return want === t || (want === 'number' && t === 'integer');
}

function resolvePointer(doc: Schema, pointer: string): Schema {
  let node: unknown = doc;
  for (const part of pointer.split('/').filter(Boolean)) {
    if (!isRecord(node)) throw new Error(`bad $ref pointer ${pointer}`);
    node = node[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
  }
  if (!isRecord(node)) throw new Error(`$ref pointer ${pointer} does not name a schema`);
  return node;
}

/**
 * Validates `value` against `schema` (part of `base`); returns the errors as `path: message`.
 */
export function validate(value: unknown, schema: Schema, base: Schema, set: SchemaSet, path = '$'): string[] {
  const errors: string[] = [];
  if (typeof schema.$ref === 'string') {
    const [url, fragment = ''] = schema.$ref.split('#');
    const doc = url ? set.documents.get(url) : base;
    if (!doc) throw new Error(`unknown $ref document ${url}`);
    const target = fragment ? resolvePointer(doc, fragment) : doc;
    return validate(value, target, doc, set, path);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(t, value))) return [`${path}: is ${typeOf(value)}, expected ${types.join('|')}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) errors.push(...validate(value, s, base, set, path));
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => validate(value, s, base, set, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
  if (Array.isArray(schema.oneOf)) {
    const results = (schema.oneOf as Schema[]).map((s) => validate(value, s, base, set, path));
    const ok = results.filter((r) => r.length === 0).length;
    if (ok !== 1) errors.push(`${path}: matches ${ok} of oneOf (expected exactly 1)${ok === 0 ? `; closest: ${results.sort((a, b) => a.length - b.length)[0]!.slice(0, 3).join('; ')}` : ''}`);
  }
  if (isRecord(value)) {
    if (Array.isArray(schema.required)) for (const r of schema.required as string[]) if (!(r in value)) errors.push(`${path}: missing required "${r}"`);
    const props = isRecord(schema.properties) ? schema.properties : {};
    for (const [k, v] of Object.entries(value)) {
      if (isRecord(props[k])) errors.push(...validate(v, props[k], base, set, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property "${k}"`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: has ${value.length} items, fewer than ${schema.minItems}`);
    if (isRecord(schema.items)) value.forEach((item, i) => errors.push(...validate(item, schema.items as Schema, base, set, `${path}[${i}]`)));
  }
  return errors;
}
