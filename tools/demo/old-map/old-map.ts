/**
 * The demo's synthetic historical map: the district around 1880 drawn as an old survey map,
 * written as a PNG with a world file in SWEREF 99 17 15 (EPSG:3014, the municipality's CRS),
 * so the timeline has an honest step into the past. It is plainly labelled synthetic, on the
 * sheet itself, in its file name and in the scene's attribution. A pure function of the seed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ecefToGeodetic } from '../../../src/geo/ellipsoid';
import { eastNorthUpToEcef } from '../../../src/geo/frame';
import { getConverter } from '../../../src/geo/crs';
import type { Vec2 } from '../../lib/geom2d';
import { createRng } from '../../lib/prng';
import { DEMO_ORIGIN } from '../origin';
import { AREA_HALF, generateTown, type TownLayout } from '../town';
import { Canvas, hex } from './canvas';
import { drawSheet, drawTown } from './draw-map';
import { encodePng } from './png';

/** The year the synthetic map shows. */
export const OLD_MAP_YEAR = 1880;
/** The CRS of its world file: SWEREF 99 17 15. */
export const OLD_MAP_CRS = 'EPSG:3014';
/** Metres a pixel. */
export const OLD_MAP_PIXEL = 1.25;
/** Pixels: 1400 m × 1250 m of ground. */
export const OLD_MAP_WIDTH = 1120;
export const OLD_MAP_HEIGHT = 1000;
/** Drawn at twice the size and halved, for smooth lines. */
const SUPERSAMPLE = 2;

export interface OldMap {
  png: Uint8Array;
  /** The world file (.pgw) text: A, D, B, E, C, F, one a line. */
  worldFile: string;
  /** Easting and northing (EPSG:3014) of the sheet's upper-left corner, metres. */
  topLeft: [number, number];
}

/** The sheet's upper-left corner in EPSG:3014: the demo origin at the centre, rounded to whole metres. */
export function oldMapTopLeft(): [number, number] {
  const [e, n] = getConverter('EPSG:4326', OLD_MAP_CRS).forward(DEMO_ORIGIN.lon, DEMO_ORIGIN.lat);
  return [Math.round(e! - (OLD_MAP_WIDTH * OLD_MAP_PIXEL) / 2), Math.round(n! + (OLD_MAP_HEIGHT * OLD_MAP_PIXEL) / 2)];
}

/** The world file of the sheet (pixel centres, as world files count them). */
export function oldMapWorldFile([e0, n0]: [number, number]): string {
  const p = OLD_MAP_PIXEL;
  return [p, 0, 0, -p, e0 + p / 2, n0 - p / 2].map((v) => v.toFixed(4)).join('\n') + '\n';
}

export function generateOldMap(town: TownLayout, seed: number): OldMap {
  const topLeft = oldMapTopLeft();
  const [e0, n0] = topLeft;
  const enuToEcef = eastNorthUpToEcef(DEMO_ORIGIN);
  const toCrs = getConverter('EPSG:4326', OLD_MAP_CRS);
  const s = SUPERSAMPLE;
  // the demo's east-north frame (metres, on its ground) → EPSG:3014 → sheet pixels
  const toPixel = ([x, y]: Vec2): [number, number] => {
    const m = enuToEcef;
    const [lon, lat] = ecefToGeodetic(m[0]! * x + m[4]! * y + m[12]!, m[1]! * x + m[5]! * y + m[13]!, m[2]! * x + m[6]! * y + m[14]!);
    const [e, n] = toCrs.forward(lon, lat);
    return [((e! - e0) / OLD_MAP_PIXEL) * s, ((n0 - n!) / OLD_MAP_PIXEL) * s];
  };
  const canvas = new Canvas(OLD_MAP_WIDTH * s, OLD_MAP_HEIGHT * s, hex('#efe2c2'));
  const rng = createRng(seed).fork('old-map');
  const stains = Array.from({ length: 5 }, () => ({ x: rng.float(0, canvas.width), y: rng.float(0, canvas.height), r: rng.float(120, 420) * s, k: rng.float(0.03, 0.07) }));
  canvas.shade((x, y) => {
    const dx = x / canvas.width - 0.5;
    const dy = y / canvas.height - 0.5;
    let v = -0.16 * (dx * dx + dy * dy) ** 1.2;
    for (const st of stains) v -= st.k * Math.exp(-((x - st.x) ** 2 + (y - st.y) ** 2) / (st.r * st.r));
    return v;
  });
  const frame = { toPixel, pixelsPerMetre: s / OLD_MAP_PIXEL };
  drawTown(canvas, town, frame, rng, AREA_HALF);
  drawSheet(canvas, { year: OLD_MAP_YEAR, seed, pixelsPerMetre: s / OLD_MAP_PIXEL });
  const out = canvas.downsample();
  return { png: encodePng(out.rgb(), out.width, out.height), worldFile: oldMapWorldFile(topLeft), topLeft };
}

/** Where the sheet lives, relative to the repository root (served at `/maps/`). */
export const OLD_MAP_DIR = 'public/maps';
/** The sheet's file name; the world file has the same name with `.pgw`. */
export const OLD_MAP_FILE = `harnosand-${OLD_MAP_YEAR}-syntetisk.png`;
export const OLD_MAP_WORLD_FILE = OLD_MAP_FILE.replace(/\.png$/, '.pgw');

/** Generates the sheet for `seed` and writes the PNG and its world file into `dir`. */
export async function writeOldMap(dir: string, seed: number): Promise<OldMap> {
  const map = generateOldMap(generateTown(createRng(seed)), seed);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, OLD_MAP_FILE), map.png);
  await writeFile(join(dir, OLD_MAP_WORLD_FILE), map.worldFile);
  return map;
}
