/**
 * The demo's synthetic old map (tools/demo/old-map): deterministic, a valid PNG that an
 * independent decoder reads, placed by its world file on the demo origin in EPSG:3014 as PROJ
 * converts it, and drawn where the district's features are (the strait is water on the map).
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ecefToGeodetic, eastNorthUpToEcef, fromWgs84 } from '../../../src/geo';
import { crsToPixel, parseWorldFile } from '../../../src/sources/raster/world-file';
import { generateOldMap, OLD_MAP_HEIGHT, OLD_MAP_PIXEL, OLD_MAP_WIDTH } from '../../../tools/demo/old-map/old-map';
import { DEMO_ORIGIN } from '../../../tools/demo/origin';
import { generateTown } from '../../../tools/demo/town';
import { createRng } from '../../../tools/lib/prng';

const PROJ_HARNOSAND = (
  JSON.parse(readFileSync(new URL('../../fixtures/geo/sweref99.output.json', import.meta.url), 'utf8')) as {
    points: { code: string; label: string; lon: number; lat: number; easting: number; northing: number }[];
  }
).points.find((p) => p.code === 'EPSG:3014' && /rn.sand/.test(p.label))!;

describe('synthetic old map', () => {
  const map = generateOldMap(generateTown(createRng(1585)), 1585);
  const image = PNG.sync.read(Buffer.from(map.png));
  const world = parseWorldFile(map.worldFile);

  const rgbAt = (px: number, py: number): [number, number, number] => {
    const o = (Math.floor(py) * image.width + Math.floor(px)) * 4;
    return [image.data[o]!, image.data[o + 1]!, image.data[o + 2]!];
  };
  /** The map pixel of a point of the demo's east-north frame (metres). */
  const pixelOf = (x: number, y: number) => {
    const m = eastNorthUpToEcef(DEMO_ORIGIN);
    const [lon, lat] = ecefToGeodetic(m[0]! * x + m[4]! * y + m[12]!, m[1]! * x + m[5]! * y + m[13]!, m[2]! * x + m[6]! * y + m[14]!);
    const [e, n] = fromWgs84('EPSG:3014', lon, lat);
    return crsToPixel(world, e, n);
  };

  // same seed, same bytes: demo-scene.test.ts regenerates the committed sheet byte for byte
  it('should differ for another seed', () => {
    expect(Buffer.from(generateOldMap(generateTown(createRng(7)), 7).png).equals(Buffer.from(map.png))).toBe(false);
  }, 120_000);

  it('should be an opaque RGB PNG of the stated size, small enough to commit', () => {
    expect([image.width, image.height]).toEqual([OLD_MAP_WIDTH, OLD_MAP_HEIGHT]);
    expect(map.png.length).toBeLessThan(400_000);
    expect(map.png[25]).toBe(2); // colour type: RGB
  });

  it('should be centred on the demo origin in SWEREF 99 17 15, as PROJ converts it, to the metre', () => {
    expect(world).toMatchObject({ a: OLD_MAP_PIXEL, d: 0, b: 0, e: -OLD_MAP_PIXEL });
    const [px, py] = crsToPixel(world, PROJ_HARNOSAND.easting, PROJ_HARNOSAND.northing);
    expect(Math.abs(px - OLD_MAP_WIDTH / 2) * OLD_MAP_PIXEL).toBeLessThan(1);
    expect(Math.abs(py - OLD_MAP_HEIGHT / 2) * OLD_MAP_PIXEL).toBeLessThan(1);
  });

  it('should draw the strait as water and the town around the library as town, where the district has them', () => {
    const [wx, wy] = pixelOf(-40, -300);
    const [r, g, b] = rgbAt(wx, wy);
    expect(b).toBeGreaterThan(r); // blue-grey water
    const [lx, ly] = pixelOf(0, 8);
    const [r2, , b2] = rgbAt(lx, ly);
    expect(r2).toBeGreaterThan(b2); // paper and houses are warm
  });
});
