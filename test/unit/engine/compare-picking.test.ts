import { describe, expect, it } from 'vitest';
import { Object3D, PerspectiveCamera, Vector3, type Intersection, type Raycaster, type WebGLRenderer } from 'three';
import { Engine } from '../../../src/engine/engine';
import { ComparisonReader } from '../../../src/engine/compare/comparison-reader';
import type { FeatureHit, LayerHandle } from '../../../src/layers/layer-handle';
import { compareScene } from './compare-scene';
import { createCompareStore, type CompareMode } from '../../../src/state/compare-store';
import { createSceneStore } from '../../../src/state/scene-store';

const doc = compareScene;

/** A layer that is hit by every ray at `distance` metres. */
function handleAt(id: string, distance: number): LayerHandle {
  const object = new Object3D();
  return {
    id,
    type: 'fake',
    object,
    raycast(raycaster: Raycaster, out: Intersection[]) {
      out.push({ distance, point: raycaster.ray.at(distance, new Vector3()), object } as Intersection);
    },
    featuresAlong(raycaster: Raycaster): FeatureHit[] {
      const p = raycaster.ray.at(distance, new Vector3());
      return [{ layerId: id, properties: { id }, point: { x: p.x, y: p.y, z: p.z }, distance }];
    },
    isBusy: () => false,
  };
}

function setup(mode: CompareMode, split = 0.5, active: string | null = 'c') {
  const scene = createSceneStore();
  scene.getState().setScene(doc, 'http://x/');
  const compare = createCompareStore();
  compare.setState({ activeId: active, mode, split });
  const engine = new Engine(doc.origin);
  const camera = new PerspectiveCamera(50, 1, 0.5, 1e6);
  camera.position.set(0, 200, 0);
  camera.lookAt(0, 0, -200);
  camera.updateMatrixWorld();
  engine.camera = camera;
  engine.compare = new ComparisonReader(scene, compare);
  // the proposal stands in front of today's building, the ground is behind both
  engine.registerLayer(handleAt('proposal', 100));
  engine.registerLayer(handleAt('buildings', 150));
  engine.registerLayer(handleAt('ground', 250));
  return { engine, compare };
}

const ids = (hits: FeatureHit[]) => hits.map((h) => h.layerId);

describe('engine picking with a comparison', () => {
  describe('pickAt', () => {
    it('should pick the nearest layer with no comparison active', () => {
      expect(setup('before', 0.5, null).engine.pickAt(0, 0)?.layerId).toBe('proposal');
    });

    it('should skip the after side’s layers in before mode and the before side’s in after mode', () => {
      expect(setup('before').engine.pickAt(0, 0)?.layerId).toBe('buildings');
      expect(setup('after').engine.pickAt(0.9, 0)?.layerId).toBe('proposal');
    });

    it('should use the side under the pointer in swipe mode', () => {
      const { engine } = setup('swipe', 0.5);
      expect(engine.pickAt(-0.5, 0)?.layerId).toBe('buildings');
      expect(engine.pickAt(0.5, 0)?.layerId).toBe('proposal');
    });

    it('should follow the divider: at split 0.2 a point at 30 % of the width is on the after side', () => {
      const { engine, compare } = setup('swipe', 0.2);
      expect(engine.pickAt(-0.4, 0)?.layerId).toBe('proposal');
      compare.getState().setSplit(0.4);
      expect(engine.pickAt(-0.4, 0)?.layerId).toBe('buildings');
    });

    it('should ignore the divider in XR and use the after side', () => {
      const { engine } = setup('swipe', 0.5);
      engine.gl = { xr: { isPresenting: true } } as unknown as WebGLRenderer;
      expect(engine.pickAt(-0.5, 0)?.layerId).toBe('proposal');
    });
  });

  describe('featuresAt', () => {
    it('should list the layers of the mode’s side, and the after side in swipe mode', () => {
      expect(ids(setup('before', 0.5, null).engine.featuresAt(17.9379, 62.6323))).toEqual(['proposal', 'buildings', 'ground']);
      expect(ids(setup('before').engine.featuresAt(17.9379, 62.6323))).toEqual(['buildings', 'ground']);
      expect(ids(setup('after').engine.featuresAt(17.9379, 62.6323))).toEqual(['proposal', 'ground']);
      expect(ids(setup('swipe', 0.9).engine.featuresAt(17.9379, 62.6323))).toEqual(['proposal', 'ground']);
    });
  });

  describe('raycastLayers (navigation surface hits)', () => {
    it('should not hit a layer the comparison hides where the ray meets the screen', () => {
      const before = setup('before').engine;
      expect(before.raycastLayers(before.raycasterAt(0, 0)!)?.distance).toBe(150);
      const swipe = setup('swipe', 0.5).engine;
      expect(swipe.raycastLayers(swipe.raycasterAt(-0.6, 0.2)!)?.distance).toBe(150);
      expect(swipe.raycastLayers(swipe.raycasterAt(0.6, -0.2)!)?.distance).toBe(100);
    });
  });

  describe('comparisonSideAt', () => {
    it('should be null without a comparison and the whole-view side without a screen position', () => {
      expect(setup('swipe', 0.5, null).engine.comparisonSideAt(-1)).toBeNull();
      expect(setup('swipe').engine.comparisonSideAt(null)).toBe('after');
      expect(setup('before').engine.comparisonSideAt(0.99)).toBe('before');
      expect(setup('swipe').engine.comparisonSideAt(-0.01)).toBe('before');
    });
  });
});
