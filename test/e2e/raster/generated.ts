/**
 * Raster inputs generated for end-to-end tests into test/fixtures/.generated/raster/
 * (gitignored; served at /fixtures/.generated/raster/): images with world files, tile
 * pyramids with gaps, and an image header that claims a size no GPU could take.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { REPO_ROOT } from '../../../tools/server/staleness.ts';

export const GENERATED = join(REPO_ROOT, 'test', 'fixtures', '.generated', 'raster');
export const GENERATED_URL = '/fixtures/.generated/raster/';

export function writeGenerated(path: string, data: Buffer | string): void {
  const file = join(GENERATED, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

export function clearGenerated(): void {
  rmSync(GENERATED, { recursive: true, force: true });
}

/** An opaque image filled with `background`, then `paint(x, y)` colours where it returns one. */
export function image(width: number, height: number, background: [number, number, number], paint?: (x: number, y: number) => [number, number, number] | null): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = paint?.(x, y) ?? background;
      const o = (y * width + x) * 4;
      png.data[o] = c[0];
      png.data[o + 1] = c[1];
      png.data[o + 2] = c[2];
      png.data[o + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** The first bytes of a PNG that says it is `width` × `height` px (signature and IHDR only). */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(b);
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[24] = 8;
  b[25] = 6;
  return b;
}

/** XYZ tile (x, y) at `zoom` containing longitude/latitude (Web Mercator). */
export function tileAt(lon: number, lat: number, zoom: number): [number, number] {
  const n = 2 ** zoom;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}
