/**
 * Plan (tiling.ts): the quadtree from cell counts; ADD promotion from per-leaf candidate
 * lists (a scan of each leaf's sizes).
 */
import { readRecordFiles, recordSize } from './records';
import { leavesOf, planTree, promote, topCandidates, type Cell, type PlanNode, type Square } from './tiling';

export interface TilePlan {
  root: PlanNode;
  leaves: PlanNode[];
}

/** Plans the quadtree over `cells` (grid level `l0`) and promotes the largest buildings to inner tiles. */
export function planTiles(cells: Cell[], square: Square, l0: number, maxPerTile: number, minLeafLevel: number): TilePlan {
  const root = planTree(cells, l0, maxPerTile, minLeafLevel)!;
  const leaves = leavesOf(root);
  const maxPerInner = Math.max(1, Math.floor(maxPerTile / 4));
  const threshold = (level: number) => square.side / 2 ** level / 24;
  const candidates = leaves.map((leaf, i) => {
    if (leaf.level === 0) return [];
    const sizes = (function* () {
      for (const raw of readRecordFiles(leaf.files)) yield recordSize(raw);
    })();
    return topCandidates(sizes, i, threshold(leaf.level - 1), maxPerInner * leaf.level);
  });
  promote(root, candidates, threshold, maxPerInner);
  return { root, leaves };
}
