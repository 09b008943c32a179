/**
 * Buildings of the synthetic district: perimeter blocks (row houses along the block edges
 * around a courtyard, 2–6 storeys, gabled or flat), detached villas (1–2 storeys, mostly
 * gabled, sometimes with a garage), harbour/industrial halls, and the named civic buildings.
 * Storey height is 3.2 m; `height` is the top of the building (ridge or spire) above ground.
 */
import type { Rgb } from '../lib/color';
import { shade } from '../lib/color';
import { partTop, type BuildingPart, type RoofShape } from '../lib/extrude';
import {
  area,
  centroid,
  convexOverlap,
  dist2,
  lerp2,
  offsetConvex,
  orientedRect,
  polygonInside,
  rotate2,
  type Polygon,
  type Vec2,
} from '../lib/geom2d';
import type { Rng } from '../lib/prng';
import { PLINTH, ROOF, WALL } from './palette';
import type { Block, TownLayout } from './town';

export const STOREY_HEIGHT = 3.2;

export type BuildingUse = 'bostad' | 'centrum' | 'skola' | 'kyrka' | 'bibliotek' | 'kontor' | 'industri';

export interface Building {
  id: string;
  name: string;
  use: BuildingUse;
  storeys: number;
  /** Top of the building above the ground, metres. */
  height: number;
  yearBuilt: number;
  parts: BuildingPart[];
  /** Named civic landmark (kept in the coarsest tile). */
  civic: boolean;
  /** Footprint centroid of the main part (tiling key). */
  anchor: Vec2;
}

type Draft = Omit<Building, 'id' | 'height' | 'anchor'>;

const PLINTH_HEIGHT = 0.6;

function roofRise(depth: number, pitchDeg: number): number {
  return (depth / 2) * Math.tan((pitchDeg * Math.PI) / 180);
}

/** Slight per-building brightness variation so neighbours are not identical. */
function vary(rng: Rng, c: Rgb, amount = 0.06): Rgb {
  return shade(c, 1 + rng.float(-amount, amount));
}

function bands(use: BuildingUse, wall: Rgb): BuildingPart['bands'] {
  const out: NonNullable<BuildingPart['bands']> = [{ from: 0, color: PLINTH }];
  if (use === 'centrum') {
    // darker shop-front ground floor
    out.push({ from: PLINTH_HEIGHT, color: shade(wall, 0.62) });
    out.push({ from: STOREY_HEIGHT + 0.4, color: wall });
  } else {
    out.push({ from: PLINTH_HEIGHT, color: wall });
  }
  return out;
}

function quadDepth(q: Polygon): number {
  // distance between the front edge (q0→q1) midpoint and the back edge (q2→q3) midpoint
  return dist2(lerp2(q[0]!, q[1]!, 0.5), lerp2(q[2]!, q[3]!, 0.5));
}

/** Rotates a rectangle's vertex list so that its first edge is the long side (ridge direction). */
function longSideFirst(rect: Polygon): Polygon {
  return dist2(rect[0]!, rect[1]!) >= dist2(rect[1]!, rect[2]!) ? rect : [rect[1]!, rect[2]!, rect[3]!, rect[0]!];
}

// ---------------------------------------------------------------- perimeter blocks

function perimeterBlock(block: Block, rng: Rng, out: Draft[]): void {
  const poly = block.polygon;
  const central = block.distance < 170;
  const baseStoreys = central ? rng.int(3, 5) : block.distance < 260 ? rng.int(2, 4) : rng.int(2, 3);
  const gabledBlock = rng.chance(central ? 0.6 : 0.7);
  // ring of lots `depth` deep along the block edges; thin blocks get shallower lots
  // (back to back), and only small leftovers become a single building
  let depth = rng.float(10, 13);
  let inner: Polygon | null = null;
  for (const d of [depth, 9, 7.5]) {
    inner = offsetConvex(poly, d);
    if (inner && area(inner) > 4) {
      depth = d;
      break;
    }
    inner = null;
  }

  if (!inner) {
    if (area(poly) > 1500) return; // odd sliver: leave it as open ground
    const shrunk = offsetConvex(poly, 1.5) ?? poly;
    const storeys = Math.max(1, Math.min(6, baseStoreys + rng.int(-1, 0)));
    const use = pickPerimeterUse(rng, central);
    const wall = vary(rng, pickWall(rng, use));
    const quad = shrunk.length === 4 && quadDepth(shrunk) < 22;
    out.push({
      name: '',
      use,
      storeys,
      yearBuilt: rng.int(1890, 2015),
      civic: false,
      parts: [
        {
          footprint: shrunk,
          base: 0,
          eave: storeys * STOREY_HEIGHT,
          roof: quad ? { kind: 'gable', rise: roofRise(quadDepth(shrunk), 30) } : { kind: 'flat' },
          wallColor: wall,
          bands: bands(use, wall),
          roofColor: quad ? pickRoof(rng, true) : vary(rng, ROOF.flatGrey),
        },
      ],
    });
    return;
  }

  const n = poly.length;
  for (let e = 0; e < n; e++) {
    const P0 = poly[e]!;
    const P1 = poly[(e + 1) % n]!;
    const Q0 = inner[e]!;
    const Q1 = inner[(e + 1) % n]!;
    const len = dist2(P0, P1);
    if (len < 14) continue;
    const dir: Vec2 = [(P1[0] - P0[0]) / len, (P1[1] - P0[1]) / len];
    // parameters of the inner corners projected on the street edge
    const a = (Q0[0] - P0[0]) * dir[0] + (Q0[1] - P0[1]) * dir[1];
    const b = (Q1[0] - P0[0]) * dir[0] + (Q1[1] - P0[1]) * dir[1];
    const innerAt = (s: number): Vec2 => [Q0[0] + (s - a) * dir[0], Q0[1] + (s - a) * dir[1]];
    // lot boundaries (street-perpendicular) strictly between the mitred corners
    const cuts: number[] = [];
    let s = Math.max(a, 0) + rng.float(8, 16);
    while (s < Math.min(b, len) - 8) {
      cuts.push(s);
      s += rng.float(11, 22);
    }
    const bounds = [0, ...cuts, len];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const s0 = bounds[k]!;
      const s1 = bounds[k + 1]!;
      const corner = k === 0 || k === bounds.length - 2;
      if (!corner && rng.chance(0.07)) continue; // gateway into the courtyard
      const o0 = lerp2(P0, P1, s0 / len);
      const o1 = lerp2(P0, P1, s1 / len);
      const i0 = k === 0 ? Q0 : innerAt(s0);
      const i1 = k === bounds.length - 2 ? Q1 : innerAt(s1);
      const quad: Polygon = [o0, o1, i1, i0];
      if (area(quad) < 40) continue;
      const storeys = Math.max(1, Math.min(6, baseStoreys + rng.weighted([[-1, 2], [0, 5], [1, 2]] as const)));
      const gabled = gabledBlock ? rng.chance(0.85) : rng.chance(0.2);
      const use = pickPerimeterUse(rng, central);
      const wall = vary(rng, pickWall(rng, use));
      const roof: RoofShape = gabled ? { kind: 'gable', rise: roofRise(depth, rng.float(27, 38)) } : { kind: 'flat' };
      out.push({
        name: '',
        use,
        storeys,
        yearBuilt: gabled ? rng.int(1858, 1938) : rng.int(1948, 2019),
        civic: false,
        parts: [
          {
            footprint: quad,
            base: 0,
            eave: storeys * STOREY_HEIGHT,
            roof,
            wallColor: wall,
            bands: bands(use, wall),
            roofColor: gabled ? pickRoof(rng, true) : vary(rng, ROOF.flatGrey),
          },
        ],
      });
    }
  }
}

function pickPerimeterUse(rng: Rng, central: boolean): BuildingUse {
  return central
    ? rng.weighted([['centrum', 45], ['bostad', 35], ['kontor', 20]] as const)
    : rng.weighted([['bostad', 75], ['centrum', 15], ['kontor', 10]] as const);
}

function pickWall(rng: Rng, use: BuildingUse): Rgb {
  switch (use) {
    case 'centrum':
      return rng.weighted([[WALL.ochre, 3], [WALL.paleYellow, 3], [WALL.offWhite, 2], [WALL.warmGrey, 1], [WALL.faluRed, 1]] as const);
    case 'kontor':
      return rng.weighted([[WALL.lightGrey, 3], [WALL.offWhite, 2], [WALL.paleBlue, 1], [WALL.concrete, 1]] as const);
    case 'industri':
      return rng.weighted([[WALL.lightGrey, 3], [WALL.paleBlue, 2], [WALL.faluRed, 2], [WALL.concrete, 2]] as const);
    default:
      return rng.weighted([
        [WALL.faluRed, 3],
        [WALL.ochre, 2],
        [WALL.paleYellow, 2],
        [WALL.offWhite, 3],
        [WALL.lightGrey, 1],
        [WALL.sage, 1],
      ] as const);
  }
}

function pickRoof(rng: Rng, gabled: boolean): Rgb {
  return gabled
    ? vary(rng, rng.weighted([[ROOF.darkGrey, 4], [ROOF.black, 2], [ROOF.tileRed, 3], [ROOF.brownTile, 1]] as const), 0.05)
    : vary(rng, ROOF.flatGrey, 0.05);
}

// ---------------------------------------------------------------- villas

function villaBlock(block: Block, angle: number, rng: Rng, out: Draft[]): void {
  const poly = block.polygon;
  const inset = offsetConvex(poly, 1) ?? poly;
  const local = poly.map((p) => rotate2(p, -angle));
  let u0 = Infinity;
  let u1 = -Infinity;
  let v0 = Infinity;
  let v1 = -Infinity;
  for (const [u, v] of local) {
    u0 = Math.min(u0, u);
    u1 = Math.max(u1, u);
    v0 = Math.min(v0, v);
    v1 = Math.max(v1, v);
  }
  const depthV = v1 - v0;
  const rows: { vFront: number; dirV: 1 | -1; lotDepth: number }[] =
    depthV >= 44
      ? [
          { vFront: v0, dirV: 1, lotDepth: depthV / 2 },
          { vFront: v1, dirV: -1, lotDepth: depthV / 2 },
        ]
      : [{ vFront: v0, dirV: 1, lotDepth: depthV }];
  const placed: Polygon[] = [];
  for (const row of rows) {
    let u = u0 + rng.float(1, 4);
    while (u < u1 - 12) {
      const lotW = rng.float(19, 27);
      const w = Math.min(rng.float(8.5, 13), lotW - 6);
      const d = Math.min(rng.float(7, 10), row.lotDepth - 9);
      const setback = rng.float(5, 8);
      if (d >= 6 && w >= 6 && !rng.chance(0.08)) {
        const cu = u + lotW / 2 + rng.float(-1.5, 1.5);
        const cv = row.vFront + row.dirV * (setback + d / 2);
        const house = longSideFirst(orientedRect(rotate2([cu, cv], angle), w / 2, d / 2, angle));
        if (polygonInside(house, inset) && !placed.some((p) => convexOverlap(p, house, 2))) {
          placed.push(house);
          const storeys = rng.weighted([[1, 45], [2, 55]] as const);
          const gabled = rng.chance(0.85);
          const wall = vary(rng, pickWall(rng, 'bostad'));
          const hd = Math.min(dist2(house[1]!, house[2]!), dist2(house[0]!, house[1]!));
          const parts: BuildingPart[] = [
            {
              footprint: house,
              base: 0,
              eave: storeys * STOREY_HEIGHT,
              roof: gabled ? { kind: 'gable', rise: roofRise(hd, rng.float(27, 40)) } : { kind: 'flat' },
              wallColor: wall,
              bands: [
                { from: 0, color: PLINTH },
                { from: 0.5, color: wall },
              ],
              roofColor: pickRoof(rng, gabled),
            },
          ];
          if (rng.chance(0.3)) {
            // garage beside the house, towards the lot's free side
            const side = rng.chance(0.5) ? 1 : -1;
            const gu = cu + side * (w / 2 + 1 + 2.6);
            const gv = row.vFront + row.dirV * (setback + 1 + 3.2);
            const garage = orientedRect(rotate2([gu, gv], angle), 2.6, 3.2, angle);
            if (polygonInside(garage, inset) && !placed.some((p) => convexOverlap(p, garage, 1))) {
              placed.push(garage);
              parts.push({
                footprint: garage,
                base: 0,
                eave: 2.7,
                roof: { kind: 'flat' },
                wallColor: shade(wall, 0.92),
                roofColor: vary(rng, ROOF.darkGrey),
              });
            }
          }
          out.push({ name: '', use: 'bostad', storeys, yearBuilt: rng.int(1905, 2018), civic: false, parts });
        }
      }
      u += lotW;
    }
  }
}

// ---------------------------------------------------------------- harbour / industry

function industrialBlock(block: Block, angle: number, rng: Rng, out: Draft[]): void {
  const inset = offsetConvex(block.polygon, 3) ?? block.polygon;
  const c = centroid(block.polygon);
  const placed: Polygon[] = [];
  const target = Math.max(1, Math.round(area(block.polygon) / 1800));
  for (let attempt = 0; attempt < 60 && placed.length < target; attempt++) {
    const w = rng.float(24, 60);
    const d = rng.float(16, 32);
    const p: Vec2 = [c[0] + rng.float(-60, 60), c[1] + rng.float(-50, 50)];
    const hall = longSideFirst(orientedRect(p, w / 2, d / 2, angle));
    if (!polygonInside(hall, inset) || placed.some((q) => convexOverlap(q, hall, 6))) continue;
    placed.push(hall);
    const warehouse = rng.chance(0.35); // old falu-red harbour warehouse with a steep roof
    const storeys = warehouse ? rng.int(2, 3) : rng.int(1, 2);
    const wall = warehouse ? vary(rng, WALL.faluRed) : vary(rng, pickWall(rng, 'industri'));
    const hd = Math.min(w, d);
    out.push({
      name: '',
      use: 'industri',
      storeys,
      yearBuilt: warehouse ? rng.int(1880, 1930) : rng.int(1946, 1992),
      civic: false,
      parts: [
        {
          footprint: hall,
          base: 0,
          eave: storeys * STOREY_HEIGHT,
          roof: { kind: 'gable', rise: warehouse ? roofRise(hd, 35) : roofRise(hd, 8) },
          wallColor: wall,
          bands: [
            { from: 0, color: PLINTH },
            { from: 0.4, color: wall },
          ],
          roofColor: warehouse ? vary(rng, ROOF.black) : vary(rng, ROOF.lightFlat),
        },
      ],
    });
  }
}

// ---------------------------------------------------------------- civic buildings

/** A rectangle in the grid frame of a block: centre offset (u, v) from `origin`, size w × d. */
function gridRect(origin: Vec2, angle: number, u: number, v: number, w: number, d: number): Polygon {
  return orientedRect([origin[0] + Math.cos(angle) * u - Math.sin(angle) * v, origin[1] + Math.sin(angle) * u + Math.cos(angle) * v], w / 2, d / 2, angle);
}

function library(_block: Block, angle: number, out: Draft[]): void {
  // Sambiblioteket: a long three-storey glazed volume and a lower reading-room wing,
  // centred at the demo origin
  const o: Vec2 = [0, 0];
  const main = gridRect(o, angle, 0, 4, 56, 24);
  const wing = gridRect(o, angle, 16, -14, 22, 14);
  const wall = WALL.offWhite;
  out.push({
    name: 'Sambiblioteket',
    use: 'bibliotek',
    storeys: 3,
    yearBuilt: 2000,
    civic: true,
    parts: [
      {
        footprint: main,
        base: 0,
        eave: 3 * STOREY_HEIGHT + 0.8,
        roof: { kind: 'flat' },
        wallColor: wall,
        bands: [
          { from: 0, color: PLINTH },
          { from: 0.3, color: WALL.glass },
          { from: STOREY_HEIGHT + 0.6, color: wall },
          { from: 2 * STOREY_HEIGHT + 0.6, color: WALL.glass },
          { from: 3 * STOREY_HEIGHT - 0.2, color: wall },
        ],
        roofColor: ROOF.flatGrey,
      },
      {
        footprint: wing,
        base: 0,
        eave: STOREY_HEIGHT + 1.4,
        roof: { kind: 'flat' },
        wallColor: WALL.lightGrey,
        bands: [
          { from: 0, color: PLINTH },
          { from: 0.3, color: WALL.glass },
          { from: STOREY_HEIGHT + 0.4, color: WALL.lightGrey },
        ],
        roofColor: ROOF.lightFlat,
      },
    ],
  });
}

function townHall(block: Block, angle: number, out: Draft[]): void {
  // Rådhuset on the north side of Stora torget
  const c = centroid(block.polygon);
  const [, vHalf] = halfExtents(block, angle);
  const v = vHalf - 12;
  const body = gridRect(c, angle, 0, v, 36, 16);
  const turret = gridRect(c, angle, 0, v, 5, 5);
  const wall = WALL.ochre;
  out.push({
    name: 'Rådhuset',
    use: 'kontor',
    storeys: 3,
    yearBuilt: 1791,
    civic: true,
    parts: [
      {
        footprint: body,
        base: 0,
        eave: 3 * STOREY_HEIGHT,
        roof: { kind: 'gable', rise: roofRise(16, 32) },
        wallColor: wall,
        bands: [
          { from: 0, color: PLINTH },
          { from: 0.8, color: wall },
        ],
        roofColor: ROOF.black,
      },
      {
        footprint: turret,
        base: 3 * STOREY_HEIGHT,
        eave: 3 * STOREY_HEIGHT + roofRise(16, 32) + 3.2,
        roof: { kind: 'pyramid', rise: 5.5 },
        wallColor: WALL.offWhite,
        roofColor: ROOF.copper,
      },
    ],
  });
}

function church(block: Block, angle: number, out: Draft[]): void {
  // Härnösands domkyrka: white nave with a copper roof and a west tower with a spire
  const c = centroid(block.polygon);
  const naveLen = 42;
  const nave = gridRect(c, angle, 5, 0, naveLen, 19);
  const chancel = gridRect(c, angle, 5 + naveLen / 2 + 5, 0, 10, 13);
  const tower = gridRect(c, angle, 5 - naveLen / 2 - 4.5, 0, 9, 9);
  const towerEave = 34;
  out.push({
    name: 'Härnösands domkyrka',
    use: 'kyrka',
    storeys: 4,
    yearBuilt: 1846,
    civic: true,
    parts: [
      {
        footprint: nave,
        base: 0,
        eave: 4 * STOREY_HEIGHT,
        roof: { kind: 'gable', rise: roofRise(19, 38) },
        wallColor: WALL.churchWhite,
        bands: [
          { from: 0, color: PLINTH },
          { from: 0.9, color: WALL.churchWhite },
        ],
        roofColor: ROOF.copper,
      },
      {
        footprint: chancel,
        base: 0,
        eave: 3 * STOREY_HEIGHT,
        roof: { kind: 'pyramid', rise: 5 },
        wallColor: WALL.churchWhite,
        roofColor: ROOF.copper,
      },
      {
        footprint: tower,
        base: 0,
        eave: towerEave,
        roof: { kind: 'pyramid', rise: 19 },
        wallColor: WALL.churchWhite,
        bands: [
          { from: 0, color: PLINTH },
          { from: 0.9, color: WALL.churchWhite },
        ],
        roofColor: ROOF.copper,
      },
    ],
  });
}

function school(block: Block, angle: number, out: Draft[]): void {
  // Katedralskolan: an L of three-storey brick wings, and a sports hall
  const c = centroid(block.polygon);
  const [uHalf, vHalf] = halfExtents(block, angle);
  const wingA = gridRect(c, angle, -uHalf + 8 + 36, vHalf - 8 - 7, 72, 14);
  const wingB = gridRect(c, angle, -uHalf + 8 + 7, vHalf - 8 - 14 - 20, 14, 40);
  const wall = WALL.brick;
  const rise = roofRise(14, 30);
  out.push({
    name: 'Katedralskolan',
    use: 'skola',
    storeys: 3,
    yearBuilt: 1912,
    civic: true,
    parts: [wingA, longSideFirst(wingB)].map((fp) => ({
      footprint: fp,
      base: 0,
      eave: 3 * STOREY_HEIGHT,
      roof: { kind: 'gable', rise } as RoofShape,
      wallColor: wall,
      bands: [
        { from: 0, color: PLINTH },
        { from: 1.0, color: wall },
      ],
      roofColor: ROOF.tileRed,
    })),
  });
  const hall = gridRect(c, angle, uHalf - 8 - 18, -vHalf + 8 + 12, 36, 24);
  out.push({
    name: 'Katedralskolans idrottshall',
    use: 'skola',
    storeys: 2,
    yearBuilt: 1974,
    civic: true,
    parts: [
      {
        footprint: hall,
        base: 0,
        eave: 2 * STOREY_HEIGHT + 1.2,
        roof: { kind: 'flat' },
        wallColor: WALL.lightGrey,
        bands: [
          { from: 0, color: PLINTH },
          { from: 0.5, color: WALL.lightGrey },
        ],
        roofColor: ROOF.flatGrey,
      },
    ],
  });
}

/** Half extents of a block in its grid frame. */
function halfExtents(block: Block, angle: number): [number, number] {
  const c = centroid(block.polygon);
  let u = 0;
  let v = 0;
  for (const p of block.polygon) {
    const [lu, lv] = rotate2([p[0] - c[0], p[1] - c[1]], -angle);
    u = Math.max(u, Math.abs(lu));
    v = Math.max(v, Math.abs(lv));
  }
  return [u, v];
}

/**
 * Civic buildings are laid out for a regular block; irregular (clipped, merged) blocks may
 * not hold them. Shift them in the block's grid frame, and shrink them if needed, until every
 * footprint lies inside the block (inset by `margin`). Drafts are changed in place.
 */
function fitInside(drafts: Draft[], block: Block, angle: number, margin = 2.5): void {
  const inset = offsetConvex(block.polygon, margin) ?? block.polygon;
  const anchor = centroid(drafts[0]!.parts[0]!.footprint);
  const original = drafts.map((d) => d.parts.map((p) => p.footprint));
  const offsets: Vec2[] = [];
  for (let i = -10; i <= 10; i++) for (let j = -10; j <= 10; j++) offsets.push([i * 4, j * 4]);
  offsets.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]) || a[0] - b[0] || a[1] - b[1]);
  for (const scale of [1, 0.92, 0.84, 0.76, 0.68, 0.6]) {
    for (const [du, dv] of offsets) {
      const move = (p: Vec2): Vec2 => {
        const [u, v] = rotate2([p[0] - anchor[0], p[1] - anchor[1]], -angle);
        const w = rotate2([u * scale + du, v * scale + dv], angle);
        return [anchor[0] + w[0], anchor[1] + w[1]];
      };
      const moved = original.map((parts) => parts.map((fp) => fp.map(move)));
      if (moved.every((parts) => parts.every((fp) => polygonInside(fp, inset)))) {
        drafts.forEach((d, i) => d.parts.forEach((p, k) => (p.footprint = moved[i]![k]!)));
        return;
      }
    }
  }
}

// ---------------------------------------------------------------- all together

/** Generates all buildings of the town (not the proposal), with ids `HND-000001`…. */
export function generateBuildings(town: TownLayout, rng: Rng): Building[] {
  const drafts: Draft[] = [];
  for (const block of town.blocks) {
    const r = rng.fork(`block:${block.index}`);
    switch (block.kind) {
      case 'perimeter':
        perimeterBlock(block, r, drafts);
        break;
      case 'villa':
        villaBlock(block, town.gridAngle, r, drafts);
        break;
      case 'industrial':
        industrialBlock(block, town.gridAngle, r, drafts);
        break;
      case 'library':
      case 'square':
      case 'church':
      case 'school': {
        const civic: Draft[] = [];
        const make = { library, square: townHall, church, school }[block.kind];
        make(block, town.gridAngle, civic);
        fitInside(civic, block, town.gridAngle);
        drafts.push(...civic);
        break;
      }
      default:
        break; // park, green, vacant: no buildings
    }
  }
  return drafts.map((d, i) => finishBuilding(d, `HND-${String(i + 1).padStart(6, '0')}`));
}

export function finishBuilding(d: Draft, id: string): Building {
  const height = Math.round(Math.max(...d.parts.map(partTop)) * 100) / 100;
  return { ...d, id, height, anchor: centroid(d.parts[0]!.footprint) };
}
