/**
 * Where a plan map writes its symbols: one label per area of a use (B, C, GATA, PARK…) or of a
 * property with a designation (h1, e1…), at the point of the area farthest from its edges.
 * Pure TypeScript, run in the worker with the rest of the plan geometry.
 */
import { createSceneFrame, type GeoOrigin } from '../../geo';
import { pointInPolygon } from '../../geo/planar';
import type { PlanDocument, Polygon } from '../../sources/plans/plan-document';

export interface PlanLabels {
  /** The distinct label texts; `text[i]` indexes into it. */
  texts: string[];
  /** Anchor of each label in the scene frame, metres (x, y, z). */
  anchors: Float32Array;
  /** Index into `texts` per label. */
  text: Uint16Array;
  /** Distance from each anchor to its area's nearest edge, metres (labels of small areas hide when far). */
  clearance: Float32Array;
}

/** Samples per side of the grid searched for a label point. */
const GRID = 9;

/** Distance from (x, y) to segment a–b in a local metric plane. */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
  return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** The grid point inside `polygon` farthest from its edges, in local metres east/north of the first vertex, with that distance. */
function labelPoint(polygon: Polygon): { lon: number; lat: number; clearance: number } | null {
  const [lon0, lat0] = polygon[0]![0]!;
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110_570;
  const rings = polygon.map((ring) => ring.map(([lon, lat]): [number, number] => [(lon - lon0) * kx, (lat - lat0) * ky]));
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of rings[0]!) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  let best: { x: number; y: number; d: number } | null = null;
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const x = minX + ((maxX - minX) * (i + 0.5)) / GRID;
      const y = minY + ((maxY - minY) * (j + 0.5)) / GRID;
      if (!pointInPolygon([x, y], rings)) continue;
      let d = Infinity;
      for (const r of rings) {
        for (let a = 0, b = r.length - 1; a < r.length; b = a++) d = Math.min(d, segmentDistance(x, y, r[b]![0], r[b]![1], r[a]![0], r[a]![1]));
      }
      if (!best || d > best.d) best = { x, y, d };
    }
  }
  return best && { lon: lon0 + best.x / kx, lat: lat0 + best.y / ky, clearance: best.d };
}

/**
 * Labels of a plan, `lift` metres above the ground height (so the ground does not hide them).
 * Symbols of areas with the same label point (a use and the properties over the same area) are
 * written together, use first, as a plan map does ("B e1 h1").
 */
export function buildPlanLabels(doc: PlanDocument, origin: GeoOrigin, groundHeight: number, lift = 1.5): PlanLabels {
  const frame = createSceneFrame(origin);
  const byPoint = new Map<string, { lon: number; lat: number; clearance: number; use: string[]; props: string[] }>();
  for (const prov of doc.provisions) {
    const label = prov.kind === 'användning' ? (prov.designation ?? prov.useCode) : prov.kind === 'egenskap' ? prov.designation : undefined;
    if (!label) continue;
    for (const polygon of prov.geometry.polygons) {
      const at = labelPoint(polygon);
      if (!at) continue;
      const key = `${at.lon.toFixed(5)},${at.lat.toFixed(5)}`;
      let entry = byPoint.get(key);
      if (!entry) byPoint.set(key, (entry = { ...at, use: [], props: [] }));
      const list = prov.kind === 'användning' ? entry.use : entry.props;
      if (!list.includes(label)) list.push(label);
    }
  }
  const texts: string[] = [];
  const index = new Map<string, number>();
  const anchors: number[] = [];
  const text: number[] = [];
  const clearance: number[] = [];
  const p: [number, number, number] = [0, 0, 0];
  for (const entry of byPoint.values()) {
    const label = [...entry.use, ...entry.props].join(' ');
    let t = index.get(label);
    if (t === undefined) {
      t = texts.length;
      texts.push(label);
      index.set(label, t);
    }
    frame.toLocal(entry.lon, entry.lat, groundHeight + lift, p);
    anchors.push(p[0], p[1], p[2]);
    text.push(t);
    clearance.push(entry.clearance);
  }
  return { texts, anchors: Float32Array.from(anchors), text: Uint16Array.from(text), clearance: Float32Array.from(clearance) };
}
