import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../../src/engine/runtime';
import { parseScene } from '../../../src/spec';

const tiles = (id: string) => ({ id, type: 'tiles3d', name: id, url: `${id}/tileset.json` });
const doc = parseScene({
  version: 1,
  title: 'T',
  origin: { lon: 17.9379, lat: 62.6323, height: 30 },
  layers: [tiles('ground'), tiles('buildings'), tiles('proposal')],
  comparisons: [{ id: 'c', name: 'C', before: { name: 'Idag', layers: ['buildings'] }, after: { name: 'Förslag', layers: ['proposal'] } }],
});
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
