/**
 * CityJSON → 3D Tiles 1.1: the `cityjson` command's pipeline.
 *
 * 1. Read the file (./read.ts) and resolve its CRS (./crs.ts); check the extent fits the CRS.
 * 2. Frame: east-north-up at the centre of the dataset's extent, at the height of its lowest
 *    vertex (ellipsoidal), so ENU z ≈ 0 at the ground. Every vertex goes source CRS → WGS84
 *    lon/lat + ellipsoidal height (geoid) → ECEF → ENU, in float64.
 * 3. Features: one per top-level city object (no parent in the file). BuildingParts and other
 *    children (installations, bridge parts…) are merged into their top-level object's feature;
 *    interior objects (rooms, furniture, storeys) are skipped. LoD: `--lod` or the highest per
 *    object (each part chooses its own). Every surface is triangulated on its best-fit plane
 *    (./triangulate.ts) and coloured by type and semantics (./style.ts); refused surfaces are
 *    counted per object id.
 * 4. Tiling, glb encoding and metadata: tools/lib/feature-tileset.ts (quadtree, ADD refinement,
 *    large features promoted to coarse tiles, meshopt + quantization, EXT_mesh_features +
 *    EXT_structural_metadata; see ./attributes.ts).
 * 5. `report.json` next to `tileset.json`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { geodeticToEcef } from '../../src/geo/ellipsoid';
import { eastNorthUpToEcef, type GeoOrigin } from '../../src/geo/frame';
import type { Rgb } from '../lib/color';
import { writeFeatureTileset, type TileFeature } from '../lib/feature-tileset';
import type { MeshBuilder, Vec3 } from '../lib/mesh-builder';
import type { Progress } from '../lib/progress';
import { mat4InvertRigid } from '../lib/tileset';
import { buildAttributeSchema, mergeAttributes, type Scalar } from './attributes';
import { checkExtent, resolveSourceCrs, type SourceCrs } from './crs';
import { chooseLod, geometrySurfaces, type Surface, type VertexSource } from './geometry';
import { CityJsonInputError, readCityJson, type CityJsonGeometry, type CityModel, type CityObject } from './read';
import { familyOf, INTERIOR_TYPES, surfaceStyle } from './style';
import { triangulateSurface } from './triangulate';

export const GENERATOR = 'metacity-twin tools cityjson';

/** Tiling: split tiles above this many features… */
export const FEATURES_PER_TILE = 64;
/** …down to this depth at most. */
export const MAX_DEPTH = 10;
/** Inner tiles keep at most this many of their subtree's largest features (ADD refinement). */
export const FEATURES_PER_INNER_TILE = 16;
/** A feature is promoted into an inner tile when its size is at least this fraction of the tile's side. */
export const PROMOTE_FRACTION = 0.25;

export interface ConvertOptions {
  input: string;
  outDir: string;
  /** `--lod`: e.g. `2`, `1.2`; default: the highest per object. */
  lod?: string;
  /** `--crs`: overrides the file's referenceSystem. */
  crs?: string;
  /** Progress bar factory (label, total steps). */
  progress?: (label: string, total: number) => Progress;
}

export interface SkippedObject {
  id: string;
  type: string;
  reason: string;
}

export interface ConvertReport {
  input: string;
  cityjsonVersion: string;
  crs: { code: string; label: string; from: 'file' | 'option'; notes: string[] };
  origin: GeoOrigin;
  objects: {
    /** Top-level city objects in the file (each would be a feature). */
    input: number;
    /** All city objects, parts and children included. */
    all: number;
    /** Features written (top-level objects with something to draw). */
    features: number;
    /** Child objects merged into their top-level object's feature. */
    mergedChildren: number;
    /** Features by CityJSON type. */
    byType: Record<string, number>;
    skipped: SkippedObject[];
  };
  lod: { requested: string | null; used: Record<string, number> };
  surfaces: {
    drawn: number;
    /** Ground, closure and interior surfaces left out on purpose. */
    dropped: Record<string, number>;
    /** Invalid surfaces skipped, in total and per object id (with reasons and counts). */
    invalid: number;
    invalidByObject: Record<string, Record<string, number>>;
    /** Drawn surfaces more than 0.1 m from planar (triangulated on their best-fit plane). */
    nonPlanar: number;
  };
  attributes: { properties: number; skippedNonScalar: string[] };
  triangles: number;
  tiles: number;
  maxLevel: number;
  bytes: number;
  files: number;
}

/** Triangles of one feature, in the ENU frame, before tiling. */
class FeatureMesh {
  readonly positions: number[] = [];
  readonly normals: number[] = [];
  readonly colors: number[] = [];
  readonly indices: number[] = [];
  min: Vec3 = [Infinity, Infinity, Infinity];
  max: Vec3 = [-Infinity, -Infinity, -Infinity];

  get triangleCount(): number {
    return this.indices.length / 3;
  }

  add(points: readonly Vec3[], triangles: readonly number[], normal: Vec3, color: Rgb, flip: boolean): void {
    const base = this.positions.length / 3;
    const n: Vec3 = flip ? [-normal[0], -normal[1], -normal[2]] : normal;
    for (const p of points) {
      this.positions.push(p[0], p[1], p[2]);
      this.normals.push(n[0], n[1], n[2]);
      this.colors.push(color[0], color[1], color[2]);
      for (let k = 0; k < 3; k++) {
        if (p[k]! < this.min[k]!) this.min[k] = p[k]!;
        if (p[k]! > this.max[k]!) this.max[k] = p[k]!;
      }
    }
    for (let t = 0; t < triangles.length; t += 3) {
      if (flip) this.indices.push(base + triangles[t]!, base + triangles[t + 2]!, base + triangles[t + 1]!);
      else this.indices.push(base + triangles[t]!, base + triangles[t + 1]!, base + triangles[t + 2]!);
    }
  }

  appendTo(mesh: MeshBuilder, featureId: number): void {
    const base = mesh.vertexCount;
    const n = this.positions.length;
    for (let i = 0; i < n; i++) {
      mesh.positions.push(this.positions[i]!);
      mesh.normals.push(this.normals[i]!);
      mesh.colors.push(this.colors[i]!);
    }
    for (let i = 0; i < n / 3; i++) mesh.featureIds.push(featureId);
    for (const i of this.indices) mesh.indices.push(base + i);
  }
}

/** Signed volume of a group of surfaces relative to their centroid (> 0: normals point outwards). */
function signedVolume(surfaces: readonly Surface[]): number {
  let cx = 0;
  let cy = 0;
  let cz = 0;
  let n = 0;
  for (const s of surfaces) {
    for (const p of s.rings[0]!) {
      cx += p[0];
      cy += p[1];
      cz += p[2];
      n++;
    }
  }
  if (n === 0) return 0;
  cx /= n;
  cy /= n;
  cz /= n;
  let v = 0;
  for (const s of surfaces) {
    const r = s.rings[0]!;
    const a = r[0]!;
    for (let i = 1; i + 1 < r.length; i++) {
      const b = r[i]!;
      const c = r[i + 1]!;
      const ax = a[0] - cx;
      const ay = a[1] - cy;
      const az = a[2] - cz;
      const bx = b[0] - cx;
      const by = b[1] - cy;
      const bz = b[2] - cz;
      const qx = c[0] - cx;
      const qy = c[1] - cy;
      const qz = c[2] - cz;
      v += (ax * (by * qz - bz * qy) - ay * (bx * qz - bz * qx) + az * (bx * qy - by * qx)) / 6;
    }
  }
  return v;
}

/** Parent → children, from both `children` and `parents` (files often fill only one of them). */
function childMap(model: CityModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (parent: string, child: string) => {
    if (!model.cityObjects.has(parent) || !model.cityObjects.has(child) || parent === child) return;
    let list = out.get(parent);
    if (!list) out.set(parent, (list = []));
    if (!list.includes(child)) list.push(child);
  };
  for (const [id, o] of model.cityObjects) {
    for (const c of Array.isArray(o.children) ? o.children : []) add(id, c);
    for (const p of Array.isArray(o.parents) ? o.parents : []) add(p, id);
  }
  return out;
}

function isTopLevel(model: CityModel, o: CityObject): boolean {
  const parents = Array.isArray(o.parents) ? o.parents : [];
  return !parents.some((p) => model.cityObjects.has(p));
}

/** Extent of all finite vertices (source CRS). */
function extent(v: Float64Array): { min: Vec3; max: Vec3 } | null {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < v.length; i += 3) {
    const x = v[i]!;
    const y = v[i + 1]!;
    const z = v[i + 2]!;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) continue;
    if (x < min[0]) min[0] = x;
    if (y < min[1]) min[1] = y;
    if (z < min[2]) min[2] = z;
    if (x > max[0]) max[0] = x;
    if (y > max[1]) max[1] = y;
    if (z > max[2]) max[2] = z;
  }
  return min[0] <= max[0] ? { min, max } : null;
}

/** Source CRS → ENU (metres) at `origin`. */
function enuProjector(crs: SourceCrs, origin: GeoOrigin): (x: number, y: number, z: number) => Vec3 {
  const ecefToEnu = mat4InvertRigid(eastNorthUpToEcef(origin));
  const m = ecefToEnu;
  return (x, y, z) => {
    const [lon, lat, h] = crs.toGeodetic(x, y, z);
    const [X, Y, Z] = geodeticToEcef(lon, lat, h);
    return [m[0]! * X + m[4]! * Y + m[8]! * Z + m[12]!, m[1]! * X + m[5]! * Y + m[9]! * Z + m[13]!, m[2]! * X + m[6]! * Y + m[10]! * Z + m[14]!];
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function convertCityJson(o: ConvertOptions): Promise<ConvertReport> {
  const model = await readCityJson(o.input);
  const crs = resolveSourceCrs(model.referenceSystem, o.crs);
  if (model.cityObjects.size === 0) throw new CityJsonInputError(`${o.input} has no city objects`);
  const ext = extent(model.vertices);
  if (!ext) throw new CityJsonInputError(`${o.input} has no (finite) vertices`);
  checkExtent(crs, [ext.min[0], ext.min[1]], [ext.max[0], ext.max[1]]);

  // frame: ENU at the extent's centre, at the lowest vertex's ellipsoidal height
  const [lon0, lat0, h0] = crs.toGeodetic((ext.min[0] + ext.max[0]) / 2, (ext.min[1] + ext.max[1]) / 2, ext.min[2]);
  const origin: GeoOrigin = { lon: round(lon0, 7), lat: round(lat0, 7), height: round(h0, 2) };
  const rootTransform = eastNorthUpToEcef(origin);
  const toEnu = enuProjector(crs, origin);

  // vertices → ENU, converted once, on first use
  const nv = model.vertices.length / 3;
  const enu = new Float64Array(nv * 3);
  const state = new Uint8Array(nv); // 0 not yet, 1 done, 2 invalid
  const vertexSource: VertexSource = {
    vertex(i) {
      if (i < 0 || i >= nv) return null;
      const x = model.vertices[i * 3]!;
      const y = model.vertices[i * 3 + 1]!;
      const z = model.vertices[i * 3 + 2]!;
      if (state[i] === 0) {
        if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) state[i] = 2;
        else {
          const p = toEnu(x, y, z);
          enu[i * 3] = p[0];
          enu[i * 3 + 1] = p[1];
          enu[i * 3 + 2] = p[2];
          state[i] = 1;
        }
      }
      return state[i] === 1 ? { out: [enu[i * 3]!, enu[i * 3 + 1]!, enu[i * 3 + 2]!], src: [x, y, z] } : null;
    },
  };
  const templateCtx = model.templates
    ? {
        templates: model.templates.templates,
        source(ref: number, apply: (p: Vec3) => Vec3): VertexSource | null {
          if (ref < 0 || ref >= nv) return null;
          const rx = model.vertices[ref * 3]!;
          const ry = model.vertices[ref * 3 + 1]!;
          const rz = model.vertices[ref * 3 + 2]!;
          const tv = model.templates!.vertices;
          return {
            vertex(i) {
              if (i < 0 || i >= tv.length / 3) return null;
              const p = apply([tv[i * 3]!, tv[i * 3 + 1]!, tv[i * 3 + 2]!]);
              const src: Vec3 = [p[0] + rx, p[1] + ry, p[2] + rz];
              if (!src.every(Number.isFinite)) return null;
              return { out: toEnu(src[0], src[1], src[2]), src };
            },
          };
        },
      }
    : undefined;

  const children = childMap(model);
  const tops = [...model.cityObjects].filter(([, obj]) => isTopLevel(model, obj));
  const bar = o.progress?.('cityjson', tops.length);

  const report: ConvertReport = {
    input: o.input,
    cityjsonVersion: model.version,
    crs: { code: crs.code, label: crs.label, from: crs.from, notes: crs.notes },
    origin,
    objects: { input: tops.length, all: model.cityObjects.size, features: 0, mergedChildren: 0, byType: {}, skipped: [] },
    lod: { requested: o.lod ?? null, used: {} },
    surfaces: { drawn: 0, dropped: {}, invalid: 0, invalidByObject: {}, nonPlanar: 0 },
    attributes: { properties: 0, skippedNonScalar: [] },
    triangles: 0,
    tiles: 0,
    maxLevel: 0,
    bytes: 0,
    files: 0,
  };
  const invalid = (id: string, reason: string) => {
    const per = (report.surfaces.invalidByObject[id] ??= {});
    per[reason] = (per[reason] ?? 0) + 1;
    report.surfaces.invalid++;
  };

  interface Pending {
    id: string;
    type: string;
    mesh: FeatureMesh;
    lods: string[];
    parts: number;
    attributes: Map<string, Scalar>;
  }
  const pending: Pending[] = [];
  const nonScalar = new Set<string>();
  let anyChildren = false;

  for (const [id, top] of tops) {
    // the object and its descendants (depth first), interior objects left out
    const members: [string, CityObject][] = [];
    const visit = (mid: string, depth: number) => {
      const obj = model.cityObjects.get(mid)!;
      if (depth > 0 && INTERIOR_TYPES.has(obj.type)) return;
      if (members.some(([m]) => m === mid)) return;
      members.push([mid, obj]);
      for (const c of children.get(mid) ?? []) visit(c, depth + 1);
    };
    visit(id, 0);
    if (members.length > 1) anyChildren = true;

    const mesh = new FeatureMesh();
    const lods = new Set<string>();
    let drawnParts = 0;
    const reasons: string[] = [];
    for (const [mid, obj] of members) {
      const choice = chooseLod(obj, o.lod, model.templates?.templates);
      if (choice.lod === null) {
        if (mid === id || (obj.geometry ?? []).length > 0) reasons.push(mid === id ? choice.reason : `${mid}: ${choice.reason}`);
        continue;
      }
      const before = mesh.triangleCount;
      drawGeometries(mid, obj.type, choice.geometries, vertexSource, templateCtx, mesh, report, invalid);
      if (mesh.triangleCount > before) {
        lods.add(choice.lod);
        if (mid !== id) drawnParts++;
      }
    }
    bar?.tick(id);
    if (mesh.triangleCount === 0) {
      const why = report.surfaces.invalidByObject[id] || members.some(([m]) => report.surfaces.invalidByObject[m])
        ? 'every surface is invalid or dropped'
        : reasons.length
          ? reasons.join('; ')
          : 'nothing to draw (only ground or closure surfaces)';
      report.objects.skipped.push({ id, type: top.type, reason: why });
      continue;
    }
    report.objects.mergedChildren += drawnParts;
    const attributes = mergeAttributes(
      top.attributes,
      members.slice(1).map(([, m]) => m.attributes),
      nonScalar,
    );
    pending.push({ id, type: top.type, mesh, lods: [...lods].sort(), parts: drawnParts, attributes });
  }
  bar?.done();

  if (pending.length === 0) {
    const sample = report.objects.skipped.slice(0, 3).map((s) => `${s.id}: ${s.reason}`);
    throw new CityJsonInputError(`nothing to convert: none of the ${tops.length} city objects has drawable geometry${o.lod ? ` at LoD ${o.lod}` : ''} (${sample.join('; ')})`);
  }

  const schema = buildAttributeSchema(
    pending.map((p) => p.attributes),
    nonScalar,
    anyChildren,
  );
  report.attributes = { properties: Object.keys(schema.classDef.properties).length, skippedNonScalar: schema.nonScalar };

  const features: TileFeature[] = pending.map((p) => {
    const { min, max } = p.mesh;
    report.objects.byType[p.type] = (report.objects.byType[p.type] ?? 0) + 1;
    const lod = p.lods.join(', ');
    report.lod.used[lod] = (report.lod.used[lod] ?? 0) + 1;
    report.triangles += p.mesh.triangleCount;
    return {
      anchor: [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2],
      size: round(Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]), 2),
      build: (mesh, fid) => p.mesh.appendTo(mesh, fid),
      properties: schema.row({ id: p.id, type: p.type, lod, parts: p.parts }, p.attributes),
    };
  });
  report.objects.features = features.length;

  // quadtree over a square around the anchors
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const f of features) {
    minX = Math.min(minX, f.anchor[0]);
    minY = Math.min(minY, f.anchor[1]);
    maxX = Math.max(maxX, f.anchor[0]);
    maxY = Math.max(maxY, f.anchor[1]);
  }
  const half = Math.max(maxX - minX, maxY - minY) / 2 + 1;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const side = 2 * half;

  await mkdir(o.outDir, { recursive: true });
  for (const f of ['content', 'tileset.json', 'report.json']) await rm(join(o.outDir, f), { recursive: true, force: true });
  const source = basename(o.input);
  const result = await writeFeatureTileset(features, {
    dir: o.outDir,
    rootTransform,
    rect: { minX: cx - half, minY: cy - half, maxX: cx + half, maxY: cy + half },
    maxFeaturesPerTile: FEATURES_PER_TILE,
    maxDepth: MAX_DEPTH,
    levelThreshold: (level) => (side / 2 ** level) * PROMOTE_FRACTION,
    maxPerInnerTile: FEATURES_PER_INNER_TILE,
    schemaId: 'cityjson',
    className: 'cityobject',
    classDef: schema.classDef,
    asset: {
      version: '1.1',
      generator: GENERATOR,
      extras: { source, cityjsonVersion: model.version, crs: crs.label, origin, notes: crs.notes },
    },
    gltf: { generator: GENERATOR },
    ...(o.progress ? { progress: (n: number) => o.progress!('tiles', n) } : {}),
  });
  report.tiles = result.tileCount;
  report.maxLevel = result.maxLevel;
  report.bytes = result.bytes;
  report.files = result.files.length;
  await writeFile(join(o.outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  return report;
}

/** Triangulates and colours an object's geometries into `mesh`. */
function drawGeometries(
  objectId: string,
  type: string,
  geometries: readonly CityJsonGeometry[],
  source: VertexSource,
  templates: Parameters<typeof geometrySurfaces>[2],
  mesh: FeatureMesh,
  report: ConvertReport,
  invalid: (id: string, reason: string) => void,
): void {
  const family = familyOf(type);
  for (const g of geometries) {
    const { surfaces, problems } = geometrySurfaces(g, source, templates);
    for (const p of problems) invalid(objectId, p.reason);
    const solid = g.type === 'Solid' || g.type === 'MultiSolid' || g.type === 'CompositeSolid' || (g.type === 'GeometryInstance' && /Solid/.test(String(templates?.templates[g.template ?? -1]?.type)));
    // orientation groups that face inwards are turned around (closed shells, building surfaces)
    const flipGroup = new Set<number>();
    if (solid || family === 'building' || family === 'bridge' || family === 'tunnel') {
      const groups = new Map<number, Surface[]>();
      for (const s of surfaces) {
        let list = groups.get(s.group);
        if (!list) groups.set(s.group, (list = []));
        list.push(s);
      }
      for (const [gid, list] of groups) if (signedVolume(list) < 0) flipGroup.add(gid);
    }
    for (const s of surfaces) {
      const t = triangulateSurface(s.rings, s.source);
      if (!t.ok) {
        invalid(objectId, t.reason);
        continue;
      }
      let flip = flipGroup.has(s.group);
      let both = false;
      if (!solid && family === 'ground') {
        // ground-like surfaces face up; steep ones are seen from both sides
        flip = t.normal[2] < 0;
        both = Math.abs(t.normal[2]) < 0.2;
      } else if (!solid && family === 'open') {
        both = true;
      }
      const nz = flip ? -t.normal[2] : t.normal[2];
      const style = surfaceStyle(type, s.semantic, nz);
      if (style.color === null) {
        report.surfaces.dropped[style.kind] = (report.surfaces.dropped[style.kind] ?? 0) + 1;
        continue;
      }
      mesh.add(t.points, t.triangles, t.normal, style.color, flip);
      if (both) mesh.add(t.points, t.triangles, t.normal, style.color, !flip);
      report.surfaces.drawn++;
      if (t.nonPlanarity > 0.1) report.surfaces.nonPlanar++;
    }
  }
}
