/** tileset.json: the tile tree with bounding boxes and geometric errors, bottom-up. */
import { join } from 'node:path';
import { eastNorthUpToEcef } from '../../src/geo/frame';
import { unionBounds, type Bounds3 } from '../lib/mesh-builder';
import { additiveGeometricError, boundsToBox, boxBounds, roundBox, writeJson, type Tile, type TileContent, type Tileset } from '../lib/tileset';
import type { BuiltTile } from './content';
import { GENERATOR } from './options';
import type { PlanNode } from './tiling';

/** Writes `outDir`/tileset.json (refine ADD, root transform to ECEF at `origin`); returns its tile count and depth. */
export async function writeTileset(
  outDir: string,
  root: PlanNode,
  built: Map<PlanNode, BuiltTile>,
  origin: { lon: number; lat: number; height: number },
  extras: { source: string; sourceCrs: string; buildings: number; skipped: number },
): Promise<{ tileCount: number; deepest: number }> {
  const tree = assembleTiles(root, built);
  if (!tree) throw new Error('buildings: no tile has content');
  let maxSize = 0;
  for (const b of built.values()) for (const c of b.contents) maxSize = Math.max(maxSize, c.maxSize);
  const { tile: rootTile } = tree;
  const rootOut: Tile = {
    transform: eastNorthUpToEcef(origin).map((v) => (Math.abs(v) < 1e-15 ? 0 : v)),
    boundingVolume: rootTile.boundingVolume,
    geometricError: rootTile.geometricError,
    refine: 'ADD',
    ...(rootTile.content ? { content: rootTile.content } : {}),
    ...(rootTile.contents ? { contents: rootTile.contents } : {}),
    ...(rootTile.children ? { children: rootTile.children } : {}),
  };
  const tileset: Tileset = {
    asset: {
      version: '1.1',
      generator: GENERATOR,
      extras,
    },
    geometricError: Math.ceil(Math.max(2 * rootTile.geometricError, maxSize)),
    root: rootOut,
  };
  await writeJson(join(outDir, 'tileset.json'), tileset);
  let tileCount = 0;
  let deepest = 0;
  const count = (t: Tile, d: number) => {
    tileCount++;
    deepest = Math.max(deepest, d);
    t.children?.forEach((c) => count(c, d + 1));
  };
  count(rootOut, 0);
  return { tileCount, deepest };
}


/**
 * Tiles bottom-up: boxes contain their contents and children; geometric error is 0 for
 * leaves and, for inner tiles, the largest size of what their descendants add (what is
 * missing when only this tile is drawn), at least 1.5 × their children's, so errors
 * strictly shrink with depth.
 */
function assembleTiles(node: PlanNode, built: Map<PlanNode, BuiltTile>): { tile: Tile; bounds: Bounds3; omitted: number } | null {
  const children = node.children.map((c) => assembleTiles(c, built)).filter((c): c is NonNullable<typeof c> => c !== null);
  const own = built.get(node)?.contents ?? [];
  if (own.length === 0 && children.length === 0) return null;
  let bounds: Bounds3 | null = null;
  const contents: TileContent[] = own.map((c) => {
    const box = roundBox(boundsToBox(c.bounds));
    bounds = bounds ? unionBounds(bounds, boxBounds(box)) : boxBounds(box);
    return { uri: c.uri, boundingVolume: { box } };
  });
  for (const c of children) bounds = bounds ? unionBounds(bounds, c.bounds) : c.bounds;
  const box = roundBox(boundsToBox(bounds!));
  const geometricError = additiveGeometricError(children, 0.01);
  const ownMax = own.reduce((m, c) => Math.max(m, c.maxSize), 0);
  const tile: Tile = { boundingVolume: { box }, geometricError };
  if (contents.length === 1) tile.content = contents[0]!;
  else if (contents.length > 1) tile.contents = contents;
  if (children.length) tile.children = children.map((c) => c.tile);
  const omitted = children.reduce((m, c) => Math.max(m, c.omitted), ownMax);
  return { tile, bounds: boxBounds(box), omitted };
}
