/**
 * "What applies here?": a uniform grid over the bounding boxes of a plan's areas, answering
 * which plans and provisions contain a point (lon/lat, degrees) without scanning them all.
 */
import { pointInPolygon } from '../../geo/planar';
import type { PlanDocument, PlanInfo, Polygon, Provision } from '../../sources/plans/plan-document';

interface Entry<T> {
  item: T;
  polygon: Polygon;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}


class GridIndex<T> {
  private readonly cells = new Map<number, Entry<T>[]>();
  private readonly minLon: number;
  private readonly minLat: number;
  private readonly cellLon: number;
  private readonly cellLat: number;
  private readonly cols: number;
  private readonly rows: number;

  constructor(entries: Entry<T>[]) {
    let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
    for (const e of entries) {
      minLon = Math.min(minLon, e.minLon);
      minLat = Math.min(minLat, e.minLat);
      maxLon = Math.max(maxLon, e.maxLon);
      maxLat = Math.max(maxLat, e.maxLat);
    }
    // about one entry per cell
    const side = Math.max(1, Math.ceil(Math.sqrt(entries.length)));
    this.minLon = minLon;
    this.minLat = minLat;
    this.cols = side;
    this.rows = side;
    this.cellLon = Math.max((maxLon - minLon) / side, 1e-9);
    this.cellLat = Math.max((maxLat - minLat) / side, 1e-9);
    for (const e of entries) {
      const [c0, r0] = this.cell(e.minLon, e.minLat);
      const [c1, r1] = this.cell(e.maxLon, e.maxLat);
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          const key = r * this.cols + c;
          let list = this.cells.get(key);
          if (!list) this.cells.set(key, (list = []));
          list.push(e);
        }
      }
    }
  }

  private cell(lon: number, lat: number): [number, number] {
    const c = Math.min(this.cols - 1, Math.max(0, Math.floor((lon - this.minLon) / this.cellLon)));
    const r = Math.min(this.rows - 1, Math.max(0, Math.floor((lat - this.minLat) / this.cellLat)));
    return [c, r];
  }

  query(lon: number, lat: number, out: T[]): T[] {
    if (!(lon >= this.minLon && lat >= this.minLat && lon <= this.minLon + this.cellLon * this.cols && lat <= this.minLat + this.cellLat * this.rows)) return out;
    const [c, r] = this.cell(lon, lat);
    for (const e of this.cells.get(r * this.cols + c) ?? []) {
      if (lon < e.minLon || lon > e.maxLon || lat < e.minLat || lat > e.maxLat) continue;
      if (pointInPolygon([lon, lat], e.polygon) && !out.includes(e.item)) out.push(e.item);
    }
    return out;
  }
}

function entriesOf<T>(item: T, polygons: Polygon[]): Entry<T>[] {
  return polygons
    .filter((polygon) => polygon[0] && polygon[0].length >= 3)
    .map((polygon) => {
      let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
      for (const [lon, lat] of polygon[0]!) {
        minLon = Math.min(minLon, lon);
        minLat = Math.min(minLat, lat);
        maxLon = Math.max(maxLon, lon);
        maxLat = Math.max(maxLat, lat);
      }
      return { item, polygon, minLon, minLat, maxLon, maxLat };
    });
}

const KIND_RANK: Record<Provision['kind'], number> = { användning: 0, egenskap: 1, administrativ: 2 };

export class PlanIndex {
  private readonly provisions: GridIndex<Provision>;
  private readonly plans: GridIndex<PlanInfo>;

  constructor(doc: PlanDocument) {
    this.provisions = new GridIndex(doc.provisions.flatMap((p) => entriesOf(p, p.geometry.polygons)));
    this.plans = new GridIndex(doc.plans.flatMap((p) => entriesOf(p, p.boundary)));
  }

  /** Plans whose boundary contains the point, and the provisions that apply there (use first, then property, then administrative). */
  at(lon: number, lat: number): { plans: PlanInfo[]; provisions: Provision[] } {
    const provisions = this.provisions.query(lon, lat, []).sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    return { plans: this.plans.query(lon, lat, []), provisions };
  }
}
