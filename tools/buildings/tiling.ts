/**
 * The tile plan of the `buildings` converter, computed from per-cell counts and small
 * per-leaf summaries only (never from all features at once):
 *
 * 1. A fixed grid of 4^L0 cells over the dataset's square, L0 = ⌈log4(N / maxPerTile)⌉, so
 *    that an average cell holds at most `maxPerTile` footprints (by centroid). Cells with
 *    more are split on disk into quadrants, recursively (see cells.ts).
 * 2. The quadtree: a node splits while its subtree holds more than `maxPerTile` footprints;
 *    a node above the grid level that holds fewer becomes a leaf made of its cells.
 * 3. Additive refinement (`ADD`): top-down, each inner node takes from its subtree the
 *    `maxPerInner` largest footprints whose size is at least `threshold(level)` (a fraction
 *    of the tile's side), from per-leaf candidate lists (each leaf keeps its `maxPerInner ×
 *    depth` largest candidates, enough for every ancestor); everything else stays in leaves.
 *    Every building is stored exactly once.
 */

export interface Square {
  minX: number;
  minY: number;
  side: number;
}

/** A cell of the grid (or of a split below it). */
export interface Cell {
  level: number;
  x: number;
  y: number;
  count: number;
  /** Its record file while it is not split. */
  file: string | null;
  children: Cell[];
}

export interface PlanNode {
  level: number;
  x: number;
  y: number;
  count: number;
  children: PlanNode[];
  /** Leaves: the record files of its features. */
  files: string[];
  /** Set by `promote`: candidates taken by this (inner) node. */
  promoted: Candidate[];
}

/** A footprint that may move up to an ancestor: its size and where it is in its leaf. */
export interface Candidate {
  size: number;
  /** Leaf number (depth-first order) and the record's position in that leaf's files. */
  leaf: number;
  ord: number;
  taken?: boolean;
}

export const cellKey = (level: number, x: number, y: number): string => `${level}_${x}_${y}`;

/** Grid level for `count` footprints with at most `maxPerTile` per tile (on average). */
export function gridLevel(count: number, maxPerTile: number, maxLevel = 10): number {
  if (count <= maxPerTile) return 0;
  return Math.min(maxLevel, Math.ceil(Math.log(count / maxPerTile) / Math.log(4) - 1e-9));
}

/**
 * Leaves span at most this many metres: content positions are quantized to 16 bits over a
 * tile's extent, so 2048 m keeps them within about 3 cm.
 */
export const MAX_LEAF_SIDE = 2048;

/** The first level whose tiles are at most `MAX_LEAF_SIDE` wide. */
export function leafLevelForSide(side: number, maxLevel = 16): number {
  return Math.min(maxLevel, Math.max(0, Math.ceil(Math.log2(side / MAX_LEAF_SIDE) - 1e-9)));
}

/** The cell of `level` containing (x, y), clamped into the square. */
export function cellOf(sq: Square, level: number, x: number, y: number): [number, number] {
  const n = 2 ** level;
  const cx = Math.min(n - 1, Math.max(0, Math.floor(((x - sq.minX) / sq.side) * n)));
  const cy = Math.min(n - 1, Math.max(0, Math.floor(((y - sq.minY) / sq.side) * n)));
  return [cx, cy];
}

/**
 * The quadtree over the grid cells (`cells`: the non-empty cells of level `l0`, each possibly
 * split). Nodes above `minLeafLevel` (≤ l0) always split, so that leaves stay small enough for
 * precise quantized positions. Returns null when there is nothing.
 */
export function planTree(cells: readonly Cell[], l0: number, maxPerTile: number, minLeafLevel = 0): PlanNode | null {
  // counts of every node above the grid
  const above = new Map<string, number>();
  for (const c of cells) {
    for (let l = 0; l < l0; l++) {
      const k = cellKey(l, c.x >> (l0 - l), c.y >> (l0 - l));
      above.set(k, (above.get(k) ?? 0) + c.count);
    }
  }
  const byKey = new Map(cells.map((c) => [cellKey(c.level, c.x, c.y), c]));
  const fromCell = (c: Cell): PlanNode => ({
    level: c.level,
    x: c.x,
    y: c.y,
    count: c.count,
    children: c.children.filter((k) => k.count > 0).map(fromCell),
    files: c.children.length === 0 && c.file ? [c.file] : [],
    promoted: [],
  });
  const build = (level: number, x: number, y: number): PlanNode | null => {
    if (level === l0) {
      const c = byKey.get(cellKey(level, x, y));
      return c && c.count > 0 ? fromCell(c) : null;
    }
    const count = above.get(cellKey(level, x, y)) ?? 0;
    if (count === 0) return null;
    if (count <= maxPerTile && level >= minLeafLevel) {
      // a leaf made of the cells below it (none of them is split: each holds ≤ count)
      const shift = l0 - level;
      const files = cells
        .filter((c) => c.x >> shift === x && c.y >> shift === y)
        .sort((a, b) => a.y - b.y || a.x - b.x)
        .map((c) => c.file!)
        .filter(Boolean);
      return { level, x, y, count, children: [], files, promoted: [] };
    }
    const children: PlanNode[] = [];
    for (let q = 0; q < 4; q++) {
      const child = build(level + 1, x * 2 + (q & 1), y * 2 + (q >> 1));
      if (child) children.push(child);
    }
    return { level, x, y, count, children, files: [], promoted: [] };
  };
  return build(0, 0, 0);
}

/** Leaves in depth-first order (the numbering `Candidate.leaf` uses). */
export function leavesOf(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const visit = (n: PlanNode) => {
    if (n.children.length === 0) out.push(n);
    else n.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Every node, parents before children. */
export function nodesOf(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const visit = (n: PlanNode) => {
    out.push(n);
    n.children.forEach(visit);
  };
  visit(root);
  return out;
}

/**
 * Keeps a leaf's candidates for promotion: those at least `minSize`, the `limit` largest
 * (ties: earlier records first).
 */
export function topCandidates(sizes: Iterable<number>, leaf: number, minSize: number, limit: number): Candidate[] {
  if (limit <= 0) return [];
  const out: Candidate[] = [];
  let ord = 0;
  for (const size of sizes) {
    if (size >= minSize) out.push({ size, leaf, ord });
    ord++;
  }
  out.sort((a, b) => b.size - a.size || a.ord - b.ord);
  if (out.length > limit) out.length = limit;
  return out;
}

/**
 * Top-down promotion for ADD refinement: every inner node takes up to `maxPerInner` of its
 * subtree's untaken candidates whose size is at least `threshold(level)`, largest first.
 * `candidates[i]` are leaf i's (leaves numbered as `leavesOf`).
 */
export function promote(root: PlanNode, candidates: readonly Candidate[][], threshold: (level: number) => number, maxPerInner: number): void {
  const leafIndex = new Map<PlanNode, number>();
  leavesOf(root).forEach((l, i) => leafIndex.set(l, i));
  const subtreeLeaves = (n: PlanNode, out: number[] = []): number[] => {
    if (n.children.length === 0) out.push(leafIndex.get(n)!);
    else for (const c of n.children) subtreeLeaves(c, out);
    return out;
  };
  const visit = (n: PlanNode) => {
    if (n.children.length === 0) return;
    const t = threshold(n.level);
    const pool: Candidate[] = [];
    for (const li of subtreeLeaves(n)) {
      for (const c of candidates[li] ?? []) if (!c.taken && c.size >= t) pool.push(c);
    }
    pool.sort((a, b) => b.size - a.size || a.leaf - b.leaf || a.ord - b.ord);
    for (const c of pool.slice(0, maxPerInner)) {
      c.taken = true;
      n.promoted.push(c);
    }
    n.children.forEach(visit);
  };
  visit(root);
}
