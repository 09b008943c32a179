/**
 * Implicit tiling (3D Tiles 1.1): the `implicitTiling` object, the template URIs, and the
 * subtrees. Subtrees are read from the root down (binary `.subtree` or JSON), their buffers,
 * buffer views and availability bitstreams are checked, and every available tile and content
 * is visited: available content must exist (and is checked like any other content), child
 * subtrees marked available must exist, and availability must be consistent (content only on
 * available tiles, tiles only under available parents, child subtrees only under available
 * leaves).
 */

export type Scheme = 'QUADTREE' | 'OCTREE';

export interface ImplicitProblem {
  severity: 'ERROR' | 'WARN';
  /** Sub-path below the tile, e.g. `implicitTiling.subtreeLevels`. */
  path: string;
  message: string;
}

export interface ImplicitSettings {
  scheme: Scheme;
  subtreeLevels: number;
  availableLevels: number;
  subtreeTemplate: string;
}

const VARIABLES = ['level', 'x', 'y', 'z'];

/** Checks `implicitTiling` and the tile that holds it; returns the settings when usable. */
export function checkImplicitTiling(tile: Record<string, any>): { settings: ImplicitSettings | null; problems: ImplicitProblem[] } {
  const problems: ImplicitProblem[] = [];
  const e = (path: string, message: string) => problems.push({ severity: 'ERROR', path, message });
  const w = (path: string, message: string) => problems.push({ severity: 'WARN', path, message });
  const it = tile.implicitTiling;
  if (typeof it !== 'object' || it === null || Array.isArray(it)) {
    e('implicitTiling', 'expected an object');
    return { settings: null, problems };
  }
  const scheme = it.subdivisionScheme;
  if (scheme !== 'QUADTREE' && scheme !== 'OCTREE') e('implicitTiling.subdivisionScheme', `expected "QUADTREE" or "OCTREE", got ${JSON.stringify(scheme) ?? 'nothing'}`);
  const sl = it.subtreeLevels;
  const al = it.availableLevels;
  if (!Number.isInteger(sl) || sl < 1) e('implicitTiling.subtreeLevels', `expected an integer ≥ 1, got ${JSON.stringify(sl) ?? 'nothing'}`);
  if (!Number.isInteger(al) || al < 1) e('implicitTiling.availableLevels', `expected an integer ≥ 1, got ${JSON.stringify(al) ?? 'nothing'}`);
  if (Number.isInteger(sl) && Number.isInteger(al) && sl > al) w('implicitTiling.subtreeLevels', `${sl} is more than availableLevels (${al}); subtrees hold levels that cannot exist`);
  if (Number.isInteger(al) && al > 31) e('implicitTiling.availableLevels', `${al} levels cannot be addressed (tile coordinates are limited to 31 levels)`);
  if (Number.isInteger(sl) && (scheme === 'OCTREE' ? sl > 8 : sl > 12)) w('implicitTiling.subtreeLevels', `${sl} levels per subtree make very large availability bitstreams`);
  const template = it.subtrees?.uri;
  if (typeof template !== 'string' || template === '') e('implicitTiling.subtrees.uri', 'expected a subtree template URI such as "subtrees/{level}/{x}/{y}.subtree"');
  else problems.push(...templateProblems(template, scheme, 'implicitTiling.subtrees.uri'));
  if (tile.children !== undefined) e('children', 'a tile with implicitTiling must not have children');
  if (tile.metadata !== undefined) e('metadata', 'a tile with implicitTiling must not have metadata (it goes in the subtrees)');
  if (tile.boundingVolume?.sphere !== undefined && tile.boundingVolume?.box === undefined && tile.boundingVolume?.region === undefined) {
    e('boundingVolume', 'a sphere cannot be subdivided: implicit tiling needs a box or a region');
  }
  const contents: any[] = tile.contents ?? (tile.content ? [tile.content] : []);
  contents.forEach((c, i) => {
    const path = tile.contents ? `contents[${i}]` : 'content';
    if (c?.boundingVolume !== undefined) e(`${path}.boundingVolume`, 'content of an implicit root must not have a bounding volume');
    if (typeof c?.uri === 'string') problems.push(...templateProblems(c.uri, scheme, `${path}.uri`));
  });
  const ok = problems.every((p) => p.severity !== 'ERROR' || p.path.startsWith('content') || p.path === 'children' || p.path === 'metadata');
  if (!ok || (scheme !== 'QUADTREE' && scheme !== 'OCTREE')) return { settings: null, problems };
  return { settings: { scheme, subtreeLevels: sl, availableLevels: al, subtreeTemplate: template }, problems };
}

function templateProblems(uri: string, scheme: unknown, path: string): ImplicitProblem[] {
  const out: ImplicitProblem[] = [];
  const found = [...uri.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  for (const v of found) {
    if (!VARIABLES.includes(v)) out.push({ severity: 'ERROR', path, message: `unknown template variable {${v}} (use {level}, {x}, {y}${scheme === 'OCTREE' ? ', {z}' : ''})` });
    else if (v === 'z' && scheme === 'QUADTREE') out.push({ severity: 'ERROR', path, message: 'template variable {z} is only for OCTREE subdivision' });
  }
  const needed = scheme === 'OCTREE' ? VARIABLES : VARIABLES.slice(0, 3);
  const missing = needed.filter((v) => !found.includes(v));
  if (missing.length > 0) out.push({ severity: 'WARN', path, message: `template lacks ${missing.map((v) => `{${v}}`).join(', ')}, so different tiles share one URI` });
  return out;
}

export interface TileCoord {
  level: number;
  x: number;
  y: number;
  z: number;
}

export function substitute(template: string, c: TileCoord): string {
  return template.replace(/\{(level|x|y|z)\}/g, (_m, v: keyof TileCoord) => String(c[v]));
}

/** Morton index → local coordinates. */
export function mortonDecode(index: number, scheme: Scheme): { x: number; y: number; z: number } {
  const dims = scheme === 'OCTREE' ? 3 : 2;
  let x = 0;
  let y = 0;
  let z = 0;
  for (let bit = 0; index > 0; bit++) {
    x |= (index % 2) << bit;
    index = Math.floor(index / 2);
    y |= (index % 2) << bit;
    index = Math.floor(index / 2);
    if (dims === 3) {
      z |= (index % 2) << bit;
      index = Math.floor(index / 2);
    }
  }
  return { x, y, z };
}

/** Availability: read bit i. */
export interface Availability {
  get(i: number): boolean;
  /** Number of available entries among the first `n`. */
  count(n: number): number;
}

export interface ParsedSubtree {
  tile: Availability;
  content: Availability[];
  childSubtree: Availability;
}

interface SubtreeInput {
  bytes: Uint8Array;
  /** Loads an external buffer of the subtree (URI relative to the subtree); null when missing. */
  loadBuffer(uri: string): Uint8Array | null;
  scheme: Scheme;
  subtreeLevels: number;
  contentCount: number;
}

function u32(bytes: Uint8Array, o: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(o, true);
}

/**
 * Parses and checks one subtree file. Problems are plain messages (the caller names the file);
 * returns null when the subtree cannot be used.
 */
export function parseSubtree(input: SubtreeInput): { subtree: ParsedSubtree | null; problems: ImplicitProblem[] } {
  const problems: ImplicitProblem[] = [];
  const e = (message: string) => problems.push({ severity: 'ERROR', path: '', message });
  const w = (message: string) => problems.push({ severity: 'WARN', path: '', message });
  const { bytes, scheme, subtreeLevels } = input;
  let json: any;
  let binary: Uint8Array | null = null;
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic === 'subt') {
    if (bytes.byteLength < 24) {
      e(`subtree too short for its 24-byte header: ${bytes.byteLength} bytes`);
      return { subtree: null, problems };
    }
    const version = u32(bytes, 4);
    if (version !== 1) e(`subtree version ${version}, expected 1`);
    const jsonLength = u32(bytes, 8) + u32(bytes, 12) * 2 ** 32;
    const binLength = u32(bytes, 16) + u32(bytes, 20) * 2 ** 32;
    if (24 + jsonLength + binLength > bytes.byteLength) {
      e(`subtree header announces ${jsonLength} bytes of JSON and ${binLength} of binary, but the file has ${bytes.byteLength - 24} after the header (truncated)`);
      return { subtree: null, problems };
    }
    if (24 + jsonLength + binLength < bytes.byteLength) w(`subtree has ${bytes.byteLength - 24 - jsonLength - binLength} bytes after its binary chunk`);
    if (jsonLength % 8 !== 0) w(`subtree JSON chunk length ${jsonLength} is not padded to 8 bytes`);
    if (binLength % 8 !== 0) w(`subtree binary chunk length ${binLength} is not padded to 8 bytes`);
    const text = new TextDecoder().decode(bytes.subarray(24, 24 + jsonLength));
    try {
      json = JSON.parse(text);
    } catch (err) {
      e(`subtree JSON is not valid JSON: ${(err as Error).message}`);
      return { subtree: null, problems };
    }
    binary = bytes.subarray(24 + jsonLength, 24 + jsonLength + binLength);
  } else {
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      e(`not a subtree: magic "${magic.replace(/[^\x20-\x7e]/g, '?')}" (expected "subt") and not JSON either`);
      return { subtree: null, problems };
    }
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    e('subtree JSON is not an object');
    return { subtree: null, problems };
  }
  // buffers
  const buffers: (Uint8Array | null)[] = [];
  const declared: number[] = [];
  const bufs: any[] = Array.isArray(json.buffers) ? json.buffers : [];
  bufs.forEach((b, i) => {
    const len = b?.byteLength;
    if (!Number.isInteger(len) || len < 1) e(`buffers[${i}].byteLength must be a positive integer`);
    declared.push(Number.isInteger(len) ? len : 0);
    if (typeof b?.uri === 'string') {
      const data = input.loadBuffer(b.uri);
      if (!data) {
        e(`buffers[${i}].uri ${JSON.stringify(b.uri)}: file not found`);
        buffers.push(null);
      } else {
        if (data.byteLength < len) e(`buffers[${i}] declares ${len} bytes but ${b.uri} has ${data.byteLength}`);
        buffers.push(data);
      }
    } else {
      if (!binary) e(`buffers[${i}] has no uri, but the subtree has no binary chunk`);
      else if (binary.byteLength < len) e(`buffers[${i}] declares ${len} bytes but the binary chunk has ${binary.byteLength}`);
      buffers.push(binary);
    }
  });
  const views: any[] = Array.isArray(json.bufferViews) ? json.bufferViews : [];
  const viewBytes = (i: number): Uint8Array | null => {
    const v = views[i];
    if (!v) return null;
    const buf = buffers[v.buffer];
    if (!buf || !Number.isInteger(v.byteLength)) return null;
    const off = v.byteOffset ?? 0;
    if (off + v.byteLength > Math.min(buf.byteLength, declared[v.buffer] ?? 0)) return null;
    return buf.subarray(off, off + v.byteLength);
  };
  views.forEach((v, i) => {
    if (!Number.isInteger(v?.buffer) || v.buffer < 0 || v.buffer >= bufs.length) {
      e(`bufferViews[${i}].buffer ${JSON.stringify(v?.buffer)} is not a buffer index (${bufs.length} buffers)`);
      return;
    }
    const off = v.byteOffset ?? 0;
    if (!Number.isInteger(v.byteLength) || v.byteLength < 1) e(`bufferViews[${i}].byteLength must be a positive integer`);
    else if (off + v.byteLength > declared[v.buffer]!) e(`bufferViews[${i}] ends at byte ${off + v.byteLength}, past buffers[${v.buffer}] (${declared[v.buffer]} bytes)`);
    if (off % 8 !== 0) w(`bufferViews[${i}].byteOffset ${off} is not a multiple of 8`);
  });
  const n = scheme === 'OCTREE' ? 8 : 4;
  const tileBits = (n ** subtreeLevels - 1) / (n - 1);
  const childBits = n ** subtreeLevels;
  const availability = (obj: unknown, path: string, bits: number): Availability | null => {
    if (typeof obj !== 'object' || obj === null) {
      e(`${path} is missing`);
      return null;
    }
    const a = obj as { constant?: unknown; bitstream?: unknown; bufferView?: unknown; availableCount?: unknown };
    const bitstream = a.bitstream ?? a.bufferView; // bufferView: the 3DTILES_implicit_tiling draft
    if (a.constant !== undefined && bitstream !== undefined) e(`${path} has both constant and bitstream`);
    if (a.constant !== undefined) {
      if (a.constant !== 0 && a.constant !== 1) {
        e(`${path}.constant must be 0 or 1, got ${JSON.stringify(a.constant)}`);
        return null;
      }
      const on = a.constant === 1;
      if (a.availableCount !== undefined && a.availableCount !== (on ? bits : 0)) w(`${path}.availableCount is ${a.availableCount}, but constant ${a.constant} makes ${on ? bits : 0}`);
      return { get: () => on, count: (k) => (on ? k : 0) };
    }
    if (!Number.isInteger(bitstream)) {
      e(`${path} needs a constant (0 or 1) or a bitstream (buffer view index)`);
      return null;
    }
    const data = viewBytes(bitstream as number);
    if (!data) {
      e(`${path}.bitstream ${bitstream} is not a usable buffer view`);
      return null;
    }
    const needed = Math.ceil(bits / 8);
    if (data.byteLength < needed) {
      e(`${path}: bitstream has ${data.byteLength} bytes, needs ${needed} for ${bits} bits`);
      return null;
    }
    const get = (i: number) => ((data[i >> 3]! >> (i & 7)) & 1) === 1;
    const count = (k: number) => {
      let c = 0;
      for (let i = 0; i < k; i++) if (get(i)) c++;
      return c;
    };
    if (a.availableCount !== undefined) {
      const actual = count(bits);
      if (a.availableCount !== actual) w(`${path}.availableCount is ${a.availableCount}, but the bitstream has ${actual}`);
    }
    return { get, count };
  };
  const tile = availability(json.tileAvailability, 'tileAvailability', tileBits);
  let contentList: unknown[] = [];
  if (Array.isArray(json.contentAvailability)) contentList = json.contentAvailability;
  else if (json.contentAvailability !== undefined) {
    w('contentAvailability is an object (the 3DTILES_implicit_tiling draft); 3D Tiles 1.1 wants an array');
    contentList = [json.contentAvailability];
  }
  if (input.contentCount > 0 && contentList.length !== input.contentCount) {
    e(`contentAvailability has ${contentList.length} entries, but the tile has ${input.contentCount} content template${input.contentCount === 1 ? '' : 's'}`);
  }
  const content = contentList.slice(0, input.contentCount).map((c, i) => availability(c, `contentAvailability[${i}]`, tileBits));
  const childSubtree = availability(json.childSubtreeAvailability, 'childSubtreeAvailability', childBits);
  if (!tile || !childSubtree || content.some((c) => c === null)) return { subtree: null, problems };
  return { subtree: { tile, content: content as Availability[], childSubtree }, problems };
}
