/**
 * Generic point quadtree over items in a square region, for tiling building content.
 *
 * Items are assigned by a representative point (e.g. footprint centroid); a node splits
 * while it holds more than `maxItems` and is shallower than `maxDepth`. Node addresses
 * follow the 3D Tiles implicit-tiling convention: level, x (east), y (north).
 */

export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface QuadNode<T> {
  level: number;
  x: number;
  y: number;
  rect: Rect;
  /** Items stored at this node (only leaves, right after `buildQuadtree`). */
  items: T[];
  children: QuadNode<T>[];
}

export interface QuadtreeOptions<T> {
  /** Square (or rectangular) region containing every item's point. */
  rect: Rect;
  point(item: T): [number, number];
  /** Split a node holding more than this many items. */
  maxItems: number;
  /** Never split below this level (root is level 0). */
  maxDepth: number;
}

export function buildQuadtree<T>(items: readonly T[], options: QuadtreeOptions<T>): QuadNode<T> {
  const build = (level: number, x: number, y: number, rect: Rect, list: T[]): QuadNode<T> => {
    const node: QuadNode<T> = { level, x, y, rect, items: [], children: [] };
    if (list.length <= options.maxItems || level >= options.maxDepth) {
      node.items = list;
      return node;
    }
    const mx = (rect.minX + rect.maxX) / 2;
    const my = (rect.minY + rect.maxY) / 2;
    const buckets: T[][] = [[], [], [], []];
    for (const it of list) {
      const [px, py] = options.point(it);
      const q = (px >= mx ? 1 : 0) + (py >= my ? 2 : 0);
      buckets[q]!.push(it);
    }
    for (let q = 0; q < 4; q++) {
      const bucket = buckets[q]!;
      if (bucket.length === 0) continue;
      const east = q & 1;
      const north = q >> 1;
      const r: Rect = {
        minX: east ? mx : rect.minX,
        maxX: east ? rect.maxX : mx,
        minY: north ? my : rect.minY,
        maxY: north ? rect.maxY : my,
      };
      node.children.push(build(level + 1, x * 2 + east, y * 2 + north, r, bucket));
    }
    return node;
  };
  return build(0, 0, 0, options.rect, items.slice());
}

/** All items stored in a node and its descendants. */
export function collectItems<T>(node: QuadNode<T>, out: T[] = []): T[] {
  out.push(...node.items);
  for (const c of node.children) collectItems(c, out);
  return out;
}

/** Visits nodes depth-first, parents before children. */
export function walk<T>(node: QuadNode<T>, visit: (n: QuadNode<T>, parent: QuadNode<T> | null) => void, parent: QuadNode<T> | null = null): void {
  visit(node, parent);
  for (const c of node.children) walk(c, visit, node);
}

/**
 * Prepares a quadtree for additive refinement (3D Tiles `refine: "ADD"`): top-down, each
 * inner node takes from its subtree the items that are significant enough to be drawn at
 * that level (`score(item) ≥ threshold(level)`, most significant first, at most
 * `maxPerNode`). Afterwards every item lives in exactly one node. Empty leaves are pruned.
 */
export function promoteForAdd<T>(
  root: QuadNode<T>,
  options: { score(item: T): number; threshold(level: number): number; maxPerNode: number },
): void {
  const visit = (node: QuadNode<T>): void => {
    if (node.children.length > 0) {
      const t = options.threshold(node.level);
      const candidates: { item: T; score: number; owner: QuadNode<T> }[] = [];
      const gather = (n: QuadNode<T>): void => {
        for (const item of n.items) {
          const s = options.score(item);
          if (s >= t) candidates.push({ item, score: s, owner: n });
        }
        for (const c of n.children) gather(c);
      };
      for (const c of node.children) gather(c);
      // stable: ties keep their original (tree) order
      candidates.sort((a, b) => b.score - a.score);
      for (const { item, owner } of candidates.slice(0, options.maxPerNode)) {
        owner.items.splice(owner.items.indexOf(item), 1);
        node.items.push(item);
      }
    }
    for (const c of node.children) visit(c);
  };
  visit(root);
  const prune = (node: QuadNode<T>): boolean => {
    node.children = node.children.filter(prune);
    return node.items.length > 0 || node.children.length > 0;
  };
  prune(root);
}
