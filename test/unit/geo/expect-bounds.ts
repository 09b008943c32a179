/** Shared check for CRS definitions: the projected bounds enclose the geographic area of use, tightly. */
import { expect } from 'vitest';
import { fromWgs84 } from '../../../src/geo/crs';
import type { CrsDefinition } from '../../../src/geo/crs-definitions';

/**
 * Projects the edges of `def`'s geographic bounds (51 samples per edge) and expects its projected
 * bounds to enclose them with less than 2 km of slack on each side.
 */
export function expectProjectedBoundsEncloseArea(def: CrsDefinition): void {
  const g = def.bounds!.geographic;
  const p = def.bounds!.projected!;
  let minE = Infinity;
  let maxE = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (let i = 0; i <= 50; i++) {
    const t = i / 50;
    const lat = g.south + (g.north - g.south) * t;
    const lon = g.west + (g.east - g.west) * t;
    for (const [x, y] of [[g.west, lat], [g.east, lat], [lon, g.south], [lon, g.north]] as const) {
      const [e, n] = fromWgs84(def.code, x, y);
      minE = Math.min(minE, e);
      maxE = Math.max(maxE, e);
      minN = Math.min(minN, n);
      maxN = Math.max(maxN, n);
    }
  }
  expect(p.minEasting).toBeLessThanOrEqual(minE);
  expect(p.maxEasting).toBeGreaterThanOrEqual(maxE);
  expect(p.minNorthing).toBeLessThanOrEqual(minN);
  expect(p.maxNorthing).toBeGreaterThanOrEqual(maxN);
  for (const slack of [minE - p.minEasting, p.maxEasting - maxE, minN - p.minNorthing, p.maxNorthing - maxN]) expect(slack).toBeLessThan(2000);
}
