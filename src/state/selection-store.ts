/** The picked feature shown in the info panel. */
import { createStore } from 'zustand/vanilla';

export interface PickedFeature {
  layerId: string;
  layerName: string;
  /** Kind of the layer (`tiles3d`, `zoning`, …), which picks how the info panel shows it. */
  layerType?: string;
  /** Feature properties as read from the data (never rendered as HTML). */
  properties: Record<string, unknown>;
  /** Where it was picked: lon, lat (degrees), height (metres above ellipsoid). */
  at: { lon: number; lat: number; height: number };
  /**
   * Every feature of that layer at the same place, nearest first, when there are several
   * (e.g. a plan and each regulation that applies at a point); `properties` is the first.
   */
  features?: Record<string, unknown>[];
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
