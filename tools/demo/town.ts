/**
 * Layout of the synthetic Härnösand district, in metres in the east-north-up frame at
 * the demo origin (x east, y north): a slightly rotated street grid of blocks north of the
 * strait "Södra sundet" (running west–east south of the centre, with quays on both sides),
 * a diagonal avenue cutting a few irregular blocks, some merged blocks, the library block at
 * the origin, a square with the town hall, a church, a school, a park, a harbour/industrial
 * strip, a vacant block (the proposal site) and villa blocks further out and south of the water.
 */
import {
  area,
  centroid,
  clipHalfPlanes,
  ensureCcw,
  leftOf,
  offsetPolyline,
  rotate2,
  type HalfPlane,
  type Polygon,
  type Vec2,
} from '../lib/geom2d';
import type { Rng } from '../lib/prng';

/** Half the side of the square demo area, metres (area is 1 km × 1 km). */
export const AREA_HALF = 500;
/** Water surface relative to the ground, metres (the quay edge is this high). */
export const WATER_LEVEL = -1.2;
/** Width of the stone quay strip along the shores, metres. */
export const QUAY_WIDTH = 3;

export type BlockKind =
  | 'perimeter'
  | 'villa'
  | 'industrial'
  | 'park'
  | 'green'
  | 'square'
  | 'library'
  | 'church'
  | 'school'
  | 'vacant';

export interface Block {
  index: number;
  /** CCW polygon. */
  polygon: Polygon;
  kind: BlockKind;
  side: 'north' | 'south';
  /** Ground name (parks, squares), empty otherwise. */
  name: string;
  /** Centroid distance from the origin, metres. */
  distance: number;
}

export interface TownLayout {
  /** Street grid rotation, radians counter-clockwise from east. */
  gridAngle: number;
  blocks: Block[];
  /** North shore (quay line), west → east, extended beyond the area. */
  northShore: Vec2[];
  /** South shore, west → east, extended beyond the area. */
  southShore: Vec2[];
  /**
   * The street grid's blocks before the diagonal avenue was cut through them (CCW; clipped
   * to the shores and the area like the blocks): the older town plan of the synthetic old map.
   */
  gridBlocks: { polygon: Polygon; side: 'north' | 'south' }[];
}

interface Line {
  pos: number;
  width: number;
}

function gridLines(rng: Rng, pitch: number, count: number, mainIndex: number): Line[] {
  // cell k spans lines k..k+1; line 0 is at −pitch/2 so that cell 0 is centred on the origin
  const lines: Line[] = [];
  for (let k = -count; k <= count + 1; k++) {
    const jitter = k === 0 || k === 1 ? rng.float(-2, 2) : rng.float(-7, 7);
    const width = k === mainIndex ? 22 : rng.weighted([
      [12, 2],
      [14, 5],
      [16, 2],
      [18, 1],
    ] as const);
    lines.push({ pos: (k - 0.5) * pitch + jitter, width });
  }
  return lines;
}

function sampleShore(fn: (x: number) => number): Vec2[] {
  const pts: Vec2[] = [];
  for (let x = -AREA_HALF - 80; x <= AREA_HALF + 80 + 1e-9; x += 40) pts.push([x, fn(x)]);
  return pts;
}

/** Half-planes keeping the land side (left) of a west→east polyline. */
function northOf(line: Vec2[]): HalfPlane[] {
  return line.slice(1).map((b, i) => leftOf(line[i]!, b));
}

/** Half-planes keeping the south side of a west→east polyline. */
function southOf(line: Vec2[]): HalfPlane[] {
  return line.slice(1).map((b, i) => leftOf(b, line[i]!));
}

export function generateTown(rng: Rng): TownLayout {
  const r = rng.fork('town');
  const gridAngle = 0.12 + r.float(-0.03, 0.03); // ≈ 7° counter-clockwise
  const northY = -205 + r.float(-8, 8);
  const northX = r.float(40, 120);
  const southY = -390 + r.float(-8, 8);
  const southX = r.float(-120, 0);
  // convex north shore and concave south shore: the land on either side is convex,
  // so blocks can be clipped against the shore's half-planes
  const northShore = sampleShore((x) => northY + 0.00009 * (x - northX) ** 2);
  const southShore = sampleShore((x) => southY - 0.00008 * (x - southX) ** 2);
  const northStreet = offsetPolyline(northShore, 18); // quay street on the north side
  const southStreet = offsetPolyline(southShore, -14);

  const m = 6; // margin from the area's edge
  const areaPlanes: HalfPlane[] = [
    { nx: -1, ny: 0, c: AREA_HALF - m },
    { nx: 1, ny: 0, c: AREA_HALF - m },
    { nx: 0, ny: -1, c: AREA_HALF - m },
    { nx: 0, ny: 1, c: AREA_HALF - m },
  ];
  const northPlanes = [...areaPlanes, ...northOf(northStreet)];
  const southPlanes = [...areaPlanes, ...southOf(southStreet)];

  const pitchU = 100;
  const pitchV = 88;
  const nU = 7;
  const nV = 7;
  const uLines = gridLines(r.fork('u'), pitchU, nU, nU + 1); // a wide street east of the centre
  const vLines = gridLines(r.fork('v'), pitchV, nV, nV + 1); // "Storgatan", north of the library

  const toWorld = (u: number, v: number): Vec2 => rotate2([u, v], gridAngle);
  const toGrid = (p: Vec2): Vec2 => rotate2(p, -gridAngle);
  const cellOf = (p: Vec2): [number, number] => {
    const [u, v] = toGrid(p);
    const i = uLines.findIndex((l, k) => k + 1 < uLines.length && u >= l.pos && u < uLines[k + 1]!.pos);
    const j = vLines.findIndex((l, k) => k + 1 < vLines.length && v >= l.pos && v < vLines[k + 1]!.pos);
    return [i, j];
  };

  // merged cells: (i, j) absorbs (i + 1, j), removing the street between them
  const merges = new Set<string>();
  const skip = new Set<string>();
  for (const target of [
    [-260, 250], // school
    [-215, -130], // park along the quay
    [390, -120], // harbour / industry
    [330, 330], // a large villa block
  ] as Vec2[]) {
    const [i, j] = cellOf(target);
    merges.add(`${i},${j}`);
    skip.add(`${i + 1},${j}`);
  }

  const cells: Polygon[] = [];
  for (let i = 0; i + 1 < uLines.length; i++) {
    for (let j = 0; j + 1 < vLines.length; j++) {
      if (skip.has(`${i},${j}`)) continue;
      const i2 = merges.has(`${i},${j}`) ? i + 2 : i + 1;
      const a = uLines[i]!;
      const b = uLines[Math.min(i2, uLines.length - 1)]!;
      const c = vLines[j]!;
      const d = vLines[j + 1]!;
      const u0 = a.pos + a.width / 2;
      const u1 = b.pos - b.width / 2;
      const v0 = c.pos + c.width / 2;
      const v1 = d.pos - d.width / 2;
      cells.push([toWorld(u0, v0), toWorld(u1, v0), toWorld(u1, v1), toWorld(u0, v1)]);
    }
  }

  // diagonal avenue from the north-west towards the square north of the library
  const avA: Vec2 = [-560, 470];
  const avB: Vec2 = [-40, 80];
  const avHalf = 8;
  const pieces: { polygon: Polygon; side: 'north' | 'south' }[] = [];
  const gridBlocks: { polygon: Polygon; side: 'north' | 'south' }[] = [];
  for (const cell of cells) {
    const n = clipHalfPlanes(cell, northPlanes);
    if (n.length && area(n) >= 600) gridBlocks.push({ polygon: ensureCcw(n), side: 'north' });
    const south = clipHalfPlanes(cell, southPlanes);
    if (south.length && area(south) >= 600) gridBlocks.push({ polygon: ensureCcw(south), side: 'south' });
    if (n.length) {
      const cx = centroid(n)[0];
      if (cx < -60) {
        for (const h of [leftOf(avA, avB, avHalf), leftOf(avB, avA, avHalf)]) {
          const part = clipHalfPlanes(n, [h]);
          if (part.length) pieces.push({ polygon: part, side: 'north' });
        }
      } else {
        pieces.push({ polygon: n, side: 'north' });
      }
    }
    const s = clipHalfPlanes(cell, southPlanes);
    if (s.length) pieces.push({ polygon: s, side: 'south' });
  }

  const blocks: Block[] = [];
  for (const p of pieces) {
    const a = area(p.polygon);
    if (a < 600) continue;
    const c = centroid(p.polygon);
    blocks.push({
      index: blocks.length,
      polygon: ensureCcw(p.polygon),
      kind: 'villa',
      side: p.side,
      name: '',
      distance: Math.hypot(c[0], c[1]),
    });
  }

  // special blocks: the north block nearest each target point
  const taken = new Set<number>();
  const claim = (target: Vec2, kind: BlockKind, name: string, minArea = 2500, rectangular = false): Block | undefined => {
    let best: Block | undefined;
    let bestD = Infinity;
    for (const b of blocks) {
      if (b.side !== 'north' || taken.has(b.index) || area(b.polygon) < minArea) continue;
      if (rectangular && b.polygon.length !== 4) continue;
      const c = centroid(b.polygon);
      const d = Math.hypot(c[0] - target[0], c[1] - target[1]);
      if (d < bestD) {
        bestD = d;
        best = b;
      }
    }
    if (best) {
      best.kind = kind;
      best.name = name;
      taken.add(best.index);
    }
    return best;
  };
  claim([0, 0], 'library', 'Biblioteksplan');
  claim([0, 100], 'square', 'Stora torget');
  claim([170, 150], 'church', 'Domkyrkoparken');
  claim([-260, 250], 'school', 'Katedralskolans skolgård', 5000);
  claim([-215, -130], 'park', 'Strandparken', 5000);
  // the proposal site: an unclipped block by the water, large enough for 10–20 buildings
  claim([210, -110], 'vacant', 'Kvarteret Sundsbryggan (planområde)', 5500, true) ??
    claim([210, -110], 'vacant', 'Kvarteret Sundsbryggan (planområde)', 4000);

  for (const b of blocks) {
    if (taken.has(b.index)) continue;
    const c = centroid(b.polygon);
    const a = area(b.polygon);
    if (b.side === 'south') b.kind = a < 1200 ? 'green' : 'villa';
    else if (c[0] > 300 && c[1] < 40) b.kind = 'industrial';
    else if ((c[0] / 340) ** 2 + (c[1] / 300) ** 2 < 1) b.kind = a < 1100 ? 'green' : 'perimeter';
    else b.kind = a < 1200 ? 'green' : 'villa';
  }
  return { gridAngle, blocks, northShore, southShore, gridBlocks };
}
