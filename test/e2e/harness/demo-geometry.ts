/**
 * Known geometry of the synthetic demo, straight from its generator (tools/demo, seed 1585):
 * footprints and heights of the proposal's and today's buildings on Kvarteret Sundsbryggan,
 * and the plan's pocket park. East-north metres at the demo origin (the scene origin), and
 * the same corners in degrees.
 */
import { ecefToGeodetic } from '../../../src/geo/ellipsoid.ts';
import { eastNorthUpToEcef } from '../../../src/geo/frame.ts';
import { mat4TransformPoint } from '../../../tools/lib/tileset.ts';
import { createRng } from '../../../tools/lib/prng.ts';
import { DEFAULT_DEMO_SEED, DEMO_ORIGIN } from '../../../tools/demo/origin.ts';
import { generateTown } from '../../../tools/demo/town.ts';
import { generateProposal } from '../../../tools/demo/proposal.ts';
import { generateToday } from '../../../tools/demo/today.ts';
import { sundsbrygganBlock } from '../../../tools/demo/sundsbryggan-block.ts';
import { COURTYARD_C_HALF, NORTH_ZONE_DEPTH, SOUTH_ZONE_DEPTH } from '../../../tools/demo/plan.ts';

export type EastNorth = [number, number];

export interface DemoBuilding {
  id: string;
  name: string;
  /** Top above the ground, metres. */
  height: number;
  /** Roof kind of the main part. */
  roof: string;
  /** Eave height of the main part, metres. */
  eave: number;
  footprint: EastNorth[];
}

const rng = () => createRng(DEFAULT_DEMO_SEED);
const town = generateTown(rng());

const asDemo = (b: ReturnType<typeof generateProposal>['buildings'][number]): DemoBuilding => ({
  id: b.id,
  name: b.name,
  height: b.height,
  roof: b.parts[0]!.roof.kind,
  eave: b.parts[0]!.eave,
  footprint: b.parts[0]!.footprint.map(([e, n]) => [e, n] as EastNorth),
});

export const DEMO_PROPOSAL: readonly DemoBuilding[] = generateProposal(town, rng()).buildings.map(asDemo);
export const DEMO_TODAY: readonly DemoBuilding[] = generateToday(town, rng()).buildings.map(asDemo);

/** The plan's pocket park (PARK) on the west side of the block's courtyard. */
export const DEMO_PARK: readonly EastNorth[] = (() => {
  const { uHalf, vHalf, at } = sundsbrygganBlock(town);
  const southTop = -vHalf + SOUTH_ZONE_DEPTH;
  const northBottom = vHalf - NORTH_ZONE_DEPTH;
  return [at(-uHalf, southTop), at(-COURTYARD_C_HALF, southTop), at(-COURTYARD_C_HALF, northBottom), at(-uHalf, northBottom)].map(([e, n]) => [e, n] as EastNorth);
})();

const enu = eastNorthUpToEcef(DEMO_ORIGIN);

/** Degrees (and metres above the ellipsoid) of a point `up` metres above the demo ground at east, north. */
export function toGeo([e, n]: EastNorth, up = 0): { lon: number; lat: number; height: number } {
  const [x, y, z] = mat4TransformPoint(enu, [e, n, up]);
  const [lon, lat, height] = ecefToGeodetic(x, y, z);
  return { lon, lat, height };
}

export function centroidOf(points: readonly EastNorth[]): EastNorth {
  const n = points.length;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

export function polygonArea(points: readonly EastNorth[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(twice) / 2;
}
