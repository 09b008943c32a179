/**
 * `npm run tools -- demo`: writes the synthetic Härnösand demo tilesets.
 *
 *   <out>/harnosand-buildings/  quadtree of building content (ADD refinement)
 *   <out>/harnosand-ground/     land, streets, park, quays and water (one tile)
 *   <out>/harnosand-proposal/   a planning proposal on the vacant block (one tile)
 *   <out>/harnosand-today/      the old sheds on that block today (one tile)
 *   <out>/README.md
 *
 * All output is a pure function of the seed: same seed → identical bytes.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eastNorthUpToEcef, type GeoOrigin } from '../../src/geo/frame';
import type { Vec2 } from '../lib/geom2d';
import { extrudePart } from '../lib/extrude';
import { writeFeatureTileset, type FeatureTilesetResult, type TileFeature } from '../lib/feature-tileset';
import type { ClassDef } from '../lib/metadata';
import { createRng } from '../lib/prng';
import type { Progress } from '../lib/progress';
import { mat4InvertRigid, mat4Multiply } from '../lib/tileset';
import { generateBuildings, type Building } from './buildings';
import { buildGround } from './ground';
import { DEFAULT_DEMO_SEED, DEMO_ORIGIN } from './origin';
import { generateProposal } from './proposal';
import { generateToday } from './today';
import { AREA_HALF, generateTown } from './town';

export const DEMO_TILESETS = ['harnosand-buildings', 'harnosand-ground', 'harnosand-proposal', 'harnosand-today'] as const;

/**
 * Building tiling: a quadtree over the 1 km square, split while a tile has more than
 * `BUILDINGS_PER_TILE` buildings (at most `BUILDINGS_MAX_DEPTH` levels below the root).
 * Refinement is ADD (see tools/lib/feature-tileset.ts): inner tiles keep up to
 * `BUILDINGS_PER_INNER_TILE` of their subtree's largest buildings (landmarks always in the
 * root), by size thresholds per level (`BUILDING_LEVEL_THRESHOLDS`, metres of bounding-box
 * diagonal); the rest stay in the leaves.
 */
export const BUILDINGS_PER_TILE = 48;
export const BUILDINGS_MAX_DEPTH = 4;
export const BUILDINGS_PER_INNER_TILE = 16;
export const BUILDING_LEVEL_THRESHOLDS = [40, 32, 26, 20] as const;

export const GENERATOR = 'metacity-twin tools demo';

export const SYNTHETIC_NOTE =
  'SYNTHETIC demo data: a made-up district around Sambiblioteket, Härnösand, generated from a seed. ' +
  'Buildings, names, uses, heights and years are invented and do not describe the real town.';

export interface DemoOptions {
  /** Output directory (the `tiles/` folder). */
  outDir: string;
  seed?: number;
  /** Progress bar factory (label, number of files); none by default. */
  progress?: (label: string, total: number) => Progress;
}

export interface DemoTilesetSummary {
  name: string;
  tiles: number;
  maxLevel: number;
  features: number;
  files: number;
  bytes: number;
}

export interface DemoResult {
  seed: number;
  buildings: number;
  proposalBuildings: number;
  todayBuildings: number;
  surfaces: number;
  tilesets: DemoTilesetSummary[];
  totalBytes: number;
}

export const BUILDING_CLASS: ClassDef = {
  name: 'Building',
  description: 'A (synthetic) building of the Härnösand demo district.',
  properties: {
    id: { type: 'STRING', description: 'Stable building id, e.g. HND-000123' },
    name: { type: 'STRING', description: 'Name of a landmark; empty for ordinary buildings' },
    use: { type: 'STRING', description: 'Main use: bostad, centrum, skola, kyrka, bibliotek, kontor or industri' },
    storeys: { type: 'SCALAR', componentType: 'UINT8', description: 'Number of storeys (3.2 m each)' },
    height: { type: 'SCALAR', componentType: 'FLOAT32', description: 'Height of the highest point above the ground, metres' },
    yearBuilt: { type: 'SCALAR', componentType: 'UINT16', description: 'Year of construction' },
    synthetic: { type: 'BOOLEAN', description: 'Always true: generated demo data' },
  },
};

export const SURFACE_CLASS: ClassDef = {
  name: 'Surface',
  description: 'A ground surface of the (synthetic) Härnösand demo district.',
  properties: {
    id: { type: 'STRING' },
    kind: { type: 'STRING', description: 'gata, vatten, kaj, park, grönyta, torg, kvarter, skolgård, industriområde or tomt' },
    name: { type: 'STRING' },
    synthetic: { type: 'BOOLEAN' },
  },
};

function datasetMetadata(title: string, seed: number) {
  return {
    schema: {
      id: 'metacity_demo',
      classes: {
        dataset: {
          name: 'Dataset',
          properties: {
            title: { type: 'STRING' },
            description: { type: 'STRING' },
            synthetic: { type: 'BOOLEAN' },
            seed: { type: 'SCALAR', componentType: 'INT32' },
          },
        },
      },
    },
    metadata: { class: 'dataset', properties: { title, description: SYNTHETIC_NOTE, synthetic: true, seed } },
  };
}

function asset(seed: number, title: string) {
  return {
    version: '1.1' as const,
    generator: `${GENERATOR} (seed ${seed})`,
    tilesetVersion: `seed-${seed}`,
    extras: { synthetic: true, title, note: SYNTHETIC_NOTE, seed, command: `npm run tools -- demo --seed ${seed}` },
  };
}

/**
 * Size of a building for level of detail, metres: the diagonal of its bounding box
 * (footprint extent and height), i.e. the largest error made by leaving it out.
 */
export function buildingSize(b: Building): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of b.parts) {
    for (const [x, y] of p.footprint) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return Math.round(Math.hypot(maxX - minX, maxY - minY, b.height) * 100) / 100;
}

function buildingFeature(b: Building): TileFeature {
  return {
    anchor: b.anchor,
    size: buildingSize(b),
    landmark: b.civic,
    build: (mesh, fid) => {
      for (const part of b.parts) extrudePart(mesh, part, fid);
    },
    properties: {
      id: b.id,
      name: b.name,
      use: b.use,
      storeys: b.storeys,
      height: b.height,
      yearBuilt: b.yearBuilt,
      synthetic: true,
    },
  };
}

function centroidOf(points: Vec2[]): Vec2 {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p[0];
    y += p[1];
  }
  return [x / points.length, y / points.length];
}

/** Geodetic position of a point given in the demo's ENU frame (metres). */
function enuToGeodeticOrigin(p: Vec2): GeoOrigin {
  // small offsets: a local spherical approximation is plenty for choosing a frame centre
  const R = 6378137;
  const lat = DEMO_ORIGIN.lat + (p[1] / R) * (180 / Math.PI);
  const lon = DEMO_ORIGIN.lon + (p[0] / (R * Math.cos((DEMO_ORIGIN.lat * Math.PI) / 180))) * (180 / Math.PI);
  return { lon: Math.round(lon * 1e7) / 1e7, lat: Math.round(lat * 1e7) / 1e7, height: DEMO_ORIGIN.height };
}

function summary(name: string, r: FeatureTilesetResult, extraBytes: number): DemoTilesetSummary {
  return { name, tiles: r.tileCount, maxLevel: r.maxLevel, features: r.featureCount, files: r.files.length, bytes: r.bytes + extraBytes };
}

async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

export async function generateDemo(options: DemoOptions): Promise<DemoResult> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0x7fffffff) throw new Error(`demo: seed must be an integer in [0, 2^31), got ${seed}`);
  const rng = createRng(seed);
  const town = generateTown(rng);
  const buildings = generateBuildings(town, rng);
  const proposal = generateProposal(town, rng);
  const today = generateToday(town, rng);
  const ground = buildGround(town);

  await mkdir(options.outDir, { recursive: true });
  for (const name of DEMO_TILESETS) await rm(join(options.outDir, name), { recursive: true, force: true });

  const rootTransform = eastNorthUpToEcef(DEMO_ORIGIN);
  const rect = { minX: -AREA_HALF, minY: -AREA_HALF, maxX: AREA_HALF, maxY: AREA_HALF };
  const gltf = { generator: `${GENERATOR} (seed ${seed})`, copyright: 'Synthetic demo data (Metacity Twin)' };
  const bar = (label: string) => (total: number) => options.progress?.(label, total) ?? { tick() {}, done() {} };
  const tilesets: DemoTilesetSummary[] = [];

  // buildings: quadtree, ≤ 40 buildings a tile, ADD refinement (see feature-tileset.ts)
  {
    const dir = join(options.outDir, 'harnosand-buildings');
    const title = 'Härnösand demo buildings (synthetic)';
    const r = await writeFeatureTileset(buildings.map(buildingFeature), {
      dir,
      rootTransform,
      rect,
      maxFeaturesPerTile: BUILDINGS_PER_TILE,
      maxDepth: BUILDINGS_MAX_DEPTH,
      levelThreshold: (level) => BUILDING_LEVEL_THRESHOLDS[level] ?? 16,
      maxPerInnerTile: BUILDINGS_PER_INNER_TILE,
      schemaId: 'metacity_demo_buildings',
      className: 'building',
      classDef: BUILDING_CLASS,
      asset: asset(seed, title),
      ...datasetMetadata(title, seed),
      gltf,
      progress: bar('buildings'),
    });
    tilesets.push(summary('harnosand-buildings', r, await fileSize(join(dir, 'tileset.json'))));
  }

  // ground: one tile, one feature per surface
  {
    const dir = join(options.outDir, 'harnosand-ground');
    const title = 'Härnösand demo ground (synthetic)';
    const features: TileFeature[] = ground.map((g) => ({
      anchor: [0, 0],
      size: 0,
      build: g.build,
      properties: { id: g.id, kind: g.kind, name: g.name, synthetic: true },
    }));
    const r = await writeFeatureTileset(features, {
      dir,
      rootTransform,
      rect,
      maxFeaturesPerTile: Infinity,
      maxDepth: 0,
      levelThreshold: () => Infinity,
      maxPerInnerTile: 0,
      schemaId: 'metacity_demo_ground',
      className: 'surface',
      classDef: SURFACE_CLASS,
      asset: asset(seed, title),
      ...datasetMetadata(title, seed),
      geometricError: 2 * AREA_HALF,
      gltf: { ...gltf, roughness: 0.95 },
      progress: bar('ground'),
    });
    tilesets.push(summary('harnosand-ground', r, await fileSize(join(dir, 'tileset.json'))));
  }

  // proposal and today: one tile each, in an ENU frame at the site's centre
  const siteOrigin = enuToGeodeticOrigin(centroidOf(proposal.site));
  const siteToEcef = eastNorthUpToEcef(siteOrigin);
  const townToSite = mat4Multiply(mat4InvertRigid(siteToEcef), rootTransform);
  const site = [
    { name: 'harnosand-proposal', title: 'Härnösand demo proposal: Kvarteret Sundsbryggan (synthetic)', buildings: proposal.buildings, label: 'proposal' },
    { name: 'harnosand-today', title: 'Härnösand demo: Kvarteret Sundsbryggan today (synthetic)', buildings: today.buildings, label: 'today' },
  ] as const;
  for (const t of site) {
    const dir = join(options.outDir, t.name);
    const r = await writeFeatureTileset(t.buildings.map(buildingFeature), {
      dir,
      rootTransform: siteToEcef,
      sourceToTileset: townToSite,
      rect,
      maxFeaturesPerTile: Infinity,
      maxDepth: 0,
      levelThreshold: () => Infinity,
      maxPerInnerTile: 0,
      schemaId: 'metacity_demo_buildings',
      className: 'building',
      classDef: BUILDING_CLASS,
      asset: asset(seed, t.title),
      ...datasetMetadata(t.title, seed),
      gltf,
      progress: bar(t.label),
    });
    tilesets.push(summary(t.name, r, await fileSize(join(dir, 'tileset.json'))));
  }

  const readme = demoReadme(seed, buildings.length, proposal.buildings.length, today.buildings.length, tilesets);
  await writeFile(join(options.outDir, 'README.md'), readme);
  return {
    seed,
    buildings: buildings.length,
    proposalBuildings: proposal.buildings.length,
    todayBuildings: today.buildings.length,
    surfaces: ground.length,
    tilesets,
    totalBytes: tilesets.reduce((s, t) => s + t.bytes, 0) + Buffer.byteLength(readme),
  };
}

function demoReadme(seed: number, buildings: number, proposal: number, today: number, tilesets: DemoTilesetSummary[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  return `# Demo tilesets — SYNTHETIC DATA

Everything in this folder is **synthetic**: a made-up district around Sambiblioteket in
Härnösand, Sweden. Buildings, names, uses, heights and construction years are invented by a
seeded generator and do not describe the real town.

Generated by \`npm run tools -- demo --seed ${seed}\` (the default seed is ${DEFAULT_DEMO_SEED}); the same
seed always gives byte-identical files. Do not edit by hand: change \`tools/demo/\` and
regenerate.

| Tileset | Contents | Tiles | Features | Size |
| --- | --- | --- | --- | --- |
${tilesets
  .map((t) => `| \`${t.name}/\` | ${describe(t.name)} | ${t.tiles} | ${t.features} | ${kb(t.bytes)} |`)
  .join('\n')}

- ${buildings} buildings, plus ${proposal} in the proposal and ${today} on its block today.
- Format: 3D Tiles 1.1, glb content (glTF 2.0) with \`EXT_meshopt_compression\` and
  \`KHR_mesh_quantization\` (a viewer needs the meshopt decoder), vertex colours, and
  \`EXT_mesh_features\` + \`EXT_structural_metadata\` (one feature per building/surface;
  properties \`id\`, \`name\`, \`use\`, \`storeys\`, \`height\`, \`yearBuilt\`, \`synthetic\`).
- Frame: the root \`transform\` is east-north-up → ECEF (EPSG:4978) at
  ${DEMO_ORIGIN.lat} N, ${DEMO_ORIGIN.lon} E, ${DEMO_ORIGIN.height} m above the WGS84 ellipsoid (the demo ground
  height, \`DEMO_GROUND_HEIGHT\` in \`tools/demo/origin.ts\`); the proposal uses the same
  convention at its site's centre, and so does today's block.
- Buildings are tiled by a quadtree (a tile is split above ${BUILDINGS_PER_TILE} buildings) with
  additive refinement (\`refine: "ADD"\`): every building is stored once; landmarks and the
  largest buildings are in the coarse tiles, the rest in the leaves.
- Ground, proposal and today are single tiles; each ground surface (streets, water, quays, park,
  blocks…) is one feature with \`id\`, \`kind\` and \`name\`.
`;
}

function describe(name: string): string {
  switch (name) {
    case 'harnosand-buildings':
      return 'buildings (quadtree, refine ADD)';
    case 'harnosand-ground':
      return 'land, streets, park, quays, water (Södra sundet)';
    case 'harnosand-today':
      return 'the block today: old sheds the proposal would replace';
    default:
      return 'planning proposal on the vacant block (Kvarteret Sundsbryggan)';
  }
}
