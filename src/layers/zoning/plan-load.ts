/**
 * Fetches, parses, meshes and indexes a plan: the whole pipeline of a zoning layer's data, in one
 * call that runs in a Web Worker (`plan.worker.ts`) or, where workers are unavailable, in place.
 */
import { fetchText, PLAN_MAX_BYTES } from '../../sources/fetch-limited';
import { parsePlan, type GeoJsonPlanMapping } from '../../sources/plans';
import type { PlanDocument, PlanFormat } from '../../sources/plans/plan-document';
import { buildPlanMeshes, type PlanMeshes, type PlanMeshParams } from './plan-meshes';
import { buildPlanIndex, type PlanIndexData } from './plan-index';

export interface PlanLoadRequest extends PlanMeshParams {
  /** Absolute URL of the plan file. */
  url: string;
  format: PlanFormat | 'auto';
  /** CRS for files that do not state one, e.g. `EPSG:3014`. */
  crs?: string;
  mapping?: GeoJsonPlanMapping;
}

export interface PlanLoadResult {
  doc: PlanDocument;
  /** The plan's draping batches, envelopes and labels, for `PlanObjects`. */
  geometry: PlanMeshes;
  /** The spatial index of the plan's areas (for `PlanIndex`). */
  index: PlanIndexData;
}

export async function loadPlan(req: PlanLoadRequest): Promise<PlanLoadResult> {
  const text = await fetchText(req.url, { maxBytes: PLAN_MAX_BYTES, what: 'plan' });
  const doc = parsePlan(text, { format: req.format, crs: req.crs, mapping: req.mapping });
  const geometry = buildPlanMeshes(doc, req);
  return { doc, geometry, index: buildPlanIndex(doc) };
}
