import { describe, expect, it, vi } from 'vitest';
import { createSelectionStore, type PickedFeature } from '../../../src/state/selection-store';

const PICK: PickedFeature = {
  layerId: 'city',
  layerName: 'City',
  properties: { name: '<b>Rådhuset</b>' },
  at: { lon: 17.9379, lat: 62.6323, height: 30 },
};

describe('selection-store', () => {
  describe('select', () => {
    it('should start with nothing picked, then hold and clear the pick', () => {
      const store = createSelectionStore();
      expect(store.getState().picked).toBeNull();
      const listener = vi.fn();
      store.subscribe(listener);
      store.getState().select(PICK);
      expect(store.getState().picked).toBe(PICK);
      store.getState().select(null);
      expect(store.getState().picked).toBeNull();
      expect(listener).toHaveBeenCalledTimes(2);
    });

    it('should give independent stores', () => {
      const a = createSelectionStore();
      const b = createSelectionStore();
      a.getState().select(PICK);
      expect(b.getState().picked).toBeNull();
    });
  });
});
