/** The picked feature shown in the info panel. */
import { createStore } from 'zustand/vanilla';

export interface PickedFeature {
  layerId: string;
  layerName: string;
  /** Feature properties as read from the data (never rendered as HTML). */
  properties: Record<string, unknown>;
  /** Where it was picked: lon, lat (degrees), height (metres above ellipsoid). */
  at: { lon: number; lat: number; height: number };
}

export interface SelectionState {
  picked: PickedFeature | null;
  select(feature: PickedFeature | null): void;
}

export type SelectionStore = ReturnType<typeof createSelectionStore>;

export function createSelectionStore() {
  return createStore<SelectionState>()((set) => ({
    picked: null,
    select: (picked) => set({ picked }),
  }));
}
