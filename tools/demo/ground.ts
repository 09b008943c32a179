/**
 * Ground surfaces of the district, all flat at the demo ground height (z = 0 in the ENU
 * frame) except the water, which lies `WATER_LEVEL` below, bounded by vertical quay walls:
 * street network (land minus blocks, darker grey), block surfaces (light grey-green land,
 * green parks, paved squares, gravel on the vacant plot…), stone quay strips along both
 * shores, and the strait Södra sundet. Surfaces never overlap, so nothing z-fights.
 * Each surface is one feature (`id`, `kind`, `name`).
 */
import type { Rgb } from '../lib/color';
import { clipHalfPlanes, offsetPolyline, type HalfPlane, type Polygon, type Vec2 } from '../lib/geom2d';
import type { MeshBuilder } from '../lib/mesh-builder';
import { GROUND } from './palette';
import { AREA_HALF, QUAY_WIDTH, WATER_LEVEL, type BlockKind, type TownLayout } from './town';

export type SurfaceKind = 'gata' | 'vatten' | 'kaj' | 'park' | 'grönyta' | 'torg' | 'kvarter' | 'skolgård' | 'industriområde' | 'tomt';

export interface Surface {
  id: string;
  kind: SurfaceKind;
  name: string;
  /** Appends the surface's triangles with the given feature ID. */
  build(mesh: MeshBuilder, featureId: number): void;
}

const BLOCK_SURFACE: Record<BlockKind, { kind: SurfaceKind; color: Rgb }> = {
  perimeter: { kind: 'kvarter', color: GROUND.land },
  villa: { kind: 'kvarter', color: GROUND.land },
  industrial: { kind: 'industriområde', color: GROUND.industrial },
  park: { kind: 'park', color: GROUND.park },
  green: { kind: 'grönyta', color: GROUND.grass },
  square: { kind: 'torg', color: GROUND.paving },
  library: { kind: 'torg', color: GROUND.paving },
  church: { kind: 'park', color: GROUND.grass },
  school: { kind: 'skolgård', color: GROUND.yard },
  vacant: { kind: 'tomt', color: GROUND.gravel },
};

const AREA_PLANES: HalfPlane[] = [
  { nx: -1, ny: 0, c: AREA_HALF },
  { nx: 1, ny: 0, c: AREA_HALF },
  { nx: 0, ny: -1, c: AREA_HALF },
  { nx: 0, ny: 1, c: AREA_HALF },
];

function clipToArea(poly: Polygon): Polygon {
  return clipHalfPlanes(poly, AREA_PLANES);
}

/** Part of a west→east polyline inside the area (clipped at x = ±AREA_HALF). */
function clipLineX(line: Vec2[]): Vec2[] {
  const out: Vec2[] = [];
  const at = (a: Vec2, b: Vec2, x: number): Vec2 => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    if (b[0] <= -AREA_HALF || a[0] >= AREA_HALF) continue;
    if (out.length === 0) out.push(a[0] < -AREA_HALF ? at(a, b, -AREA_HALF) : a);
    out.push(b[0] > AREA_HALF ? at(a, b, AREA_HALF) : b);
  }
  return out;
}

export function buildGround(town: TownLayout): Surface[] {
  const surfaces: Surface[] = [];
  const surface = (kind: SurfaceKind, name: string, build: Surface['build']): void => {
    surfaces.push({ id: `HND-S-${String(surfaces.length + 1).padStart(4, '0')}`, kind, name, build });
  };
  const far = AREA_HALF + 200;
  const north = town.northShore;
  const south = town.southShore;
  const northQuayInner = offsetPolyline(north, QUAY_WIDTH);
  const southQuayInner = offsetPolyline(south, -QUAY_WIDTH);

  // water, between the shores, below the quays
  const water = clipToArea([...north, ...south.slice().reverse()]);
  surface('vatten', 'Södra sundet', (mesh, fid) => mesh.addHorizontal(water, WATER_LEVEL, GROUND.water, fid));

  // quay strips and quay walls
  const northQuay = clipToArea([...north, ...northQuayInner.slice().reverse()]);
  const southQuay = clipToArea([...southQuayInner, ...south.slice().reverse()]);
  const wallBottom = WATER_LEVEL - 0.6;
  const n = clipLineX(north);
  const s = clipLineX(south).reverse();
  surface('kaj', 'Norra kajen', (mesh, fid) => {
    mesh.addHorizontal(northQuay, 0, GROUND.quay, fid);
    for (let i = 0; i + 1 < n.length; i++) mesh.addWall(n[i]!, n[i + 1]!, wallBottom, 0, GROUND.quayWall, fid); // faces south
  });
  surface('kaj', 'Södra kajen', (mesh, fid) => {
    mesh.addHorizontal(southQuay, 0, GROUND.quay, fid);
    for (let i = 0; i + 1 < s.length; i++) mesh.addWall(s[i]!, s[i + 1]!, wallBottom, 0, GROUND.quayWall, fid); // faces north
  });

  // street networks: land minus blocks (blocks are holes)
  const northLand = clipToArea([...northQuayInner, [far, far], [-far, far]]);
  const southLand = clipToArea([...southQuayInner, [far, -far], [-far, -far]]);
  const northBlocks = town.blocks.filter((b) => b.side === 'north').map((b) => b.polygon);
  const southBlocks = town.blocks.filter((b) => b.side === 'south').map((b) => b.polygon);
  surface('gata', 'Gatunät norr om sundet', (mesh, fid) => mesh.addHorizontal(northLand, 0, GROUND.street, fid, northBlocks));
  surface('gata', 'Gatunät söder om sundet', (mesh, fid) => mesh.addHorizontal(southLand, 0, GROUND.street, fid, southBlocks));

  // block surfaces
  for (const b of town.blocks) {
    const { kind, color } = BLOCK_SURFACE[b.kind];
    surface(kind, b.name, (mesh, fid) => mesh.addHorizontal(b.polygon, 0, color, fid));
  }
  return surfaces;
}
