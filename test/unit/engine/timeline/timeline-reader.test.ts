import { Group } from 'three';
import { describe, expect, it } from 'vitest';
import { TimePass } from '../../../../src/engine/timeline/time-pass';
import { TimelineReader } from '../../../../src/engine/timeline/timeline-reader';
import type { LayerHandle } from '../../../../src/layers/layer-handle';
import { parseScene } from '../../../../src/spec';
import { createCompareStore } from '../../../../src/state/compare-store';
import { createSceneStore } from '../../../../src/state/scene-store';
import { createTimelineStore } from '../../../../src/state/timeline-store';

function setup() {
  const scene = createSceneStore();
  const compare = createCompareStore();
  const timeline = createTimelineStore();
  const doc = parseScene({
    version: 1,
    title: 'T',
    origin: { lon: 17.9, lat: 62.6, height: 0 },
    layers: [
      { id: 'ground', type: 'tiles3d', name: 'Ground', url: 'g/tileset.json' },
      { id: 'map', type: 'raster', name: 'Map', url: 'm.png', crs: 'EPSG:3014', time: '1880' },
      { id: 'today', type: 'tiles3d', name: 'Today', url: 'd/tileset.json', time: '2026' },
      { id: 'proposal', type: 'tiles3d', name: 'Proposal', url: 'p/tileset.json', time: '2030' },
    ],
    comparisons: [{ id: 'then', name: 'Then', before: { name: '1880', time: '1880' }, after: { name: 'Idag', time: '2026' } }],
  });
  scene.getState().setScene(doc, 'http://x/');
  timeline.getState().reset(1);
  const reader = new TimelineReader(scene, compare, timeline);
  reader.advance(0);
  return { doc, scene, compare, timeline, reader };
}

describe('TimelineReader', () => {
  it('should jump on a reset and crossfade, eased, over a move’s duration', () => {
    const { timeline, reader } = setup();
    expect(reader.position).toBe(1);
    expect(reader.animating()).toBe(false);
    timeline.getState().setStep(0, 1000);
    reader.advance(250);
    expect(reader.position).toBeCloseTo(1 - 0.125, 9); // ease-in-out at a quarter: 2·0.25²
    expect(reader.animating()).toBe(true);
    expect(reader.weight('map')).toBeCloseTo(0.125, 9);
    expect(reader.weight('today')).toBeCloseTo(0.875, 9);
    expect(reader.shown('map')).toBe(false);
    reader.advance(500);
    expect(reader.position).toBeCloseTo(1 - 0.875, 9);
    reader.advance(500);
    expect(reader.position).toBe(0);
    expect(reader.animating()).toBe(false);
    expect(reader.weight('ground')).toBe(1);
  });

  it('should follow a drag, and settle from where the drag let go', () => {
    const { timeline, reader } = setup();
    timeline.getState().setDrag(0.3);
    reader.advance(16);
    expect(reader.position).toBeCloseTo(0.3, 12);
    expect(reader.weight('map')).toBeCloseTo(0.7, 12);
    expect(reader.animating()).toBe(false);
    timeline.getState().setStep(0, 100);
    reader.advance(50);
    expect(reader.position).toBeCloseTo(0.15, 9);
    reader.advance(60);
    expect(reader.position).toBe(0);
  });

  it('should draw both times of a comparison being swiped', () => {
    const { compare, reader } = setup();
    compare.setState({ activeId: 'then', mode: 'swipe' });
    expect(reader.weight('map')).toBe(1);
    expect(reader.weight('today')).toBe(1);
    expect(reader.weight('proposal')).toBe(0);
  });
});

describe('TimePass', () => {
  function handle(id: string, fades = false): LayerHandle & { weight?: number } {
    const h: LayerHandle & { weight?: number } = {
      id,
      type: fades ? 'raster' : 'tiles3d',
      object: new Group(),
      raycast: () => {},
      featuresAlong: () => [],
      isBusy: () => false,
    };
    if (fades) h.setTimeWeight = (w) => (h.weight = w);
    return h;
  }

  it('should hide layers out of time for the render only, and give fading layers their weight', () => {
    const { doc, timeline, reader } = setup();
    const handles = new Map(['ground', 'today', 'proposal'].map((id) => [id, handle(id)]));
    handles.set('map', handle('map', true));
    handles.get('ground')!.object.visible = true;
    handles.get('proposal')!.object.visible = false; // hidden by its own spec: stays so
    timeline.getState().setStep(0, 1000);
    reader.advance(700); // eased: 82 % of the way to 1880
    const pass = new TimePass();
    pass.begin(doc.layers, reader, (id) => handles.get(id));
    expect(handles.get('map')!.weight).toBeCloseTo(0.82, 9);
    expect(handles.get('today')!.object.visible).toBe(false);
    expect(handles.get('ground')!.object.visible).toBe(true);
    pass.end();
    expect(handles.get('today')!.object.visible).toBe(true);
    expect(handles.get('proposal')!.object.visible).toBe(false);
  });
});
