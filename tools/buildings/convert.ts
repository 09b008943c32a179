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
 *
 * One file per stage: read-pass.ts (pass 1, with crs-choice.ts and problem-log.ts),
 * enu.ts and cells.ts (pass 2), plan.ts, content.ts and build-tiles.ts (pass 3),
 * tileset-json.ts and report.ts; this file runs them in order.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildTiles } from './build-tiles';
import { distribute } from './cells';
import { chooseCrs } from './crs-choice';
import { enuConverter, squareOf } from './enu';
import { DEFAULT_HEIGHT, DEFAULT_LEVEL_HEIGHT, DEFAULT_MAX_PER_TILE, type BuildingsOptions, type BuildingsResult } from './options';
import { removeEarlierOutput } from './output-dir';
import { planTiles } from './plan';
import { parseGeoid, readPass } from './read-pass';
import { writeReport, writeReportOnly } from './report';
import { InputError, openSource, prepareSource } from './sources';
import { writeTileset } from './tileset-json';
import { gridLevel, leafLevelForSide } from './tiling';

export { InputError } from './sources';
export { DEFAULT_HEIGHT, DEFAULT_LEVEL_HEIGHT, DEFAULT_MAX_PER_TILE, GENERATOR } from './options';
export type { BuildingsOptions, BuildingsResult, Problem } from './options';
export { chooseCrs } from './crs-choice';
export { directoryBytes, shortPath } from './output-dir';

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
    const cells = distribute(stage1, written, enu, square, l0, maxPerTile, tmp, o);

    // ---------------------------------------------------------------- plan
    const plan = planTiles(cells, square, l0, maxPerTile, minLeafLevel);

    // ---------------------------------------------------------------- pass 3: build tiles
    const { built, bytes, contentCount } = await buildTiles(plan, schema, p1.heightNames, maxPerTile, outDir, tmp, o);

    // ---------------------------------------------------------------- tileset.json
    const { tileCount, deepest } = await writeTileset(outDir, plan.root, built, origin, {
      source: basename(input),
      sourceCrs: crs.code,
      buildings: written,
      skipped: p1.skipped.count,
    });

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
