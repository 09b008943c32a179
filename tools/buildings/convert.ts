/**
 * `buildings`: footprints (GeoJSON or FlatGeobuf) → 3D Tiles 1.1, in bounded memory.
 *
 * Pass 1 (read): stream the features; check each geometry (geometry.ts), convert it to
 *   lon/lat, choose its height and base, collect its scalar attributes into typed columns,
 *   and append a compact binary record to one temporary file. Memory: one feature, the
 *   column statistics, the dataset's lon/lat bounds. Skipped features and defaulted heights
 *   go to temporary JSON-lines files, not to memory.
 * Pass 2 (distribute): now that the bounds are known, put the frame's origin (ENU) at
 *   their centre, convert every record to ENU metres and spill it into the file of its cell
 *   in a fixed grid (the anchor is the footprint's centroid), through a writer with a fixed
 *   memory budget. Cells with more than `maxPerTile` records are split into quadrants on
 *   disk, recursively.
 * Plan (tiling.ts): the quadtree from cell counts; ADD promotion from per-leaf candidate
 *   lists (a scan of each leaf's sizes).
 * Pass 3 (build): each leaf is read on its own, its promoted records are set aside for
 *   their ancestor (another spill), the rest become one glb; then each inner tile's glb is
 *   built from its spill. Memory: one tile's records and mesh.
 * Finally tileset.json (bounding boxes and geometric errors bottom-up) and report.json.
 *
 * Refinement is ADD, as in the demo (tools/lib/feature-tileset.ts explains why): each
 * building is stored once (no simplified copies), so the output is as small as it can be
 * and every building is one pickable feature; from afar the largest buildings show first.
 * REPLACE would need merged, simplified parents: more bytes and a second copy of every
 * building's attributes, for city-scale views that footprints data rarely needs.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { basename, join, relative, resolve } from 'node:path';
import { eastNorthUpToEcef } from '../../src/geo/frame';
import { geodeticToEcef } from '../../src/geo/ellipsoid';
import { getConverter, getCrs, hasCrs } from '../../src/geo/crs';
import { normaliseCrsCode } from '../../src/geo/crs-code';
import { HARNOSAND_GEOID } from '../../src/geo/heights';
import { encodeContentGlb } from '../lib/gltf-content';
import { MeshBuilder, unionBounds, type Bounds3, type Vec3 } from '../lib/mesh-builder';
import type { PropertyValue } from '../lib/metadata';
import type { Progress } from '../lib/progress';
import { boundsToBox, round, roundBox, writeJson, type Tile, type TileContent, type Tileset } from '../lib/tileset';
import { createHeightPicker, featureId, PropertyCollector, type FinalSchema } from './attributes';
import { polygonsOf, prepareFootprint, type AreaOfUse } from './geometry';
import { extrudeRecord } from './mesh';
import { BucketWriter, decodeRecord, encodeRecord, readRecordFiles, recordSize, type FootprintRecord, type Rings } from './records';
import { InputError, openSource, prepareSource, type DeclaredCrs, type FeatureSource } from './sources';
import { cellKey, cellOf, gridLevel, leafLevelForSide, leavesOf, nodesOf, planTree, promote, topCandidates, type Candidate, type Cell, type PlanNode, type Square } from './tiling';

export { InputError } from './sources';

export const DEFAULT_HEIGHT = 9;
export const DEFAULT_LEVEL_HEIGHT = 3;
export const DEFAULT_MAX_PER_TILE = 1000;
export const GENERATOR = 'metacity-twin tools buildings';

export interface BuildingsOptions {
  input: string;
  outDir: string;
  /** CRS of the coordinates when the file names none (or to override it). */
  crs?: string;
  heightAttribute?: string;
  baseAttribute?: string;
  idAttribute?: string;
  /** Height of buildings without a usable height, metres. */
  defaultHeight?: number;
  /** Metres per storey for levels attributes. */
  levelHeight?: number;
  maxPerTile?: number;
  /** Base values are RH 2000 heights: `harnosand` (N = 24.4 m) or a geoid height in metres. */
  geoid?: string;
  progress?: (label: string, total: number) => Progress;
  /** Budget of the spill writers, bytes (default 16 MiB). */
  writeBudget?: number;
}

export interface Problem {
  id: string;
  index: number;
  reason: string;
}

export interface BuildingsResult {
  input: string;
  format: FeatureSource['format'];
  outDir: string;
  crs: { code: string; name: string; source: string };
  origin: { lon: number; lat: number; height: number };
  features: { read: number; written: number; skipped: number };
  /** The first skipped features (all are in report.json). */
  skippedSample: Problem[];
  heights: { default: number; levelHeight: number; bySource: Record<string, number>; defaulted: number; defaultedSample: Problem[] };
  base: { attribute: string | null; missing: number; geoid: string | null };
  unclosedRings: number;
  properties: FinalSchema['columns'];
  droppedAttributes: Record<string, number>;
  tiles: { count: number; contents: number; maxLevel: number; bytes: number; refine: 'ADD' };
  reportPath: string;
  warnings: string[];
  seconds: number;
}

const SAMPLE = 20;

/** Appends JSON lines to a temporary file, buffered; remembers the first few. */
class ProblemLog {
  private buf: string[] = [];
  private bytes = 0;
  count = 0;
  readonly sample: Problem[] = [];
  constructor(readonly path: string) {
    writeFileSync(path, '');
  }
  add(p: Problem): void {
    this.count++;
    if (this.sample.length < SAMPLE) this.sample.push(p);
    const line = JSON.stringify(p);
    this.buf.push(line);
    this.bytes += line.length;
    if (this.bytes > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.buf.length === 0) return;
    const fd = openSync(this.path, 'a');
    try {
      writeSync(fd, this.buf.join('\n') + '\n');
    } finally {
      closeSync(fd);
    }
    this.buf = [];
    this.bytes = 0;
  }
  /** Writes the entries as JSON array items (indented) to `fd`, block by block. */
  copyInto(fd: number, indent: string): void {
    this.flush();
    const src = openSync(this.path, 'r');
    const block = Buffer.allocUnsafe(1 << 16);
    const dec = new StringDecoder('utf8');
    let first = true;
    let carry = '';
    try {
      for (;;) {
        const n = readSync(src, block, 0, block.length, null);
        const lines = (carry + (n > 0 ? dec.write(block.subarray(0, n)) : dec.end())).split('\n');
        carry = n > 0 ? lines.pop()! : '';
        let out = '';
        for (const l of lines) {
          if (l === '') continue;
          out += `${first ? '' : ',\n'}${indent}${l}`;
          first = false;
        }
        if (out) writeSync(fd, out);
        if (n === 0) break;
      }
    } finally {
      closeSync(src);
    }
  }
}

interface CrsChoice {
  code: string;
  name: string;
  source: string;
  warning?: string;
}

/** Which CRS the coordinates are in: `--crs`, else the file's, else RFC 7946's WGS84. */
export function chooseCrs(declared: DeclaredCrs, option: string | undefined): CrsChoice {
  const known = () => ['EPSG:4326', ...listProjected()].join(', ');
  if (option !== undefined) {
    const code = normaliseCrsCode(option);
    if (!hasCrs(code)) throw new InputError(`unknown --crs ${option}: the CRS registry knows ${known()}`);
    const def = getCrs(code);
    let warning: string | undefined;
    if (declared.value !== null) {
      const fileCode = safeNormalise(declared.value);
      if (fileCode !== code) warning = `the ${declared.where} names ${declared.value}, but --crs ${option} was given: using ${code}`;
    }
    return { code, name: def.name, source: '--crs', ...(warning ? { warning } : {}) };
  }
  if (declared.value !== null) {
    const code = safeNormalise(declared.value);
    if (!hasCrs(code)) {
      throw new InputError(`the ${declared.where} names CRS ${declared.value}, which the CRS registry does not know (it knows ${known()}): reproject the file, or pass --crs with an equivalent code`);
    }
    return { code, name: getCrs(code).name, source: declared.where };
  }
  return { code: 'EPSG:4326', name: getCrs('EPSG:4326').name, source: 'RFC 7946 default (the file names no CRS)' };
}

function safeNormalise(v: string): string {
  try {
    return normaliseCrsCode(v);
  } catch {
    return v;
  }
}

function listProjected(): string[] {
  const out: string[] = [];
  for (const code of ['EPSG:3006', 'EPSG:3007', 'EPSG:3018', 'EPSG:28992', 'EPSG:7415', 'EPSG:2056']) if (hasCrs(code)) out.push(code);
  if (out.includes('EPSG:3007') && out.includes('EPSG:3018')) out.splice(out.indexOf('EPSG:3007'), 2, 'EPSG:3007–3018');
  return out;
}

/** Converts footprints to a 3D Tiles 1.1 tileset in `outDir`. */
export async function convertBuildings(o: BuildingsOptions): Promise<BuildingsResult> {
  const t0 = performance.now();
  const input = resolve(o.input);
  const outDir = resolve(o.outDir);
  const maxPerTile = o.maxPerTile ?? DEFAULT_MAX_PER_TILE;
  const defaultHeight = o.defaultHeight ?? DEFAULT_HEIGHT;
  const levelHeight = o.levelHeight ?? DEFAULT_LEVEL_HEIGHT;
  if (!(maxPerTile >= 1 && maxPerTile <= 65535)) throw new InputError(`--max-per-tile must be between 1 and 65535, got ${maxPerTile}`);
  const geoidHeight = parseGeoid(o.geoid);
  const warnings: string[] = [];

  const source = openSource(input);
  await prepareSource(source);
  let crs = chooseCrs(source.declaredCrs(), o.crs);

  mkdirSync(outDir, { recursive: true });
  removeEarlierOutput(outDir);
  const tmp = join(outDir, '.buildings-tmp');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    // ---------------------------------------------------------------- pass 1: read
    let p1 = await readPass(source, crs, { ...o, input, tmp, defaultHeight, levelHeight, geoidHeight });
    if (p1.restartWith) {
      // a GeoJSON whose crs member came after its features: read again in the right CRS
      crs = chooseCrs(p1.restartWith, o.crs);
      p1 = await readPass(source, crs, { ...o, input, tmp, defaultHeight, levelHeight, geoidHeight });
    }
    if (crs.warning) warnings.push(crs.warning);
    const { written, stage1 } = p1;
    if (p1.read === 0) throw new InputError(`${input} holds no features`);
    if (written === 0) {
      writeReportOnly(outDir, p1, crs, input, source.format);
      throw new InputError(`no valid footprints in ${input}: all ${p1.read} features were skipped (first: ${p1.skipped.sample[0]?.id}: ${p1.skipped.sample[0]?.reason}); see ${join(outDir, 'report.json')}`);
    }
    if (o.heightAttribute !== undefined && !p1.heightBySource.has(o.heightAttribute) && ![...p1.heightBySource.keys()].some((k) => k.startsWith(`${o.heightAttribute} ×`))) {
      warnings.push(`--height ${o.heightAttribute}: no feature has a usable value in that attribute; all got the default height`);
    }
    if (o.baseAttribute !== undefined && p1.baseMissing === written) warnings.push(`--base ${o.baseAttribute}: no feature has that attribute; all bases are 0`);
    const schema = p1.properties.finish();

    // ---------------------------------------------------------------- pass 2: distribute
    const origin = { lon: (p1.bounds.west + p1.bounds.east) / 2, lat: (p1.bounds.south + p1.bounds.north) / 2, height: 0 };
    const enu = enuConverter(origin);
    const square = squareOf(p1.bounds, enu);
    const minLeafLevel = leafLevelForSide(square.side);
    const l0 = Math.max(gridLevel(written, maxPerTile), minLeafLevel);
    const cellsDir = join(tmp, 'cells');
    mkdirSync(cellsDir);
    const cellPath = (k: string) => join(cellsDir, `${k}.bin`);
    const grid = new BucketWriter<string>(cellPath, o.writeBudget);
    {
      const bar = o.progress?.('placing', written);
      let n = 0;
      for (const raw of readRecordFiles([stage1])) {
        const r = toEnu(decodeRecord(raw), enu);
        const [cx, cy] = cellOf(square, l0, r.ax, r.ay);
        grid.append(cellKey(l0, cx, cy), encodeRecord(r));
        if ((++n & 4095) === 0) bar?.tick('', 4096);
      }
      grid.flush();
      bar?.done(`${grid.counts.size} cells of level ${l0}`);
    }
    rmSync(stage1, { force: true });
    const maxLevel = Math.min(l0 + 10, 24);
    const cells: Cell[] = [];
    for (const [k, count] of grid.counts) {
      const [level, x, y] = k.split('_').map(Number) as [number, number, number];
      const cell: Cell = { level, x, y, count, file: cellPath(k), children: [] };
      splitCell(cell, square, maxPerTile, maxLevel, cellPath, o.writeBudget);
      cells.push(cell);
    }
    cells.sort((a, b) => a.y - b.y || a.x - b.x);

    // ---------------------------------------------------------------- plan
    const root = planTree(cells, l0, maxPerTile, minLeafLevel)!;
    const leaves = leavesOf(root);
    const maxPerInner = Math.max(1, Math.floor(maxPerTile / 4));
    const threshold = (level: number) => square.side / 2 ** level / 24;
    const candidates = leaves.map((leaf, i) => {
      if (leaf.level === 0) return [];
      const sizes = (function* () {
        for (const raw of readRecordFiles(leaf.files)) yield recordSize(raw);
      })();
      return topCandidates(sizes, i, threshold(leaf.level - 1), maxPerInner * leaf.level);
    });
    promote(root, candidates, threshold, maxPerInner);

    // ---------------------------------------------------------------- pass 3: build tiles
    const contentDir = join(outDir, 'content');
    mkdirSync(contentDir, { recursive: true });
    const innerDir = join(tmp, 'inner');
    mkdirSync(innerDir);
    const nodes = nodesOf(root);
    const innerWithContent = nodes.filter((n) => n.promoted.length > 0);
    const innerKey = new Map<PlanNode, string>(innerWithContent.map((n) => [n, cellKey(n.level, n.x, n.y)]));
    const promotedTo = leaves.map(() => new Map<number, string>());
    for (const n of innerWithContent) for (const c of n.promoted) promotedTo[c.leaf]!.set(c.ord, innerKey.get(n)!);
    const innerWriter = new BucketWriter<string>((k) => join(innerDir, `${k}.bin`), o.writeBudget);
    const built = new Map<PlanNode, BuiltTile>();
    const heightNames = p1.heightNames;
    const build = async (records: FootprintRecord[], level: number, x: number, y: number, suffix = ''): Promise<BuiltContent> => {
      const uri = `content/${level}_${x}_${y}${suffix}.glb`;
      return buildContent(records, schema, heightNames, join(outDir, uri), uri);
    };
    const contentTotal = leaves.length + innerWithContent.length;
    const bar = o.progress?.('tiles', contentTotal);
    let bytes = 0;
    let contentCount = 0;
    for (let li = 0; li < leaves.length; li++) {
      const leaf = leaves[li]!;
      const up = promotedTo[li]!;
      const own: FootprintRecord[] = [];
      const contents: BuiltContent[] = [];
      let ord = 0;
      let chunk = 0;
      for (const raw of readRecordFiles(leaf.files)) {
        const to = up.get(ord++);
        if (to !== undefined) innerWriter.append(to, Buffer.from(raw));
        else {
          own.push(decodeRecord(raw));
          // only a leaf at the deepest level can hold more than maxPerTile: several contents
          if (own.length === maxPerTile && leaf.count > maxPerTile) {
            contents.push(await build(own.splice(0), leaf.level, leaf.x, leaf.y, `_${chunk++}`));
          }
        }
      }
      if (own.length > 0) contents.push(await build(own, leaf.level, leaf.x, leaf.y, chunk > 0 ? `_${chunk}` : ''));
      for (const c of contents) bytes += c.bytes;
      contentCount += contents.length;
      built.set(leaf, { contents });
      bar?.tick(`${leaf.level}_${leaf.x}_${leaf.y}`);
    }
    innerWriter.flush();
    for (const n of innerWithContent) {
      const records: FootprintRecord[] = [];
      for (const raw of readRecordFiles([join(innerDir, `${innerKey.get(n)}.bin`)])) records.push(decodeRecord(raw));
      const c = await build(records, n.level, n.x, n.y);
      bytes += c.bytes;
      contentCount++;
      built.set(n, { contents: [c] });
      bar?.tick(`${n.level}_${n.x}_${n.y}`);
    }
    bar?.done(`${contentCount} glb, ${(bytes / 1048576).toFixed(1)} MiB`);

    // ---------------------------------------------------------------- tileset.json
    const tree = assembleTiles(root, built);
    if (!tree) throw new Error('buildings: no tile has content');
    let maxSize = 0;
    for (const b of built.values()) for (const c of b.contents) maxSize = Math.max(maxSize, c.maxSize);
    const { tile: rootTile } = tree;
    const rootOut: Tile = {
      transform: eastNorthUpToEcef(origin).map((v) => (Math.abs(v) < 1e-15 ? 0 : v)),
      boundingVolume: rootTile.boundingVolume,
      geometricError: rootTile.geometricError,
      refine: 'ADD',
      ...(rootTile.content ? { content: rootTile.content } : {}),
      ...(rootTile.contents ? { contents: rootTile.contents } : {}),
      ...(rootTile.children ? { children: rootTile.children } : {}),
    };
    const tileset: Tileset = {
      asset: {
        version: '1.1',
        generator: GENERATOR,
        extras: { source: basename(input), sourceCrs: crs.code, buildings: written, skipped: p1.skipped.count },
      },
      geometricError: Math.ceil(Math.max(2 * rootTile.geometricError, maxSize)),
      root: rootOut,
    };
    await writeJson(join(outDir, 'tileset.json'), tileset);
    let tileCount = 0;
    let deepest = 0;
    const count = (t: Tile, d: number) => {
      tileCount++;
      deepest = Math.max(deepest, d);
      t.children?.forEach((c) => count(c, d + 1));
    };
    count(rootOut, 0);

    const result: BuildingsResult = {
      input,
      format: source.format,
      outDir,
      crs: { code: crs.code, name: crs.name, source: crs.source },
      origin,
      features: { read: p1.read, written, skipped: p1.skipped.count },
      skippedSample: p1.skipped.sample,
      heights: {
        default: defaultHeight,
        levelHeight,
        bySource: Object.fromEntries(p1.heightBySource),
        defaulted: p1.defaulted.count,
        defaultedSample: p1.defaulted.sample,
      },
      base: { attribute: o.baseAttribute ?? null, missing: o.baseAttribute ? p1.baseMissing : 0, geoid: o.geoid ?? null },
      unclosedRings: p1.unclosedRings,
      properties: schema.columns,
      droppedAttributes: Object.fromEntries(p1.properties.dropped),
      tiles: { count: tileCount, contents: contentCount, maxLevel: deepest, bytes, refine: 'ADD' },
      reportPath: join(outDir, 'report.json'),
      warnings: [...warnings, ...p1.warnings],
      seconds: 0,
    };
    result.seconds = Math.round((performance.now() - t0) / 100) / 10;
    writeReport(result, p1);
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Removes what an earlier run wrote (tileset.json, report.json, content/<level>_<x>_<y>.glb), nothing else. */
function removeEarlierOutput(outDir: string): void {
  for (const f of ['tileset.json', 'report.json']) rmSync(join(outDir, f), { force: true });
  const content = join(outDir, 'content');
  if (!existsSync(content)) return;
  for (const name of readdirSync(content)) if (/^\d+_\d+_\d+(?:_\d+)?\.glb$/.test(name)) rmSync(join(content, name), { force: true });
  if (readdirSync(content).length === 0) rmSync(content, { recursive: true, force: true });
}

// ------------------------------------------------------------------------------------------
// pass 1

interface Pass1 {
  read: number;
  written: number;
  stage1: string;
  bounds: { west: number; south: number; east: number; north: number };
  skipped: ProblemLog;
  defaulted: ProblemLog;
  heightNames: string[];
  heightBySource: Map<string, number>;
  baseMissing: number;
  unclosedRings: number;
  properties: PropertyCollector;
  warnings: string[];
  restartWith?: DeclaredCrs;
}

function parseGeoid(g: string | undefined): number | null {
  if (g === undefined) return null;
  if (g.toLowerCase() === 'harnosand') return HARNOSAND_GEOID.geoidHeight(17.9379, 62.6323);
  const n = Number(g);
  if (g.trim() === '' || !Number.isFinite(n) || Math.abs(n) > 150) throw new InputError(`--geoid must be "harnosand" or a geoid height in metres, got "${g}"`);
  return n;
}

function areaOf(code: string): AreaOfUse {
  const def = getCrs(code);
  const kind = def.kind;
  if (kind !== 'geographic' && kind !== 'projected') throw new InputError(`CRS ${code} (${def.name}) is ${kind}: footprints need a geographic or projected (2D) CRS`);
  const g = def.bounds?.geographic;
  if (!g || (g.west <= -180 && g.east >= 180)) return { west: -180, south: -90, east: 180, north: 90 };
  const m = 0.5; // data just outside the official area is still fine
  return { west: Math.max(-180, g.west - m), south: Math.max(-90, g.south - m), east: Math.min(180, g.east + m), north: Math.min(90, g.north + m) };
}

function wrongCrsMessage(crs: CrsChoice, sample: { x: number; y: number; lon: number; lat: number }, id: string): string {
  const def = getCrs(crs.code);
  const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : String(v));
  let msg = `the coordinates do not fit ${crs.code} (${def.name}): feature ${id} has (${fmt(sample.x)}, ${fmt(sample.y)}), outside its area of use`;
  const p = def.bounds?.projected;
  if (p && sample.y >= p.minEasting && sample.y <= p.maxEasting && sample.x >= p.minNorthing && sample.x <= p.maxNorthing) {
    msg += '; they look like (northing, easting): swap the axes';
  } else if (crs.code === 'EPSG:4326' && (Math.abs(sample.x) > 180 || Math.abs(sample.y) > 90)) {
    msg += ` (not longitude/latitude degrees). ${crs.source.startsWith('RFC') ? 'The file names no CRS, so WGS84 (RFC 7946) was assumed: ' : ''}pass --crs EPSG:<code>, e.g. --crs EPSG:3006 for SWEREF 99 TM`;
  } else {
    msg += `. ${crs.source === '--crs' ? 'Check --crs' : `The CRS came from the ${crs.source}; pass --crs EPSG:<code> if that is wrong`}`;
  }
  return msg;
}

async function readPass(
  source: FeatureSource,
  crs: CrsChoice,
  o: BuildingsOptions & { tmp: string; defaultHeight: number; levelHeight: number; geoidHeight: number | null },
): Promise<Pass1> {
  const stage1 = join(o.tmp, 'stage1.bin');
  rmSync(stage1, { force: true });
  const writer = new BucketWriter<'all'>(() => stage1, o.writeBudget);
  const area = areaOf(crs.code);
  const conv = crs.code === 'EPSG:4326' ? null : getConverter(crs.code, 'EPSG:4326');
  const toLonLat = conv ? (x: number, y: number): [number, number] => {
    const r = conv.forward(x, y);
    return [r[0], r[1]];
  } : (x: number, y: number): [number, number] => [x, y];
  const pickHeight = createHeightPicker({ ...(o.heightAttribute !== undefined ? { attribute: o.heightAttribute } : {}), levelHeight: o.levelHeight });
  const heightNames: string[] = [];
  const heightIndex = new Map<string, number>();
  const heightBySource = new Map<string, number>();
  const p: Pass1 = {
    read: 0,
    written: 0,
    stage1,
    bounds: { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity },
    skipped: new ProblemLog(join(o.tmp, 'skipped.jsonl')),
    defaulted: new ProblemLog(join(o.tmp, 'defaulted.jsonl')),
    heightNames,
    heightBySource,
    baseMissing: 0,
    unclosedRings: 0,
    properties: new PropertyCollector(),
    warnings: [],
  };
  const usedDeclared = source.declaredCrs().value;
  // a GeoJSON may name its CRS after the features: stop early on a wrong CRS only when it is known
  const crsCertain = o.crs !== undefined || usedDeclared !== null || source.format !== 'geojson';
  let areaChecked = 0;
  let outOfArea = 0;
  let firstOut: { sample: { x: number; y: number; lon: number; lat: number }; id: string } | null = null;
  const total = source.featureCount ?? source.bytes;
  const bar = o.progress?.('reading', total);
  let last = 0;
  const onProgress = (done: number) => {
    bar?.tick('', done - last);
    last = done;
  };
  for await (const f of source.features(onProgress)) {
    p.read++;
    if (p.read === 1 && o.crs === undefined && source.declaredCrs().value !== usedDeclared) {
      return { ...p, restartWith: source.declaredCrs() };
    }
    const props = f.properties && typeof f.properties === 'object' && !Array.isArray(f.properties) ? (f.properties as Record<string, unknown>) : null;
    const id = featureId(f.index, f.id, props, o.idAttribute);
    if (f.notAFeature) {
      p.skipped.add({ id, index: f.index, reason: f.notAFeature });
      continue;
    }
    const polys = polygonsOf(f.geometry);
    if ('error' in polys) {
      p.skipped.add({ id, index: f.index, reason: polys.error });
      continue;
    }
    const fp = prepareFootprint(polys.polygons, toLonLat, area);
    if (!fp.ok) {
      if (fp.outOfArea) {
        outOfArea++;
        areaChecked++;
        firstOut ??= { sample: fp.outOfArea, id };
        if (crsCertain && outOfArea >= 20 && outOfArea === areaChecked) throw new InputError(wrongCrsMessage(crs, firstOut.sample, firstOut.id));
      }
      p.skipped.add({ id, index: f.index, reason: fp.reason });
      continue;
    }
    areaChecked++;
    p.unclosedRings += fp.unclosedRings;
    // height
    const h = pickHeight(props);
    let height: number;
    let hs: string;
    if (h.height === null) {
      height = o.defaultHeight;
      hs = 'default';
      p.defaulted.add({ id, index: f.index, reason: h.source });
    } else {
      height = h.height;
      hs = h.source;
    }
    heightBySource.set(hs, (heightBySource.get(hs) ?? 0) + 1);
    let hi = heightIndex.get(hs);
    if (hi === undefined) {
      hi = heightNames.push(hs) - 1;
      heightIndex.set(hs, hi);
    }
    // base
    let base = 0;
    if (o.baseAttribute !== undefined) {
      const v = parseElevationOf(props?.[o.baseAttribute]);
      if (v === null) p.baseMissing++;
      else base = v;
    }
    if (o.geoidHeight !== null) base += o.geoidHeight;
    // bounds
    const b = p.bounds;
    for (const rings of fp.polygons) {
      const outer = rings[0]!;
      for (let i = 0; i < outer.length; i += 2) {
        const lon = outer[i]!;
        const lat = outer[i + 1]!;
        if (lon < b.west) b.west = lon;
        if (lon > b.east) b.east = lon;
        if (lat < b.south) b.south = lat;
        if (lat > b.north) b.north = lat;
      }
    }
    const row = p.properties.add(props);
    writer.append('all', encodeRecord({ index: f.index, ax: 0, ay: 0, z: 0, base, height, size: 0, heightSource: hi, polygons: fp.polygons, id, row }));
    p.written++;
  }
  writer.flush();
  if (!existsSync(stage1)) writeFileSync(stage1, '');
  bar?.done(`${p.read} features`);
  if (o.crs === undefined && source.declaredCrs().value !== usedDeclared) return { ...p, restartWith: source.declaredCrs() };
  if (firstOut && (p.written === 0 || outOfArea * 2 > areaChecked)) throw new InputError(wrongCrsMessage(crs, firstOut.sample, firstOut.id));
  if (outOfArea > 0) p.warnings.push(`${outOfArea} features lie outside the area of use of ${crs.code} and were skipped`);
  p.skipped.flush();
  p.defaulted.flush();
  return p;
}

function parseElevationOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*[-+]?\d+(?:[.,]\d+)?\s*m?\s*$/i.test(v)) return Number(v.replace(',', '.').replace(/m\s*$/i, ''));
  return null;
}

// ------------------------------------------------------------------------------------------
// pass 2

interface EnuConverter {
  /** lon/lat/height → ENU metres, written to `out`. */
  (lon: number, lat: number, h: number, out: Vec3): Vec3;
}

function enuConverter(origin: { lon: number; lat: number; height: number }): EnuConverter {
  const m = eastNorthUpToEcef(origin);
  const tmp: Vec3 = [0, 0, 0];
  return (lon, lat, h, out) => {
    geodeticToEcef(lon, lat, h, tmp);
    const dx = tmp[0] - m[12]!;
    const dy = tmp[1] - m[13]!;
    const dz = tmp[2] - m[14]!;
    out[0] = dx * m[0]! + dy * m[1]! + dz * m[2]!;
    out[1] = dx * m[4]! + dy * m[5]! + dz * m[6]!;
    out[2] = dx * m[8]! + dy * m[9]! + dz * m[10]!;
    return out;
  };
}

/** The square (ENU) holding the lon/lat bounds: their corners and edge midpoints, plus a margin. */
function squareOf(b: Pass1['bounds'], enu: EnuConverter): Square {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const v: Vec3 = [0, 0, 0];
  for (const lon of [b.west, (b.west + b.east) / 2, b.east]) {
    for (const lat of [b.south, (b.south + b.north) / 2, b.north]) {
      enu(lon, lat, 0, v);
      minX = Math.min(minX, v[0]);
      maxX = Math.max(maxX, v[0]);
      minY = Math.min(minY, v[1]);
      maxY = Math.max(maxY, v[1]);
    }
  }
  const side = Math.max(maxX - minX, maxY - minY) * 1.01 + 2;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { minX: cx - side / 2, minY: cy - side / 2, side };
}

/** A pass-1 record (lon/lat) in ENU metres, with its anchor (centroid), base height and size. */
function toEnu(r: FootprintRecord, enu: EnuConverter): FootprintRecord {
  const v: Vec3 = [0, 0, 0];
  let zSum = 0;
  let zN = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let bestArea = -1;
  let ax = 0;
  let ay = 0;
  const polygons: Rings[] = r.polygons.map((rings) =>
    rings.map((ring, ri) => {
      const out = new Float64Array(ring.length);
      for (let i = 0; i < ring.length; i += 2) {
        enu(ring[i]!, ring[i + 1]!, r.base, v);
        out[i] = v[0];
        out[i + 1] = v[1];
        zSum += v[2];
        zN++;
        if (v[0] < minX) minX = v[0];
        if (v[0] > maxX) maxX = v[0];
        if (v[1] < minY) minY = v[1];
        if (v[1] > maxY) maxY = v[1];
      }
      if (ri === 0) {
        const c = ringCentroid(out);
        if (c.area > bestArea) {
          bestArea = c.area;
          ax = c.x;
          ay = c.y;
        }
      }
      return out;
    }),
  );
  const size = Math.max(r.height, Math.hypot(maxX - minX, maxY - minY) / 2);
  return { ...r, ax, ay, z: zSum / zN, size, polygons };
}

function ringCentroid(ring: Float64Array): { x: number; y: number; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const n = ring.length;
  const x0 = ring[0]!;
  const y0 = ring[1]!;
  for (let i = 0; i < n; i += 2) {
    const j = (i + 2) % n;
    const px = ring[i]! - x0;
    const py = ring[i + 1]! - y0;
    const qx = ring[j]! - x0;
    const qy = ring[j + 1]! - y0;
    const k = px * qy - qx * py;
    a += k;
    cx += (px + qx) * k;
    cy += (py + qy) * k;
  }
  if (Math.abs(a) < 1e-12) return { x: x0, y: y0, area: 0 };
  return { x: x0 + cx / (3 * a), y: y0 + cy / (3 * a), area: Math.abs(a) / 2 };
}

/** Splits an overfull cell into quadrant files, recursively, until each holds ≤ maxPerTile. */
function splitCell(cell: Cell, sq: Square, maxPerTile: number, maxLevel: number, pathOf: (k: string) => string, budget?: number): void {
  if (cell.count <= maxPerTile || cell.level >= maxLevel || !cell.file) return;
  const level = cell.level + 1;
  const w = new BucketWriter<string>(pathOf, budget);
  for (const raw of readRecordFiles([cell.file])) {
    // anchor: offsets 8 and 16
    const [cx, cy] = cellOf(sq, level, raw.readDoubleLE(8), raw.readDoubleLE(16));
    w.append(cellKey(level, cx, cy), Buffer.from(raw));
  }
  w.flush();
  if (w.counts.size === 1 && [...w.counts.values()][0] === cell.count) {
    // all in one quadrant: keep splitting that one (identical anchors stop at maxLevel)
  }
  rmSync(cell.file, { force: true });
  cell.file = null;
  for (const [k, count] of w.counts) {
    const [l, x, y] = k.split('_').map(Number) as [number, number, number];
    const child: Cell = { level: l, x, y, count, file: pathOf(k), children: [] };
    splitCell(child, sq, maxPerTile, maxLevel, pathOf, budget);
    cell.children.push(child);
  }
  cell.children.sort((a, b) => a.y - b.y || a.x - b.x);
}

// ------------------------------------------------------------------------------------------
// pass 3

interface BuiltContent {
  uri: string;
  bytes: number;
  bounds: Bounds3;
  maxSize: number;
}

interface BuiltTile {
  contents: BuiltContent[];
}

async function buildContent(records: FootprintRecord[], schema: FinalSchema, heightNames: string[], path: string, uri: string): Promise<BuiltContent> {
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

function boxBounds(box: number[]): Bounds3 {
  const h = [Math.abs(box[3]!), Math.abs(box[7]!), Math.abs(box[11]!)];
  return { min: [box[0]! - h[0]!, box[1]! - h[1]!, box[2]! - h[2]!], max: [box[0]! + h[0]!, box[1]! + h[1]!, box[2]! + h[2]!] };
}

/**
 * Tiles bottom-up: boxes contain their contents and children; geometric error is 0 for
 * leaves and, for inner tiles, the largest size of what their descendants add (what is
 * missing when only this tile is drawn), at least 1.5 × their children's, so errors
 * strictly shrink with depth.
 */
function assembleTiles(node: PlanNode, built: Map<PlanNode, BuiltTile>): { tile: Tile; bounds: Bounds3; omitted: number } | null {
  const children = node.children.map((c) => assembleTiles(c, built)).filter((c): c is NonNullable<typeof c> => c !== null);
  const own = built.get(node)?.contents ?? [];
  if (own.length === 0 && children.length === 0) return null;
  let bounds: Bounds3 | null = null;
  const contents: TileContent[] = own.map((c) => {
    const box = roundBox(boundsToBox(c.bounds));
    bounds = bounds ? unionBounds(bounds, boxBounds(box)) : boxBounds(box);
    return { uri: c.uri, boundingVolume: { box } };
  });
  for (const c of children) bounds = bounds ? unionBounds(bounds, c.bounds) : c.bounds;
  const box = roundBox(boundsToBox(bounds!));
  let omitted = 0;
  let childError = 0;
  for (const c of children) {
    omitted = Math.max(omitted, c.omitted);
    childError = Math.max(childError, c.tile.geometricError);
  }
  const geometricError = children.length === 0 ? 0 : Math.ceil(Math.max(omitted, 1.5 * childError, 0.01) * 100) / 100;
  const ownMax = own.reduce((m, c) => Math.max(m, c.maxSize), 0);
  const tile: Tile = { boundingVolume: { box }, geometricError };
  if (contents.length === 1) tile.content = contents[0]!;
  else if (contents.length > 1) tile.contents = contents;
  if (children.length) tile.children = children.map((c) => c.tile);
  return { tile, bounds: boxBounds(box), omitted: Math.max(omitted, ownMax) };
}

// ------------------------------------------------------------------------------------------
// report

function reportHead(r: Omit<BuildingsResult, 'skippedSample' | 'heights' | 'reportPath'> & { heights: Omit<BuildingsResult['heights'], 'defaultedSample'> }): Record<string, unknown> {
  return {
    generator: GENERATOR,
    input: r.input,
    format: r.format,
    output: r.outDir,
    crs: r.crs,
    frame: {
      ...r.origin,
      description: 'tileset frame: east-north-up at this point on the WGS84 ellipsoid (root transform to ECEF); tile contents are stored relative to their own centres',
    },
    vertical: {
      reference: r.base.geoid
        ? `base attribute in RH 2000 (or 0), plus geoid height ${r.base.geoid === 'harnosand' ? 'N = 24.4 m (Härnösand, EGM96; see src/geo/heights.ts)' : `N = ${r.base.geoid} m`}: heights above the WGS84 ellipsoid`
        : 'base attribute (or 0) taken as metres above the WGS84 ellipsoid',
      ...r.base,
    },
    features: r.features,
    heights: r.heights,
    unclosedRingsClosed: r.unclosedRings,
    properties: r.properties,
    droppedAttributes: r.droppedAttributes,
    tiles: r.tiles,
    warnings: r.warnings,
    seconds: r.seconds,
  };
}

function writeReportFile(path: string, head: Record<string, unknown>, p1: Pass1): void {
  const headJson = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${headJson},\n  "skipped": [\n`);
    p1.skipped.copyInto(fd, '    ');
    writeSync(fd, `\n  ],\n  "defaultedHeights": [\n`);
    p1.defaulted.copyInto(fd, '    ');
    writeSync(fd, '\n  ]\n}\n');
  } finally {
    closeSync(fd);
  }
}

function writeReport(r: BuildingsResult, p1: Pass1): void {
  const { skippedSample: _s, reportPath, heights, ...rest } = r;
  const { defaultedSample: _d, ...h } = heights;
  writeReportFile(reportPath, reportHead({ ...rest, heights: h }), p1);
}

function writeReportOnly(outDir: string, p1: Pass1, crs: CrsChoice, input: string, format: FeatureSource['format']): void {
  writeReportFile(
    join(outDir, 'report.json'),
    {
      generator: GENERATOR,
      input,
      format,
      crs: { code: crs.code, name: crs.name, source: crs.source },
      features: { read: p1.read, written: 0, skipped: p1.skipped.count },
      error: 'no valid footprints: no tileset was written',
    },
    p1,
  );
}

/** Bytes of all files under `dir` (for reports and the benchmark). */
export function directoryBytes(dir: string): number {
  let total = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else total += st.size;
    }
  };
  walk(dir);
  return total;
}


/** A path relative to the working directory when shorter (for messages). */
export function shortPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && r.length < p.length ? r : p;
}
