/**
 * The corners of a map in an XYZ/TMS tile pyramid, read from the tiles themselves: the
 * extreme pixels of its content (alpha ≥ ½) at one zoom level, as longitude/latitude by the
 * Web Mercator tile formulas (written out here, independently of the app).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { PixelExtent } from './pixel-extent.ts';

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
  const extent = new PixelExtent();
  const level = join(dir, String(zoom));
  for (const xName of readdirSync(level)) {
    const tx = Number(xName);
    for (const file of readdirSync(join(level, xName))) {
      const ty = 2 ** zoom - 1 - Number(file.replace(/\.png$/, '')); // TMS → XYZ
      const png = PNG.sync.read(readFileSync(join(level, xName, file)));
      for (let j = 0; j < png.height; j++) {
        for (let i = 0; i < png.width; i++) if (png.data[(j * png.width + i) * 4 + 3]! >= 128) extent.add(tx * 256 + i, ty * 256 + j);
      }
    }
  }
  const c = extent.corners();
  const at = ([x, y]: [number, number]) => pixelToLonLat(x, y, zoom);
  return { north: at(c.north), west: at(c.west), east: at(c.east), southWest: at(c.southWest), southEast: at(c.southEast) };
}
