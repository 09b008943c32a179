/**
 * A georeferenced image in SWEREF 99 17 15 (EPSG:3014) lands where it belongs: its pixels,
 * through the world file, the pyramid's normalized space and the registry's projection, give
 * the longitude/latitude that PROJ (cs2cs, test/fixtures/geo) gives for the same easting and
 * northing, within a metre (in fact within millimetres).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEG } from '../../../../src/geo';
import { boxFrame, CrsGridProjection } from '../../../../src/layers/raster/crs-projection';
import { pyramidFrame } from '../../../../src/layers/raster/raster-image';
import { pyramidLayout } from '../../../../src/layers/raster/tile-sources';
import { crsToPixel, parseWorldFile } from '../../../../src/sources/raster/world-file';

interface ProjPoint {
  code: string;
  label: string;
  lon: number;
  lat: number;
  easting: number;
  northing: number;
}
const PROJ = (JSON.parse(readFileSync(new URL('../../../fixtures/geo/sweref99.output.json', import.meta.url), 'utf8')) as { points: ProjPoint[] }).points;

/** Metres between two lon/lat points (local flat approximation; fine for the small errors checked). */
function metres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const R = 6_371_000;
  return R * Math.hypot(((lon2 - lon1) * Math.PI * Math.cos((lat1 * Math.PI) / 180)) / 180, ((lat2 - lat1) * Math.PI) / 180);
}

describe('CrsGridProjection', () => {
  const points = PROJ.filter((p) => p.code === 'EPSG:3014');

  it('should have PROJ points in EPSG:3014 to check against, Härnösand among them', () => {
    expect(points.length).toBeGreaterThanOrEqual(6);
    expect(points.some((p) => /rn.sand/i.test(p.label))).toBe(true);
  });

  describe('a world-file image in EPSG:3014', () => {
    // a rotated image of 600 × 900 px at 800 m a pixel over the whole zone, corner at (−20 km, 7 470 km)
    const world = parseWorldFile(['780', '-120', '-110', '-790', '-20000', '7470000'].join('\n'));
    const W = 600;
    const H = 900;
    const { span } = pyramidLayout(W, H);
    const projection = new CrsGridProjection('EPSG:3014', pyramidFrame(world, span));
    const normalizedOfPixel = (px: number, py: number): [number, number] => [(px + span) / (3 * span), (2 * span - py) / (3 * span)];

    it.each(points.map((p) => [p.label, p] as const))('should put PROJ’s %s where PROJ does, within a metre', (_label, p) => {
      const [px, py] = crsToPixel(world, p.easting, p.northing);
      const [u, v] = normalizedOfPixel(px, py);
      const [lon, lat] = projection.fromNormalizedToCartographic(u, v);
      expect(metres(lon! / DEG, lat! / DEG, p.lon, p.lat)).toBeLessThan(1);
      // and back: the longitude/latitude finds the same spot of the image (to a thousandth of a pixel)
      const [u2, v2] = projection.fromCartographicToNormalized(p.lon * DEG, p.lat * DEG);
      expect(Math.abs(u2! - u) * 3 * span).toBeLessThan(1e-3);
      expect(Math.abs(v2! - v) * 3 * span).toBeLessThan(1e-3);
    });

    it('should bound the image by sampling its edges', () => {
      const bounds = projection.fromNormalizedToCartographicRange([span / (3 * span), (2 * span - H) / (3 * span), (span + W) / (3 * span), 2 / 3]);
      for (const p of points.filter((q) => {
        const [px, py] = crsToPixel(world, q.easting, q.northing);
        return px >= 0 && px <= W && py >= 0 && py <= H;
      })) {
        expect(p.lon * DEG).toBeGreaterThanOrEqual(bounds[0]!);
        expect(p.lon * DEG).toBeLessThanOrEqual(bounds[2]!);
        expect(p.lat * DEG).toBeGreaterThanOrEqual(bounds[1]!);
        expect(p.lat * DEG).toBeLessThanOrEqual(bounds[3]!);
      }
    });
  });

  it('should lay a WMS grid over EPSG:3006 so that PROJ’s points land within a metre', () => {
    const grid = new CrsGridProjection('EPSG:3006', boxFrame(0, 6_000_000, 1_200_000, 7_800_000));
    for (const p of PROJ.filter((q) => q.code === 'EPSG:3006')) {
      const [lon, lat] = grid.fromNormalizedToCartographic(p.easting / 1_200_000, (p.northing - 6_000_000) / 1_800_000);
      expect(metres(lon! / DEG, lat! / DEG, p.lon, p.lat), p.label).toBeLessThan(1);
    }
    expect(grid.isMercator).toBe(false);
    expect(grid.isCartographic).toBe(true);
    expect(grid.crs).toBe('EPSG:3006');
  });

  it('should give the box around a longitude/latitude box, not just its corners', () => {
    const grid = new CrsGridProjection('EPSG:3006', boxFrame(0, 6_000_000, 1_200_000, 7_800_000));
    // at 17.9° E the TM grid is turned ~2.6° from north: the box's edges bulge past its corners' range
    const range = [17.8 * DEG, 62.5 * DEG, 18.1 * DEG, 62.7 * DEG];
    const box = grid.fromCartographicToNormalizedRange(range);
    for (const lon of [17.8, 17.95, 18.1]) {
      for (const lat of [62.5, 62.6, 62.7]) {
        const [u, v] = grid.fromCartographicToNormalized(lon * DEG, lat * DEG);
        expect(u).toBeGreaterThanOrEqual(box[0]! - 1e-12);
        expect(u).toBeLessThanOrEqual(box[2]! + 1e-12);
        expect(v).toBeGreaterThanOrEqual(box[1]! - 1e-12);
        expect(v).toBeLessThanOrEqual(box[3]! + 1e-12);
      }
    }
  });
});
