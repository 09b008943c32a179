/**
 * Picking a plan draped on the real surface: the ray meets the ground tiles (here 20 m above
 * the plan's ground height) or the ground plane first, and the plan answers for that point;
 * only when nothing is hit does it fall back to its own ground height. Taps, XR ray picks,
 * `featuresAt` and the teleport arc all take this path.
 */
import { describe, expect, it } from 'vitest';
import { Mesh, MeshBasicMaterial, Object3D, PerspectiveCamera, PlaneGeometry, Raycaster, Vector3, type Intersection } from 'three';
import { Engine } from '../../../src/engine/engine';
import { applyGeoView } from '../../../src/engine/camera-pose';
import { markMaterialDrapeReceiver, markMaterialNoDrape } from '../../../src/layers/drape/drape-materials';
import type { FeatureHit, LayerHandle } from '../../../src/layers/layer-handle';
import { buildPlanMeshes } from '../../../src/layers/zoning/plan-meshes';
import { PlanObjects } from '../../../src/layers/zoning/plan-objects';
import { createZoningHandle } from '../../../src/layers/zoning/zoning-handle';
import { castLayers, GROUND_PLANE } from '../../../src/xr/xr-raycast';
import { isTeleportTarget } from '../../../src/xr/teleport-arc';
import { ORIGIN, samplePlan } from '../layers/zoning/plan-fixture';

/** A flat square surface (a ground tile, or a roof) `y` metres above the origin's height, `size` m wide, centred at (east, north). */
function surfaceLayer(id: string, y: number, opts: { receivesDrape: boolean; size?: number; east?: number; north?: number; features?: boolean }): LayerHandle {
  const material = new MeshBasicMaterial();
  if (opts.receivesDrape) markMaterialDrapeReceiver(material);
  else markMaterialNoDrape(material);
  const mesh = new Mesh(new PlaneGeometry(opts.size ?? 2000, opts.size ?? 2000).rotateX(-Math.PI / 2), material);
  mesh.position.set(opts.east ?? 0, y, -(opts.north ?? 0));
  const object = new Object3D();
  object.add(mesh);
  object.updateMatrixWorld(true);
  return {
    id,
    type: 'tiles3d',
    object,
    raycast(raycaster: Raycaster, out: Intersection[]) {
      raycaster.intersectObject(object, true, out);
    },
    featuresAlong(raycaster: Raycaster): FeatureHit[] {
      if (!opts.features) return [];
      const hit = raycaster.intersectObject(object, true)[0];
      return hit ? [{ layerId: id, properties: { name: id }, point: { x: hit.point.x, y: hit.point.y, z: hit.point.z }, distance: hit.distance }] : [];
    },
    isBusy: () => false,
  };
}

function setup(...layers: LayerHandle[]) {
  const engine = new Engine(ORIGIN);
  engine.camera = new PerspectiveCamera(50, 1.6, 0.5, 20_000);
  const doc = samplePlan();
  const plan = createZoningHandle('plan', () => engine.frame, () => ORIGIN.height);
  plan.setPlan(doc, new PlanObjects(buildPlanMeshes(doc, { origin: ORIGIN, groundHeight: ORIGIN.height, drapeRange: 25 })));
  plan.setBusy(false);
  for (const l of layers) engine.registerLayer(l);
  engine.registerLayer(plan);
  return engine;
}

/**
 * The sample plan (local metres): Bostäder from 0 to 100 m east, 0 to 50 m north; Lokalgata
 * from −50 to 150 m east, −50 to 0 m north. A camera looking north 30° down at (50 E, −10 N)
 * on ground 20 m up sees Lokalgata there; a flat surface at the plan's ground height would be
 * met 20 / tan 30° = 34.6 m further on, in Bostäder.
 */
function cameraAt30(engine: Engine, groundY = 20): void {
  const target = new Vector3(50, groundY, 10);
  const d = 150;
  const eye = target.clone().add(new Vector3(0, d * Math.sin(Math.PI / 6), d * Math.cos(Math.PI / 6)));
  const [lon, lat, height] = engine.frame.toGeodetic(eye.x, eye.y, eye.z);
  applyGeoView(engine.camera!, engine.frame, { lon, lat, height, heading: 0, pitch: -30, fov: 50 });
  engine.camera!.updateMatrixWorld(true);
}

const texts = (hits: FeatureHit[]) => hits.filter((h) => h.layerId === 'plan' && h.properties.kind !== 'detaljplan').map((h) => h.properties.bestammelseformulering);

describe('picking a plan draped on the real surface', () => {
  it('should read the regulations where a tap at −30° meets ground 20 m above the plan’s ground height', () => {
    const engine = setup(surfaceLayer('ground', 20, { receivesDrape: true }));
    cameraAt30(engine);
    const group = engine.pickGroupAt(0, 0);
    expect(group[0]?.layerId).toBe('plan');
    expect(texts(group)).toContain('Lokalgata');
    expect(texts(group)).not.toContain('Bostäder');
    // the hit is on the ground that is drawn
    expect(group[0]!.point.y).toBeCloseTo(20, 3);
    expect(group[0]!.point.z).toBeCloseTo(10, 1);
  });

  it('should take an XR controller’s ray the same way', () => {
    const engine = setup(surfaceLayer('ground', 20, { receivesDrape: true }));
    const ray = new Raycaster(new Vector3(50, 95, 10 + 75 * Math.sqrt(3)), new Vector3(0, -Math.sin(Math.PI / 6), -Math.cos(Math.PI / 6)));
    const group = engine.pickGroupAlong(ray);
    expect(texts(group)).toEqual(['Lokalgata', expect.stringMatching(/^Genomförandetiden/)]);
    expect(group[0]!.point.z).toBeCloseTo(10, 1);
  });

  it('should pick the ground plane where no tiles are, and its own ground height only when nothing is hit', () => {
    // the scene's ground plane 20 m above the height the plan was given
    const engine = setup();
    const plane = new Mesh(new PlaneGeometry(4000, 4000).rotateX(-Math.PI / 2), new MeshBasicMaterial());
    markMaterialDrapeReceiver(plane.material);
    plane.position.y = 20;
    plane.updateMatrixWorld(true);
    cameraAt30(engine);
    expect(texts(engine.pickGroupAt(0, 0))).toContain('Bostäder'); // nothing drawn to hit: the plan's ground height
    engine.groundPlane = plane;
    const group = engine.pickGroupAt(0, 0);
    expect(texts(group)).toContain('Lokalgata');
    expect(group[0]!.point.y).toBeCloseTo(20, 3);
    plane.visible = false; // e.g. in table-top XR
    expect(texts(engine.pickGroupAt(0, 0))).toContain('Bostäder');
  });

  it('should let a pickable building in front of the plan win, and give the plan under a building without data', () => {
    // a low roof (2 m) that the ray meets 3.5 m before the ground
    const roof = { receivesDrape: false, size: 20, east: 50, north: -10 };
    const engine = setup(surfaceLayer('ground', 20, { receivesDrape: true }), surfaceLayer('house', 22, { ...roof, features: true }));
    cameraAt30(engine);
    expect(engine.pickGroupAt(0, 0).map((h) => h.layerId)).toEqual(['house']);
    const plain = setup(surfaceLayer('ground', 20, { receivesDrape: true }), surfaceLayer('house', 22, roof));
    cameraAt30(plain);
    expect(texts(plain.pickGroupAt(0, 0))).toContain('Lokalgata');
  });

  it('should win over the features of the ground it is draped on', () => {
    const engine = setup(surfaceLayer('ground', 20, { receivesDrape: true, features: true }));
    cameraAt30(engine);
    expect(engine.pickGroupAt(0, 0)[0]!.layerId).toBe('plan');
  });

  it('should keep featuresAt (a vertical ray) exact over raised ground and under a building, nearest first', () => {
    const engine = setup(surfaceLayer('ground', 20, { receivesDrape: true }), surfaceLayer('house', 32, { receivesDrape: false, size: 20, east: 50, north: -10, features: true }));
    const at = (east: number, north: number) => {
      const [lon, lat] = engine.frame.toGeodetic(east, 0, -north);
      return engine.featuresAt(lon, lat);
    };
    expect(texts(at(50, 25))).toContain('Bostäder');
    const underHouse = at(50, -10);
    expect(underHouse[0]!.layerId).toBe('house');
    expect(texts(underHouse)).toContain('Lokalgata');
    expect(texts(underHouse)).not.toContain('Bostäder');
  });

  it('should not let the teleport arc land on the plan’s ground height above lower terrain', () => {
    const engine = setup(surfaceLayer('ground', -20, { receivesDrape: true }));
    const ray = new Raycaster(new Vector3(50, 30, 60), new Vector3(0, -1, -1).normalize());
    const point = new Vector3();
    const normal = new Vector3();
    const kind = castLayers(engine, ray, -0.4, point, normal);
    expect(kind).not.toBe('zoning');
    expect(point.y).toBeCloseTo(-20, 3);
    // the terrain is ground: a valid target however far it lies below the scene's ground height
    expect(isTeleportTarget(kind!, point, normal, 0)).toBe(true);
    // with nothing under the ray, the ground height is the fallback
    const empty = setup();
    expect(castLayers(empty, ray, -0.4, point, normal)).toBe(GROUND_PLANE);
    expect(point.y).toBeCloseTo(-0.4, 3);
  });

  it('should accept raised terrain as a teleport target, and still refuse roofs', () => {
    const engine = setup(surfaceLayer('ground', 20, { receivesDrape: true }), surfaceLayer('house', 32, { receivesDrape: false, size: 20, east: 50, north: -10 }));
    const point = new Vector3();
    const normal = new Vector3();
    const onTerrain = castLayers(engine, new Raycaster(new Vector3(80, 60, 0), new Vector3(0, -1, 0)), -0.4, point, normal);
    expect(isTeleportTarget(onTerrain!, point, normal, 0)).toBe(true);
    const onRoof = castLayers(engine, new Raycaster(new Vector3(50, 60, 10), new Vector3(0, -1, 0)), -0.4, point, normal);
    expect(point.y).toBeCloseTo(32, 3);
    expect(isTeleportTarget(onRoof!, point, normal, 0)).toBe(false);
  });
});
