/**
 * The benchmark cases: one tileset and one camera each, run on both viewers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tilesetCentre, viewLookingAt } from '../../test/e2e/harness/twin.ts';
import type { BenchView } from '../cesium/api.ts';

export interface BenchCase {
  name: string;
  /** What it shows and how the camera was chosen. */
  description: string;
  /** Tileset URL path on the bench server (absolute path, e.g. /data/…/tileset.json). */
  tileset: string;
  /** Camera; `fov` is vertical. */
  view: BenchView;
  /** Scene origin for our app (the frame the tiles are drawn in). */
  origin: { lon: number; lat: number; height: number };
}

/** Vertical field of view of every case, degrees. */
export const BENCH_FOV = 50;

export const WAGENINGEN = 'wageningen-3dtiles-1.1/7-624-528/tileset.json';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function roundView(v: Omit<BenchView, 'fov'>): BenchView {
  return { lon: round(v.lon, 7), lat: round(v.lat, 7), height: round(v.height, 2), heading: round(v.heading, 4), pitch: round(v.pitch, 4), fov: BENCH_FOV };
}

/** Wageningen (real buildings, 3D Tiles 1.1 implicit quadtree): a street-block view and a wide view. */
export function wageningenCases(dataDir: string): BenchCase[] {
  const file = join(dataDir, WAGENINGEN);
  const tileset = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof tilesetCentre>[0];
  // centre of the root region; its height range is 0–100 m, so the centre sits at 50 m
  const c = tilesetCentre(tileset);
  const centre = { lon: c.lon, lat: c.lat, height: c.height };
  const near = 250;
  const wide = 1600;
  return [
    {
      name: 'wageningen-near',
      description: `Wageningen, real buildings: street-block view, ${near} m south of the root region's centre and ${near * 0.8} m above it, looking north and down at it`,
      tileset: `/data/${WAGENINGEN}`,
      view: roundView(viewLookingAt(centre, near)),
      origin: centre,
    },
    {
      name: 'wageningen-wide',
      description: `Wageningen, real buildings: wide view, ${wide} m south of the root region's centre and ${wide * 0.8} m above it, looking north and down at it`,
      tileset: `/data/${WAGENINGEN}`,
      view: roundView(viewLookingAt(centre, wide)),
      origin: centre,
    },
  ];
}

/** Our synthetic demo buildings (served with the app at /tiles/), from the demo's overview viewpoint. */
export const HARNOSAND_CASE: BenchCase = {
  name: 'harnosand-demo',
  description: 'Synthetic Härnösand demo buildings (tiles/harnosand-buildings) from the demo scene’s overview viewpoint',
  tileset: '/tiles/harnosand-buildings/tileset.json',
  view: { lon: 17.9379, lat: 62.6218, height: 760, heading: 0, pitch: -38, fov: BENCH_FOV },
  origin: { lon: 17.9379, lat: 62.6323, height: 28 },
};

export function allCases(dataDir: string | null, notice: (m: string) => void): BenchCase[] {
  const cases: BenchCase[] = [];
  if (dataDir && existsSync(join(dataDir, WAGENINGEN))) cases.push(...wageningenCases(dataDir));
  else notice(`${dataDir ? join(dataDir, WAGENINGEN) : '../shared/data'} is absent: the Wageningen cases are skipped`);
  cases.push(HARNOSAND_CASE);
  return cases;
}
