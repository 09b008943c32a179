import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/spec';
import {
  createCompareStore,
  findComparison,
  initialCompareState,
  layerSide,
  shownOnSide,
  sideAtFraction,
  sideVisibility,
  wholeViewSide,
} from '../../../src/state/compare-store';

const plan: Comparison = {
  id: 'sundsbryggan',
  name: 'Kvarteret Sundsbryggan',
  before: { name: 'Idag', layers: ['buildings'] },
  after: { name: 'Förslag', layers: ['proposal', 'plan'] },
};
const maps: Comparison = { id: 'maps', name: 'Kartor', before: { name: '1900', layers: ['map-1900'] }, after: { name: 'Nu', layers: [] } };

describe('compare store', () => {
  describe('initial state and reset', () => {
    it('should start with nothing active, in before mode, divider centred', () => {
      const s = createCompareStore().getState();
      expect([s.activeId, s.mode, s.split]).toEqual([null, 'before', 0.5]);
    });

    it('should open a new scene on its first comparison, showing today (before)', () => {
      expect(initialCompareState([plan, maps])).toEqual({ activeId: 'sundsbryggan', mode: 'before', split: 0.5 });
      expect(initialCompareState([])).toEqual({ activeId: null, mode: 'before', split: 0.5 });
      expect(initialCompareState(undefined).activeId).toBeNull();
    });

    it('should forget the previous scene’s choice on reset', () => {
      const store = createCompareStore();
      store.getState().reset([plan]);
      store.getState().setMode('swipe');
      store.getState().setSplit(0.2);
      store.getState().reset([maps]);
      const s = store.getState();
      expect([s.activeId, s.mode, s.split]).toEqual(['maps', 'before', 0.5]);
    });
  });

  describe('setters', () => {
    it('should set the active comparison and mode', () => {
      const store = createCompareStore();
      store.getState().setActive('maps');
      store.getState().setMode('after');
      expect(store.getState()).toMatchObject({ activeId: 'maps', mode: 'after' });
      store.getState().setActive(null);
      expect(store.getState().activeId).toBeNull();
    });

    it('should clamp the divider to 0…1 and ignore non-finite values', () => {
      const store = createCompareStore();
      store.getState().setSplit(0.25);
      expect(store.getState().split).toBe(0.25);
      store.getState().setSplit(-3);
      expect(store.getState().split).toBe(0);
      store.getState().setSplit(7);
      expect(store.getState().split).toBe(1);
      store.getState().setSplit(Number.NaN);
      expect(store.getState().split).toBe(1);
    });
  });
});

describe('findComparison', () => {
  it('should find by id, and give null for unknown ids, null ids or no comparisons', () => {
    expect(findComparison([plan, maps], 'maps')).toBe(maps);
    expect(findComparison([plan, maps], 'nope')).toBeNull();
    expect(findComparison([plan], null)).toBeNull();
    expect(findComparison(undefined, 'maps')).toBeNull();
  });
});

describe('layerSide and shownOnSide', () => {
  it('should put listed layers on their side and others on both', () => {
    expect(layerSide(plan, 'buildings')).toBe('before');
    expect(layerSide(plan, 'plan')).toBe('after');
    expect(layerSide(plan, 'ground')).toBe('both');
    expect(layerSide(null, 'buildings')).toBe('both');
  });

  it('should draw a layer on its own side and unlisted layers on both', () => {
    expect([shownOnSide(plan, 'buildings', 'before'), shownOnSide(plan, 'buildings', 'after')]).toEqual([true, false]);
    expect([shownOnSide(plan, 'proposal', 'before'), shownOnSide(plan, 'proposal', 'after')]).toEqual([false, true]);
    expect([shownOnSide(plan, 'ground', 'before'), shownOnSide(plan, 'ground', 'after')]).toEqual([true, true]);
    expect(shownOnSide(null, 'proposal', 'before')).toBe(true);
  });
});

describe('sideVisibility', () => {
  const table = (mode: 'before' | 'after' | 'swipe') => ['buildings', 'proposal', 'ground'].map((id) => sideVisibility(plan, mode, id));

  it('should show only the chosen side’s layers in before and after mode', () => {
    expect(table('before')).toEqual(['both', 'none', 'both']);
    expect(table('after')).toEqual(['none', 'both', 'both']);
  });

  it('should give each listed layer its half in swipe mode', () => {
    expect(table('swipe')).toEqual(['before', 'after', 'both']);
  });

  it('should leave every layer alone without a comparison', () => {
    expect(sideVisibility(null, 'before', 'proposal')).toBe('both');
    expect(sideVisibility(null, 'swipe', 'buildings')).toBe('both');
  });
});

describe('wholeViewSide and sideAtFraction', () => {
  it('should use the after side when a swipe cannot be split', () => {
    expect(wholeViewSide('before')).toBe('before');
    expect(wholeViewSide('after')).toBe('after');
    expect(wholeViewSide('swipe')).toBe('after');
  });

  it('should put before left of the divider and after from it rightwards', () => {
    expect(sideAtFraction('swipe', 0.4, 0.39)).toBe('before');
    expect(sideAtFraction('swipe', 0.4, 0.4)).toBe('after');
    expect(sideAtFraction('swipe', 0, 0)).toBe('after');
    expect(sideAtFraction('swipe', 1, 0.999)).toBe('before');
    expect(sideAtFraction('before', 0.4, 0.9)).toBe('before');
    expect(sideAtFraction('after', 0.4, 0.1)).toBe('after');
  });
});
