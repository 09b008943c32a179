/**
 * Turns a parsed plan into the zoning layer's merged meshes (`PlanMeshes`; not to be confused
 * with a provision's `PlanGeometry` in lon/lat): draping batches (use-area fills by colour, then
 * prickmark and korsmark, then outlines) and one envelope mesh for maximum heights.
 * Pure TypeScript over `src/geo` and earcut, so it runs in a Web Worker.
 */
import { createGeoidModel, createSceneFrame, rh2000ToEllipsoidal, type GeoOrigin, type GeoidModel, type SceneFrame } from '../../geo';
import { EGM96_SWEDEN_GRID } from '../../geo/geoid-egm96-regions';
import type { PlanDocument, PlanWarning, Polygon, Provision } from '../../sources/plans/plan-document';
import { FALLBACK_COLOUR } from '../../sources/plans/palette';
import { MeshBuilder, PATTERN, type MeshArrays, type Rgba } from './mesh-buffers';
import { buildPlanLabels, type PlanLabels } from './plan-labels';
import { appendEdgeBox, appendPrism } from './prism';

export interface PlanMeshParams {
  /** The scene origin the positions are relative to. */
  origin: GeoOrigin;
  /** Ground height under the plan above the WGS84 ellipsoid, metres. */
  groundHeight: number;
  /** Half-height of the draping volumes around `groundHeight`, metres. */
  drapeRange: number;
}

/**
 * One draping batch: volumes of one colour and pattern, drawn with one set of stencil passes
 * (../drape/drape-materials), which colour each pixel once however many of them overlap there.
 * `outline` batches are widened on screen by the shader.
 */
export interface DrapeBatch {
  kind: 'fill' | 'pattern' | 'outline';
  mesh: MeshArrays;
}

export interface PlanMeshes {
  /** Draping batches in drawing order (fills, then patterns, then outlines on top). */
  drape: DrapeBatch[];
  /** Translucent maximum-height envelopes. */
  envelopes: MeshArrays;
  /** Envelope edges as line-segment vertex pairs, scene metres. */
  envelopeEdges: Float32Array;
  /** The plan map's symbols (B, GATA, h1…) and where they stand. */
  labels: PlanLabels;
  /** Counts, for status and tests. */
  counts: { fills: number; patterns: number; outlines: number; envelopes: number };
  warnings: PlanWarning[];
}

/** One colour for every outline (they share one batch); the plan boundary is wider. */
const OUTLINE: Rgba = [20, 20, 20, 255];
const NO_BUILD: Rgba = [40, 40, 40, 235];
const FILL_ALPHA = 230;

function hexToRgba(hex: string | undefined, alpha: number): Rgba | null {
  if (!hex) return null;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16), alpha] : null;
}

/** Areas of unknown use: the palette's fallback colour, more transparent than known uses. */
const UNKNOWN_USE: Rgba = hexToRgba(FALLBACK_COLOUR, 150)!;
const ENVELOPE_TOP: Rgba = [250, 246, 235, 95];
const ENVELOPE_WALL: Rgba = [235, 232, 245, 70];

/** Half-widths of outlines on screen, CSS pixels. */
const HALF_PX = { boundary: 2.2, use: 1.1, property: 0.7 };

/** Geoid for heights over nollplanet (RH 2000): EGM96 over Sweden, nearest edge outside it (±0.5–1 m). */
const SWEDEN_GEOID: GeoidModel = createGeoidModel({ grid: EGM96_SWEDEN_GRID, outside: 'clamp', description: 'EGM96 over Sweden' });

/** Korsmark: land where only complementary buildings may be built. */
function isKorsmark(p: Provision): boolean {
  return /endast\s+förses\s+med\s+komplementbyggnad/i.test(p.text);
}

function centroid(polygon: Polygon): [number, number] {
  let lon = 0, lat = 0;
  const ring = polygon[0]!;
  for (const [x, y] of ring) {
    lon += x;
    lat += y;
  }
  return [lon / ring.length, lat / ring.length];
}

export function buildPlanMeshes(doc: PlanDocument, params: PlanMeshParams): PlanMeshes {
  const frame: SceneFrame = createSceneFrame(params.origin);
  const bottom = params.groundHeight - params.drapeRange;
  const top = params.groundHeight + params.drapeRange;
  const outlines = new MeshBuilder();
  // prickmark and korsmark each their own batch, so that where they overlap both are drawn
  const dots = new MeshBuilder();
  const crosses = new MeshBuilder();
  const fillsByColour = new Map<string, MeshBuilder>();
  const seen = new Set<string>();
  const envelopes = new MeshBuilder();
  const edges: number[] = [];
  const warnings: PlanWarning[] = [];
  const counts = { fills: 0, patterns: 0, outlines: 0, envelopes: 0 };
  const p: [number, number, number] = [0, 0, 0];

  // outline edges, each drawn once at the widest width that any area gives it (neighbours share edges)
  const edgeWidths = new Map<string, { a: [number, number]; b: [number, number]; halfPx: number }>();
  const addOutline = (polygons: Polygon[], halfPx: number) => {
    for (const ring of polygons.flat()) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i]!;
        const b = ring[(i + 1) % ring.length]!;
        const ka = `${a[0].toFixed(7)},${a[1].toFixed(7)}`;
        const kb = `${b[0].toFixed(7)},${b[1].toFixed(7)}`;
        const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const edge = edgeWidths.get(key);
        if (!edge) edgeWidths.set(key, { a, b, halfPx });
        else edge.halfPx = Math.max(edge.halfPx, halfPx);
      }
    }
    counts.outlines++;
  };
  for (const plan of doc.plans) if (plan.boundary.length > 0) addOutline(plan.boundary, HALF_PX.boundary);

  for (const prov of doc.provisions) {
    const polygons = prov.geometry.polygons;
    if (polygons.length === 0) continue;
    if (prov.kind === 'användning') {
      const colour = hexToRgba(prov.colour, FILL_ALPHA) ?? UNKNOWN_USE;
      if (!prov.colour) warnings.push({ featureId: prov.id, message: `No colour is known for the use “${prov.designation ?? prov.text}”; it is drawn grey.` });
      const key = colour.join(',');
      let fills = fillsByColour.get(key);
      if (!fills) fillsByColour.set(key, (fills = new MeshBuilder()));
      for (const polygon of polygons) {
        // the same area twice in one colour is drawn once (saves the work; it would not show)
        const id = `${key}|${JSON.stringify(polygon)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (appendPrism(fills, frame, polygon, { bottom, top, colour })) counts.fills++;
        else warnings.push({ featureId: prov.id, message: 'An area could not be triangulated and is not drawn.' });
      }
      addOutline(polygons, HALF_PX.use);
    } else if (prov.kind === 'egenskap') {
      const pattern = prov.noBuild ? PATTERN.dots : isKorsmark(prov) ? PATTERN.crosses : null;
      if (pattern !== null) {
        const patterns = pattern === PATTERN.dots ? dots : crosses;
        for (const polygon of polygons) if (appendPrism(patterns, frame, polygon, { bottom, top, colour: NO_BUILD, pattern })) counts.patterns++;
      }
      addOutline(polygons, HALF_PX.property);
    }

    const limit = prov.heightLimit;
    if (!limit) continue;
    for (const polygon of polygons) {
      const [lon, lat] = centroid(polygon);
      const roof = limit.reference === 'mark' ? params.groundHeight + limit.metres : rh2000ToEllipsoidal(SWEDEN_GEOID, lon, lat, limit.metres);
      if (!(roof > params.groundHeight + 0.01)) {
        warnings.push({ featureId: prov.id, message: `The ${limit.kind} of ${limit.metres} m (${limit.reference === 'mark' ? 'over the ground' : 'over nollplanet'}) lies at or below the ground; no envelope is drawn.` });
        continue;
      }
      if (!appendPrism(envelopes, frame, polygon, { bottom: params.groundHeight, top: roof, colour: ENVELOPE_TOP, wallColour: ENVELOPE_WALL })) continue;
      counts.envelopes++;
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i++) {
          const [lon0, lat0] = ring[i]!;
          const [lon1, lat1] = ring[(i + 1) % ring.length]!;
          frame.toLocal(lon0, lat0, roof, p);
          edges.push(p[0], p[1], p[2]);
          frame.toLocal(lon1, lat1, roof, p);
          edges.push(p[0], p[1], p[2]);
          frame.toLocal(lon0, lat0, roof, p);
          edges.push(p[0], p[1], p[2]);
          frame.toLocal(lon0, lat0, params.groundHeight, p);
          edges.push(p[0], p[1], p[2]);
        }
      }
    }
  }

  for (const { a, b, halfPx } of edgeWidths.values()) appendEdgeBox(outlines, frame, a, b, bottom, top, OUTLINE, halfPx);

  const drape: DrapeBatch[] = [];
  for (const fills of fillsByColour.values()) if (fills.vertexCount > 0) drape.push({ kind: 'fill', mesh: fills.finish() });
  for (const patterns of [dots, crosses]) if (patterns.vertexCount > 0) drape.push({ kind: 'pattern', mesh: patterns.finish() });
  if (outlines.vertexCount > 0) drape.push({ kind: 'outline', mesh: outlines.finish() });
  const labels = buildPlanLabels(doc, params.origin, params.groundHeight);
  return { drape, envelopes: envelopes.finish(), envelopeEdges: Float32Array.from(edges), labels, counts, warnings };
}
