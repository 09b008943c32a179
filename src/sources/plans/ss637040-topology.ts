/**
 * SS 637040 areas (`DP_Omrade`) from their boundary curves: each area lists `plus` (curve in its
 * own direction) and `minus` (reversed) references to `DP_Grans` lines. The directed edges are
 * joined end to start into closed rings; rings are then sorted into outer rings and holes by
 * containment. Coordinates are planar `[easting, northing]`, metres.
 */
import { pointInRing, signedArea, type XY } from './ring-checks';

export interface DirectedEdge {
  /** The curve's id, for messages. */
  id: string;
  points: XY[];
}

export interface AssembledArea {
  /** Outer ring first, then its holes; each ring ends where it starts (closing point repeated). */
  polygons: XY[][][];
  /** Problems, one sentence each (edges left over, edges used reversed). */
  problems: string[];
}

/** Vertices closer than this (metres) are the same node. */
const NODE_GRID = 1e-3;

function key(p: XY): string {
  return `${Math.round(p[0] / NODE_GRID)},${Math.round(p[1] / NODE_GRID)}`;
}

/**
 * Joins directed edges into closed rings. Where no edge starts at a ring's loose end, an edge
 * ending there is used reversed (the file's plus/minus was inconsistent) and reported.
 * Linear in the number of edges.
 */
export function assembleRings(edges: readonly DirectedEdge[]): { rings: XY[][]; problems: string[] } {
  const problems: string[] = [];
  const byStart = new Map<string, number[]>();
  const byEnd = new Map<string, number[]>();
  edges.forEach((e, i) => {
    if (e.points.length < 2) return;
    const s = key(e.points[0]!);
    const t = key(e.points[e.points.length - 1]!);
    (byStart.get(s) ?? byStart.set(s, []).get(s)!).push(i);
    (byEnd.get(t) ?? byEnd.set(t, []).get(t)!).push(i);
  });
  const used = new Uint8Array(edges.length);
  const take = (list: number[] | undefined): number | undefined => {
    if (!list) return undefined;
    while (list.length > 0) {
      const i = list.pop()!;
      if (!used[i]) return i;
    }
    return undefined;
  };
  const rings: XY[][] = [];
  for (let first = 0; first < edges.length; first++) {
    if (used[first] || edges[first]!.points.length < 2) continue;
    used[first] = 1;
    const ring: XY[] = edges[first]!.points.slice();
    const startKey = key(ring[0]!);
    const ids = [edges[first]!.id];
    let closed = key(ring[ring.length - 1]!) === startKey;
    while (!closed) {
      const endKey = key(ring[ring.length - 1]!);
      let next = take(byStart.get(endKey));
      let points: XY[] | undefined;
      if (next !== undefined) points = edges[next]!.points;
      else {
        next = take(byEnd.get(endKey));
        if (next !== undefined) {
          points = edges[next]!.points.slice().reverse();
          problems.push(`Boundary line ${edges[next]!.id} runs against the direction its plus/minus reference gives; it was used reversed.`);
        }
      }
      if (next === undefined || !points) break;
      used[next] = 1;
      ids.push(edges[next]!.id);
      for (let k = 1; k < points.length; k++) ring.push(points[k]!);
      closed = key(ring[ring.length - 1]!) === startKey;
    }
    if (closed) {
      ring[ring.length - 1] = ring[0]!;
      rings.push(ring);
    } else {
      const end = ring[ring.length - 1]!;
      const what = ids.length === 1 ? `Boundary line ${ids[0]} does not` : `Boundary lines ${ids.join(', ')} do not`;
      problems.push(`${what} close into a ring (loose end at E ${end[0].toFixed(2)}, N ${end[1].toFixed(2)}); left out.`);
    }
  }
  return { rings, problems };
}

/**
 * Closed rings → polygons: the largest rings not inside another are outer rings, rings inside
 * an outer ring are its holes, islands inside holes are outer rings again.
 */
export function ringsToPolygons(rings: readonly XY[][]): XY[][][] {
  const items = rings.map((ring) => ({ ring, area: Math.abs(signedArea(ring)), depth: 0, parent: -1 })).sort((a, b) => b.area - a.area);
  for (let i = 0; i < items.length; i++) {
    const probe = interiorProbe(items[i]!.ring);
    // The smallest larger ring that contains this one is its parent.
    for (let j = i - 1; j >= 0; j--) {
      if (pointInRing(probe, items[j]!.ring)) {
        items[i]!.parent = j;
        items[i]!.depth = items[j]!.depth + 1;
        break;
      }
    }
  }
  const polygons: XY[][][] = [];
  const polygonOf = new Map<number, XY[][]>();
  items.forEach((item, i) => {
    if (item.depth % 2 === 0) {
      const poly = [item.ring];
      polygonOf.set(i, poly);
      polygons.push(poly);
    } else {
      polygonOf.get(item.parent)?.push(item.ring);
    }
  });
  return polygons;
}

/** A point just inside a ring near its first edge (so rings sharing vertices are told apart). */
function interiorProbe(ring: readonly XY[]): XY {
  const a = ring[0]!;
  const b = ring[1]!;
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  // Left normal for counter-clockwise rings, right for clockwise.
  const side = signedArea(ring) > 0 ? 1 : -1;
  const step = Math.min(1e-3, len / 4);
  return [mx - ((b[1] - a[1]) / len) * step * side, my + ((b[0] - a[0]) / len) * step * side];
}
