/**
 * Footprint extrusion: turns a building part (2D footprint + heights + roof shape) into
 * closed, outward-facing, flat-shaded triangles in a z-up frame. No floor is emitted
 * (buildings stand on the ground surface).
 *
 * Roofs:
 * - `flat`: the footprint at eave height (any simple polygon, concave allowed).
 * - `gable`: for quadrilateral footprints `[p0, p1, p2, p3]` (CCW); the ridge runs parallel
 *   to the edge p0→p1, between the midpoints of p3→p0 and p1→p2, which get gable walls.
 * - `pyramid`: for convex footprints; apex above the centroid (church spires, pavilions).
 */
import type { Rgb } from './color';
import { centroid, ensureCcw, lerp2, type Vec2 } from './geom2d';
import type { MeshBuilder, Vec3 } from './mesh-builder';

export type RoofShape =
  | { kind: 'flat' }
  | { kind: 'gable'; /** ridge height above the eaves, metres */ rise: number }
  | { kind: 'pyramid'; /** apex height above the eaves, metres */ rise: number };

/** A horizontal band of wall colour, from `from` metres above the base. */
export interface WallBand {
  from: number;
  color: Rgb;
}

export interface BuildingPart {
  /** Footprint, metres; any winding (it is made CCW). */
  footprint: Vec2[];
  /** Height of the bottom of the walls, metres. */
  base: number;
  /** Height of the top of the walls (eaves), metres. */
  eave: number;
  roof: RoofShape;
  /** Main wall colour. */
  wallColor: Rgb;
  /** Optional extra bands (e.g. a darker plinth from 0, a shop-front ground floor), sorted by `from`. */
  bands?: WallBand[];
  roofColor: Rgb;
}

/** Highest point of a part, metres. */
export function partTop(part: BuildingPart): number {
  const roof = effectiveRoof(part);
  return part.eave + (roof.kind === 'flat' ? 0 : roof.rise);
}

function effectiveRoof(part: BuildingPart): RoofShape {
  if (part.roof.kind === 'gable' && part.footprint.length !== 4) return { kind: 'flat' };
  return part.roof;
}

/** Appends a part's walls and roof to `mesh`, all vertices tagged with `featureId`. */
export function extrudePart(mesh: MeshBuilder, part: BuildingPart, featureId: number): void {
  const fp = ensureCcw(part.footprint);
  const n = fp.length;
  if (n < 3 || part.eave <= part.base) return;
  const roof = effectiveRoof(part);

  // wall bands: [z0, z1, colour] from base to eave
  const stops: { z: number; color: Rgb }[] = [{ z: part.base, color: part.wallColor }];
  for (const b of part.bands ?? []) {
    const z = part.base + b.from;
    if (z <= part.base) stops[0] = { z: part.base, color: b.color };
    else if (z < part.eave) stops.push({ z, color: b.color });
  }
  stops.sort((a, b) => a.z - b.z);
  // a band ends where the next begins; after the last explicit band the main colour resumes
  const bands: { z0: number; z1: number; color: Rgb }[] = [];
  for (let i = 0; i < stops.length; i++) {
    const s = stops[i]!;
    const z1 = i + 1 < stops.length ? stops[i + 1]!.z : part.eave;
    bands.push({ z0: s.z, z1, color: s.color });
  }

  for (let i = 0; i < n; i++) {
    const a = fp[i]!;
    const b = fp[(i + 1) % n]!;
    for (const band of bands) mesh.addWall(a, b, band.z0, band.z1, band.color, featureId);
  }

  const top = (p: Vec2, z = part.eave): Vec3 => [p[0], p[1], z];
  if (roof.kind === 'flat') {
    mesh.addPolygon(fp.map((p) => top(p)), part.roofColor, featureId);
  } else if (roof.kind === 'gable') {
    const [p0, p1, p2, p3] = fp as [Vec2, Vec2, Vec2, Vec2];
    const zr = part.eave + roof.rise;
    const r0 = top(lerp2(p3, p0, 0.5), zr);
    const r1 = top(lerp2(p1, p2, 0.5), zr);
    // gable walls (wall colour) above the eaves on p1→p2 and p3→p0
    mesh.addTriangle(top(p1), top(p2), r1, part.wallColor, featureId);
    mesh.addTriangle(top(p3), top(p0), r0, part.wallColor, featureId);
    // two roof planes (split into triangles: a trapezoid footprint makes them slightly non-planar)
    mesh.addTriangle(top(p0), top(p1), r1, part.roofColor, featureId);
    mesh.addTriangle(top(p0), r1, r0, part.roofColor, featureId);
    mesh.addTriangle(top(p2), top(p3), r0, part.roofColor, featureId);
    mesh.addTriangle(top(p2), r0, r1, part.roofColor, featureId);
  } else {
    const c = centroid(fp);
    const apex: Vec3 = [c[0], c[1], part.eave + roof.rise];
    for (let i = 0; i < n; i++) {
      mesh.addTriangle(top(fp[i]!), top(fp[(i + 1) % n]!), apex, part.roofColor, featureId);
    }
  }
}
