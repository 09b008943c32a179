import { describe, expect, it } from 'vitest';
import { Object3D, PerspectiveCamera, Vector3, type Intersection, type Raycaster, type WebGLRenderer } from 'three';
import { Engine } from '../../../src/engine/engine';
import { geodeticNormal, geodeticToEcef, type GeoOrigin } from '../../../src/geo';
import type { FeatureHit, LayerHandle, TileCounts } from '../../../src/layers/layer-handle';

const HARNOSAND: GeoOrigin = { lon: 17.9379, lat: 62.6323, height: 24.4 };

interface FakeHandle extends LayerHandle {
  busy: boolean;
  /** Rays seen by featuresAlong/raycast, copied at call time. */
  rays: { origin: Vector3; direction: Vector3; near: number; far: number }[];
}

function fakeHandle(
  id: string,
  opts: { features?: { distance: number; name: string }[]; hits?: number[]; counts?: TileCounts; busy?: boolean } = {},
): FakeHandle {
  const object = new Object3D();
  const handle: FakeHandle = {
    id,
    type: 'fake',
    object,
    busy: opts.busy ?? false,
    rays: [],
    raycast(raycaster: Raycaster, out: Intersection[]) {
      handle.rays.push({ origin: raycaster.ray.origin.clone(), direction: raycaster.ray.direction.clone(), near: raycaster.near, far: raycaster.far });
      for (const distance of opts.hits ?? []) out.push({ distance, point: raycaster.ray.at(distance, new Vector3()), object } as Intersection);
    },
    featuresAlong(raycaster: Raycaster): FeatureHit[] {
      handle.rays.push({ origin: raycaster.ray.origin.clone(), direction: raycaster.ray.direction.clone(), near: raycaster.near, far: raycaster.far });
      return (opts.features ?? []).map(({ distance, name }) => {
        const p = raycaster.ray.at(distance, new Vector3());
        return { layerId: id, properties: { name }, point: { x: p.x, y: p.y, z: p.z }, distance };
      });
    },
    isBusy: () => handle.busy,
  };
  if (opts.counts) {
    const counts = opts.counts;
    handle.tileCounts = () => counts;
  }
  return handle;
}

function engineWithCamera(): Engine {
  const engine = new Engine(HARNOSAND);
  const camera = new PerspectiveCamera(50, 1, 0.5, 1e6);
  camera.position.set(0, 200, 0);
  camera.lookAt(0, 0, -200);
  camera.updateMatrixWorld();
  engine.camera = camera;
  return engine;
}

describe('engine', () => {
  describe('constructor', () => {
    it('should anchor the frame at the given origin, or at 0°, 0° by default', () => {
      expect(new Engine(HARNOSAND).frame.origin).toEqual(HARNOSAND);
      expect(new Engine().frame.origin).toEqual({ lon: 0, lat: 0, height: 0 });
    });
  });

  describe('setOrigin', () => {
    it('should keep the same frame object when the origin is unchanged', () => {
      const engine = new Engine(HARNOSAND);
      const frame = engine.frame;
      engine.setOrigin({ ...HARNOSAND });
      expect(engine.frame).toBe(frame);
    });

    it('should build a new frame when any part of the origin changes', () => {
      const engine = new Engine(HARNOSAND);
      for (const patch of [{ lon: 17.94 }, { lat: 62.64 }, { height: 0 }]) {
        const before = engine.frame;
        const origin = { ...before.origin, ...patch };
        engine.setOrigin(origin);
        expect(engine.frame).not.toBe(before);
        expect(engine.frame.origin).toEqual(origin);
      }
      const [x, y, z] = engine.frame.toLocal(17.94, 62.64, 0);
      expect(Math.hypot(x, y, z)).toBeLessThan(1e-6);
    });
  });

  describe('registerLayer', () => {
    it('should make a layer findable by id until unregistered', () => {
      const engine = new Engine();
      const a = fakeHandle('a');
      const b = fakeHandle('b');
      const unA = engine.registerLayer(a);
      engine.registerLayer(b);
      expect(engine.layer('a')).toBe(a);
      expect([...engine.layerHandles()]).toEqual([a, b]);
      unA();
      expect(engine.layer('a')).toBeUndefined();
      expect([...engine.layerHandles()]).toEqual([b]);
    });

    it('should replace a handle with the same id, and not let the old one unregister the new one', () => {
      const engine = new Engine();
      const old = fakeHandle('x');
      const fresh = fakeHandle('x');
      const unOld = engine.registerLayer(old);
      const unFresh = engine.registerLayer(fresh);
      expect(engine.layer('x')).toBe(fresh);
      unOld();
      expect(engine.layer('x')).toBe(fresh);
      unFresh();
      expect(engine.layer('x')).toBeUndefined();
    });

    it('should tolerate unregistering twice', () => {
      const engine = new Engine();
      const un = engine.registerLayer(fakeHandle('a'));
      un();
      expect(() => un()).not.toThrow();
      expect(engine.layer('a')).toBeUndefined();
    });
  });

  describe('isBusy', () => {
    it('should be false with no layers', () => {
      expect(new Engine().isBusy()).toBe(false);
    });

    it('should be true while any layer is busy', () => {
      const engine = new Engine();
      const a = fakeHandle('a');
      const b = fakeHandle('b', { busy: true });
      engine.registerLayer(a);
      const unB = engine.registerLayer(b);
      expect(engine.isBusy()).toBe(true);
      b.busy = false;
      expect(engine.isBusy()).toBe(false);
      a.busy = true;
      expect(engine.isBusy()).toBe(true);
      a.busy = false;
      b.busy = true;
      unB();
      expect(engine.isBusy()).toBe(false);
    });
  });

  describe('stats', () => {
    it('should sum tile counts over the layers that have them', () => {
      const engine = new Engine();
      engine.registerLayer(fakeHandle('a', { counts: { loaded: 10, visible: 4, downloading: 2, failed: 1 } }));
      engine.registerLayer(fakeHandle('b')); // no tileCounts
      engine.registerLayer(fakeHandle('c', { counts: { loaded: 5, visible: 3, downloading: 0, failed: 2 } }));
      expect(engine.stats().tiles).toEqual({ loaded: 15, visible: 7, downloading: 2, failed: 3 });
    });

    it('should report zeros without a renderer or layers', () => {
      expect(new Engine().stats()).toEqual({
        frameMs: 0,
        drawCalls: 0,
        triangles: 0,
        geometries: 0,
        textures: 0,
        tiles: { loaded: 0, visible: 0, downloading: 0, failed: 0 },
      });
    });

    it("should read the renderer's info and round the mean frame time to 0.01 ms", () => {
      const engine = new Engine();
      engine.gl = { info: { render: { calls: 12, triangles: 3456 }, memory: { geometries: 7, textures: 3 } } } as unknown as WebGLRenderer;
      engine.clock.tick(0);
      engine.clock.tick(16.6666);
      engine.clock.tick(33.3333);
      const s = engine.stats();
      expect(s.frameMs).toBe(16.67);
      expect(s.drawCalls).toBe(12);
      expect(s.triangles).toBe(3456);
      expect(s.geometries).toBe(7);
      expect(s.textures).toBe(3);
    });
  });

  describe('raycasterAt', () => {
    it('should be null without a camera', () => {
      expect(new Engine().raycasterAt(0, 0)).toBeNull();
    });

    it('should cast through the screen centre along the view direction', () => {
      const engine = engineWithCamera();
      const rc = engine.raycasterAt(0, 0)!;
      expect(rc.ray.origin.distanceTo(new Vector3(0, 200, 0))).toBeLessThan(1e-9);
      expect(rc.ray.direction.distanceTo(new Vector3(0, -1, -1).normalize())).toBeLessThan(1e-9);
    });
  });

  describe('raycastLayers', () => {
    it('should return the nearest hit across layers, or null', () => {
      const engine = engineWithCamera();
      engine.registerLayer(fakeHandle('a', { hits: [80, 30] }));
      engine.registerLayer(fakeHandle('b', { hits: [55] }));
      const rc = engine.raycasterAt(0, 0)!;
      expect(engine.raycastLayers(rc)?.distance).toBe(30);
      const empty = engineWithCamera();
      empty.registerLayer(fakeHandle('a'));
      expect(empty.raycastLayers(empty.raycasterAt(0, 0)!)).toBeNull();
    });
  });

  describe('pickAt', () => {
    it('should be null without a camera', () => {
      const engine = new Engine();
      engine.registerLayer(fakeHandle('a', { features: [{ distance: 1, name: 'x' }] }));
      expect(engine.pickAt(0, 0)).toBeNull();
    });

    it('should choose the nearest feature across layers', () => {
      const engine = engineWithCamera();
      engine.registerLayer(fakeHandle('far', { features: [{ distance: 120, name: 'church' }] }));
      engine.registerLayer(fakeHandle('none'));
      engine.registerLayer(fakeHandle('near', { features: [{ distance: 45, name: 'kiosk' }, { distance: 200, name: 'hill' }] }));
      const hit = engine.pickAt(0, 0);
      expect(hit?.layerId).toBe('near');
      expect(hit?.properties).toEqual({ name: 'kiosk' });
      expect(hit?.distance).toBe(45);
    });

    it('should be null when no layer has a feature there', () => {
      const engine = engineWithCamera();
      engine.registerLayer(fakeHandle('a'));
      expect(engine.pickAt(0.3, -0.2)).toBeNull();
    });

    it('should cast through the given screen point', () => {
      const engine = engineWithCamera();
      const a = fakeHandle('a');
      engine.registerLayer(a);
      engine.pickAt(0, 0);
      engine.pickAt(0.5, 0);
      expect(a.rays).toHaveLength(2);
      expect(a.rays[0]!.direction.distanceTo(new Vector3(0, -1, -1).normalize())).toBeLessThan(1e-9);
      expect(a.rays[1]!.direction.x).toBeGreaterThan(0); // right of centre = east here
    });
  });

  describe('pickGroupAt', () => {
    it('should give the nearest feature, then the other features of its layer at the same place, each layer asked once', () => {
      const engine = engineWithCamera();
      const plan = fakeHandle('plan', { features: [{ distance: 80, name: 'plan' }, { distance: 80, name: 'B' }, { distance: 80, name: 'h1' }, { distance: 95, name: 'other area' }] });
      engine.registerLayer(plan);
      engine.registerLayer(fakeHandle('ground', { features: [{ distance: 90, name: 'ground' }] }));
      expect(engine.pickGroupAt(0, 0).map((h) => h.properties.name)).toEqual(['plan', 'B', 'h1']);
      expect(plan.rays).toHaveLength(1);
      expect(engine.pickAt(0, 0)?.properties).toEqual({ name: 'plan' });
    });

    it('should be empty when nothing is hit', () => {
      const engine = engineWithCamera();
      engine.registerLayer(fakeHandle('a'));
      expect(engine.pickGroupAt(0, 0)).toEqual([]);
    });
  });

  describe('featuresAt', () => {
    it('should sort the features of every layer by distance', () => {
      const engine = new Engine(HARNOSAND);
      engine.registerLayer(fakeHandle('roofs', { features: [{ distance: 9_970, name: 'roof' }] }));
      engine.registerLayer(fakeHandle('ground', { features: [{ distance: 9_990, name: 'street' }] }));
      engine.registerLayer(fakeHandle('trees', { features: [{ distance: 9_960, name: 'oak' }] }));
      const hits = engine.featuresAt(17.94, 62.63);
      expect(hits.map((h) => h.properties.name)).toEqual(['oak', 'roof', 'street']);
      expect(hits.map((h) => h.layerId)).toEqual(['trees', 'roofs', 'ground']);
    });

    it('should return an empty list with no layers, and work without a camera', () => {
      expect(new Engine(HARNOSAND).featuresAt(17.94, 62.63)).toEqual([]);
    });

    it.each([
      ['at the origin', 17.9379, 62.6323],
      ['3 km away', 17.99, 62.65],
      ['20 km away', 18.3, 62.5],
    ])('should cast a vertical ray down from 10 km above the ellipsoid: %s', (_label, lon, lat) => {
      const engine = new Engine(HARNOSAND);
      const a = fakeHandle('a');
      engine.registerLayer(a);
      engine.featuresAt(lon, lat);
      expect(a.rays).toHaveLength(1);
      const { origin, direction, near, far } = a.rays[0]!;
      // the origin is 10 km above the ellipsoid at (lon, lat)
      const [oLon, oLat, oHeight] = engine.frame.toGeodetic(origin.x, origin.y, origin.z);
      expect(oLon).toBeCloseTo(lon, 9);
      expect(oLat).toBeCloseTo(lat, 9);
      expect(oHeight).toBeCloseTo(10_000, 3);
      // the direction is the geodetic down there, expressed in the scene frame
      const n = geodeticNormal(lon, lat);
      const m = engine.frame.ecefToLocal;
      const down = new Vector3(-(m[0]! * n[0] + m[4]! * n[1] + m[8]! * n[2]), -(m[1]! * n[0] + m[5]! * n[1] + m[9]! * n[2]), -(m[2]! * n[0] + m[6]! * n[1] + m[10]! * n[2]));
      expect(direction.distanceTo(down)).toBeLessThan(1e-9);
      expect(direction.length()).toBeCloseTo(1, 12);
      // and it reaches 1 km below the ellipsoid
      expect(near).toBe(0);
      expect(far).toBeGreaterThanOrEqual(11_000);
      const bottom = geodeticToEcef(lon, lat, -1_000);
      const end = origin.clone().addScaledVector(direction, 11_000);
      const endEcef = engine.frame.localToEcefPoint(end.x, end.y, end.z);
      expect(Math.hypot(endEcef[0] - bottom[0], endEcef[1] - bottom[1], endEcef[2] - bottom[2])).toBeLessThan(0.01);
    });

    it('should not leave a limited far distance on the shared raycaster', () => {
      const engine = engineWithCamera();
      engine.featuresAt(17.94, 62.63);
      expect(engine.raycasterAt(0, 0)!.far).toBe(Infinity);
    });

    it('should not depend on the camera', () => {
      const engine = engineWithCamera();
      const a = fakeHandle('a');
      engine.registerLayer(a);
      engine.featuresAt(17.9379, 62.6323);
      // straight down at the origin: −y from y ≈ 10 km − 24.4 m
      expect(a.rays[0]!.direction.distanceTo(new Vector3(0, -1, 0))).toBeLessThan(1e-9);
      expect(a.rays[0]!.origin.y).toBeCloseTo(10_000 - HARNOSAND.height, 3);
    });
  });
});
