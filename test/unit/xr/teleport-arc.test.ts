import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { ARC_SEGMENTS, castArc, createArcResult, isTeleportTarget, type SegmentCast } from '../../../src/xr/teleport-arc';

/** A cast against the horizontal plane y = h (kind `ground`). */
const planeAt =
  (h: number, kind = 'ground'): SegmentCast =>
  (a, b, point, normal) => {
    if ((a.y - h) * (b.y - h) > 0) return null;
    const t = (a.y - h) / (a.y - b.y);
    point.copy(a).lerp(b, t);
    normal.set(0, 1, 0);
    return kind;
  };

describe('teleport arc', () => {
  it('should land a 45° throw at about v²/g on flat ground', () => {
    const out = createArcResult();
    const dir = new Vector3(0, 1, -1).normalize();
    castArc(new Vector3(0, 0.001, 0), dir, 10, 9.81, planeAt(0), out);
    expect(out.hit).toBe(true);
    expect(out.hitKind).toBe('ground');
    expect(-out.hitPoint.z).toBeCloseTo(100 / 9.81, 1);
    expect(out.points[out.count - 1]!.equals(out.hitPoint)).toBe(true);
  });

  it('should stop at the first hit and report no hit when nothing is under the arc', () => {
    const out = createArcResult();
    castArc(new Vector3(0, 1, 0), new Vector3(0, 0, -1), 10, 9.81, () => null, out);
    expect(out.hit).toBe(false);
    expect(out.count).toBe(ARC_SEGMENTS + 1);
    // every point lies on the parabola
    const p = out.points[ARC_SEGMENTS]!;
    const t = -p.z / 10;
    expect(p.y).toBeCloseTo(1 - 0.5 * 9.81 * t * t, 9);
  });

  it('should scale with the world: the same throw scaled by k lands k times further', () => {
    const a = createArcResult();
    const b = createArcResult();
    const dir = new Vector3(0, 0.5, -1).normalize();
    castArc(new Vector3(0, 1.2, 0), dir, 16, 9.81, planeAt(0), a);
    castArc(new Vector3(0, 1.2 * 500, 0), dir, 16 * 500, 9.81 * 500, planeAt(0), b);
    expect(b.hitPoint.z / a.hitPoint.z).toBeCloseTo(500, 6);
  });

  describe('isTeleportTarget', () => {
    const up = new Vector3(0, 1, 0);
    it('should accept the ground (terrain at any height) and low horizontal surfaces', () => {
      expect(isTeleportTarget('tiles3d', new Vector3(0, -1.7, 0), up, -1.7)).toBe(true);
      expect(isTeleportTarget('ground-plane', new Vector3(0, -2.1, 0), up, -1.7)).toBe(true);
      expect(isTeleportTarget('ground', new Vector3(0, 20, 0), up, -1.7)).toBe(true);
    });

    it('should refuse roofs, walls and steep slopes', () => {
      expect(isTeleportTarget('tiles3d', new Vector3(0, 12, 0), up, -1.7)).toBe(false);
      expect(isTeleportTarget('tiles3d', new Vector3(0, 0, 0), new Vector3(1, 0, 0), -1.7)).toBe(false);
      expect(isTeleportTarget('ground', new Vector3(0, 0, 0), new Vector3(0.8, 0.6, 0), -1.7)).toBe(false);
    });
  });
});
