/**
 * Runtime state of each layer (loading, ready, error), separate from the document so that
 * status changes never rewrite the scene.
 */
import { createStore } from 'zustand/vanilla';

export type LayerState = 'loading' | 'ready' | 'error';

export interface LayerStatus {
  state: LayerState;
  /** Human-readable reason for `error`, or the first tile failure of a partly broken layer. */
  error?: string;
  /** Problems that did not stop the layer (e.g. some tiles failed). */
  warnings: string[];
  /** Facts worth telling the user that are not problems (e.g. which axis order a plan was read in). */
  notes?: string[];
  /** Number of features known so far (e.g. buildings in loaded tiles). */
  featureCount?: number;
  /** Loading progress 0…1, when known. */
  progress?: number;
}

export interface LayerStatusState {
  /** Statuses by layer id; a null-prototype object, so an id like `constructor` is just an id. */
  byId: Record<string, LayerStatus>;
  set(id: string, patch: Partial<LayerStatus>): void;
  remove(id: string): void;
}

export type LayerStatusStore = ReturnType<typeof createLayerStatusStore>;

/** A null-prototype copy of `byId` with `id` set to `status`, or removed when `status` is undefined. */
function withStatus(byId: Record<string, LayerStatus>, id: string, status: LayerStatus | undefined): Record<string, LayerStatus> {
  const out = Object.assign(Object.create(null) as Record<string, LayerStatus>, byId);
  if (status) out[id] = status;
  else delete out[id];
  return out;
}

export function createLayerStatusStore() {
  return createStore<LayerStatusState>()((set) => ({
    byId: withStatus({}, '', undefined),
    set: (id, patch) =>
      set((s) => {
        const prev = s.byId[id] ?? { state: 'loading' as const, warnings: [] };
        const next = { ...prev, ...patch };
        if (shallowEqual(prev, next)) return s;
        return { byId: withStatus(s.byId, id, next) };
      }),
    remove: (id) =>
      set((s) => {
        if (!Object.hasOwn(s.byId, id)) return s;
        return { byId: withStatus(s.byId, id, undefined) };
      }),
  }));
}

function shallowEqual(a: LayerStatus, b: LayerStatus): boolean {
  return (
    a.state === b.state &&
    a.error === b.error &&
    a.featureCount === b.featureCount &&
    a.progress === b.progress &&
    a.warnings.length === b.warnings.length &&
    a.warnings.every((w, i) => w === b.warnings[i]) &&
    (a.notes ?? []).join('\n') === (b.notes ?? []).join('\n')
  );
}
