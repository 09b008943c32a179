/**
 * "What applies here?": packed R-trees (Flatbush) over the bounding boxes of a plan's provision
 * polygons and plan boundaries, answering which plans and provisions contain a point (lon/lat,
 * degrees). Built where the plan is parsed (the plan worker), with memory and time linear in
 * the number of polygons however large or overlapping they are, and handed to the main thread
 * as transferable buffers.
 */
import Flatbush from 'flatbush';
import { pointInPolygon } from '../../geo/planar';
import type { PlanDocument, PlanInfo, Polygon, Provision } from '../../sources/plans/plan-document';

/**
 * A plan's index as plain data that `postMessage` can transfer: for provisions and for plan
 * boundaries, a Flatbush buffer (`null` when there is nothing to index) and, per box in the order
 * added, the item's index and its polygon's index.
 */
export interface PlanIndexData {
  provisions: ArrayBuffer | null;
  provisionRefs: Uint32Array;
  plans: ArrayBuffer | null;
  planRefs: Uint32Array;
}

/** Boxes of each item's polygons (outer rings), in a Flatbush, and which item and polygon each box is. */
function buildTree(items: readonly Polygon[][]): { tree: ArrayBuffer | null; refs: Uint32Array } {
  let count = 0;
  for (const polygons of items) for (const polygon of polygons) if (polygon[0] && polygon[0].length >= 3) count++;
  const refs = new Uint32Array(count * 2);
  if (count === 0) return { tree: null, refs };
  const tree = new Flatbush(count);
  items.forEach((polygons, item) => {
    polygons.forEach((polygon, p) => {
      const ring = polygon[0];
      if (!ring || ring.length < 3) return;
      let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
      for (const [lon, lat] of ring) {
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
      const box = tree.add(minLon, minLat, maxLon, maxLat);
      refs[2 * box] = item;
      refs[2 * box + 1] = p;
    });
  });
  tree.finish();
  return { tree: tree.data as ArrayBuffer, refs };
}

/** Builds the index of a parsed plan (in the plan worker, or in place where there is none). */
export function buildPlanIndex(doc: PlanDocument): PlanIndexData {
  const provisions = buildTree(doc.provisions.map((p) => p.geometry.polygons));
  const plans = buildTree(doc.plans.map((p) => p.boundary));
  return { provisions: provisions.tree, provisionRefs: provisions.refs, plans: plans.tree, planRefs: plans.refs };
}

/** The transferable buffers of an index, for `postMessage`. */
export function transferablesOfIndex(data: PlanIndexData): ArrayBuffer[] {
  return [data.provisions, data.plans, data.provisionRefs.buffer as ArrayBuffer, data.planRefs.buffer as ArrayBuffer].filter((b): b is ArrayBuffer => b !== null);
}

/** Indices of the items whose polygons contain the point, ascending, each once. */
function query(tree: Flatbush | null, refs: Uint32Array, polygonsOf: (item: number) => Polygon[], lon: number, lat: number): number[] {
  if (!tree) return [];
  const found = new Set<number>();
  for (const box of tree.search(lon, lat, lon, lat)) {
    const item = refs[2 * box]!;
    if (found.has(item)) continue;
    const polygon = polygonsOf(item)[refs[2 * box + 1]!];
    if (polygon && pointInPolygon([lon, lat], polygon)) found.add(item);
  }
  return [...found].sort((a, b) => a - b);
}

const KIND_RANK: Record<Provision['kind'], number> = { användning: 0, egenskap: 1, administrativ: 2 };

export class PlanIndex {
  private readonly provisionTree: Flatbush | null;
  private readonly planTree: Flatbush | null;

  /** @param data the index built with `buildPlanIndex` (in the worker); built here when not given */
  constructor(
    private readonly doc: PlanDocument,
    private readonly data: PlanIndexData = buildPlanIndex(doc),
  ) {
    this.provisionTree = data.provisions ? Flatbush.from(data.provisions) : null;
    this.planTree = data.plans ? Flatbush.from(data.plans) : null;
  }

  /** Plans whose boundary contains the point, and the provisions that apply there (use first, then property, then administrative; in file order within each). */
  at(lon: number, lat: number): { plans: PlanInfo[]; provisions: Provision[] } {
    const { doc, data } = this;
    const provisions = query(this.provisionTree, data.provisionRefs, (i) => doc.provisions[i]!.geometry.polygons, lon, lat)
      .map((i) => doc.provisions[i]!)
      .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    const plans = query(this.planTree, data.planRefs, (i) => doc.plans[i]!.boundary, lon, lat).map((i) => doc.plans[i]!);
    return { plans, provisions };
  }
}
