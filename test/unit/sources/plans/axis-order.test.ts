/** Axis order of SWEREF 99 coordinates from their values. */
import { describe, expect, it } from 'vitest';
import { AxisOrderVote, pairOrder } from '../../../../src/sources/plans/axis-order';

describe('pairOrder', () => {
  it('should tell northings (6.1–7.7 million) from eastings in SWEREF 99 TM and the local zones', () => {
    expect(pairOrder(650_000, 6_948_000)).toBe('EN');
    expect(pairOrder(6_948_000, 650_000)).toBe('NE');
    expect(pairOrder(185_100, 6_947_500)).toBe('EN');
    expect(pairOrder(6_228_002, 198_872)).toBe('NE');
    expect(pairOrder(-4_000, 7_400_000)).toBe('EN');
    expect(pairOrder(17.93, 62.63)).toBeUndefined();
    expect(pairOrder(6_948_000, 6_948_000)).toBeUndefined();
  });
});

describe('AxisOrderVote', () => {
  it('should follow the majority and say why in one sentence', () => {
    const v = new AxisOrderVote();
    v.add(6_948_013, 650_495);
    v.add(6_948_100, 650_500);
    v.add(650_400, 6_948_000);
    expect(v.order).toBe('NE');
    expect(v.note('EPSG:3006')).toBe('Coordinates read as (N, E): first values ≈ 6.9 million are northings in EPSG:3006 (SWEREF 99 TM) (1 of 3 pairs were in the other order and were read that way).');
  });

  it('should default to (E, N) when nothing decides', () => {
    const v = new AxisOrderVote();
    v.add(1, 2);
    expect(v.order).toBe('EN');
    expect(v.note('EPSG:3014')).toBe('Coordinates read as (E, N), the GeoJSON order: their values do not tell northings from eastings in EPSG:3014 (SWEREF 99 17 15).');
  });
});
