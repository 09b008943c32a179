/**
 * Kvarteret Sundsbryggan today: three old low buildings on the gravel block that the proposal
 * (tools/demo/proposal.ts) would replace, so that a comparison has a "before" to show. A
 * falu-red harbour warehouse along the quay side, a workshop with a shallow roof and a small
 * storage shed. Ids `HND-T-001`…; placed in the block's grid frame with a little seeded jitter.
 */
import { orientedRect } from '../lib/geom2d';
import { shade } from '../lib/color';
import type { Rng } from '../lib/prng';
import { finishBuilding, type Building } from './buildings';
import { sundsbrygganBlock } from './sundsbryggan-block';
import { PLINTH, ROOF, WALL } from './palette';
import type { TownLayout } from './town';

interface Shed {
  name: string;
  /** Centre in the block's grid frame (u, v), metres from the block centre. */
  u: number;
  v: number;
  /** Length along the street grid and depth across it, metres. */
  length: number;
  depth: number;
  eave: number;
  /** Roof pitch, degrees. */
  pitch: number;
  yearBuilt: number;
  wall: keyof typeof WALL;
  roof: keyof typeof ROOF;
}

const SHEDS: readonly Shed[] = [
  { name: 'Sundsbryggans magasin', u: -10, v: -18, length: 40, depth: 14, eave: 5.5, pitch: 35, yearBuilt: 1912, wall: 'faluRed', roof: 'black' },
  { name: 'Verkstaden', u: -25, v: 20, length: 22, depth: 12, eave: 4.5, pitch: 8, yearBuilt: 1961, wall: 'concrete', roof: 'lightFlat' },
  { name: 'Förrådet', u: 28, v: 10, length: 18, depth: 9, eave: 3.4, pitch: 27, yearBuilt: 1948, wall: 'ochre', roof: 'darkGrey' },
];

export function generateToday(town: TownLayout, rng: Rng): { buildings: Building[] } {
  const r = rng.fork('today');
  const { at, angle } = sundsbrygganBlock(town);
  const buildings = SHEDS.map((s, i) => {
    const fp = orientedRect(at(s.u + r.float(-1.5, 1.5), s.v + r.float(-1, 1)), s.length / 2, s.depth / 2, angle);
    const wall = shade(WALL[s.wall], 1 + r.float(-0.05, 0.05));
    return finishBuilding(
      {
        name: s.name,
        use: 'industri',
        storeys: 1,
        yearBuilt: s.yearBuilt,
        civic: false,
        parts: [
          {
            footprint: fp,
            base: 0,
            eave: s.eave,
            // the first edge runs along u, so the ridge runs along the building's length
            roof: { kind: 'gable', rise: (s.depth / 2) * Math.tan((s.pitch * Math.PI) / 180) },
            wallColor: wall,
            bands: [
              { from: 0, color: PLINTH },
              { from: 0.4, color: wall },
            ],
            roofColor: ROOF[s.roof],
          },
        ],
      },
      `HND-T-${String(i + 1).padStart(3, '0')}`,
    );
  });
  return { buildings };
}
