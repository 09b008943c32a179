/**
 * The corners of a map in an XYZ/TMS tile pyramid, read from the tiles themselves: the
 * extreme pixels of its content (alpha ≥ ½) at one zoom level, as longitude/latitude by the
 * Web Mercator tile formulas (written out here, independently of the app).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export interface LonLat {
  lon: number;
  lat: number;
}

export interface MapCorners {
  north: LonLat;
  west: LonLat;
  east: LonLat;
  /** Ends of the straight southern edge (the map is cut there). */
  southWest: LonLat;
  southEast: LonLat;
}

/** Longitude/latitude of global pixel (x, y) at `zoom` (XYZ rows from the north, pixel centres). */
export function pixelToLonLat(x: number, y: number, zoom: number): LonLat {
  const size = 256 * 2 ** zoom;
  const lon = ((x + 0.5) / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / size))) * 180) / Math.PI;
  return { lon, lat };
}

/** Reads every tile of `zoom` under `dir/{z}/{x}/{y}.png` (TMS rows) and finds the map's corners. */
export function mapCorners(dir: string, zoom: number): MapCorners {
  const rows = new Map<number, { min: number; max: number }>();
  const cols = new Map<number, { min: number; max: number }>();
  const level = join(dir, String(zoom));
  for (const xName of readdirSync(level)) {
    const tx = Number(xName);
    for (const file of readdirSync(join(level, xName))) {
      const ty = (2 ** zoom - 1) - Number(file.replace(/\.png$/, '')); // TMS → XYZ
      const png = PNG.sync.read(readFileSync(join(level, xName, file)));
      for (let j = 0; j < png.height; j++) {
        for (let i = 0; i < png.width; i++) {
          if (png.data[(j * png.width + i) * 4 + 3]! < 128) continue;
          const x = tx * 256 + i;
          const y = ty * 256 + j;
          const r = rows.get(y) ?? { min: Infinity, max: -Infinity };
          rows.set(y, { min: Math.min(r.min, x), max: Math.max(r.max, x) });
          const c = cols.get(x) ?? { min: Infinity, max: -Infinity };
          cols.set(x, { min: Math.min(c.min, y), max: Math.max(c.max, y) });
        }
      }
    }
  }
  const ys = [...rows.keys()].sort((a, b) => a - b);
  const xs = [...cols.keys()].sort((a, b) => a - b);
  const top = ys[0]!;
  const bottom = ys.at(-1)!;
  const left = xs[0]!;
  const right = xs.at(-1)!;
  const mid = (r: { min: number; max: number }) => (r.min + r.max) / 2;
  return {
    north: pixelToLonLat(mid(rows.get(top)!), top, zoom),
    west: pixelToLonLat(left, mid(cols.get(left)!), zoom),
    east: pixelToLonLat(right, mid(cols.get(right)!), zoom),
    southWest: pixelToLonLat(rows.get(bottom)!.min, bottom, zoom),
    southEast: pixelToLonLat(rows.get(bottom)!.max, bottom, zoom),
  };
}
