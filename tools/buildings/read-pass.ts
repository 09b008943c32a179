/**
 * Pass 1 (read): stream the features; check each geometry (geometry.ts), convert it to
 * lon/lat, choose its height and base, collect its scalar attributes into typed columns,
 * and append a compact binary record to one temporary file. Memory: one feature, the
 * column statistics, the dataset's lon/lat bounds. Skipped features and defaulted heights
 * go to temporary JSON-lines files, not to memory.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConverter } from '../../src/geo/crs';
import { HARNOSAND_GEOID } from '../../src/geo/heights';
import { createHeightPicker, featureId, PropertyCollector } from './attributes';
import { areaOf, wrongCrsMessage, type CrsChoice } from './crs-choice';
import { polygonsOf, prepareFootprint } from './geometry';
import type { BuildingsOptions } from './options';
import { ProblemLog } from './problem-log';
import { BucketWriter, encodeRecord } from './records';
import { InputError, type DeclaredCrs, type FeatureSource } from './sources';

export interface Pass1 {
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

export function parseGeoid(g: string | undefined): number | null {
  if (g === undefined) return null;
  if (g.toLowerCase() === 'harnosand') return HARNOSAND_GEOID.geoidHeight(17.9379, 62.6323);
  const n = Number(g);
  if (g.trim() === '' || !Number.isFinite(n) || Math.abs(n) > 150) throw new InputError(`--geoid must be "harnosand" or a geoid height in metres, got "${g}"`);
  return n;
}

export async function readPass(
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
