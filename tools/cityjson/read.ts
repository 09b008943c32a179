/**
 * Reads a CityJSON file (1.0, 1.1, 2.0) or a CityJSON Text Sequence (`.city.jsonl`: a CityJSON
 * header line followed by CityJSONFeature lines) into one in-memory model with real-world vertex
 * coordinates (the `transform` applied).
 *
 * Every problem with the input is a `CityJsonInputError` with a message meant for the user:
 * missing or empty file, broken JSON (with line and column), not CityJSON, an unsupported version,
 * malformed `vertices`/`transform`/`CityObjects`.
 */
import { readFile } from 'node:fs/promises';
import { isRecord } from '../../src/shared/is-record';

/** A problem with the input file, reported to the user without a stack trace. */
export class CityJsonInputError extends Error {}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CityJsonGeometry {
  type: string;
  lod?: string | number;
  boundaries: unknown;
  semantics?: { surfaces?: { type?: string; [k: string]: unknown }[]; values?: unknown };
  /** GeometryInstance only. */
  template?: number;
  transformationMatrix?: number[];
  [k: string]: unknown;
}

export interface CityObject {
  type: string;
  attributes?: Record<string, Json>;
  geometry?: CityJsonGeometry[];
  parents?: string[];
  children?: string[];
  [k: string]: unknown;
}

export interface GeometryTemplates {
  templates: CityJsonGeometry[];
  /** Template vertices, flat x, y, z (not affected by `transform`). */
  vertices: Float64Array;
}

export interface CityModel {
  /** `"1.0"`, `"1.1"` or `"2.0"` (as written in the file). */
  version: string;
  /** `metadata.referenceSystem` when present. */
  referenceSystem?: string;
  metadata: Record<string, Json>;
  cityObjects: Map<string, CityObject>;
  /** Real-world vertex coordinates (transform applied), flat x, y, z. */
  vertices: Float64Array;
  templates?: GeometryTemplates;
  /** CityJSON Text Sequence input: number of feature lines. */
  featureLines?: number;
}

const SUPPORTED = /^(1\.0|1\.1|2\.0)(\.\d+)?$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/** "line L, column C" of a character offset. */
function position(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const where = m ? ` at ${position(text, Number(m[1]))}` : '';
    throw new CityJsonInputError(`${what} is not valid JSON${where}: ${msg.replace(/^JSON\.parse: /, '')}`);
  }
}

interface Transform {
  scale: [number, number, number];
  translate: [number, number, number];
}

function readTransform(raw: unknown, where: string): Transform | null {
  if (raw === undefined) return null;
  const ok = (a: unknown): a is [number, number, number] => Array.isArray(a) && a.length === 3 && a.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!isRecord(raw) || !ok(raw.scale) || !ok(raw.translate)) {
    throw new CityJsonInputError(`${where}: "transform" must have "scale" and "translate", each three finite numbers`);
  }
  return { scale: raw.scale, translate: raw.translate };
}

function readVertices(raw: unknown, transform: Transform | null, where: string): Float64Array {
  if (!Array.isArray(raw)) throw new CityJsonInputError(`${where}: "vertices" must be an array of [x, y, z], got ${describe(raw)}`);
  const out = new Float64Array(raw.length * 3);
  const [sx, sy, sz] = transform?.scale ?? [1, 1, 1];
  const [tx, ty, tz] = transform?.translate ?? [0, 0, 0];
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i] as unknown;
    if (!Array.isArray(v) || v.length < 3 || typeof v[0] !== 'number' || typeof v[1] !== 'number' || typeof v[2] !== 'number') {
      throw new CityJsonInputError(`${where}: vertex ${i} is not [x, y, z] numbers: ${JSON.stringify(v)?.slice(0, 60)}`);
    }
    out[i * 3] = v[0] * sx + tx;
    out[i * 3 + 1] = v[1] * sy + ty;
    out[i * 3 + 2] = v[2] * sz + tz;
  }
  return out;
}

function readCityObjects(raw: unknown, where: string, into: Map<string, CityObject>, remap?: (g: CityJsonGeometry) => void): void {
  if (!isRecord(raw)) throw new CityJsonInputError(`${where}: "CityObjects" must be an object of id → city object, got ${describe(raw)}`);
  for (const [id, obj] of Object.entries(raw)) {
    if (!isRecord(obj) || typeof obj.type !== 'string') throw new CityJsonInputError(`${where}: city object "${id}" has no "type"`);
    if (obj.geometry !== undefined && !Array.isArray(obj.geometry)) throw new CityJsonInputError(`${where}: city object "${id}": "geometry" must be an array`);
    const co = obj as unknown as CityObject;
    if (remap) for (const g of co.geometry ?? []) remap(g);
    into.set(id, co);
  }
}

function checkHeader(doc: unknown, what: string, expectType = 'CityJSON'): Record<string, unknown> {
  if (!isRecord(doc)) throw new CityJsonInputError(`${what} is not CityJSON: expected a JSON object with "type": "CityJSON", got ${describe(doc)}`);
  if (doc.type !== expectType) {
    const got = doc.type === undefined ? 'no "type"' : `"type": ${JSON.stringify(doc.type)}`;
    const hint = doc.type === 'FeatureCollection' || doc.type === 'Feature' ? ' (this looks like GeoJSON: use the buildings command)' : '';
    throw new CityJsonInputError(`${what} is not CityJSON: expected "type": "${expectType}", found ${got}${hint}`);
  }
  return doc;
}

function checkVersion(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new CityJsonInputError(`${what}: "version" must be a string such as "2.0", got ${describe(v)}`);
  if (!SUPPORTED.test(v)) throw new CityJsonInputError(`${what}: CityJSON version "${v}" is not supported (supported: 1.0, 1.1, 2.0)`);
  return v;
}

function referenceSystemOf(metadata: Record<string, unknown>): string | undefined {
  const rs = metadata.referenceSystem ?? metadata.crs;
  if (typeof rs === 'string' && rs.trim()) return rs.trim();
  // CityJSON 1.0 drafts sometimes wrote { "epsg": 7415 }
  if (isRecord(rs) && typeof rs.epsg === 'number') return `EPSG:${rs.epsg}`;
  return undefined;
}

function readTemplates(raw: unknown, where: string): GeometryTemplates | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw) || !Array.isArray(raw.templates)) throw new CityJsonInputError(`${where}: "geometry-templates" must have "templates" and "vertices-templates"`);
  return { templates: raw.templates as CityJsonGeometry[], vertices: readVertices(raw['vertices-templates'] ?? [], null, `${where} (vertices-templates)`) };
}

/** Parses CityJSON text (a whole document, or a CityJSON Text Sequence). */
export function parseCityJson(text: string, name = 'the input'): CityModel {
  const trimmed = text.trim();
  if (trimmed === '') throw new CityJsonInputError(`${name} is empty`);
  const firstLineEnd = trimmed.indexOf('\n');
  // CityJSON Text Sequence: several JSON lines, the first a CityJSON header
  if (firstLineEnd > 0 && trimmed.charAt(0) === '{') {
    const firstLine = trimmed.slice(0, firstLineEnd).trim();
    let header: unknown;
    try {
      header = JSON.parse(firstLine);
    } catch {
      header = undefined;
    }
    if (isRecord(header) && header.type === 'CityJSON' && trimmed.slice(firstLineEnd).trim().startsWith('{')) return parseSequence(trimmed, name);
  }
  const doc = checkHeader(parseJson(text, name), name);
  const version = checkVersion(doc.version, name);
  const transform = readTransform(doc.transform, name);
  const vertices = readVertices(doc.vertices, transform, name);
  const cityObjects = new Map<string, CityObject>();
  readCityObjects(doc.CityObjects, name, cityObjects);
  const metadata = isRecord(doc.metadata) ? (doc.metadata as Record<string, Json>) : {};
  const referenceSystem = referenceSystemOf(metadata);
  const templates = readTemplates(doc['geometry-templates'], name);
  return { version, metadata, cityObjects, vertices, ...(referenceSystem ? { referenceSystem } : {}), ...(templates ? { templates } : {}) };
}

/** Adds `offset` to every vertex index in a boundaries array (any depth). */
function offsetBoundaries(b: unknown, offset: number): unknown {
  if (typeof b === 'number') return b + offset;
  if (Array.isArray(b)) return b.map((x) => offsetBoundaries(x, offset));
  return b;
}

function parseSequence(text: string, name: string): CityModel {
  const lines = text.split('\n');
  const header = checkHeader(parseJson(lines[0]!, `${name} (line 1)`), `${name} (line 1)`);
  const version = checkVersion(header.version, name);
  const transform = readTransform(header.transform, `${name} (line 1)`);
  const chunks: Float64Array[] = [readVertices(header.vertices ?? [], transform, `${name} (line 1)`)];
  let count = chunks[0]!.length / 3;
  const cityObjects = new Map<string, CityObject>();
  let features = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const where = `${name} (line ${i + 1})`;
    const f = checkHeader(parseJson(line, where), where, 'CityJSONFeature');
    const verts = readVertices(f.vertices, transform, where);
    const offset = count;
    // vertex indices are local to each feature line (a GeometryInstance's reference point too)
    readCityObjects(f.CityObjects, where, cityObjects, (g) => {
      g.boundaries = offsetBoundaries(g.boundaries, offset);
    });
    chunks.push(verts);
    count += verts.length / 3;
    features++;
  }
  const vertices = new Float64Array(count * 3);
  let o = 0;
  for (const c of chunks) {
    vertices.set(c, o);
    o += c.length;
  }
  const metadata = isRecord(header.metadata) ? (header.metadata as Record<string, Json>) : {};
  const referenceSystem = referenceSystemOf(metadata);
  const templates = readTemplates(header['geometry-templates'], name);
  return {
    version,
    metadata,
    cityObjects,
    vertices,
    featureLines: features,
    ...(referenceSystem ? { referenceSystem } : {}),
    ...(templates ? { templates } : {}),
  };
}

/** Reads and parses a CityJSON file. */
export async function readCityJson(path: string): Promise<CityModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CityJsonInputError(`${path}: no such file`);
    if (code === 'EISDIR') throw new CityJsonInputError(`${path} is a directory, not a CityJSON file`);
    throw new CityJsonInputError(`${path}: cannot read (${(e as Error).message})`);
  }
  return parseCityJson(text, path);
}
