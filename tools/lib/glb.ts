/**
 * GLB container reading and writing (glTF 2.0 binary: 12-byte header, JSON chunk, optional
 * BIN chunk). Used to post-process content written by glTF-Transform and to check files.
 */

export const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a; // 'JSON'
const CHUNK_BIN = 0x004e4942; // 'BIN\0'

export interface GlbHeader {
  magic: number;
  version: number;
  /** Total length announced in the header, bytes. */
  length: number;
}

/** Reads the 12-byte header (does not check it). */
export function readGlbHeader(bytes: Uint8Array): GlbHeader {
  if (bytes.byteLength < 12) throw new Error(`GLB too short for a header: ${bytes.byteLength} bytes`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { magic: dv.getUint32(0, true), version: dv.getUint32(4, true), length: dv.getUint32(8, true) };
}

/** Loosely typed glTF JSON (the document is edited structurally). */
export type GltfJson = Record<string, any>;

export interface GlbContents {
  json: GltfJson;
  bin: Uint8Array | null;
}

/** Parses a GLB, checking magic, version, announced length and chunk layout. */
export function parseGlb(bytes: Uint8Array): GlbContents {
  const h = readGlbHeader(bytes);
  if (h.magic !== GLB_MAGIC) throw new Error('Not a GLB: bad magic');
  if (h.version !== 2) throw new Error(`Unsupported GLB version ${h.version}`);
  if (h.length !== bytes.byteLength) throw new Error(`GLB length mismatch: header ${h.length}, file ${bytes.byteLength}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let json: GltfJson | undefined = undefined;
  let bin: Uint8Array | null = null;
  while (offset < bytes.byteLength) {
    if (offset + 8 > bytes.byteLength) throw new Error('GLB truncated in a chunk header');
    const len = dv.getUint32(offset, true);
    const type = dv.getUint32(offset + 4, true);
    const start = offset + 8;
    if (start + len > bytes.byteLength) throw new Error('GLB truncated in a chunk');
    const data = bytes.subarray(start, start + len);
    if (type === CHUNK_JSON) json = JSON.parse(new TextDecoder().decode(data)) as GltfJson;
    else if (type === CHUNK_BIN && bin === null) bin = data;
    offset = start + len;
  }
  if (json === undefined) throw new Error('GLB has no JSON chunk');
  return { json, bin };
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** Writes a GLB from a glTF JSON object and an optional BIN payload (padded to 4 bytes). */
export function encodeGlb(json: unknown, bin: Uint8Array | null): Uint8Array {
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonLen = pad4(jsonBytes.byteLength);
  const binLen = bin ? pad4(bin.byteLength) : 0;
  const total = 12 + 8 + jsonLen + (bin ? 8 + binLen : 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, GLB_MAGIC, true);
  dv.setUint32(4, 2, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jsonLen, true);
  dv.setUint32(16, CHUNK_JSON, true);
  out.set(jsonBytes, 20);
  out.fill(0x20, 20 + jsonBytes.byteLength, 20 + jsonLen); // JSON padded with spaces
  if (bin) {
    const o = 20 + jsonLen;
    dv.setUint32(o, binLen, true);
    dv.setUint32(o + 4, CHUNK_BIN, true);
    out.set(bin, o + 8); // zero padding already in place
  }
  return out;
}
