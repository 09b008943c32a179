import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src/engine/runtime';
import { compareScene } from './compare-scene';

const doc = compareScene;
const pick = (layerId: string) => ({ layerId, layerName: layerId, properties: { name: 'x' }, at: { lon: 17.9, lat: 62.6, height: 40 } });

function runtime() {
  const rt = createRuntime();
  rt.compare.getState().reset(doc.comparisons);
  rt.scene.getState().setScene(doc, 'http://x/');
  return rt;
}

describe('clearSelectionHiddenByComparison (wired by createRuntime)', () => {
  it('should clear a picked proposal building when the view goes back to before', () => {
    const rt = runtime();
    rt.compare.getState().setMode('after');
    rt.selection.getState().select(pick('proposal'));
    rt.compare.getState().setMode('before');
    expect(rt.selection.getState().picked).toBeNull();
  });

  it('should keep the selection in swipe mode, for layers on both sides, and with comparing off', () => {
    const rt = runtime();
    rt.compare.getState().setMode('after');
    rt.selection.getState().select(pick('proposal'));
    rt.compare.getState().setMode('swipe');
    rt.compare.getState().setSplit(0.2);
    expect(rt.selection.getState().picked?.layerId).toBe('proposal');
    rt.compare.getState().setActive(null);
    rt.compare.getState().setMode('before');
    expect(rt.selection.getState().picked?.layerId).toBe('proposal');
    rt.selection.getState().select(pick('ground'));
    rt.compare.getState().setActive('c');
    rt.compare.getState().setMode('after');
    expect(rt.selection.getState().picked?.layerId).toBe('ground');
  });
});
