/**
 * The current scene document. The single source of truth for what is loaded; the canvas
 * renders from it, the automation API and the UI read it with selectors.
 */
import { createStore } from 'zustand/vanilla';
import type { LayerSpec, SceneDocument } from '../spec';

export interface SceneState {
  /** The validated document, or `null` before the first scene is loaded. */
  doc: SceneDocument | null;
  /** URL that relative layer URLs resolve against. */
  baseUrl: string;
  /** Why the last `loadScene` failed (validation or fetch), or `null`. */
  loadError: string | null;
  /** Increments on every `setScene`, so views can tell a new scene from an edit. */
  revision: number;
}

export interface SceneActions {
  setScene(doc: SceneDocument, baseUrl: string): void;
  setLoadError(message: string | null): void;
  addLayer(layer: LayerSpec): void;
  removeLayer(id: string): boolean;
  updateLayer(id: string, patch: Partial<LayerSpec>): void;
}

export type SceneStore = ReturnType<typeof createSceneStore>;

export function createSceneStore() {
  return createStore<SceneState & SceneActions>()((set, get) => ({
    doc: null,
    baseUrl: typeof document === 'undefined' ? 'http://localhost/' : document.baseURI,
    loadError: null,
    revision: 0,
    setScene: (doc, baseUrl) => set((s) => ({ doc, baseUrl, loadError: null, revision: s.revision + 1 })),
    setLoadError: (message) => set({ loadError: message }),
    addLayer: (layer) => {
      const { doc } = get();
      if (!doc) throw new Error('No scene is loaded');
      if (doc.layers.some((l) => l.id === layer.id)) throw new Error(`A layer with id "${layer.id}" already exists`);
      set({ doc: { ...doc, layers: [...doc.layers, layer] } });
    },
    removeLayer: (id) => {
      const { doc } = get();
      if (!doc || !doc.layers.some((l) => l.id === id)) return false;
      set({ doc: { ...doc, layers: doc.layers.filter((l) => l.id !== id) } });
      return true;
    },
    updateLayer: (id, patch) => {
      const { doc } = get();
      if (!doc) return;
      set({ doc: { ...doc, layers: doc.layers.map((l) => (l.id === id ? ({ ...l, ...patch, id, type: l.type } as LayerSpec) : l)) } });
    },
  }));
}
