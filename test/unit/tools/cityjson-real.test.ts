/**
 * The `cityjson` command on real city models from ../shared/data/cityjson-cjio-testdata (cjio's
 * test data: Den Haag, Delft, Zurich, multi_lod), converted into temp dirs and read back.
 * The data folder is resolved by test/shared-data.ts: where it is absent these tests are
 * skipped with a printed notice (an error under CI=true).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertCityJson, type ConvertReport } from '../../../tools/cityjson/convert';
import { readBackTileset, type ReadBackContent } from '../../../tools/cityjson/read-back';
import { PALETTE } from '../../../tools/cityjson/style';
import { walkTiles } from '../../../tools/lib/tileset';
import { sharedData } from '../../shared-data';

const CJ = sharedData('cityjson-cjio-testdata', 'the real CityJSON conversion tests') ?? '';

interface Case {
  name: string;
  file: string;
  crs?: string;
  objects: number;
  features: number;
  lon: number;
  lat: number;
  /** Expected ground height range (ellipsoidal) of the lowest vertex, metres. */
  ground: [number, number];
  byType: Record<string, number>;
}

const CASES: Case[] = [
  { name: 'Den Haag', file: 'DH_01_subs.city.json', crs: 'EPSG:7415', objects: 4, features: 4, lon: 4.3, lat: 52.07, ground: [45, 48], byType: { Building: 4 } },
  {
    name: 'Delft',
    file: 'delft.json',
    objects: 570,
    features: 570,
    lon: 4.36,
    lat: 52.0,
    ground: [42, 44],
    byType: { Building: 160, Road: 143, PlantCover: 126, LandUse: 81, GenericCityObject: 54, Bridge: 3, WaterBody: 3 },
  },
  { name: 'Zurich', file: 'zurich/zurich_subset_lod2.json', objects: 49, features: 49, lon: 8.54, lat: 47.37, ground: [440, 446], byType: { Building: 49 } },
  { name: 'multi_lod', file: 'multi_lod.json', crs: 'EPSG:7415', objects: 10, features: 10, lon: 5.37, lat: 51.7, ground: [47, 50], byType: { Building: 10 } }, // 's-Hertogenbosch
];

describe.skipIf(!CJ)('cityjson on real data (../shared/data/cityjson-cjio-testdata)', () => {
  let tmp = '';
  const results = new Map<string, { report: ConvertReport; contents: ReadBackContent[]; dir: string }>();

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'cityjson-real-'));
    for (const c of CASES) {
      const dir = join(tmp, c.name.replace(/\W/g, ''));
      const report = await convertCityJson({ input: join(CJ, c.file), outDir: dir, ...(c.crs ? { crs: c.crs } : {}) });
      results.set(c.name, { report, contents: (await readBackTileset(dir)).contents, dir });
    }
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it.each(CASES.map((c) => [c.name, c] as const))('should convert %s with every object as a feature, in the right city', (name, c) => {
    const { report, contents } = results.get(name)!;
    expect(report.objects.input).toBe(c.objects);
    expect(report.objects.features).toBe(c.features);
    expect(report.objects.skipped).toEqual([]);
    expect(report.objects.byType).toEqual(c.byType);
    // every feature once, across all tiles
    const ids = contents.flatMap((t) => t.rows.map((r) => r.id));
    expect(ids).toHaveLength(c.features);
    expect(new Set(ids).size).toBe(c.features);
    for (const t of contents) expect(t.featureCount).toBe(t.rows.length);
    // all vertices within a few km of the city
    let minLon = Infinity;
    let maxLon = -Infinity;
    let minLat = Infinity;
    let maxLat = -Infinity;
    let minH = Infinity;
    for (const t of contents) {
      for (const [lon, lat, h] of t.geodetic) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
        minH = Math.min(minH, h);
      }
    }
    expect(Math.abs((minLon + maxLon) / 2 - c.lon)).toBeLessThan(0.05);
    expect(Math.abs((minLat + maxLat) / 2 - c.lat)).toBeLessThan(0.05);
    expect(maxLon - minLon).toBeLessThan(0.2);
    expect(maxLat - minLat).toBeLessThan(0.2);
    expect(minH).toBeGreaterThan(c.ground[0]);
    expect(minH).toBeLessThan(c.ground[1]);
    expect(Math.abs(report.origin.height - minH)).toBeLessThan(0.5);
  });

  it('should merge Den Haag\'s 8 BuildingParts into their 3 buildings and Zurich\'s 161 into 49', () => {
    expect(results.get('Den Haag')!.report.objects).toMatchObject({ all: 12, mergedChildren: 8 });
    expect(results.get('Zurich')!.report.objects).toMatchObject({ all: 210, mergedChildren: 161 });
    const rows = results.get('Den Haag')!.contents.flatMap((t) => t.rows);
    const withParts = rows.filter((r) => (r.parts as number) > 0);
    expect(withParts).toHaveLength(3);
    // attributes come from the parts where the building has none
    for (const r of withParts) expect(typeof r.roofType).toBe('string');
    expect(results.get('Zurich')!.report.surfaces.dropped.ground).toBeGreaterThan(0);
  });

  it('should draw Delft\'s roads grey, plant cover green, water blue and buildings with red roofs', () => {
    const { contents, report } = results.get('Delft')!;
    // vertex colours are stored as 8-bit
    const key = (c: readonly number[]) => c.map((x) => Math.round(x * 255)).join(',');
    const colourOf = (type: string) => {
      const seen = new Set<string>();
      for (const t of contents) {
        t.featureIds.forEach((f, i) => {
          if (t.rows[f]!.type === type) seen.add(key(t.colors[i]!));
        });
      }
      return seen;
    };
    expect(colourOf('Road')).toEqual(new Set([key(PALETTE.road)]));
    expect(colourOf('PlantCover')).toEqual(new Set([key(PALETTE.plant)]));
    expect(colourOf('WaterBody')).toEqual(new Set([key(PALETTE.water)]));
    expect(colourOf('Bridge')).toEqual(new Set([key(PALETTE.bridge)]));
    expect(colourOf('Building')).toEqual(new Set([key(PALETTE.roof), key(PALETTE.wall)]));
    expect(report.lod.used).toEqual({ '1': 570 });
    expect(report.surfaces.invalid).toBeLessThan(10);
  });

  it('should tile Delft in a quadtree whose geometric errors shrink with depth, each feature once', () => {
    const { report, contents } = results.get('Delft')!;
    expect(report.tiles).toBeGreaterThan(4);
    expect(report.maxLevel).toBeGreaterThan(0);
    expect(contents.length).toBe(report.files - 1);
  });

  it('should choose multi_lod\'s LoD: the highest (2.2) by default, 1.2 or the best 1.x on request', async () => {
    expect(results.get('multi_lod')!.report.lod.used).toEqual({ '2.2': 10 });
    const r12 = await convertCityJson({ input: join(CJ, 'multi_lod.json'), outDir: join(tmp, 'ml12'), crs: 'EPSG:7415', lod: '1.2' });
    expect(r12.lod.used).toEqual({ '1.2': 10 });
    const r1 = await convertCityJson({ input: join(CJ, 'multi_lod.json'), outDir: join(tmp, 'ml1'), crs: 'EPSG:7415', lod: '1' });
    expect(r1.lod.used).toEqual({ '1.3': 10 });
    expect(r12.triangles).toBeLessThan(results.get('multi_lod')!.report.triangles);
  });

  it('should refuse Den Haag and multi_lod without --crs (they name no CRS)', async () => {
    await expect(convertCityJson({ input: join(CJ, 'DH_01_subs.city.json'), outDir: join(tmp, 'dh-nocrs') })).rejects.toThrow(/no metadata.referenceSystem/);
    await expect(convertCityJson({ input: join(CJ, 'multi_lod.json'), outDir: join(tmp, 'ml-nocrs') })).rejects.toThrow(/pass --crs/);
  });

  it('should write a tileset with the root ENU frame at the dataset', async () => {
    const { dir, report } = results.get('Zurich')!;
    const { tileset } = await readBackTileset(dir);
    expect(tileset.root.transform).toHaveLength(16);
    let depthErrors = true;
    walkTiles(tileset.root, (t, _d, parent) => {
      if (parent && !(t.geometricError < parent.geometricError || parent.geometricError === 0)) depthErrors = false;
    });
    expect(depthErrors).toBe(true);
    expect(Math.abs(report.origin.lat - 47.37)).toBeLessThan(0.05);
  });
});
