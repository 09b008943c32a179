/**
 * A planning proposal for the vacant block (Kvarteret Sundsbryggan): three point houses
 * along the northern edge, a row of townhouses facing the quay and a small pavilion —
 * 10–20 buildings, for the plan-comparison feature. Ids `HND-P-001`….
 */
import { convexOverlap, offsetConvex, orientedRect, polygonInside, type Polygon } from '../lib/geom2d';
import type { Rng } from '../lib/prng';
import { finishBuilding, STOREY_HEIGHT, type Building } from './buildings';
import { PLINTH, ROOF, WALL } from './palette';
import { shade } from '../lib/color';
import { sundsbrygganBlock } from './sundsbryggan-block';
import type { TownLayout } from './town';

export const PROPOSAL_YEAR = 2028;

export function generateProposal(town: TownLayout, rng: Rng): { buildings: Building[]; site: Polygon } {
  const r = rng.fork('proposal');
  const block = sundsbrygganBlock(town);
  const { angle, uHalf, vHalf, at } = block;
  const inset = offsetConvex(block.polygon, 2) ?? block.polygon;
  const drafts: Parameters<typeof finishBuilding>[0][] = [];
  const placed: Polygon[] = [];
  // margin < 0 lets footprints touch (terraced houses share walls)
  const tryPlace = (fp: Polygon, margin = 1): boolean => {
    if (!polygonInside(fp, inset) || placed.some((p) => convexOverlap(p, fp, margin))) return false;
    placed.push(fp);
    return true;
  };

  // point houses along the north edge
  const points = 3;
  const span = 2 * uHalf - 20;
  for (let k = 0; k < points; k++) {
    const u = -span / 2 + (span * (k + 0.5)) / points;
    const size = r.float(15, 18);
    const fp = orientedRect(at(u, vHalf - 4 - size / 2), size / 2, size / 2, angle);
    if (!tryPlace(fp)) continue;
    const storeys = r.int(5, 7);
    const wall = shade(r.pick([WALL.offWhite, WALL.paleBlue, WALL.sage, WALL.warmGrey]), 1 + r.float(-0.04, 0.04));
    drafts.push({
      name: `Sundsbryggan hus ${String.fromCharCode(65 + k)}`,
      use: k === 1 ? 'centrum' : 'bostad',
      storeys,
      yearBuilt: PROPOSAL_YEAR,
      civic: false,
      parts: [
        {
          footprint: fp,
          base: 0,
          eave: storeys * STOREY_HEIGHT,
          roof: { kind: 'flat' },
          wallColor: wall,
          bands: [
            { from: 0, color: PLINTH },
            { from: 0.4, color: k === 1 ? WALL.glass : wall },
            { from: STOREY_HEIGHT + 0.4, color: wall },
          ],
          roofColor: ROOF.flatGrey,
        },
      ],
    });
  }

  // two terraces of townhouses facing the quay (south edge), ridges along the row,
  // with a passage to the courtyard in the middle
  const thW = 6.6;
  const thD = 10;
  const rowV = -vHalf + 6 + thD / 2;
  const perRow = Math.min(6, Math.floor((uHalf - 4 - 4) / thW));
  const pitch = r.float(30, 38);
  const slots: number[] = [];
  for (let k = 0; k < perRow; k++) {
    slots.push(-4 - thW / 2 - k * thW, 4 + thW / 2 + k * thW);
  }
  slots.sort((a, b) => a - b);
  for (const u of slots) {
    const fp = orientedRect(at(u, rowV), thW / 2, thD / 2, angle);
    // the first edge runs along the row (u), so the ridge is parallel to the quay
    if (!tryPlace(fp, -0.01)) continue;
    const wall = shade(r.pick([WALL.faluRed, WALL.ochre, WALL.paleYellow, WALL.offWhite]), 1 + r.float(-0.05, 0.05));
    const storeys = r.chance(0.7) ? 3 : 2;
    drafts.push({
      name: '',
      use: 'bostad',
      storeys,
      yearBuilt: PROPOSAL_YEAR,
      civic: false,
      parts: [
        {
          footprint: fp,
          base: 0,
          eave: storeys * STOREY_HEIGHT,
          roof: { kind: 'gable', rise: (thD / 2) * Math.tan((pitch * Math.PI) / 180) },
          wallColor: wall,
          bands: [
            { from: 0, color: PLINTH },
            { from: 0.4, color: wall },
          ],
          roofColor: ROOF.darkGrey,
        },
      ],
    });
  }

  // a pavilion (café) in the courtyard
  const pav = orientedRect(at(r.float(-8, 8), 0), 6, 4.5, angle);
  if (tryPlace(pav)) {
    drafts.push({
      name: 'Sundsbryggan paviljong',
      use: 'centrum',
      storeys: 1,
      yearBuilt: PROPOSAL_YEAR,
      civic: false,
      parts: [
        {
          footprint: pav,
          base: 0,
          eave: STOREY_HEIGHT + 0.4,
          roof: { kind: 'pyramid', rise: 2.2 },
          wallColor: WALL.glass,
          bands: [{ from: 0, color: PLINTH }, { from: 0.3, color: WALL.glass }],
          roofColor: ROOF.copper,
        },
      ],
    });
  }
  return {
    buildings: drafts.map((d, i) => finishBuilding(d, `HND-P-${String(i + 1).padStart(3, '0')}`)),
    site: block.polygon,
  };
}
