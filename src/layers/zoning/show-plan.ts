/**
 * Puts a plan that the worker has read and meshed on its layer: builds the three.js objects,
 * hands them to the handle, and says what the layer's status becomes. When the objects cannot
 * be built (a canvas or buffer that cannot be allocated, a malformed reply), nothing half-built
 * stays on the layer and the status is `error` with the reason, so the layer never stays
 * `loading`.
 */
import type { PlanWarning } from '../../sources/plans/plan-document';
import type { LayerStatus } from '../../state/layer-status-store';
import type { PlanLoadResult } from './plan-load';
import { PlanObjects } from './plan-objects';
import type { ZoningHandle } from './zoning-handle';

/** Most warnings listed per layer; the rest are counted. */
const MAX_WARNINGS = 50;

function formatWarnings(warnings: PlanWarning[]): string[] {
  const lines = warnings.slice(0, MAX_WARNINGS).map((w) => (w.featureId ? `${w.featureId}: ${w.message}` : w.message));
  if (warnings.length > MAX_WARNINGS) lines.push(`… and ${warnings.length - MAX_WARNINGS} more warnings.`);
  return lines;
}

/** How the layer looks now (its spec's opacity and volume toggle). */
export interface PlanLook {
  opacity: number;
  volumes: boolean;
}

/** Shows `result` on `handle`; returns the objects now drawn (`null` on failure) and the layer's status. */
export function showLoadedPlan(handle: ZoningHandle, result: PlanLoadResult, look: PlanLook): { objects: PlanObjects | null; status: Partial<LayerStatus> } {
  const { doc, geometry, index } = result;
  let objects: PlanObjects | null = null;
  try {
    objects = new PlanObjects(geometry);
    objects.setOpacity(look.opacity);
    objects.setVolumesVisible(look.volumes);
    handle.setPlan(doc, objects, index);
    const warnings = formatWarnings([...doc.warnings, ...geometry.warnings]);
    const notes = [doc.axisOrderNote];
    const drawn = geometry.counts.fills + geometry.counts.patterns + geometry.counts.envelopes;
    if (drawn === 0) {
      return { objects, status: { state: 'error', error: 'The plan has no areas that can be drawn.', warnings, notes, featureCount: doc.provisions.length } };
    }
    return { objects, status: { state: 'ready', error: undefined, warnings, notes, featureCount: doc.provisions.length, progress: 1 } };
  } catch (e) {
    handle.clearPlan();
    objects?.dispose();
    const reason = e instanceof Error ? e.message : String(e);
    return { objects: null, status: { state: 'error', error: `The plan was read but could not be drawn: ${reason}`, warnings: [], notes: [] } };
  }
}
