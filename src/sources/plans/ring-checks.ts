/**
 * Planar checks and repairs of polygon rings, in any planar units (metres in SWEREF 99,
 * degrees for GeoJSON): closure, repeated points, spikes, too few points, non-finite values,
 * self-intersection, orientation and containment. A ring here is `[x, y][]` without the
 * repeated closing point.
 */

export type XY = [number, number];

/** Why a ring could not be used. */
export type RingProblem = 'non-finite' | 'too-few-points' | 'self-intersecting';

export interface CleanRing {
  ring: XY[];
  /** The input did not repeat its first point at the end (it was closed here). */
  wasUnclosed: boolean;
  /** Zero-width spikes (the ring turning straight back on itself) were cut off. */
  repaired: boolean;
}

/**
 * Drops the closing point, consecutive duplicates and spikes (a point where the ring turns
 * straight back on itself), and reports whether the input was closed.
 * @param coords `[x, y]` pairs; a ring is closed when its last point equals its first
 */
export function cleanRing(coords: readonly XY[]): CleanRing | RingProblem {
  for (const [x, y] of coords) if (!Number.isFinite(x) || !Number.isFinite(y)) return 'non-finite';
  const n0 = coords.length;
  const wasUnclosed = n0 > 0 && !samePoint(coords[0]!, coords[n0 - 1]!);
  const ring: XY[] = [];
  for (const p of coords) {
    const last = ring[ring.length - 1];
    if (!last || !samePoint(last, p)) ring.push(p);
  }
  if (ring.length > 1 && samePoint(ring[0]!, ring[ring.length - 1]!)) ring.pop();
  let repaired = false;
  // Remove spikes (A, B, A' collinear with B beyond) until none is left.
  let changed = true;
  while (changed && ring.length >= 3) {
    changed = false;
    for (let i = 0; i < ring.length && ring.length >= 3; i++) {
      const a = ring[(i + ring.length - 1) % ring.length]!;
      const b = ring[i]!;
      const c = ring[(i + 1) % ring.length]!;
      if (isSpike(a, b, c)) {
        ring.splice(i, 1);
        if (ring.length >= 2) {
          // The removal may leave two equal neighbours.
          const j = Math.min(i, ring.length - 1);
          const prev = ring[(j + ring.length - 1) % ring.length]!;
          if (samePoint(prev, ring[j]!)) ring.splice(j, 1);
        }
        changed = true;
        repaired = true;
        i--;
      }
    }
  }
  if (ring.length < 3) return 'too-few-points';
  if (selfIntersects(ring)) return 'self-intersecting';
  if (signedArea(ring) === 0) return 'too-few-points';
  return { ring, wasUnclosed, repaired };
}

function samePoint(a: XY, b: XY): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** B is a spike tip: A, B, C collinear and the ring turns back at B. */
function isSpike(a: XY, b: XY, c: XY): boolean {
  if (orient(a, b, c) !== 0) return false;
  const dot = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]);
  return dot < 0 || samePoint(a, c);
}

/** Twice the signed area (shoelace), positive for counter-clockwise rings (x east, y north). */
export function signedArea(ring: readonly XY[]): number {
  let sum = 0;
  const [ox, oy] = ring[0]!;
  for (let i = 1; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += (a[0] - ox) * (b[1] - oy) - (b[0] - ox) * (a[1] - oy);
  }
  return sum;
}

/** Sign of the turn a → b → c: > 0 left (counter-clockwise), < 0 right, 0 collinear. */
function orient(a: XY, b: XY, c: XY): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: XY, b: XY, p: XY): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

/** Whether segments ab and cd share any point (touching counts). */
function segmentsMeet(a: XY, b: XY, c: XY, d: XY): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/**
 * Whether a ring crosses or touches itself (other than neighbouring edges at their shared
 * vertex). Sort-and-sweep on x, so long rings stay near O(n log n).
 */
export function selfIntersects(ring: readonly XY[]): boolean {
  const n = ring.length;
  if (n < 4) return false;
  const meets = (i: number, j: number): boolean => {
    const adjacent = Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1;
    return !adjacent && segmentsMeet(ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!);
  };
  if (n <= 32) {
    for (let i = 0; i < n; i++) for (let j = i + 2; j < n; j++) if (meets(i, j)) return true;
    return false;
  }
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = ring[i]![0];
    const b = ring[(i + 1) % n]![0];
    minX[i] = Math.min(a, b);
    maxX[i] = Math.max(a, b);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => minX[i]! - minX[j]!);
  const active = new Int32Array(n);
  let count = 0;
  for (const i of order) {
    // Drop segments that end left of this one (in place), test the rest.
    let kept = 0;
    for (let k = 0; k < count; k++) {
      const j = active[k]!;
      if (maxX[j]! < minX[i]!) continue;
      active[kept++] = j;
      if (meets(i, j)) return true;
    }
    active[kept++] = i;
    count = kept;
  }
  return false;
}

export { pointInRing } from '../../geo/planar';

/** A copy of the ring turned to the wanted orientation (counter-clockwise when `ccw`). */
export function orientRing<T extends XY>(ring: T[], ccw: boolean): T[] {
  const isCcw = signedArea(ring) > 0;
  return isCcw === ccw ? ring : ring.slice().reverse();
}
