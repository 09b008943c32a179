import { describe, expect, it } from 'vitest';
import { pointInPolygon, pointInRing } from '../../../src/geo/planar';

describe('planar', () => {
  const square: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10]];
  const hole: [number, number][] = [[4, 4], [6, 4], [6, 6], [4, 6]];

  it('should tell points inside a ring from points outside, whatever its orientation', () => {
    expect(pointInRing([5, 5], square)).toBe(true);
    expect(pointInRing([15, 5], square)).toBe(false);
    expect(pointInRing([5, 5], [...square].reverse())).toBe(true);
    // a concave ring (an L): the notch is outside
    const ell: [number, number][] = [[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10]];
    expect(pointInRing([2, 8], ell)).toBe(true);
    expect(pointInRing([8, 8], ell)).toBe(false);
  });

  it('should leave holes out of a polygon', () => {
    expect(pointInPolygon([2, 2], [square, hole])).toBe(true);
    expect(pointInPolygon([5, 5], [square, hole])).toBe(false);
    expect(pointInPolygon([5, 5], [square])).toBe(true);
    expect(pointInPolygon([15, 5], [square, hole])).toBe(false);
  });
});
