import { describe, expect, it } from 'vitest';
import { Raycaster, Sphere, Vector3, type Intersection } from 'three';
import { createSceneFrame } from '../../../../src/geo';
import { buildPlanMeshes } from '../../../../src/layers/zoning/plan-meshes';
import { PlanObjects } from '../../../../src/layers/zoning/plan-objects';
import { createZoningHandle } from '../../../../src/layers/zoning/zoning-handle';
import { ORIGIN, samplePlan } from './plan-fixture';

const frame = createSceneFrame(ORIGIN);

function setup() {
  const doc = samplePlan();
  const handle = createZoningHandle('plan', () => frame, () => 28);
  handle.setPlan(doc, new PlanObjects(buildPlanMeshes(doc, { origin: ORIGIN, groundHeight: 28, drapeRange: 10 })));
  handle.setBusy(false);
  return handle;
}

/** A ray from 500 m above a point (metres east/north of the origin) straight down. */
function downAt(east: number, north: number): Raycaster {
  const [lon, lat] = frame.toGeodetic(east, 0, -north);
  const top = frame.toLocal(lon, lat, 528);
  const bottom = frame.toLocal(lon, lat, -100);
  const origin = new Vector3(...top);
  return new Raycaster(origin, new Vector3(...bottom).sub(origin).normalize(), 0, 1000);
}

describe('zoning handle', () => {
  it('should return the plan and every regulation at a point, at the ground', () => {
    const hits = setup().featuresAlong(downAt(50, 4));
    expect(hits.map((h) => h.properties.kind)).toEqual(['detaljplan', 'användningsbestämmelse', 'egenskapsbestämmelse', 'egenskapsbestämmelse', 'administrativ bestämmelse']);
    expect(hits[0]!.properties).toMatchObject({ planNamn: 'Testplan', planStatus: 'samråd' });
    expect(hits[1]!.properties).toMatchObject({ bestammelseformulering: 'Bostäder', beteckning: 'B', colour: '#fff27f', planNamn: 'Testplan' });
    expect(hits[2]!.properties).toMatchObject({ bestammelseformulering: 'Högsta nockhöjd är 13 meter', values: [{ value: 13, unit: 'meter', valueType: 'max' }], heightLimit: { metres: 13 } });
    expect(hits[3]!.properties).toMatchObject({ prickmark: true });
    for (const h of hits) expect(h.distance).toBeCloseTo(500, 0);
    const [, , height] = frame.toGeodetic(hits[0]!.point.x, hits[0]!.point.y, hits[0]!.point.z);
    expect(height).toBeCloseTo(28, 1);
  });

  it('should return nothing outside the plan, when hidden, or for an upward ray', () => {
    const handle = setup();
    expect(handle.featuresAlong(downAt(800, 800))).toEqual([]);
    const up = downAt(50, 4);
    up.ray.direction.negate();
    expect(handle.featuresAlong(up)).toEqual([]);
    handle.object.visible = false;
    expect(handle.featuresAlong(downAt(50, 4))).toEqual([]);
  });

  it('should have no surface of its own to hit (it is draped on others), and give its bounds', () => {
    const handle = setup();
    expect(handle.draped).toBe(true);
    const out: Intersection[] = [];
    handle.raycast(downAt(50, 4), out);
    expect(out).toEqual([]);
    const sphere = new Sphere();
    expect(handle.boundingSphere!(sphere)).toBe(true);
    // the areas reach from (−50, −50) to (150, 50) m east, north
    for (const [e, n] of [[-50, -50], [150, -50], [150, 50], [0, 50]]) expect(sphere.containsPoint(new Vector3(e, 0, -n!))).toBe(true);
    expect(sphere.radius).toBeLessThan(160);
  });

  it('should be busy until a plan is set, and release everything on dispose', () => {
    const handle = createZoningHandle('p', () => frame, () => 28);
    expect(handle.isBusy()).toBe(true);
    handle.dispose();
    expect(handle.featuresAlong(downAt(50, 4))).toEqual([]);
  });
});
