/**
 * Checks of tile content bytes: glb (glTF 2.0 binary), b3dm, i3dm, pnts, cmpt (3D Tiles 1.0
 * formats, inner tiles of a composite included) and JSON glTF. Structural only: headers,
 * announced lengths against the real ones, chunk and section layout, that the JSON parts
 * parse, and glTF `extensionsRequired` against `extensionsUsed`. Geometry is not decoded.
 *
 * Everything here is a pure function of the bytes; files a content refers to (glTF buffers
 * and images, an i3dm's external glTF) are returned as `refs` for the caller to resolve.
 */
import { GLB_MAGIC, readGlbHeader } from '../lib/glb';

export type ContentKind = 'glb' | 'b3dm' | 'i3dm' | 'pnts' | 'cmpt' | 'gltf' | 'json' | 'unknown';

export interface ContentProblem {
  severity: 'ERROR' | 'WARN';
  message: string;
}

export interface ContentCheck {
  kind: ContentKind;
  problems: ContentProblem[];
  /** URIs this content refers to, relative to the content file (not data: URIs). */
  refs: string[];
  /** The parsed JSON when the content is JSON (external tileset, glTF, other). */
  json?: unknown;
}

const CHUNK_JSON = 0x4e4f534a; // 'JSON'
const CHUNK_BIN = 0x004e4942; // 'BIN\0'
/** Smallest uint32 that JSON text or "glTF" produce when read as a length (legacy b3dm headers). */
const LEGACY_B3DM_THRESHOLD = 570425344;

/** The first four bytes as text when printable, else as hex. */
export function magicOf(bytes: Uint8Array): string {
  const four = Array.from(bytes.subarray(0, 4));
  if (four.length === 4 && four.every((b) => b >= 0x20 && b < 0x7f)) return String.fromCharCode(...four);
  return `0x${four.map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Line and column of a `position N` in a JSON.parse error message, when there is one. */
export function jsonErrorText(e: unknown, text: string): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /at position (\d+)/.exec(msg);
  if (!m || /\(line \d+/.test(msg)) return msg;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${msg} (line ${line}, column ${column})`;
}

function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; error: string } {
  const text = new TextDecoder().decode(bytes);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: jsonErrorText(e, text) };
  }
}

/** Detects the content kind from the first bytes (not the file name). */
export function detectKind(bytes: Uint8Array): ContentKind {
  const magic = magicOf(bytes);
  if (magic === 'glTF') return 'glb';
  if (magic === 'b3dm' || magic === 'i3dm' || magic === 'pnts' || magic === 'cmpt') return magic;
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b) return 'json'; // '{'
  return 'unknown';
}

type Sink = { problems: ContentProblem[]; refs: string[] };
const err = (s: Sink, message: string) => s.problems.push({ severity: 'ERROR', message });
const warn = (s: Sink, message: string) => s.problems.push({ severity: 'WARN', message });

/** What a file name's extension promises (3d-tiles-renderer picks its loader by extension). */
export function kindFromName(name: string): ContentKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.split(/[?#]/)[0]!)?.[1]?.toLowerCase();
  switch (ext) {
    case 'glb':
    case 'b3dm':
    case 'i3dm':
    case 'pnts':
    case 'cmpt':
    case 'gltf':
    case 'json':
      return ext;
    default:
      return null;
  }
}

/**
 * Checks any content. The kind comes from the bytes; `name` (the URI) adds what its extension
 * promises: a `.glb` that does not start with "glTF" is a broken glb, not an unknown format.
 */
export function checkContent(bytes: Uint8Array, name = ''): ContentCheck {
  const detected = detectKind(bytes);
  const expected = kindFromName(name);
  const sink: Sink = { problems: [], refs: [] };
  if (detected === 'unknown' && expected !== null) {
    if (expected === 'glb') checkGlb(bytes, sink, '', false);
    else if (expected === 'gltf' || expected === 'json') err(sink, `expected JSON, but the file starts with "${magicOf(bytes)}"`);
    else checkTileFormat(bytes, sink, '', 0, expected);
    return { kind: expected, problems: sink.problems, refs: sink.refs };
  }
  if (expected !== null && detected !== expected && !(expected === 'json' && detected === 'json') && !(expected === 'gltf' && detected === 'json')) {
    warn(sink, `the name says .${expected} but the content is ${detected}; clients that choose a loader by extension will fail`);
  }
  const kind = detected;
  let json: unknown;
  switch (kind) {
    case 'glb':
      checkGlb(bytes, sink, '', false);
      break;
    case 'b3dm':
    case 'i3dm':
    case 'pnts':
    case 'cmpt':
      checkTileFormat(bytes, sink, '', 0);
      break;
    case 'json': {
      const parsed = parseJsonBytes(bytes);
      if (!parsed.ok) {
        err(sink, `not valid JSON: ${parsed.error}`);
        break;
      }
      json = parsed.value;
      const o = json as Record<string, any>;
      if (o && typeof o === 'object' && !('root' in o) && o.asset && typeof o.asset === 'object' && String(o.asset.version ?? '').startsWith('2')) {
        checkGltfJson(o, sink, '', null);
        return { kind: 'gltf', problems: sink.problems, refs: sink.refs, json };
      }
      break;
    }
    default:
      warn(sink, `unknown content (magic "${magicOf(bytes)}"); not checked`);
  }
  return { kind, problems: sink.problems, refs: sink.refs, ...(json !== undefined ? { json } : {}) };
}

/**
 * glb: magic, version 2, announced length, chunks (JSON first, lengths in bounds and 4-byte
 * aligned, at most one BIN right after it), the JSON, and the glTF inside.
 * `embedded`: inside a b3dm/i3dm, where the container may pad the glb by up to 7 bytes.
 */
export function checkGlb(bytes: Uint8Array, sink: Sink, label: string, embedded: boolean): void {
  const p = label;
  if (bytes.byteLength < 12) {
    err(sink, `${p}GLB too short for a header: ${bytes.byteLength} bytes (at least 12)`);
    return;
  }
  const h = readGlbHeader(bytes);
  if (h.magic !== GLB_MAGIC) {
    err(sink, `${p}GLB has the wrong magic "${magicOf(bytes)}" (expected "glTF")`);
    return;
  }
  if (h.version !== 2) {
    err(sink, `${p}GLB version ${h.version}, expected 2${h.version === 1 ? ' (binary glTF 1.0 is not supported by 3D Tiles 1.1 clients)' : ''}`);
    return;
  }
  let total = bytes.byteLength;
  if (h.length !== bytes.byteLength) {
    if (embedded && h.length < bytes.byteLength && bytes.byteLength - h.length < 8) {
      total = h.length; // container padding
    } else if (h.length > bytes.byteLength) {
      err(sink, `${p}GLB header announces ${h.length} bytes but there are ${bytes.byteLength} (truncated)`);
    } else {
      err(sink, `${p}GLB header announces ${h.length} bytes but there are ${bytes.byteLength} (trailing bytes)`);
      total = h.length;
    }
  }
  if (total % 4 !== 0) err(sink, `${p}GLB length ${total} is not a multiple of 4`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let index = 0;
  let jsonBytes: Uint8Array | null = null;
  let bin: Uint8Array | null = null;
  let sawBin = false;
  const end = Math.min(total, bytes.byteLength);
  while (offset < end) {
    if (offset + 8 > end) {
      err(sink, `${p}GLB chunk ${index} header at byte ${offset} is cut off (${end - offset} bytes left)`);
      break;
    }
    const len = dv.getUint32(offset, true);
    const type = dv.getUint32(offset + 4, true);
    const start = offset + 8;
    const typeName = type === CHUNK_JSON ? 'JSON' : type === CHUNK_BIN ? 'BIN' : `0x${type.toString(16)}`;
    if (index === 0 && type !== CHUNK_JSON) err(sink, `${p}GLB first chunk is ${typeName}, expected JSON`);
    if (len % 4 !== 0) err(sink, `${p}GLB chunk ${index} (${typeName}) length ${len} is not a multiple of 4`);
    if (start + len > end) {
      err(sink, `${p}GLB chunk ${index} (${typeName}) of ${len} bytes at byte ${start} runs past the end (${end} bytes)`);
      break;
    }
    const data = bytes.subarray(start, start + len);
    if (type === CHUNK_JSON) {
      if (index !== 0) err(sink, `${p}GLB has a second JSON chunk (chunk ${index})`);
      else jsonBytes = data;
    } else if (type === CHUNK_BIN) {
      if (sawBin) err(sink, `${p}GLB has more than one BIN chunk`);
      else if (index !== 1) err(sink, `${p}GLB BIN chunk must follow the JSON chunk (it is chunk ${index})`);
      sawBin = true;
      bin ??= data;
    }
    offset = start + len;
    index++;
  }
  if (!jsonBytes) {
    if (index > 0 || offset >= end) err(sink, `${p}GLB has no JSON chunk`);
    return;
  }
  const parsed = parseJsonBytes(jsonBytes);
  if (!parsed.ok) {
    err(sink, `${p}GLB JSON chunk is not valid JSON: ${parsed.error}`);
    return;
  }
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    err(sink, `${p}GLB JSON chunk is not a glTF object`);
    return;
  }
  checkGltfJson(parsed.value as Record<string, any>, sink, p, bin);
}

/**
 * The glTF JSON: asset.version 2.x, extensionsRequired listed in extensionsUsed, buffers
 * (the GLB-stored one needs a BIN chunk that is long enough), buffer views in bounds, and
 * external buffer and image URIs (returned as refs).
 */
export function checkGltfJson(gltf: Record<string, any>, sink: Sink, p: string, bin: Uint8Array | null): void {
  const version = gltf.asset?.version;
  if (typeof version !== 'string') err(sink, `${p}glTF asset.version is missing`);
  else if (!/^2\.\d+$/.test(version)) err(sink, `${p}glTF asset.version is "${version}", expected 2.x`);
  const used: unknown = gltf.extensionsUsed ?? [];
  const required: unknown = gltf.extensionsRequired ?? [];
  if (!Array.isArray(used)) err(sink, `${p}glTF extensionsUsed is not an array`);
  if (!Array.isArray(required)) err(sink, `${p}glTF extensionsRequired is not an array`);
  if (Array.isArray(used) && Array.isArray(required)) {
    for (const ext of required) if (!used.includes(ext)) err(sink, `${p}glTF extension ${JSON.stringify(ext)} is in extensionsRequired but not in extensionsUsed`);
  }
  const buffers: any[] = Array.isArray(gltf.buffers) ? gltf.buffers : [];
  const sizes: (number | null)[] = [];
  buffers.forEach((b, i) => {
    const byteLength = typeof b?.byteLength === 'number' ? b.byteLength : null;
    if (byteLength === null || byteLength < 1 || !Number.isInteger(byteLength)) err(sink, `${p}glTF buffers[${i}].byteLength must be a positive integer`);
    sizes.push(byteLength);
    const fallback = b?.extensions?.EXT_meshopt_compression?.fallback === true || b?.extensions?.KHR_meshopt_compression?.fallback === true;
    if (typeof b?.uri === 'string') {
      if (!b.uri.startsWith('data:')) sink.refs.push(b.uri);
    } else if (fallback) {
      // a meshopt fallback buffer: no data, only there for loaders without the extension
    } else if (i === 0) {
      if (!bin) err(sink, `${p}glTF buffers[0] has no uri, so it needs the GLB BIN chunk, which is missing`);
      else if (byteLength !== null && (bin.byteLength < byteLength || bin.byteLength - byteLength > 3)) {
        err(sink, `${p}glTF buffers[0].byteLength is ${byteLength} but the BIN chunk has ${bin.byteLength} bytes`);
      }
    } else {
      err(sink, `${p}glTF buffers[${i}] has no uri (only buffers[0] may be the GLB BIN chunk)`);
    }
  });
  const views: any[] = Array.isArray(gltf.bufferViews) ? gltf.bufferViews : [];
  views.forEach((v, i) => {
    const b = v?.buffer;
    if (typeof b !== 'number' || b < 0 || b >= buffers.length) {
      err(sink, `${p}glTF bufferViews[${i}].buffer ${JSON.stringify(b)} is not a buffer index (${buffers.length} buffers)`);
      return;
    }
    const size = sizes[b];
    const end = (typeof v.byteOffset === 'number' ? v.byteOffset : 0) + (typeof v.byteLength === 'number' ? v.byteLength : 0);
    if (size !== null && size !== undefined && end > size) err(sink, `${p}glTF bufferViews[${i}] ends at byte ${end}, past buffers[${b}] (${size} bytes)`);
  });
  const images: any[] = Array.isArray(gltf.images) ? gltf.images : [];
  images.forEach((img) => {
    if (typeof img?.uri === 'string' && !img.uri.startsWith('data:')) sink.refs.push(img.uri);
  });
}

function u32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(offset, true);
}

const HEADER_BYTES: Record<string, number> = { b3dm: 28, i3dm: 32, pnts: 28, cmpt: 16 };

/**
 * b3dm/i3dm/pnts/cmpt: magic, version 1, byteLength equal to the data, section lengths in
 * bounds, feature/batch table JSON, required feature-table semantics, then the payload
 * (embedded glb, an i3dm's glTF URI, or a composite's inner tiles, recursively).
 */
export function checkTileFormat(bytes: Uint8Array, sink: Sink, label: string, depth: number, expected?: string): void {
  const magic = magicOf(bytes);
  const p = label;
  const headerBytes = HEADER_BYTES[magic];
  if (headerBytes === undefined) {
    if (expected) {
      err(sink, `${p}${expected} has the wrong magic "${magic}" (expected "${expected}")`);
      return;
    }
    if (magic === 'glTF') checkGlb(bytes, sink, p, true);
    else err(sink, `${p}unknown tile format (magic "${magic}")`);
    return;
  }
  if (bytes.byteLength < headerBytes) {
    err(sink, `${p}${magic} too short for its ${headerBytes}-byte header: ${bytes.byteLength} bytes`);
    return;
  }
  const version = u32(bytes, 4);
  const byteLength = u32(bytes, 8);
  if (version !== 1) err(sink, `${p}${magic} version ${version}, expected 1`);
  let data = bytes;
  if (byteLength !== bytes.byteLength) {
    if (byteLength > bytes.byteLength) {
      err(sink, `${p}${magic} header announces ${byteLength} bytes but there are ${bytes.byteLength} (truncated)`);
      return;
    }
    err(sink, `${p}${magic} header announces ${byteLength} bytes but there are ${bytes.byteLength} (trailing bytes)`);
    data = bytes.subarray(0, byteLength);
  }
  if (magic === 'cmpt') {
    checkComposite(data, sink, p, depth);
    return;
  }
  let body = headerBytes;
  let ftJson = u32(data, 12);
  let ftBin = u32(data, 16);
  let btJson = u32(data, 20);
  let btBin = u32(data, 24);
  if (magic === 'b3dm' && data.byteLength >= 24 && u32(data, 20) >= LEGACY_B3DM_THRESHOLD) {
    warn(sink, `${p}b3dm has the deprecated 20-byte header (pre-1.0 layout); CesiumJS and our viewer upgrade it, other clients may not`);
    [ftJson, ftBin, btJson, btBin, body] = [0, 0, u32(data, 16), 0, 20];
  } else if (magic === 'b3dm' && data.byteLength >= 28 && u32(data, 24) >= LEGACY_B3DM_THRESHOLD) {
    warn(sink, `${p}b3dm has the deprecated 24-byte header (pre-1.0 layout); CesiumJS and our viewer upgrade it, other clients may not`);
    [ftJson, ftBin, btJson, btBin, body] = [0, 0, u32(data, 12), u32(data, 16), 24];
  }
  const sections = ftJson + ftBin + btJson + btBin;
  if (body + sections > data.byteLength) {
    err(sink, `${p}${magic} table lengths (feature table ${ftJson} + ${ftBin}, batch table ${btJson} + ${btBin} bytes) run past the end (${data.byteLength} bytes)`);
    return;
  }
  if (body === headerBytes) {
    // 3D Tiles 1.0: each table part ends (so the next one starts) on an 8-byte boundary, and so does the tile
    const offsets = [body + ftJson, body + ftJson + ftBin, body + ftJson + ftBin + btJson, body + sections, data.byteLength];
    const names = ['feature table binary', 'batch table JSON', 'batch table binary', magic === 'pnts' ? 'padding' : 'glTF', 'end of the tile'];
    const misaligned = offsets.map((o, i) => (o % 8 !== 0 && offsets.indexOf(o) === i ? `${names[i]} at byte ${o}` : '')).filter(Boolean);
    if (misaligned.length > 0) warn(sink, `${p}${magic} sections should be 8-byte aligned: ${misaligned.join(', ')}`);
  }
  let featureTable: Record<string, unknown> | null = null;
  if (ftJson > 0) {
    const parsed = parseJsonBytes(data.subarray(body, body + ftJson));
    if (!parsed.ok) err(sink, `${p}${magic} feature table JSON is not valid JSON: ${parsed.error}`);
    else featureTable = parsed.value as Record<string, unknown>;
  }
  if (btJson > 0) {
    const parsed = parseJsonBytes(data.subarray(body + ftJson + ftBin, body + ftJson + ftBin + btJson));
    if (!parsed.ok) err(sink, `${p}${magic} batch table JSON is not valid JSON: ${parsed.error}`);
  }
  const need = (key: string, alternatives: string[] = []) => {
    if (!featureTable) return;
    if (![key, ...alternatives].some((k) => featureTable![k] !== undefined)) err(sink, `${p}${magic} feature table lacks ${[key, ...alternatives].join(' or ')}`);
  };
  if (body === headerBytes) {
    if (magic === 'b3dm') need('BATCH_LENGTH');
    if (magic === 'i3dm') {
      need('INSTANCES_LENGTH');
      need('POSITION', ['POSITION_QUANTIZED']);
    }
    if (magic === 'pnts') {
      need('POINTS_LENGTH');
      need('POSITION', ['POSITION_QUANTIZED']);
    }
    if (ftJson === 0 && magic !== 'b3dm') err(sink, `${p}${magic} has no feature table JSON`);
  }
  const payload = data.subarray(body + sections);
  if (magic === 'pnts') return;
  if (magic === 'i3dm' && u32(data, 28) === 0) {
    const uri = new TextDecoder().decode(payload).replace(/[\0 ]+$/, '');
    if (!uri) err(sink, `${p}i3dm refers to an external glTF (gltfFormat 0) but gives no URI`);
    else if (!uri.startsWith('data:') && !/^[a-z][a-z0-9+.-]*:/i.test(uri)) sink.refs.push(uri);
    return;
  }
  if (magic === 'i3dm' && u32(data, 28) !== 1) {
    err(sink, `${p}i3dm gltfFormat is ${u32(data, 28)}, expected 0 (URI) or 1 (embedded glb)`);
    return;
  }
  if (payload.byteLength === 0) {
    err(sink, `${p}${magic} has no embedded glTF`);
    return;
  }
  checkGlb(payload, sink, `${p}${magic} glTF: `, true);
}

function checkComposite(data: Uint8Array, sink: Sink, p: string, depth: number): void {
  const tilesLength = u32(data, 12);
  let offset = 16;
  for (let i = 0; i < tilesLength; i++) {
    const label = `${p}cmpt inner tile ${i}: `;
    if (offset + 12 > data.byteLength) {
      err(sink, `${label}header at byte ${offset} runs past the end (${data.byteLength} bytes; tilesLength says ${tilesLength} tiles)`);
      return;
    }
    const innerLength = u32(data, offset + 8);
    if (offset % 8 !== 0) warn(sink, `${label}starts at byte ${offset}, not on an 8-byte boundary`);
    if (innerLength < 12 || offset + innerLength > data.byteLength) {
      err(sink, `${label}byteLength ${innerLength} at byte ${offset} runs past the end of the composite (${data.byteLength} bytes)`);
      return;
    }
    const inner = data.subarray(offset, offset + innerLength);
    if (depth > 8) err(sink, `${label}composites nested more than 8 deep`);
    else checkTileFormat(inner, sink, label, depth + 1);
    offset += innerLength;
  }
  if (offset < data.byteLength) warn(sink, `${p}cmpt has ${data.byteLength - offset} bytes after its ${tilesLength} inner tiles`);
}
