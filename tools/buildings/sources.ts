/**
 * Streaming readers of footprint files: GeoJSON (with stream-json's tokenizer, fed 64 KiB
 * at a time; one feature is assembled at a time) and FlatGeobuf (flatgeobuf's streaming
 * `deserialize`). Both yield `RawFeature`s and report the CRS the file declares; neither
 * ever holds more than one feature (plus a read block) in memory.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { calcTreeSize } from 'flatgeobuf/lib/mjs/packedrtree.js';
import { none, manySymbol } from 'stream-chain/defs.js';
import Assembler from 'stream-json/assembler.js';
import { jsonParser, type Token } from 'stream-json/parser.js';

/** A problem with the input that ends the run with a one-line message (exit code 1). */
export class InputError extends Error {}

export interface RawFeature {
  /** 0-based position in the input. */
  index: number;
  /** Feature-level `id` (GeoJSON), if any. */
  id: unknown;
  properties: unknown;
  geometry: unknown;
  /** Set when the element of `features` was not a Feature object. */
  notAFeature?: string;
}

export type InputFormat = 'geojson' | 'flatgeobuf';

export interface DeclaredCrs {
  /** What the file says, as text (`urn:ogc:def:crs:EPSG::3006`, `EPSG:3006`…), or null when it says nothing. */
  value: string | null;
  /** Where it was found, for messages. */
  where: string;
}

export interface FeatureSource {
  format: InputFormat;
  /** Total bytes of the file (for progress). */
  bytes: number;
  /** Number of features when the header says it (FlatGeobuf), else null. */
  featureCount: number | null;
  /** The CRS the file declares; final once `features()` is exhausted (GeoJSON may name it after the features). */
  declaredCrs(): DeclaredCrs;
  /** Features in file order; `onBytes` is called with the bytes consumed so far. */
  features(onProgress?: (done: number) => void): AsyncIterable<RawFeature>;
}

const FGB_MAGIC = [0x66, 0x67, 0x62];

/** Opens an input file: FlatGeobuf by extension or magic bytes, GeoJSON otherwise. */
export function openSource(path: string): FeatureSource {
  let bytes: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new InputError(`${path} is not a file`);
    bytes = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (bytes === 0) throw new InputError(`${path} is empty (0 bytes): expected a GeoJSON FeatureCollection or a FlatGeobuf file`);
  const head = Buffer.alloc(Math.min(8, bytes));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const isFgb = FGB_MAGIC.every((b, i) => head[i] === b);
  if (isFgb) return flatGeobufSource(path, bytes);
  if (/\.fgb$/i.test(path)) throw new InputError(`${path} has the .fgb extension but is not a FlatGeobuf file (bad magic bytes)`);
  return geoJsonSource(path, bytes);
}

// ---------------------------------------------------------------------------------------
// GeoJSON

type Handler = (tok: Token) => void;

/**
 * Finds the line and column of a JSON syntax error by parsing again, the failing block
 * one character at a time (only on the error path).
 */
function locateJsonError(path: string, failedBlock: number, blockSize: number): { line: number; column: number } | null {
  const parse = jsonParser({ streamValues: false });
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(blockSize);
  const dec = new StringDecoder('utf8');
  let line = 1;
  let column = 1;
  const advance = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) === 10) {
        line++;
        column = 1;
      } else column++;
    }
  };
  try {
    for (let block = 0; ; block++) {
      const n = readSync(fd, buf, 0, blockSize, null);
      if (n === 0) {
        try {
          parse(none as never);
        } catch {
          return { line, column };
        }
        return null;
      }
      const text = dec.write(buf.subarray(0, n));
      if (block < failedBlock) {
        parse(text);
        advance(text);
        continue;
      }
      for (const ch of text) {
        try {
          parse(ch);
        } catch {
          return { line, column };
        }
        advance(ch);
      }
    }
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function geoJsonSource(path: string, bytes: number): FeatureSource {
  let declared: DeclaredCrs = { value: null, where: 'GeoJSON crs member' };
  const BLOCK = 1 << 16;
  return {
    format: 'geojson',
    bytes,
    featureCount: null,
    declaredCrs: () => declared,
    async *features(onProgress) {
      const parse = jsonParser({ streamValues: false });
      const dec = new StringDecoder('utf8');
      const out: RawFeature[] = [];
      // parser state: depth of open containers; the depth-1 key; assembling a value
      let depth = 0;
      let key: string | null = null;
      let topLevel: 'object' | 'other' | null = null;
      let inFeatures = false;
      let sawFeatures = false;
      let asm: Assembler | null = null;
      let asmTarget: 'feature' | 'member' = 'feature';
      let index = 0;
      const members = new Map<string, unknown>();

      const emitFeature = (value: unknown) => {
        const i = index++;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          out.push({ index: i, id: undefined, properties: null, geometry: null, notAFeature: `element ${i} of "features" is not an object` });
          return;
        }
        const f = value as Record<string, unknown>;
        const raw: RawFeature = { index: i, id: f.id, properties: f.properties, geometry: f.geometry };
        if (f.type !== 'Feature') raw.notAFeature = `element ${i} of "features" has type ${JSON.stringify(f.type ?? null)}, expected "Feature"`;
        out.push(raw);
      };
      const member = (k: string, v: unknown) => {
        members.set(k, v);
        if (k === 'crs') declared = { value: crsMemberText(v), where: 'GeoJSON crs member' };
      };
      const scalar = (tok: Token): unknown => {
        switch (tok.name) {
          case 'stringValue':
            return tok.value;
          case 'numberValue':
            return Number(tok.value);
          case 'nullValue':
            return null;
          case 'trueValue':
            return true;
          case 'falseValue':
            return false;
          default:
            return undefined;
        }
      };
      const handle: Handler = (tok) => {
        if (asm) {
          asm.consume(tok);
          if (asm.done) {
            const v = asm.current;
            asm = null;
            if (asmTarget === 'feature') emitFeature(v);
            else member(key!, v);
          }
          return;
        }
        if (topLevel === null) {
          topLevel = tok.name === 'startObject' ? 'object' : 'other';
          if (topLevel === 'other') throw new InputError(`${path} is not GeoJSON: expected a FeatureCollection object, found ${describeToken(tok)} at the top level`);
        }
        switch (tok.name) {
          case 'startObject':
          case 'startArray':
            if (inFeatures && depth === 2) {
              asm = new Assembler();
              asmTarget = 'feature';
              asm.consume(tok);
              return;
            }
            if (depth === 1 && key !== null) {
              if (key === 'features' && tok.name === 'startArray') {
                inFeatures = true;
                sawFeatures = true;
                depth++;
                return;
              }
              asm = new Assembler();
              asmTarget = 'member';
              asm.consume(tok);
              return;
            }
            depth++;
            return;
          case 'endObject':
          case 'endArray':
            depth--;
            if (depth === 1) inFeatures = false;
            key = null;
            return;
          case 'keyValue':
            if (depth === 1) key = tok.value;
            return;
          default: {
            const v = scalar(tok);
            if (v === undefined) return;
            if (inFeatures && depth === 2) emitFeature(v);
            else if (depth === 1 && key !== null) member(key, v);
          }
        }
      };
      const feed = (res: unknown) => {
        if (res === none) return;
        if (res && (res as { [manySymbol]?: number })[manySymbol] === 1) {
          for (const t of (res as { values: Token[] }).values) handle(t);
        } else handle(res as Token);
      };

      const fd = openSync(path, 'r');
      const buf = Buffer.allocUnsafe(BLOCK);
      let block = 0;
      let done = 0;
      try {
        for (;;) {
          const n = readSync(fd, buf, 0, BLOCK, null);
          try {
            if (n === 0) {
              feed(parse(dec.end()));
              feed(parse(none as never));
            } else {
              feed(parse(dec.write(buf.subarray(0, n))));
            }
          } catch (e) {
            if (e instanceof InputError) throw e;
            const where = locateJsonError(path, block, BLOCK);
            const msg = (e as Error).message.replace(/^Parser (cannot parse input: |has )/, '');
            if (topLevel === null && n === 0) {
              throw new InputError(`${path} holds no JSON (only whitespace): expected a GeoJSON FeatureCollection`);
            }
            const end = n === 0 ? ' (unexpected end of file: truncated?)' : '';
            throw new InputError(`broken JSON in ${path}${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${msg}${end}`);
          }
          if (n === 0) break;
          block++;
          done += n;
          onProgress?.(done);
          for (const f of out) yield f;
          out.length = 0;
        }
      } finally {
        closeSync(fd);
      }
      for (const f of out) yield f;
      out.length = 0;
      const type = members.get('type');
      if (type === 'Feature') {
        // a single Feature at the top level
        emitFeature({ type, id: members.get('id'), properties: members.get('properties'), geometry: members.get('geometry') });
        for (const f of out) yield f;
      } else if (!sawFeatures) {
        throw new InputError(
          type === undefined
            ? `${path} is not GeoJSON: the top-level object has no "type" and no "features" array`
            : `${path} is GeoJSON of type ${JSON.stringify(type)}: expected a FeatureCollection (or a Feature) of Polygon/MultiPolygon footprints`,
        );
      } else if (type !== undefined && type !== 'FeatureCollection') {
        throw new InputError(`${path} has "type": ${JSON.stringify(type)} with a "features" array: expected "FeatureCollection"`);
      }
    },
  };
}

function describeToken(tok: Token): string {
  switch (tok.name) {
    case 'startArray':
      return 'an array';
    case 'stringValue':
      return 'a string';
    case 'numberValue':
      return 'a number';
    default:
      return tok.name.replace(/Value$/, '');
  }
}

/** The CRS named by a legacy GeoJSON `crs` member, as text; throws for forms that cannot be used. */
export function crsMemberText(crs: unknown): string | null {
  if (crs === null || crs === undefined) return null;
  const c = crs as { type?: unknown; properties?: Record<string, unknown> };
  if (typeof crs === 'object' && c.properties && typeof c.properties === 'object') {
    if (c.type === 'name' && typeof c.properties.name === 'string') return c.properties.name;
    if (c.type === 'EPSG' && (typeof c.properties.code === 'number' || typeof c.properties.code === 'string')) return `EPSG:${c.properties.code}`;
  }
  throw new InputError(`the GeoJSON "crs" member ${JSON.stringify(crs).slice(0, 120)} names no EPSG code this tool can read: pass --crs EPSG:<code>`);
}

// ---------------------------------------------------------------------------------------
// FlatGeobuf

/** A Web ReadableStream over a file, pulled 64 KiB at a time. */
function fileStream(path: string): ReadableStream<Uint8Array> {
  const fd = openSync(path, 'r');
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const buf = Buffer.allocUnsafe(1 << 16);
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) {
          close();
          controller.close();
        } else controller.enqueue(new Uint8Array(buf.buffer, buf.byteOffset, n));
      },
      cancel: close,
    },
    { highWaterMark: 0 },
  );
}

/**
 * Checks a FlatGeobuf file's framing (header length, index, size-prefixed features) before
 * flatgeobuf parses it: its parser spins on truncated data instead of failing. Reads 4
 * bytes per feature.
 */
function checkFgbFraming(path: string, bytes: number, header: HeaderMeta | null): void {
  const fd = openSync(path, 'r');
  const u32 = Buffer.alloc(4);
  const at = (pos: number): number | null => (readSync(fd, u32, 0, 4, pos) === 4 ? u32.readUInt32LE(0) : null);
  try {
    const headerLength = at(8);
    if (headerLength === null || 12 + headerLength > bytes) throw new InputError(`broken FlatGeobuf ${path}: truncated header (file of ${bytes} bytes)`);
    if (!header) return;
    let pos = 12 + headerLength;
    if (header.indexNodeSize > 0 && header.featuresCount > 0) pos += calcTreeSize(header.featuresCount, header.indexNodeSize);
    let n = 0;
    while (pos < bytes) {
      const len = at(pos);
      if (len === null || pos + 4 + len > bytes) throw new InputError(`broken FlatGeobuf ${path}: feature ${n} is truncated (file of ${bytes} bytes)`);
      pos += 4 + len;
      n++;
    }
    if (pos > bytes) throw new InputError(`broken FlatGeobuf ${path}: truncated index`);
    if (header.featuresCount > 0 && n !== header.featuresCount) {
      throw new InputError(`broken FlatGeobuf ${path}: the header announces ${header.featuresCount} features, the file holds ${n}`);
    }
  } finally {
    closeSync(fd);
  }
}

function flatGeobufSource(path: string, bytes: number): FeatureSource {
  let header: HeaderMeta | null = null;
  let declared: DeclaredCrs = { value: null, where: 'FlatGeobuf header' };
  const source: FeatureSource & { init(): Promise<void> } = {
    format: 'flatgeobuf',
    bytes,
    featureCount: null,
    declaredCrs: () => declared,
    async init() {
      if (header) return;
      checkFgbFraming(path, bytes, null);
      // the header is read once up front (small), so that the CRS and the count are known before the features
      const it = deserialize(fileStream(path), { headerMetaFn: (h) => (header = h) });
      try {
        await it.next();
      } catch (e) {
        throw new InputError(`cannot read FlatGeobuf ${path}: ${(e as Error).message}`);
      } finally {
        await it.return(undefined);
      }
      const h = header as HeaderMeta | null;
      if (!h) throw new InputError(`cannot read FlatGeobuf ${path}: no header`);
      checkFgbFraming(path, bytes, h);
      source.featureCount = h.featuresCount || null;
      const crs = h.crs;
      if (crs && (crs.code > 0 || crs.code_string)) {
        const org = crs.org ?? 'EPSG';
        declared = { value: crs.code > 0 ? `${org}:${crs.code}` : `${org}:${crs.code_string}`, where: 'FlatGeobuf header' };
      } else if (crs?.wkt) {
        throw new InputError(`the FlatGeobuf header gives its CRS only as WKT (${crs.wkt.slice(0, 60)}…): pass --crs EPSG:<code>`);
      }
    },
    async *features(onProgress) {
      await source.init();
      let index = 0;
      try {
        for await (const f of deserialize(fileStream(path))) {
          const i = index++;
          yield { index: i, id: undefined, properties: f.properties ?? null, geometry: f.geometry };
          if ((i & 1023) === 0) onProgress?.(i);
        }
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`broken FlatGeobuf ${path} after ${index} features: ${(e as Error).message}`);
      }
      onProgress?.(index);
    },
  };
  return source;
}

/** Reads the FlatGeobuf header (CRS and count) before the features; a no-op for GeoJSON. */
export async function prepareSource(source: FeatureSource): Promise<void> {
  const s = source as FeatureSource & { init?: () => Promise<void> };
  if (s.init) await s.init();
}
