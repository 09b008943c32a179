/**
 * The engine's view of a zoning layer. The plan is draped on other layers' surfaces and has
 * none of its own (`draped`): a ray is answered where it meets the surface drawn (ground or
 * terrain tiles, the ground plane, a building), and the plan areas containing that point are
 * the features (every regulation that applies there, each a hit at the same place). Only when
 * the ray meets nothing drawn is the plan's ground height (`groundHeight`) the surface.
 */
import { Group, Vector3, type Sphere, type Intersection, type Object3D, type Raycaster } from 'three';
import type { SceneFrame } from '../../geo';
import type { PlanDocument } from '../../sources/plans/plan-document';
import type { FeatureHit, LayerHandle, SurfaceHit } from '../layer-handle';
import { planProperties, provisionProperties } from './hit-properties';
import { PlanIndex, type PlanIndexData } from './plan-index';
import type { PlanObjects } from './plan-objects';

const _point = new Vector3();
const _geo: [number, number, number] = [0, 0, 0];

export interface ZoningHandle extends LayerHandle {
  /**
   * Shows a loaded plan (replacing any earlier one), answering picks from `index` (built in the
   * plan worker), or from an index built here when none is given; throws, changing nothing, if
   * the plan cannot be indexed.
   */
  setPlan(doc: PlanDocument, objects: PlanObjects, index?: PlanIndexData): void;
  /** Removes the plan shown (disposing its objects): nothing is drawn or picked until the next `setPlan`. */
  clearPlan(): void;
  setBusy(busy: boolean): void;
  dispose(): void;
}

/**
 * Where a ray meets the surface `height` metres above the ellipsoid (Newton steps on the
 * geodetic height along the ray); `null` when it runs away from it.
 */
function hitGround(frame: SceneFrame, raycaster: Raycaster, height: number, out: Vector3): number | null {
  const { origin, direction } = raycaster.ray;
  frame.toGeodetic(origin.x, origin.y, origin.z, _geo);
  let t = 0;
  let h = _geo[2];
  for (let i = 0; i < 6; i++) {
    // d(height)/dt ≈ the direction's component along local up (+y near the origin)
    out.copy(direction).multiplyScalar(t).add(origin);
    frame.toGeodetic(out.x, out.y, out.z, _geo);
    h = _geo[2];
    const rate = direction.y;
    if (Math.abs(h - height) < 0.01) break;
    if (Math.abs(rate) < 1e-6) return null;
    t += (height - h) / rate;
  }
  if (!(t >= raycaster.near && t <= raycaster.far) || Math.abs(h - height) > 0.5) return null;
  out.copy(direction).multiplyScalar(t).add(origin);
  return t;
}

export function createZoningHandle(id: string, frame: () => SceneFrame, groundHeight: () => number): ZoningHandle {
  const object: Object3D = new Group();
  object.name = `layer:${id}`;
  let index: PlanIndex | null = null;
  let objects: PlanObjects | null = null;
  let busy = true;

  function featuresAlong(raycaster: Raycaster, surface?: SurfaceHit | null): FeatureHit[] {
    if (!index || !object.visible) return [];
    const f = frame();
    let t: number | null;
    if (surface) {
      _point.copy(surface.point);
      t = surface.distance;
    } else t = hitGround(f, raycaster, groundHeight(), _point);
    if (t === null) return [];
    const [lon, lat] = f.toGeodetic(_point.x, _point.y, _point.z, _geo);
    const { plans, provisions } = index.at(lon, lat);
    const point = { x: _point.x, y: _point.y, z: _point.z };
    const hits: FeatureHit[] = plans.map((plan) => ({ layerId: id, properties: planProperties(plan), point: { ...point }, distance: t }));
    const planById = new Map(plans.map((p) => [p.id, p]));
    for (const p of provisions) hits.push({ layerId: id, properties: provisionProperties(p, planById.get(p.planId)), point: { ...point }, distance: t });
    return hits;
  }

  return {
    id,
    type: 'zoning',
    object,
    draped: true,
    // the plan is drawn on other layers' surfaces: nothing of its own to hit (nor to teleport onto)
    raycast(_raycaster: Raycaster, _out: Intersection[]) {},
    featuresAlong,
    isBusy: () => busy,
    boundingSphere(out: Sphere) {
      if (!objects || objects.bounds.isEmpty()) return false;
      out.copy(objects.bounds);
      return true;
    },
    setPlan(doc, next, data) {
      const nextIndex = new PlanIndex(doc, data);
      if (objects !== next) objects?.dispose();
      objects = next;
      index = nextIndex;
      object.add(next.root);
    },
    clearPlan() {
      objects?.dispose();
      objects = null;
      index = null;
    },
    setBusy(b) {
      busy = b;
    },
    dispose() {
      this.clearPlan();
      object.removeFromParent();
    },
  };
}
