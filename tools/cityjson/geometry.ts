/**
 * CityJSON geometry → surfaces: walks `boundaries` of MultiSurface, CompositeSurface, Solid,
 * MultiSolid, CompositeSolid and GeometryInstance (templates), pairs every surface with its
 * semantic surface type, and picks the level of detail of an object.
 *
 * Surfaces of a solid's exterior shell form one orientation group (so that the converter can check
 * the shell faces outwards); interior shells (cavities) are skipped, never seen from outside. All
 * surfaces of a (multi/composite) surface geometry form one group. MultiPoint and MultiLineString
 * have no surfaces.
 */
import type { Vec3 } from '../lib/mesh-builder';
import type { CityJsonGeometry, CityObject } from './read';

export interface Surface {
  /** Rings in the output frame (outer first). */
  rings: Vec3[][];
  /** The same rings in the file's coordinates (validity is judged on these). */
  source: Vec3[][];
  /** Semantic surface type (`RoofSurface`…), or null. */
  semantic: string | null;
  /** Orientation group within the geometry (one per solid exterior shell, or the whole surface set). */
  group: number;
}

export interface SurfaceProblem {
  reason: string;
}

/** Resolves vertex indices to positions: `out` in the output frame, `src` in the file's CRS; null for an invalid index or coordinate. */
export interface VertexSource {
  vertex(index: number): { out: Vec3; src: Vec3 } | null;
}

export const SURFACE_TYPES = ['MultiSurface', 'CompositeSurface', 'Solid', 'MultiSolid', 'CompositeSolid', 'GeometryInstance'] as const;

/** The lod of a geometry as text (`2`, `1.2`; CityJSON 1.0 wrote numbers). */
export function lodOf(g: CityJsonGeometry): string {
  return g.lod === undefined || g.lod === null ? '' : String(g.lod);
}

function lodValue(lod: string): number {
  const v = Number(lod);
  return Number.isFinite(v) ? v : -1;
}

/** Whether geometry `g` can be drawn (it has surfaces, possibly through a template). */
export function hasSurfaces(g: CityJsonGeometry, templates?: readonly CityJsonGeometry[]): boolean {
  if (g.type === 'GeometryInstance') {
    const t = typeof g.template === 'number' ? templates?.[g.template] : undefined;
    return t !== undefined && t.type !== 'GeometryInstance' && hasSurfaces(t);
  }
  return (SURFACE_TYPES as readonly string[]).includes(g.type);
}

/** The lod a GeometryInstance or geometry draws at (an instance takes its template's). */
function effectiveLod(g: CityJsonGeometry, templates?: readonly CityJsonGeometry[]): string {
  if (g.type === 'GeometryInstance' && typeof g.template === 'number') {
    const t = templates?.[g.template];
    if (t) return lodOf(t);
  }
  return lodOf(g);
}

/**
 * Does `lod` match the `--lod` request? `2` matches `2`, `2.0`, `2.1`, `2.2`…; `2.2` matches only `2.2`.
 */
export function lodMatches(lod: string, request: string): boolean {
  if (request.includes('.')) return lodValue(lod) === lodValue(request) && lod !== '';
  return lod.split('.')[0] === request;
}

export type LodChoice = { geometries: CityJsonGeometry[]; lod: string } | { geometries: []; lod: null; reason: string };

/**
 * The geometries of an object to draw: with `request`, those at the best matching lod (`--lod 2`
 * takes the highest of 2.x); otherwise those at the object's highest lod. Every geometry at the
 * chosen lod is used (an object may have several, e.g. a Solid and a MultiSurface).
 */
export function chooseLod(obj: CityObject, request: string | undefined, templates?: readonly CityJsonGeometry[]): LodChoice {
  const drawable = (obj.geometry ?? []).filter((g) => hasSurfaces(g, templates));
  if (drawable.length === 0) {
    const has = (obj.geometry ?? []).map((g) => g.type);
    return { geometries: [], lod: null, reason: has.length ? `no surface geometry (has ${[...new Set(has)].join(', ')})` : 'no geometry' };
  }
  const candidates = request === undefined ? drawable : drawable.filter((g) => lodMatches(effectiveLod(g, templates), request));
  if (candidates.length === 0) {
    const lods = [...new Set(drawable.map((g) => effectiveLod(g, templates) || '?'))].sort();
    return { geometries: [], lod: null, reason: `no LoD ${request} geometry (has LoD ${lods.join(', ')})` };
  }
  let best = candidates[0]!;
  for (const g of candidates) if (lodValue(effectiveLod(g, templates)) > lodValue(effectiveLod(best, templates))) best = g;
  const lod = effectiveLod(best, templates);
  return { geometries: candidates.filter((g) => effectiveLod(g, templates) === lod), lod };
}

function semanticAt(g: CityJsonGeometry, path: number[]): string | null {
  const sem = g.semantics;
  if (!sem || !Array.isArray(sem.surfaces)) return null;
  let v: unknown = sem.values;
  for (const i of path) {
    if (!Array.isArray(v)) return null;
    v = v[i];
  }
  if (typeof v !== 'number') return null;
  const s = sem.surfaces[v];
  return s && typeof s.type === 'string' ? s.type : null;
}

/** A 4×4 row-major matrix applied to a point (CityJSON's `transformationMatrix` is row-major). */
function applyRowMajor(m: readonly number[], p: Vec3): Vec3 {
  return [
    m[0]! * p[0] + m[1]! * p[1] + m[2]! * p[2] + m[3]!,
    m[4]! * p[0] + m[5]! * p[1] + m[6]! * p[2] + m[7]!,
    m[8]! * p[0] + m[9]! * p[1] + m[10]! * p[2] + m[11]!,
  ];
}

/**
 * Surfaces of one geometry. `source` resolves the geometry's vertex indices; for a
 * GeometryInstance, `instanceSource(refPoint, matrix)` makes the source of its template's vertices.
 * Malformed rings are reported in `problems` (and skipped).
 */
export function geometrySurfaces(
  g: CityJsonGeometry,
  source: VertexSource,
  templates: { templates: readonly CityJsonGeometry[]; source(refIndex: number, apply: (p: Vec3) => Vec3): VertexSource | null } | undefined,
  groupBase = 0,
): { surfaces: Surface[]; problems: SurfaceProblem[]; groups: number } {
  const surfaces: Surface[] = [];
  const problems: SurfaceProblem[] = [];
  let groups = 0;

  const ringOf = (raw: unknown, src: VertexSource): { out: Vec3[]; src: Vec3[] } | string => {
    if (!Array.isArray(raw)) return 'malformed ring (not an array of vertex indices)';
    const out: Vec3[] = [];
    const inSrc: Vec3[] = [];
    for (const i of raw) {
      if (typeof i !== 'number' || !Number.isInteger(i)) return 'malformed ring (not an array of vertex indices)';
      const p = src.vertex(i);
      if (!p) return `vertex index ${i} out of range or not finite`;
      out.push(p.out);
      inSrc.push(p.src);
    }
    return { out, src: inSrc };
  };
  const surfaceOf = (raw: unknown, semantic: string | null, group: number, src: VertexSource): void => {
    if (!Array.isArray(raw) || raw.length === 0) {
      problems.push({ reason: 'malformed surface (no rings)' });
      return;
    }
    const rings: Vec3[][] = [];
    const source: Vec3[][] = [];
    for (const r of raw) {
      const ring = ringOf(r, src);
      if (typeof ring === 'string') {
        problems.push({ reason: ring });
        return;
      }
      rings.push(ring.out);
      source.push(ring.src);
    }
    surfaces.push({ rings, source, semantic, group });
  };
  const surfacesOf = (raw: unknown, semPath: number[], geom: CityJsonGeometry, src: VertexSource): void => {
    if (!Array.isArray(raw)) {
      problems.push({ reason: 'malformed boundaries' });
      return;
    }
    const group = groupBase + groups++;
    raw.forEach((s, i) => surfaceOf(s, semanticAt(geom, [...semPath, i]), group, src));
  };
  const solidOf = (raw: unknown, semPath: number[], geom: CityJsonGeometry, src: VertexSource): void => {
    if (!Array.isArray(raw) || raw.length === 0) {
      problems.push({ reason: 'malformed solid (no shells)' });
      return;
    }
    surfacesOf(raw[0], [...semPath, 0], geom, src); // exterior shell only
  };
  const walk = (geom: CityJsonGeometry, src: VertexSource): void => {
    const b = geom.boundaries;
    switch (geom.type) {
      case 'MultiSurface':
      case 'CompositeSurface':
        surfacesOf(b, [], geom, src);
        break;
      case 'Solid':
        solidOf(b, [], geom, src);
        break;
      case 'MultiSolid':
      case 'CompositeSolid':
        if (!Array.isArray(b)) problems.push({ reason: 'malformed boundaries' });
        else b.forEach((solid, i) => solidOf(solid, [i], geom, src));
        break;
      default:
        break;
    }
  };

  if (g.type === 'GeometryInstance') {
    const t = typeof g.template === 'number' ? templates?.templates[g.template] : undefined;
    const ref = Array.isArray(g.boundaries) ? g.boundaries[0] : undefined;
    const m = g.transformationMatrix;
    if (!t || typeof ref !== 'number' || !Array.isArray(m) || m.length !== 16) {
      problems.push({ reason: 'malformed GeometryInstance (template, reference point or transformationMatrix)' });
    } else {
      const src = templates!.source(ref, (p) => applyRowMajor(m, p));
      if (!src) problems.push({ reason: `GeometryInstance reference vertex ${ref} out of range` });
      else walk(t, src);
    }
  } else {
    walk(g, source);
  }
  return { surfaces, problems, groups };
}
