import { describe, expect, it } from 'vitest';
import { DEG } from '../../../../src/geo';
import { checkPlacement } from '../../../../src/layers/raster/placement-check';
import type { RadianBox } from '../../../../src/layers/raster/radian-box';

const HARNOSAND = { lon: 17.9379, lat: 62.6323, height: 28 };
const rad = (b: [number, number, number, number]) => b.map((v) => v * DEG) as RadianBox;

describe('checkPlacement', () => {
  it('should accept a raster at the scene', () => {
    expect(checkPlacement(rad([17.9, 62.6, 17.98, 62.66]), HARNOSAND)).toEqual({ error: null, warnings: [] });
  });

  it('should name bounds written latitude first when swapping them puts the map at the scene', () => {
    const declared: [number, number, number, number] = [62.6, 17.9, 62.66, 17.98];
    const r = checkPlacement(rad(declared), HARNOSAND, declared);
    expect(r.error).toMatch(/^"bounds" look like \[south, west, north, east\] \(latitude first\): as written they put the map \d+ km from the scene; \[17\.9, 62\.6, 17\.98, 62\.66\] would put it here$/);
  });

  it('should warn about a raster far away for another reason', () => {
    const cluj: [number, number, number, number] = [23.5556, 46.7539, 23.6264, 46.8003];
    const r = checkPlacement(rad(cluj), HARNOSAND, cluj);
    expect(r.error).toBeNull();
    expect(r.warnings).toEqual([expect.stringMatching(/^The map lies 1\d{3} km from the scene’s origin, so it is not seen here\.$/)]);
  });
});
