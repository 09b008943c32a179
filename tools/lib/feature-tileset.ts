/**
 * Writes a 3D Tiles 1.1 tileset of glb content from a list of features (buildings,
 * surfaces…), tiled by a quadtree with additive refinement.
 *
 * Refinement: `ADD`. Every feature is stored exactly once: coarse tiles hold the most
 * significant features (landmarks, the tallest/largest buildings) and their descendants
 * add the rest. Compared with `REPLACE` this needs no simplified duplicates of the
 * buildings, keeps the committed output small, and gives each building a single feature
 * (one id to pick, hide or swap out when comparing plans). Zoomed out, a viewer shows the
 * skyline landmarks first; closer in, the quadrants fill in.
 *
 * Geometric error (metres): 0 for leaves; for an inner tile, the size of the largest
 * feature its descendants add (what is missing when only this tile is drawn), and at least
 * 1.5 × its children's error, so errors strictly shrink with depth.
 *
 * Frames: the root `transform` maps the tileset frame (z-up, e.g. ENU metres) to ECEF.
 * Boxes are axis-aligned in that frame. Content vertices are tile-local (relative to the
 * content's centre, which becomes the glTF node translation; see `gltf-content.ts`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeContentGlb } from './gltf-content';
import { isEmptyBounds, MeshBuilder, unionBounds, type Bounds3, type Vec3 } from './mesh-builder';
import type { ClassDef, PropertyValue } from './metadata';
import type { Progress } from './progress';
import { buildQuadtree, promoteForAdd, walk, type QuadNode, type Rect } from './quadtree';
import { additiveGeometricError, boundsToBox, boxBounds, round, roundBox, writeJson, type Tile, type Tileset } from './tileset';

export interface TileFeature {
  /** Tiling key (x, y) in the source frame, e.g. the footprint centroid. */
  anchor: [number, number];
  /** Visual size in metres (e.g. max of height and half the footprint diagonal). */
  size: number;
  /** Landmarks always go to the root tile. */
  landmark?: boolean;
  /** Appends the feature's triangles (source frame) with the given feature ID. */
  build(mesh: MeshBuilder, featureId: number): void;
  /** Property-table row. */
  properties: Record<string, PropertyValue>;
}

export interface FeatureTilesetOptions {
  /** Output directory; gets `tileset.json` and `content/{level}_{x}_{y}.glb`. */
  dir: string;
  /** Root transform (tileset frame → ECEF), column-major. */
  rootTransform: number[];
  /** Optional rigid transform from the features' source frame to the tileset frame. */
  sourceToTileset?: number[];
  /** Quadtree region (source frame), containing every anchor. */
  rect: Rect;
  /** Split tiles with more features than this (Infinity: a single tile). */
  maxFeaturesPerTile: number;
  maxDepth: number;
  /** Minimum size for a feature to be drawn by an inner tile at `level`. */
  levelThreshold(level: number): number;
  /** Most features an inner tile takes for itself. */
  maxPerInnerTile: number;
  schemaId: string;
  className: string;
  classDef: ClassDef;
  asset: Tileset['asset'];
  /** Tileset-level schema/metadata (3D Tiles 1.1 `schema` + `metadata`). */
  schema?: Tileset['schema'];
  metadata?: Tileset['metadata'];
  /** Tileset-level geometric error; default: max(2 × root error, largest feature size). */
  geometricError?: number;
  gltf?: { generator?: string; copyright?: string; roughness?: number };
  /** Called once the tiling is planned, with the number of content files to write. */
  progress?: (contentFiles: number) => Progress;
}

export interface FeatureTilesetResult {
  tileset: Tileset;
  tileCount: number;
  maxLevel: number;
  featureCount: number;
  /** Paths relative to `dir`. */
  files: string[];
  bytes: number;
}

interface Built {
  tile: Tile;
  bounds: Bounds3;
}

/** The quadtree with features assigned for additive refinement. */
export function planFeatureTiles(features: readonly TileFeature[], o: Pick<FeatureTilesetOptions, 'rect' | 'maxFeaturesPerTile' | 'maxDepth' | 'levelThreshold' | 'maxPerInnerTile'>): QuadNode<TileFeature> {
  const root = buildQuadtree(features, {
    rect: o.rect,
    point: (f) => f.anchor,
    maxItems: o.maxFeaturesPerTile,
    maxDepth: o.maxDepth,
  });
  promoteForAdd(root, {
    score: (f) => (f.landmark ? 1e6 : 0) + f.size,
    threshold: (level) => o.levelThreshold(level),
    maxPerNode: o.maxPerInnerTile,
  });
  return root;
}

export async function writeFeatureTileset(features: readonly TileFeature[], o: FeatureTilesetOptions): Promise<FeatureTilesetResult> {
  if (features.length === 0) throw new Error('writeFeatureTileset: no features');
  const tree = planFeatureTiles(features, o);
  const bar = o.progress?.(countContentTiles(tree));
  const files: string[] = [];
  let bytes = 0;
  let tileCount = 0;
  let maxLevel = 0;
  await mkdir(join(o.dir, 'content'), { recursive: true });

  const build = async (node: QuadNode<TileFeature>): Promise<Built & { omitted: number }> => {
    const children: (Built & { omitted: number })[] = [];
    for (const c of node.children) children.push(await build(c));
    tileCount++;
    maxLevel = Math.max(maxLevel, node.level);

    let bounds: Bounds3 | null = null;
    let content: Tile['content'];
    if (node.items.length > 0) {
      const mesh = new MeshBuilder();
      node.items.forEach((f, i) => f.build(mesh, i));
      if (o.sourceToTileset) mesh.transform(o.sourceToTileset);
      const cb = mesh.bounds();
      if (isEmptyBounds(cb)) throw new Error(`writeFeatureTileset: tile ${node.level}/${node.x}/${node.y} has no geometry`);
      const center: Vec3 = [round((cb.min[0] + cb.max[0]) / 2, 2), round((cb.min[1] + cb.max[1]) / 2, 2), round(cb.min[2], 2)];
      const glb = await encodeContentGlb(mesh, {
        center,
        ...(o.gltf ?? {}),
        metadata: {
          schemaId: o.schemaId,
          className: o.className,
          classDef: o.classDef,
          rows: node.items.map((f) => f.properties),
        },
      });
      const uri = `content/${node.level}_${node.x}_${node.y}.glb`;
      await writeFile(join(o.dir, uri), glb);
      files.push(uri);
      bytes += glb.byteLength;
      bar?.tick(uri);
      const contentBox = roundBox(boundsToBox(cb));
      content = { uri, boundingVolume: { box: contentBox } };
      bounds = boxBounds(contentBox);
    }
    for (const c of children) bounds = bounds ? unionBounds(bounds, c.bounds) : c.bounds;
    const box = roundBox(boundsToBox(bounds!));

    const geometricError = additiveGeometricError(children);
    const ownMax = node.items.reduce((m, f) => Math.max(m, f.size), 0);
    const tile: Tile = { boundingVolume: { box }, geometricError };
    if (content) tile.content = content;
    if (children.length) tile.children = children.map((c) => c.tile);
    // what is missing when this tile's parent is drawn without it
    const omitted = children.reduce((m, c) => Math.max(m, c.omitted), ownMax);
    return { tile, bounds: boxBounds(box), omitted };
  };

  const root = await build(tree);
  root.tile.refine = 'ADD';
  root.tile.transform = o.rootTransform.slice();
  // the root's own transform must come first in the JSON for readability
  const { boundingVolume, geometricError, refine, transform, content, children } = root.tile;
  const rootTile: Tile = { transform, boundingVolume, geometricError, refine };
  if (content) rootTile.content = content;
  if (children) rootTile.children = children;
  const maxSize = features.reduce((m, f) => Math.max(m, f.size), 0);
  const tileset: Tileset = {
    asset: o.asset,
    ...(o.schema ? { schema: o.schema } : {}),
    ...(o.metadata ? { metadata: o.metadata } : {}),
    geometricError: o.geometricError ?? Math.ceil(Math.max(2 * geometricError, maxSize)),
    root: rootTile,
  };
  await writeJson(join(o.dir, 'tileset.json'), tileset);
  files.push('tileset.json');
  bar?.done();
  return { tileset, tileCount, maxLevel, featureCount: features.length, files, bytes };
}

/** Counts the content tiles a tiling will write (for progress bars). */
export function countContentTiles(tree: QuadNode<TileFeature>): number {
  let n = 0;
  walk(tree, (node) => {
    if (node.items.length > 0) n++;
  });
  return n;
}
