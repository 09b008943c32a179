import { describe, expect, it, vi } from 'vitest';
import { createLayerStatusStore } from '../../../src/state/layer-status-store';

describe('layer-status-store', () => {
  describe('set', () => {
    it('should create a status from loading defaults and merge patches', () => {
      const store = createLayerStatusStore();
      store.getState().set('city', { progress: 0.2 });
      expect(store.getState().byId.city).toEqual({ state: 'loading', warnings: [], progress: 0.2 });
      store.getState().set('city', { state: 'ready', featureCount: 42, progress: 1 });
      expect(store.getState().byId.city).toEqual({ state: 'ready', warnings: [], featureCount: 42, progress: 1 });
    });

    it('should treat a layer id named like a built-in (constructor) as any other id', () => {
      const store = createLayerStatusStore();
      expect(store.getState().byId.constructor).toBeUndefined();
      store.getState().set('constructor', { state: 'ready' });
      expect(store.getState().byId.constructor).toEqual({ state: 'ready', warnings: [] });
      store.getState().remove('constructor');
      expect(store.getState().byId.constructor).toBeUndefined();
      expect(Object.keys(store.getState().byId)).toEqual([]);
    });

    it('should clear a field patched to undefined', () => {
      const store = createLayerStatusStore();
      store.getState().set('city', { state: 'error', error: 'boom' });
      store.getState().set('city', { state: 'ready', error: undefined });
      expect(store.getState().byId.city!.error).toBeUndefined();
      expect(store.getState().byId.city!.state).toBe('ready');
    });

    it('should keep the other layers’ statuses identical', () => {
      const store = createLayerStatusStore();
      store.getState().set('a', { state: 'ready' });
      const a = store.getState().byId.a;
      store.getState().set('b', { state: 'error', error: 'x' });
      expect(store.getState().byId.a).toBe(a);
    });

    it('should keep identity and not notify for a no-op update', () => {
      const store = createLayerStatusStore();
      store.getState().set('city', { state: 'ready', featureCount: 5, warnings: ['w1'], progress: 1 });
      const state = store.getState();
      const byId = state.byId;
      const status = byId.city;
      const listener = vi.fn();
      store.subscribe(listener);
      store.getState().set('city', { state: 'ready' });
      store.getState().set('city', { featureCount: 5, progress: 1 });
      store.getState().set('city', { warnings: ['w1'] }); // a new array with the same contents
      store.getState().set('city', {});
      expect(listener).not.toHaveBeenCalled();
      expect(store.getState()).toBe(state);
      expect(store.getState().byId).toBe(byId);
      expect(store.getState().byId.city).toBe(status);
    });

    it('should notify for a real change, including a changed warning', () => {
      const store = createLayerStatusStore();
      store.getState().set('city', { warnings: ['a'] });
      const listener = vi.fn();
      store.subscribe(listener);
      store.getState().set('city', { warnings: ['b'] });
      store.getState().set('city', { warnings: ['b', 'c'] });
      store.getState().set('city', { progress: 0.5 });
      expect(listener).toHaveBeenCalledTimes(3);
      expect(store.getState().byId.city).toEqual({ state: 'loading', warnings: ['b', 'c'], progress: 0.5 });
    });

    it('should not store a new layer whose patch leaves it at the loading defaults', () => {
      const store = createLayerStatusStore();
      const listener = vi.fn();
      store.subscribe(listener);
      store.getState().set('new', {});
      // shallow-equal to the defaults, so nothing is stored or announced
      expect(listener).not.toHaveBeenCalled();
      expect(store.getState().byId.new).toBeUndefined();
    });
  });

  describe('remove', () => {
    it('should remove a status', () => {
      const store = createLayerStatusStore();
      store.getState().set('a', { state: 'ready' });
      store.getState().set('b', { state: 'ready' });
      store.getState().remove('a');
      expect(Object.keys(store.getState().byId)).toEqual(['b']);
    });

    it('should keep identity and not notify when the id is unknown', () => {
      const store = createLayerStatusStore();
      store.getState().set('a', { state: 'ready' });
      const state = store.getState();
      const listener = vi.fn();
      store.subscribe(listener);
      store.getState().remove('zzz');
      expect(store.getState()).toBe(state);
      expect(listener).not.toHaveBeenCalled();
    });
  });
});
