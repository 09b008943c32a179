/**
 * Kvarteret Sundsbryggan, the demo's vacant block, and its grid frame: the proposal, today's
 * buildings and the plan are all laid out in it.
 */
import { centroid, rotate2, type Vec2 } from '../lib/geom2d';
import type { TownLayout } from './town';

/** The block of the proposal and its grid frame. */
export function sundsbrygganBlock(town: TownLayout) {
  const block = town.blocks.find((b) => b.kind === 'vacant');
  if (!block) throw new Error('demo: no vacant block for Kvarteret Sundsbryggan');
  const c = centroid(block.polygon);
  const angle = town.gridAngle;
  let uHalf = 0;
  let vHalf = 0;
  for (const p of block.polygon) {
    const [u, v] = rotate2([p[0] - c[0], p[1] - c[1]], -angle);
    uHalf = Math.max(uHalf, Math.abs(u));
    vHalf = Math.max(vHalf, Math.abs(v));
  }
  /** Grid (u, v) relative to the block centre → ENU metres. */
  const at = (u: number, v: number): Vec2 => rotate2([c[0] + u, c[1] + v], angle, c);
  return { polygon: block.polygon, centre: c, angle, uHalf, vHalf, at };
}
