/** Ring checks and repairs (closure, duplicates, spikes, self-intersection, orientation, containment). */
import { describe, expect, it } from 'vitest';
import { cleanRing, orientRing, pointInRing, selfIntersects, signedArea, type XY } from '../../../../src/sources/plans/ring-checks';

const square: XY[] = [[0, 0], [10, 0], [10, 10], [0, 10]];

describe('cleanRing', () => {
  it('should drop the closing point and keep a closed simple ring as it is', () => {
    expect(cleanRing([...square, [0, 0]])).toEqual({ ring: square, wasUnclosed: false, repaired: false });
  });

  it('should report an unclosed ring and close it', () => {
    expect(cleanRing(square)).toEqual({ ring: square, wasUnclosed: true, repaired: false });
  });

  it('should drop consecutive duplicates silently and cut spikes off', () => {
    expect(cleanRing([[0, 0], [0, 0], [10, 0], [10, 10], [10, 10], [0, 10], [0, 0]])).toEqual({ ring: square, wasUnclosed: false, repaired: false });
    const spiked: XY[] = [[0, 0], [10, 0], [15, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    expect(cleanRing(spiked)).toEqual({ ring: square, wasUnclosed: false, repaired: true });
  });

  it('should refuse rings with too few points, no area, non-finite values or crossings', () => {
    expect(cleanRing([[0, 0], [1, 1], [0, 0]])).toBe('too-few-points');
    expect(cleanRing([[0, 0], [1, 1], [2, 2], [0, 0]])).toBe('too-few-points');
    expect(cleanRing([[0, 0], [NaN, 1], [2, 0], [0, 0]])).toBe('non-finite');
    expect(cleanRing([[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]])).toBe('self-intersecting');
  });
});

describe('selfIntersects', () => {
  it('should find crossings and touchings but not shared neighbour vertices', () => {
    expect(selfIntersects(square)).toBe(false);
    expect(selfIntersects([[0, 0], [10, 10], [10, 0], [0, 10]])).toBe(true);
    // Touches itself at (5, 5): a figure eight through one vertex.
    expect(selfIntersects([[0, 0], [5, 5], [10, 0], [10, 10], [5, 5], [0, 10]])).toBe(true);
    // A vertex on a non-neighbouring edge.
    expect(selfIntersects([[0, 0], [10, 0], [10, 10], [5, 0], [0, 10]])).toBe(true);
  });

  // (how fast, on 20 000 vertices: `npm run bench -- --only algorithms`)
  it('should handle long rings: a 20 000-vertex circle is simple, and one crossing is found', () => {
    const n = 20_000;
    const circle: XY[] = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n) * 1000, Math.sin((2 * Math.PI * i) / n) * 1000]);
    expect(selfIntersects(circle)).toBe(false);
    const crossed = circle.slice();
    [crossed[100], crossed[101]] = [crossed[101]!, crossed[100]!];
    expect(selfIntersects(crossed)).toBe(true);
  });
});

describe('orientation and containment', () => {
  it('should measure signed area and turn rings', () => {
    expect(signedArea(square)).toBe(200);
    expect(signedArea(square.slice().reverse())).toBe(-200);
    expect(orientRing(square.slice().reverse(), true)).toEqual(square);
    expect(orientRing(square, false)).toEqual(square.slice().reverse());
  });

  it('should test points in rings', () => {
    expect(pointInRing([5, 5], square)).toBe(true);
    expect(pointInRing([15, 5], square)).toBe(false);
  });
});
