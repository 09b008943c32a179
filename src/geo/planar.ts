/** Plane geometry on coordinate pairs (any units, e.g. lon/lat degrees or metres). */

/** Whether `p` lies inside `ring` (even-odd rule; points on the boundary are undefined). */
export function pointInRing(p: readonly [number, number], ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Whether `p` lies inside a polygon given as its outer ring then its holes (even-odd over all rings). */
export function pointInPolygon(p: readonly [number, number], rings: readonly (readonly (readonly [number, number])[])[]): boolean {
  let inside = false;
  for (const ring of rings) if (pointInRing(p, ring)) inside = !inside;
  return inside;
}
