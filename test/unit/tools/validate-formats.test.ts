/**
 * The validator's building blocks on synthetic bytes and volumes: glb chunk rules, the 1.0 tile
 * formats (b3dm, i3dm, pnts, cmpt), bounding-volume containment across kinds and transforms,
 * and implicit-tiling subtrees.
 */
import { describe, expect, it } from 'vitest';
import { eastNorthUpToEcef } from '../../../src/geo/frame';
import { encodeGlb } from '../../../tools/lib/glb';
import { checkContent } from '../../../tools/validate/content';
import { checkImplicitTiling, mortonDecode, parseSubtree } from '../../../tools/validate/implicit';
import { composeTransform, excessOutside, IDENTITY, parseBoundingVolume, placeVolume, type PlacedVolume } from '../../../tools/validate/volumes';

const messages = (bytes: Uint8Array, name = '') => checkContent(bytes, name).problems.map((p) => `${p.severity} ${p.message}`);

function glb(json: object, bin: Uint8Array | null = null): Uint8Array {
  return encodeGlb(json, bin);
}

const MINIMAL = { asset: { version: '2.0' } };

function tileFormat(magic: string, header: number[], ftJson: object | null, payload: Uint8Array, extraHeader: number[] = []): Uint8Array {
  const enc = (o: object | null) => {
    if (!o) return new Uint8Array(0);
    const raw = new TextEncoder().encode(JSON.stringify(o));
    return raw;
  };
  const headerBytes = 12 + 16 + extraHeader.length * 4;
  let ft = enc(ftJson);
  // pad the feature table JSON so that what follows is 8-byte aligned
  const pad = (8 - ((headerBytes + ft.byteLength) % 8)) % 8;
  if (pad) {
    const p = new Uint8Array(ft.byteLength + pad).fill(0x20);
    p.set(ft);
    ft = p;
  }
  const total = headerBytes + ft.byteLength + payload.byteLength;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set(new TextEncoder().encode(magic), 0);
  dv.setUint32(4, 1, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, ft.byteLength, true);
  [0, 0, 0, ...header].slice(0, 3).forEach((v, i) => dv.setUint32(16 + 4 * i, v, true));
  extraHeader.forEach((v, i) => dv.setUint32(28 + 4 * i, v, true));
  out.set(ft, headerBytes);
  out.set(payload, headerBytes + ft.byteLength);
  return out;
}

describe('glb checks', () => {
  it('a minimal glb passes; its kind comes from the magic', () => {
    const c = checkContent(glb(MINIMAL), 'a.glb');
    expect(c.kind).toBe('glb');
    expect(c.problems).toEqual([]);
  });

  it('extensionsRequired must be listed in extensionsUsed', () => {
    const bytes = glb({ ...MINIMAL, extensionsUsed: ['KHR_mesh_quantization'], extensionsRequired: ['KHR_mesh_quantization', 'EXT_meshopt_compression'] });
    expect(messages(bytes)).toEqual(['ERROR glTF extension "EXT_meshopt_compression" is in extensionsRequired but not in extensionsUsed']);
  });

  it('version, length, chunk order, alignment and JSON', () => {
    const ok = glb(MINIMAL);
    const v1 = ok.slice();
    new DataView(v1.buffer).setUint32(4, 1, true);
    expect(messages(v1)).toEqual(['ERROR GLB version 1, expected 2 (binary glTF 1.0 is not supported by 3D Tiles 1.1 clients)']);

    const longer = new Uint8Array(ok.byteLength + 8);
    longer.set(ok);
    expect(messages(longer)).toContain(`ERROR GLB header announces ${ok.byteLength} bytes but there are ${ok.byteLength + 8} (trailing bytes)`);

    // BIN first: swap the JSON chunk type for BIN
    const binFirst = ok.slice();
    new DataView(binFirst.buffer).setUint32(16, 0x004e4942, true);
    expect(messages(binFirst)).toContain('ERROR GLB first chunk is BIN, expected JSON');

    // an unaligned chunk length
    const odd = ok.slice();
    const dv = new DataView(odd.buffer);
    dv.setUint32(12, dv.getUint32(12, true) - 1, true);
    expect(messages(odd).some((m) => m.includes('length') && m.includes('not a multiple of 4'))).toBe(true);

    // JSON that does not parse
    const broken = ok.slice();
    broken[20] = 0x5b; // '['
    expect(messages(broken)[0]).toMatch(/^ERROR GLB JSON chunk is not valid JSON/);

    expect(messages(ok.subarray(0, 8))).toEqual(['ERROR GLB too short for a header: 8 bytes (at least 12)']);
  });

  it('buffers: the BIN chunk must hold buffers[0]; meshopt fallback buffers need no data', () => {
    const bin = new Uint8Array(16);
    expect(messages(glb({ ...MINIMAL, buffers: [{ byteLength: 16 }] }, bin))).toEqual([]);
    expect(messages(glb({ ...MINIMAL, buffers: [{ byteLength: 64 }] }, bin))).toEqual(['ERROR glTF buffers[0].byteLength is 64 but the BIN chunk has 16 bytes']);
    expect(messages(glb({ ...MINIMAL, buffers: [{ byteLength: 16 }] }))).toEqual(['ERROR glTF buffers[0] has no uri, so it needs the GLB BIN chunk, which is missing']);
    const fallback = { byteLength: 999, extensions: { EXT_meshopt_compression: { fallback: true } } };
    expect(messages(glb({ ...MINIMAL, buffers: [{ byteLength: 16 }, fallback] }, bin))).toEqual([]);
    expect(messages(glb({ ...MINIMAL, buffers: [{ byteLength: 16 }, { byteLength: 8 }] }, bin))).toEqual(['ERROR glTF buffers[1] has no uri (only buffers[0] may be the GLB BIN chunk)']);
    expect(messages(glb({ ...MINIMAL, buffers: [{ byteLength: 16 }], bufferViews: [{ buffer: 0, byteOffset: 8, byteLength: 16 }] }, bin))).toEqual([
      'ERROR glTF bufferViews[0] ends at byte 24, past buffers[0] (16 bytes)',
    ]);
    const ext = checkContent(glb({ ...MINIMAL, buffers: [{ byteLength: 4, uri: 'data.bin' }], images: [{ uri: 'tex.png' }, { uri: 'data:image/png;base64,AA==' }] }));
    expect(ext.refs).toEqual(['data.bin', 'tex.png']);
  });

  it('names: a .glb that is not one is a broken glb; a mismatch between name and content is a warning', () => {
    expect(messages(new TextEncoder().encode('<html>404</html>'), 'x.glb')).toEqual(['ERROR GLB has the wrong magic "<htm" (expected "glTF")']);
    expect(messages(new TextEncoder().encode('<html>404</html>'), 'x.b3dm')).toEqual(['ERROR b3dm has the wrong magic "<htm" (expected "b3dm")']);
    expect(messages(new TextEncoder().encode('<html>404</html>'), 'x.bin')).toEqual(['WARN unknown content (magic "<htm"); not checked']);
    expect(messages(glb(MINIMAL), 'x.b3dm')).toEqual(['WARN the name says .b3dm but the content is glb; clients that choose a loader by extension will fail']);
  });
});

describe('1.0 tile formats', () => {
  const inner = glb(MINIMAL);

  it('b3dm: a good one, a wrong byteLength, a missing BATCH_LENGTH, table lengths past the end', () => {
    const good = tileFormat('b3dm', [0, 0, 0], { BATCH_LENGTH: 0 }, inner);
    expect(messages(good)).toEqual([]);
    const truncated = good.subarray(0, good.byteLength - 8);
    expect(messages(truncated)).toEqual([`ERROR b3dm header announces ${good.byteLength} bytes but there are ${good.byteLength - 8} (truncated)`]);
    expect(messages(tileFormat('b3dm', [0, 0, 0], { OTHER: 1 }, inner))).toEqual(['ERROR b3dm feature table lacks BATCH_LENGTH']);
    const past = good.slice();
    new DataView(past.buffer).setUint32(20, 4096, true);
    expect(messages(past)[0]).toMatch(/^ERROR b3dm table lengths .* run past the end/);
    // the embedded glb is checked too
    const badGlb = inner.slice();
    badGlb[0] = 0x78;
    expect(messages(tileFormat('b3dm', [0, 0, 0], { BATCH_LENGTH: 0 }, badGlb))).toEqual(['ERROR b3dm glTF: GLB has the wrong magic "xlTF" (expected "glTF")']);
  });

  it('i3dm: required semantics; gltfFormat 0 gives a URI to resolve', () => {
    const ft = { INSTANCES_LENGTH: 1, POSITION: { byteOffset: 0 } };
    expect(messages(tileFormat('i3dm', [0, 0, 0], ft, inner, [1]))).toEqual([]);
    expect(messages(tileFormat('i3dm', [0, 0, 0], { INSTANCES_LENGTH: 1 }, inner, [1]))).toEqual(['ERROR i3dm feature table lacks POSITION or POSITION_QUANTIZED']);
    const uri = new TextEncoder().encode('tree.glb');
    const padded = new Uint8Array(8).fill(0x20);
    padded.set(uri);
    const c = checkContent(tileFormat('i3dm', [0, 0, 0], ft, padded, [0]));
    expect(c.problems).toEqual([]);
    expect(c.refs).toEqual(['tree.glb']);
    expect(messages(tileFormat('i3dm', [0, 0, 0], ft, inner, [7]))).toEqual(['ERROR i3dm gltfFormat is 7, expected 0 (URI) or 1 (embedded glb)']);
  });

  it('pnts: POINTS_LENGTH and positions', () => {
    expect(messages(tileFormat('pnts', [0, 0, 0], { POINTS_LENGTH: 0, POSITION: { byteOffset: 0 } }, new Uint8Array(0)))).toEqual([]);
    expect(messages(tileFormat('pnts', [0, 0, 0], { POSITION: { byteOffset: 0 } }, new Uint8Array(0)))).toEqual(['ERROR pnts feature table lacks POINTS_LENGTH']);
  });

  it('cmpt: inner tiles are checked; an inner length past the end is an error', () => {
    const a = tileFormat('b3dm', [0, 0, 0], { BATCH_LENGTH: 0 }, inner);
    const b = tileFormat('b3dm', [0, 0, 0], { OTHER: 0 }, inner);
    const cmpt = new Uint8Array(16 + a.byteLength + b.byteLength);
    const dv = new DataView(cmpt.buffer);
    cmpt.set(new TextEncoder().encode('cmpt'));
    dv.setUint32(4, 1, true);
    dv.setUint32(8, cmpt.byteLength, true);
    dv.setUint32(12, 2, true);
    cmpt.set(a, 16);
    cmpt.set(b, 16 + a.byteLength);
    expect(messages(cmpt)).toEqual(['ERROR cmpt inner tile 1: b3dm feature table lacks BATCH_LENGTH']);
    dv.setUint32(12, 3, true);
    expect(messages(cmpt)).toContain(`ERROR cmpt inner tile 2: header at byte ${cmpt.byteLength} runs past the end (${cmpt.byteLength} bytes; tilesLength says 3 tiles)`);
  });

  it('legacy b3dm headers are a warning, and their glb is still checked', () => {
    const body = glb(MINIMAL);
    const out = new Uint8Array(20 + body.byteLength);
    const dv = new DataView(out.buffer);
    out.set(new TextEncoder().encode('b3dm'));
    dv.setUint32(4, 1, true);
    dv.setUint32(8, out.byteLength, true);
    dv.setUint32(12, 0, true); // batchLength
    dv.setUint32(16, 0, true); // batchTableByteLength
    out.set(body, 20);
    expect(messages(out)).toEqual([expect.stringMatching(/^WARN b3dm has the deprecated 20-byte header/)]);
  });
});

describe('bounding volumes', () => {
  const box = (c: number[], h: number[]): PlacedVolume => placeVolume({ kind: 'box', values: [...c, h[0]!, 0, 0, 0, h[1]!, 0, 0, 0, h[2]!] }, IDENTITY);

  it('box in box: exact margins, rotated and skewed boxes', () => {
    expect(excessOutside(box([0, 0, 0], [10, 10, 10]), box([5, 0, 0], [5, 10, 10]))).toBeCloseTo(0, 9);
    expect(excessOutside(box([0, 0, 0], [10, 10, 10]), box([8, 0, 0], [5, 1, 1]))).toBeCloseTo(3, 9);
    // a box rotated 45° about z: its corners reach √2·5 ≈ 7.07 from the centre along x
    const r = Math.SQRT1_2 * 5;
    const rotated = placeVolume({ kind: 'box', values: [0, 0, 0, r, r, 0, -r, r, 0, 0, 0, 1] }, IDENTITY);
    expect(excessOutside(box([0, 0, 0], [6, 6, 6]), rotated)).toBeCloseTo(5 * Math.SQRT2 - 6, 9);
    // a flat box (zero half-axis) inside a flat parent
    expect(excessOutside(box([0, 0, 0], [10, 10, 0]), box([0, 0, 0], [5, 5, 0]))).toBeCloseTo(0, 9);
  });

  it('spheres: in boxes and spheres exactly, boxes in spheres by corners', () => {
    const s = (c: number[], r: number): PlacedVolume => ({ kind: 'sphere', centre: c as [number, number, number], radius: r });
    expect(excessOutside(box([0, 0, 0], [10, 10, 10]), s([8, 0, 0], 3))).toBeCloseTo(1, 9);
    expect(excessOutside(s([0, 0, 0], 10), s([4, 0, 0], 5))).toBeCloseTo(-1, 9);
    expect(excessOutside(s([0, 0, 0], 10), box([0, 0, 0], [6, 6, 6]))).toBeCloseTo(6 * Math.sqrt(3) - 10, 9);
  });

  it('transforms compose from parent to child, scale included', () => {
    const translate = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 100, 0, 0, 1];
    const scale2 = [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1];
    const m = composeTransform(composeTransform(IDENTITY, translate), scale2);
    const placed = placeVolume({ kind: 'box', values: [1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1] }, m);
    expect(placed).toEqual({ kind: 'box', centre: [102, 0, 0], axes: [[2, 0, 0], [0, 2, 0], [0, 0, 2]] });
    const sphere = placeVolume({ kind: 'sphere', values: [0, 0, 0, 3] }, m);
    expect(sphere).toMatchObject({ centre: [100, 0, 0], radius: 6 });
    // regions ignore transforms
    expect(placeVolume({ kind: 'region', values: [0, 0, 0.1, 0.1, 0, 1] }, m)).toMatchObject({ kind: 'region', east: 0.1 });
  });

  it('regions: in regions by angles and heights, boxes in regions via ECEF (the demo frame)', () => {
    const deg = Math.PI / 180;
    const region = (w: number, s: number, e: number, n: number, h0: number, h1: number): PlacedVolume => ({ kind: 'region', west: w * deg, south: s * deg, east: e * deg, north: n * deg, minHeight: h0, maxHeight: h1 });
    const parent = region(17.9, 62.6, 18.0, 62.7, 0, 100);
    expect(excessOutside(parent, region(17.95, 62.65, 17.96, 62.66, 10, 90))).toBeLessThan(0);
    expect(excessOutside(parent, region(17.95, 62.65, 17.96, 62.66, 10, 130))).toBeCloseTo(30, 6);
    // 0.001° of latitude ≈ 111 m
    expect(excessOutside(parent, region(17.95, 62.65, 17.96, 62.701, 10, 90))).toBeCloseTo(111.5, 0);
    // a 100 m ENU box at 62.65 N, 17.95 E, 50 m up, inside the region; then 80 m up: 30 m too high
    const enu = eastNorthUpToEcef({ lon: 17.95, lat: 62.65, height: 50 });
    const local = { kind: 'box' as const, values: [0, 0, 0, 50, 0, 0, 0, 50, 0, 0, 0, 10] };
    expect(excessOutside(parent, placeVolume(local, enu))).toBeLessThan(0);
    const high = eastNorthUpToEcef({ lon: 17.95, lat: 62.65, height: 120 });
    expect(excessOutside(parent, placeVolume(local, high))).toBeCloseTo(30, 1);
    // a region inside a box: the region's corners in ECEF
    const big = placeVolume({ kind: 'box', values: [0, 0, 0, 5000, 0, 0, 0, 5000, 0, 0, 0, 500] }, eastNorthUpToEcef({ lon: 17.95, lat: 62.65, height: 0 }));
    expect(excessOutside(big, region(17.94, 62.64, 17.96, 62.66, 0, 100))).toBeLessThan(0);
  });

  it('antimeridian regions (west > east) contain points across ±180°', () => {
    const deg = Math.PI / 180;
    const across: PlacedVolume = { kind: 'region', west: 179 * deg, south: -1 * deg, east: -179 * deg, north: 1 * deg, minHeight: 0, maxHeight: 10 };
    const inside: PlacedVolume = { kind: 'region', west: 179.5 * deg, south: 0, east: -179.5 * deg, north: 0.5 * deg, minHeight: 0, maxHeight: 10 };
    expect(excessOutside(across, inside)).toBeLessThan(1e-6);
    const outside: PlacedVolume = { kind: 'region', west: 170 * deg, south: 0, east: 171 * deg, north: 0.5 * deg, minHeight: 0, maxHeight: 10 };
    expect(excessOutside(across, outside)).toBeGreaterThan(100_000);
  });

  it('parses and names malformed volumes', () => {
    expect(parseBoundingVolume({ box: [1, 2, 3] }).problems).toEqual([{ path: 'box', message: 'expected 12 numbers (centre and three half-axes), got an array of 3 numbers' }]);
    expect(parseBoundingVolume(null).problems[0]!.message).toBe('expected an object with a box, region or sphere, got null');
    expect(parseBoundingVolume({ region: [0, 0.5, 0.1, 0.4, 0, 1] }).problems).toEqual([{ path: 'region', message: 'south (0.5) must not be greater than north (0.4)' }]);
    const both = parseBoundingVolume({ box: [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1], sphere: [0, 0, 0, 1] });
    expect(both.volume?.kind).toBe('box');
    expect(both.warnings[0]!.message).toBe('has box and sphere; clients use only one (the box)');
  });
});

describe('implicit tiling', () => {
  it('checks the implicitTiling object and templates', () => {
    const tile = {
      boundingVolume: { sphere: [0, 0, 0, 1] },
      content: { uri: 'c/{level}/{x}/{y}/{z}/{w}.glb' },
      children: [],
      implicitTiling: { subdivisionScheme: 'QUADTREE', subtreeLevels: 0, availableLevels: 3, subtrees: { uri: 's/{level}.subtree' } },
    };
    const { settings, problems } = checkImplicitTiling(tile);
    expect(settings).toBeNull();
    expect(problems.map((p) => `${p.severity} ${p.path}: ${p.message}`)).toEqual([
      'ERROR implicitTiling.subtreeLevels: expected an integer ≥ 1, got 0',
      'WARN implicitTiling.subtrees.uri: template lacks {x}, {y}, so different tiles share one URI',
      'ERROR children: a tile with implicitTiling must not have children',
      'ERROR boundingVolume: a sphere cannot be subdivided: implicit tiling needs a box or a region',
      'ERROR content.uri: template variable {z} is only for OCTREE subdivision',
      'ERROR content.uri: unknown template variable {w} (use {level}, {x}, {y})',
    ]);
  });

  it('decodes Morton indices', () => {
    expect(mortonDecode(0b1101, 'QUADTREE')).toEqual({ x: 0b11, y: 0b10, z: 0 });
    expect(mortonDecode(0b101110, 'OCTREE')).toEqual({ x: 0b10, y: 0b01, z: 0b11 });
  });

  function subtree(json: object, bin: Uint8Array): Uint8Array {
    let j = new TextEncoder().encode(JSON.stringify(json));
    const jl = Math.ceil(j.byteLength / 8) * 8;
    const padded = new Uint8Array(jl).fill(0x20);
    padded.set(j);
    j = padded;
    const bl = Math.ceil(bin.byteLength / 8) * 8;
    const out = new Uint8Array(24 + jl + bl);
    const dv = new DataView(out.buffer);
    out.set(new TextEncoder().encode('subt'));
    dv.setUint32(4, 1, true);
    dv.setUint32(8, jl, true);
    dv.setUint32(16, bl, true);
    out.set(j, 24);
    out.set(bin, 24 + jl);
    return out;
  }

  it('parses a binary subtree with bitstreams and checks counts and bounds', () => {
    // 2 levels of a quadtree: 5 tiles (bits 0..4); root + child 1 and 3 available
    const bin = new Uint8Array(8);
    bin[0] = 0b01011; // tiles 0, 1, 3
    bin[1] = 0b00010; // content on tile 1
    const json = {
      buffers: [{ byteLength: 8 }],
      bufferViews: [
        { buffer: 0, byteOffset: 0, byteLength: 1 },
        { buffer: 0, byteOffset: 1, byteLength: 1 },
      ],
      tileAvailability: { bitstream: 0, availableCount: 4 },
      contentAvailability: [{ bitstream: 1, availableCount: 1 }],
      childSubtreeAvailability: { constant: 0 },
    };
    const r = parseSubtree({ bytes: subtree(json, bin), loadBuffer: () => null, scheme: 'QUADTREE', subtreeLevels: 2, contentCount: 1 });
    expect(r.problems.map((p) => p.message)).toEqual(['bufferViews[1].byteOffset 1 is not a multiple of 8', 'tileAvailability.availableCount is 4, but the bitstream has 3']);
    expect(r.subtree!.tile.get(3)).toBe(true);
    expect(r.subtree!.content[0]!.get(1)).toBe(true);

    const bad = parseSubtree({
      bytes: subtree({ ...json, bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: 16 }, { buffer: 3, byteLength: 1 }] }, bin),
      loadBuffer: () => null,
      scheme: 'QUADTREE',
      subtreeLevels: 2,
      contentCount: 2,
    });
    expect(bad.subtree).toBeNull();
    expect(bad.problems.map((p) => p.message)).toEqual([
      'bufferViews[0] ends at byte 16, past buffers[0] (8 bytes)',
      'bufferViews[1].buffer 3 is not a buffer index (1 buffers)',
      'tileAvailability.bitstream 0 is not a usable buffer view',
      'contentAvailability has 1 entries, but the tile has 2 content templates',
      'contentAvailability[0].bitstream 1 is not a usable buffer view',
    ]);

    const short = subtree(json, bin).subarray(0, 30);
    expect(parseSubtree({ bytes: short, loadBuffer: () => null, scheme: 'QUADTREE', subtreeLevels: 2, contentCount: 1 }).problems[0]!.message).toMatch(/truncated/);
  });
});
