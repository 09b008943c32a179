import { describe, expect, it } from 'vitest';
import { dayNumber, parseScene, type SceneDocument } from '../../../src/spec';
import { createCompareStore, findComparison, sceneComparisons } from '../../../src/state/compare-store';
import { createSceneStore } from '../../../src/state/scene-store';
import { initialStep, layerWeight, sceneTimeline, shownAtStep, stepAt } from '../../../src/state/timeline';
import { createTimelineStore, CROSSFADE_MS } from '../../../src/state/timeline-store';
import { linkTimelineAndComparisons, openingStep, shownByTimeline, shownOnComparisonSide } from '../../../src/state/time-comparisons';

function demoLike(comparisons: unknown[] = []): SceneDocument {
  return parseScene({
    version: 1,
    title: 'T',
    origin: { lon: 17.9, lat: 62.6, height: 0 },
    layers: [
      { id: 'ground', type: 'tiles3d', name: 'Ground', url: 'g/tileset.json' },
      { id: 'map', type: 'raster', name: 'Map 1880', url: 'm.png', crs: 'EPSG:3014', time: '1880' },
      { id: 'town', type: 'tiles3d', name: 'Town', url: 't/tileset.json', time: '2026/..' },
      { id: 'today', type: 'tiles3d', name: 'Today', url: 'd/tileset.json', time: '2026' },
      { id: 'proposal', type: 'tiles3d', name: 'Proposal', url: 'p/tileset.json', time: '2030' },
      { id: 'plan', type: 'zoning', name: 'Plan', url: 'plan.json', time: '2026/2030' },
    ],
    comparisons,
  });
}
const timesComparisons = [
  { id: 'block', name: 'Block', before: { name: 'Idag', time: '2026' }, after: { name: 'Förslag', time: '2030' } },
  { id: 'then', name: 'Then and now', before: { name: '1880', time: '1880' }, after: { name: 'Idag', time: '2026' } },
];

describe('timeline', () => {
  describe('sceneTimeline', () => {
    it('should make a step of every start the layers declare, in order, with the layers shown there', () => {
      const t = sceneTimeline(demoLike())!;
      expect(t.steps).toEqual([
        { time: '1880', day: dayNumber(1880, 1, 1), label: '1880', layers: ['map'] },
        { time: '2026', day: dayNumber(2026, 1, 1), label: '2026', layers: ['town', 'today', 'plan'] },
        { time: '2030', day: dayNumber(2030, 1, 1), label: '2030', layers: ['town', 'proposal', 'plan'] },
      ]);
      expect(t.shownAt.has('ground')).toBe(false);
    });

    it('should name steps as time comparisons name their sides, and be built once per document', () => {
      const doc = demoLike(timesComparisons);
      const t = sceneTimeline(doc)!;
      expect(t.steps.map((s) => s.label)).toEqual(['1880', 'Idag', 'Förslag']);
      expect(sceneTimeline(doc)).toBe(t);
    });

    it('should be null for a scene without times', () => {
      expect(sceneTimeline(parseScene({ version: 1, title: 'T', origin: { lon: 0, lat: 0, height: 0 }, layers: [] }))).toBeNull();
      expect(sceneTimeline(null)).toBeNull();
    });
  });

  it('should find the step in force at a day, and open at today', () => {
    const t = sceneTimeline(demoLike())!;
    expect(stepAt(t, dayNumber(1700, 1, 1))).toBe(0);
    expect(stepAt(t, dayNumber(1960, 6, 1))).toBe(0);
    expect(stepAt(t, dayNumber(2027, 1, 1))).toBe(1);
    expect(stepAt(t, dayNumber(2100, 1, 1))).toBe(2);
    expect(initialStep(t, dayNumber(2026, 12, 3))).toBe(1);
  });

  it('should crossfade layers between neighbouring steps', () => {
    const t = sceneTimeline(demoLike())!;
    expect(layerWeight(t, 'map', 0)).toBe(1);
    expect(layerWeight(t, 'map', 0.25)).toBe(0.75);
    expect(layerWeight(t, 'today', 0.25)).toBe(0.25);
    expect(layerWeight(t, 'town', 1.5)).toBe(1);
    expect(layerWeight(t, 'today', 1.5)).toBe(0.5);
    expect(layerWeight(t, 'proposal', 2)).toBe(1);
    expect(layerWeight(t, 'proposal', 7)).toBe(1);
    expect(layerWeight(t, 'ground', 0.3)).toBe(1);
    expect(layerWeight(null, 'map', 0)).toBe(1);
    expect(shownAtStep(t, 'plan', 0)).toBe(false);
    expect(shownAtStep(t, 'ground', 0)).toBe(true);
  });
});

describe('timeline store', () => {
  it('should move to a step over a crossfade per step, or jump', () => {
    const s = createTimelineStore();
    s.getState().reset(1);
    expect(s.getState()).toMatchObject({ step: 1, duration: 0, drag: null });
    s.getState().setStep(2);
    expect(s.getState()).toMatchObject({ step: 2, duration: CROSSFADE_MS });
    s.getState().setStep(0);
    expect(s.getState().duration).toBe(2 * CROSSFADE_MS);
    s.getState().setDrag(0.4);
    s.getState().setStep(1, 0);
    expect(s.getState()).toMatchObject({ step: 1, duration: 0, drag: null });
    const move = s.getState().move;
    s.getState().setStep(-1);
    s.getState().setDrag(NaN);
    expect(s.getState()).toMatchObject({ step: 1, move, drag: null });
  });
});

describe('time comparisons and the timeline', () => {
  function setup() {
    const scene = createSceneStore();
    const compare = createCompareStore();
    const timeline = createTimelineStore();
    linkTimelineAndComparisons(scene, compare, timeline);
    const doc = demoLike(timesComparisons);
    scene.getState().setScene(doc, 'http://x/');
    compare.getState().reset(doc.comparisons);
    timeline.getState().reset(openingStep(doc, compare.getState()));
    return { doc, compare, timeline };
  }

  it('should open at the shown side of the first comparison', () => {
    const { timeline, compare } = setup();
    expect(compare.getState()).toMatchObject({ activeId: 'block', mode: 'before' });
    expect(timeline.getState().step).toBe(1);
  });

  it('should move the timeline when a side is chosen, and leave it alone in swipe', () => {
    const { timeline, compare } = setup();
    compare.getState().setMode('after');
    expect(timeline.getState()).toMatchObject({ step: 2, duration: CROSSFADE_MS });
    compare.getState().setMode('swipe');
    expect(timeline.getState().step).toBe(2);
  });

  it('should show the side whose time the timeline moves to, and the comparison that has a time the active one lacks', () => {
    const { timeline, compare } = setup();
    timeline.getState().setStep(2);
    expect(compare.getState()).toMatchObject({ activeId: 'block', mode: 'after' });
    timeline.getState().setStep(0);
    expect(compare.getState()).toMatchObject({ activeId: 'then', mode: 'before' });
    expect(timeline.getState().step).toBe(0);
    timeline.getState().setStep(1);
    expect(compare.getState()).toMatchObject({ activeId: 'then', mode: 'after' });
  });

  it('should leave a comparison of layer sets alone', () => {
    const scene = createSceneStore();
    const compare = createCompareStore();
    const timeline = createTimelineStore();
    linkTimelineAndComparisons(scene, compare, timeline);
    const doc = demoLike([{ id: 'layers', name: 'L', before: { name: 'A', layers: ['today'] }, after: { name: 'B', layers: ['proposal'] } }]);
    scene.getState().setScene(doc, 'http://x/');
    compare.getState().reset(doc.comparisons);
    timeline.getState().setStep(0);
    expect(compare.getState()).toMatchObject({ activeId: 'layers', mode: 'before' });
    compare.getState().setMode('after');
    expect(timeline.getState().step).toBe(0);
  });

  it('should count both times as shown in the swipe view of a time comparison', () => {
    const { doc } = setup();
    expect(shownByTimeline(doc, { activeId: 'then', mode: 'swipe' }, 0, 'town')).toBe(true);
    expect(shownByTimeline(doc, { activeId: 'then', mode: 'swipe' }, 0, 'proposal')).toBe(false);
    expect(shownByTimeline(doc, { activeId: 'then', mode: 'before' }, 0, 'town')).toBe(false);
  });

  it('should say which layers each side of a comparison shows: at its time, or as its lists say', () => {
    const { doc } = setup();
    const then = findComparison(sceneComparisons(doc), 'then')!;
    // 1880: the map and the untimed ground; today: the town, today's buildings and the plan
    expect(['ground', 'map', 'town', 'today', 'proposal', 'plan'].filter((id) => shownOnComparisonSide(doc, then, id, 'before'))).toEqual(['ground', 'map']);
    expect(['ground', 'map', 'town', 'today', 'proposal', 'plan'].filter((id) => shownOnComparisonSide(doc, then, id, 'after'))).toEqual(['ground', 'town', 'today', 'plan']);
    const layers = demoLike([{ id: 'layers', name: 'L', before: { name: 'A', layers: ['today'] }, after: { name: 'B', layers: ['proposal'] } }]);
    const byLists = findComparison(sceneComparisons(layers), 'layers')!;
    expect(shownOnComparisonSide(layers, byLists, 'today', 'before')).toBe(true);
    expect(shownOnComparisonSide(layers, byLists, 'today', 'after')).toBe(false);
    expect(shownOnComparisonSide(layers, byLists, 'proposal', 'after')).toBe(true);
  });
});
