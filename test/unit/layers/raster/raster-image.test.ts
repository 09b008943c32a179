import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../../src/geo';
import { georeferenceProblem, imageSizeProblem, worldFileFromCorners } from '../../../../src/layers/raster/raster-image';
import { RASTER_LIMITS } from '../../../../src/sources/raster/raster-limits';
import { pyramidLayout, PYRAMID_TILE } from '../../../../src/layers/raster/tile-sources';
import { pixelToCrs } from '../../../../src/sources/raster/world-file';

describe('georeferenced images', () => {
  describe('imageSizeProblem', () => {
    it('should accept what fits and refuse an image far too large, with its size in words', () => {
      expect(imageSizeProblem(4000, 3000)).toBeNull();
      expect(imageSizeProblem(40000, 30000)).toBe(
        'the image is 40000 × 30000 px (4.8 GB decoded), too large to show: at most 64 megapixels and 32768 px a side. Cut it into tiles (e.g. with gdal2tiles) and use "service": "tiles"',
      );
      expect(imageSizeProblem(40000, 100)).toMatch(/^the image is 40000 × 100 px \(16 MB decoded\), too large/);
      expect(imageSizeProblem(8000, 8000)).toBeNull();
      expect(imageSizeProblem(8001, 8000)).toMatch(/too large to show/);
      expect(8000 * 8000).toBe(RASTER_LIMITS.imagePixels);
    });
  });

  describe('worldFileFromCorners', () => {
    it('should put the corners where they are given (corner points, not pixel centres)', () => {
      const corners = { topLeft: [100, 500] as const, topRight: [300, 520] as const, bottomRight: [290, 420] as const, bottomLeft: [90, 400] as const };
      const { world, misfit } = worldFileFromCorners(corners, 200, 100);
      expect(pixelToCrs(world, 0, 0)).toEqual([100, 500]);
      const [x, y] = pixelToCrs(world, 200, 100);
      expect(x).toBeCloseTo(290, 9);
      expect(y).toBeCloseTo(420, 9);
      expect(misfit).toBeCloseTo(0, 12);
    });

    it('should measure how far the fourth corner is from a parallelogram', () => {
      const corners = { topLeft: [0, 100] as const, topRight: [100, 100] as const, bottomRight: [110, 0] as const, bottomLeft: [0, 0] as const };
      expect(worldFileFromCorners(corners, 10, 10).misfit).toBeCloseTo(10 / Math.hypot(100, 100), 12);
    });
  });

  describe('georeferenceProblem', () => {
    const [e, n] = fromWgs84('EPSG:3014', 17.9379, 62.6323);
    const box = (x: number, y: number) => [
      [x, y],
      [x + 1000, y],
      [x + 1000, y - 1000],
      [x, y - 1000],
    ] as [number, number][];

    it('should accept a map at Härnösand in SWEREF 99 17 15', () => {
      expect(georeferenceProblem('EPSG:3014', box(e, n))).toBeNull();
    });

    it('should name a world file written northing first', () => {
      expect(georeferenceProblem('EPSG:3014', box(n, e))).toMatch(/^the coordinates look like northing first \(6947589\.4, 185295\.0\): a world file gives the easting \(line 5\) before the northing \(line 6\)$/);
    });

    it('should name coordinates of another CRS, and latitude-first degrees', () => {
      expect(georeferenceProblem('EPSG:3014', box(617000 + 900_000, n))).toMatch(/outside EPSG:3014 \(SWEREF 99 17 15\): is "crs" right\?$/);
      expect(georeferenceProblem('EPSG:4326', [[62.63, 117.9]])).toBe('the coordinates look like latitude first (62.630000, 117.900000); give longitude first');
      expect(georeferenceProblem('EPSG:4326', [[17.9, 62.6]])).toBeNull();
    });
  });

  it('should cut an image into a pyramid of 256 px tiles down to full resolution', () => {
    expect(pyramidLayout(256, 100)).toEqual({ maxLevel: 0, span: PYRAMID_TILE });
    expect(pyramidLayout(1120, 1000)).toEqual({ maxLevel: 3, span: 2048 });
    expect(pyramidLayout(5000, 300).span).toBeGreaterThanOrEqual(5000);
  });
});
