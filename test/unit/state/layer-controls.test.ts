import { describe, expect, it } from 'vitest';
import { parseScene } from '../../../src/spec';
import { layerControls, registerLayerControls } from '../../../src/state/layer-controls';
import { createSceneStore } from '../../../src/state/scene-store';

describe('layer controls registry', () => {
  it('should return the controls a kind registered, run them against the scene store, and unregister', () => {
    const scene = createSceneStore();
    scene.getState().setScene(
      parseScene({ version: 1, title: 'T', origin: { lon: 0, lat: 0, height: 0 }, layers: [{ id: 'a', type: 'tiles3d', name: 'A', url: 'a.json' }] }),
      'http://x/',
    );
    const layer = scene.getState().doc!.layers[0]!;
    expect(layerControls(layer)).toEqual([]);
    const off = registerLayerControls('tiles3d', () => [
      { id: 'shown', label: { sv: 'Synlig', en: 'Shown' }, value: (l) => l.visible, set: (l, on, s) => s.getState().updateLayer(l.id, { visible: on }) },
    ]);
    const [control] = layerControls(layer);
    expect(control!.value(layer)).toBe(true);
    control!.set(layer, false, scene);
    expect(scene.getState().doc!.layers[0]!.visible).toBe(false);
    off();
    expect(layerControls(layer)).toEqual([]);
  });

  it('should not let a stale unregister remove a newer provider', () => {
    const first = registerLayerControls('kind-x', () => []);
    const second = registerLayerControls('kind-x', () => [{ id: 'c', label: { sv: 'c', en: 'c' }, value: () => false, set: () => {} }]);
    first();
    expect(layerControls({ type: 'kind-x' } as never)).toHaveLength(1);
    second();
  });
});
