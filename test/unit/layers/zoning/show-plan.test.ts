/**
 * Showing a plan the worker has read: a plan that draws becomes `ready` with its warnings and
 * notes; one whose objects cannot be built becomes `error` with the reason, and leaves nothing
 * half-built on the layer (not even the plan shown before it).
 */
import { describe, expect, it } from 'vitest';
import { Raycaster, Vector3 } from 'three';
import { createSceneFrame } from '../../../../src/geo';
import { buildPlanMeshes, type PlanMeshes } from '../../../../src/layers/zoning/plan-meshes';
import { buildPlanIndex } from '../../../../src/layers/zoning/plan-index';
import { showLoadedPlan } from '../../../../src/layers/zoning/show-plan';
import { createZoningHandle } from '../../../../src/layers/zoning/zoning-handle';
import { ORIGIN, samplePlan } from './plan-fixture';

const frame = createSceneFrame(ORIGIN);
const LOOK = { opacity: 0.8, volumes: true };

function loaded() {
  const doc = samplePlan();
  return { doc, geometry: buildPlanMeshes(doc, { origin: ORIGIN, groundHeight: 28, drapeRange: 10 }), index: buildPlanIndex(doc) };
}

/** A ray straight down onto a point 50 m east, 4 m north of the origin (inside the plan). */
function downInside(): Raycaster {
  const [lon, lat] = frame.toGeodetic(50, 0, -4);
  const top = new Vector3(...frame.toLocal(lon, lat, 528));
  const bottom = new Vector3(...frame.toLocal(lon, lat, -100));
  return new Raycaster(top, bottom.sub(top).normalize(), 0, 1000);
}

describe('showLoadedPlan', () => {
  it('should draw a plan and report it ready with its notes and regulation count', () => {
    const handle = createZoningHandle('plan', () => frame, () => 28);
    const { objects, status } = showLoadedPlan(handle, loaded(), LOOK);
    expect(status).toMatchObject({ state: 'ready', featureCount: 6, notes: ['Coordinates read as (E, N).'], warnings: [] });
    expect(objects!.root.parent).toBe(handle.object);
    expect(handle.featuresAlong(downInside()).length).toBeGreaterThan(0);
  });

  it('should report error with the reason and leave nothing drawn or picked when the objects cannot be built', () => {
    const handle = createZoningHandle('plan', () => frame, () => 28);
    const first = showLoadedPlan(handle, loaded(), LOOK);
    const broken = loaded();
    // a reply without its envelopes, as a malformed message would arrive
    const geometry = { ...broken.geometry, envelopes: undefined } as unknown as PlanMeshes;
    const { objects, status } = showLoadedPlan(handle, { doc: broken.doc, geometry, index: broken.index }, LOOK);
    expect(objects).toBeNull();
    expect(status).toMatchObject({ state: 'error', error: expect.stringMatching(/^The plan was read but could not be drawn: .+/) });
    expect(handle.object.children).toEqual([]);
    expect(first.objects!.root.parent).toBeNull();
    expect(handle.featuresAlong(downInside())).toEqual([]);
  });
});
