/**
 * Which scene comparison (before / after) is active and how it is shown: only the before
 * side, only the after side, or both split by a swipe divider. The comparisons themselves
 * live in the scene document (`doc.comparisons`); this store holds only the viewer's choice.
 *
 * Shared by the DOM control, the renderer, picking, the XR menu and `window.twin`. Per-frame
 * code reads `getState()`; nothing here imports three.js or React.
 */
import { createStore } from 'zustand/vanilla';
import { resolveComparison, type Comparison, type ComparisonSide, type SceneDocument } from '../spec';

export type { ComparisonSide };

/** `before` or `after` alone, or `swipe`: before left of the divider, after right of it. */
export type CompareMode = ComparisonSide | 'swipe';

export const COMPARE_MODES: readonly CompareMode[] = ['before', 'after', 'swipe'];

export interface CompareState {
  /** Id of the active comparison in `doc.comparisons`, or `null` (every layer drawn as its spec says). */
  activeId: string | null;
  mode: CompareMode;
  /** Divider position in swipe mode: fraction of the canvas width from its left edge, 0…1. */
  split: number;
  setActive(id: string | null): void;
  setMode(mode: CompareMode): void;
  /** Sets the divider position; clamped to 0…1, non-finite values are ignored. */
  setSplit(split: number): void;
  /** Back to the start for a newly loaded scene: see `initialCompareState`. */
  reset(comparisons: readonly { id: string }[] | undefined): void;
}

export type CompareStore = ReturnType<typeof createCompareStore>;

/**
 * A new scene opens on its first comparison in `before` mode with the divider centred:
 * residents first see the town as it is today, then press the after side (e.g. "Förslag")
 * to see what changes. With no comparisons, none is active.
 */
export function initialCompareState(comparisons: readonly { id: string }[] | undefined): Pick<CompareState, 'activeId' | 'mode' | 'split'> {
  return { activeId: comparisons?.[0]?.id ?? null, mode: 'before', split: 0.5 };
}

export function createCompareStore() {
  return createStore<CompareState>()((set) => ({
    ...initialCompareState(undefined),
    setActive: (activeId) => set({ activeId }),
    setMode: (mode) => set({ mode }),
    setSplit: (split) => {
      if (Number.isFinite(split)) set({ split: Math.min(1, Math.max(0, split)) });
    },
    reset: (comparisons) => set(initialCompareState(comparisons)),
  }));
}

const resolved = new WeakMap<SceneDocument, readonly Comparison[]>();

/**
 * The scene's comparisons with their sides as layer lists (a side that is a time lists the
 * layers of that time only; see `resolveComparison`). Computed once per document.
 */
export function sceneComparisons(doc: SceneDocument | null | undefined): readonly Comparison[] | undefined {
  if (!doc?.comparisons) return undefined;
  let list = resolved.get(doc);
  if (!list) {
    list = doc.comparisons.map((c) => resolveComparison(c, doc.layers));
    resolved.set(doc, list);
  }
  return list;
}

/**
 * Whether a comparison takes part in drawing under `mode`: one of two layer sets always; one of
 * two times only in swipe mode, since its before and after modes are the timeline at that
 * side's time (which the timeline draws, crossfading).
 */
export function comparisonApplies(comparison: Comparison | null, mode: CompareMode): comparison is Comparison {
  return comparison !== null && (comparison.before.time === undefined || mode === 'swipe');
}

/** The comparison with `id` in `comparisons`, or `null`. Loop, not `find`: called per frame. */
export function findComparison(comparisons: readonly Comparison[] | undefined, id: string | null): Comparison | null {
  if (!comparisons || id === null) return null;
  for (let i = 0; i < comparisons.length; i++) if (comparisons[i]!.id === id) return comparisons[i]!;
  return null;
}

/** The side a layer belongs to in `comparison`: `both` when the comparison does not list it (or there is none). */
export function layerSide(comparison: Comparison | null, layerId: string): ComparisonSide | 'both' {
  if (!comparison) return 'both';
  if (comparison.before.layers.includes(layerId)) return 'before';
  if (comparison.after.layers.includes(layerId)) return 'after';
  return 'both';
}

/** Whether `comparison` lets `layerId` be drawn on `side` (its spec's `visible` aside). */
export function shownOnSide(comparison: Comparison | null, layerId: string, side: ComparisonSide): boolean {
  const own = layerSide(comparison, layerId);
  return own === 'both' || own === side;
}

/**
 * Where the comparison lets a layer be drawn under `mode`: `both` (everywhere, as without a
 * comparison), `before` or `after` (only on that half of the swipe view), or `none` (hidden
 * by the comparison). The layer spec's own `visible: false` still hides it everywhere.
 */
export function sideVisibility(comparison: Comparison | null, mode: CompareMode, layerId: string): ComparisonSide | 'both' | 'none' {
  if (!comparisonApplies(comparison, mode)) return 'both';
  const own = layerSide(comparison, layerId);
  if (own === 'both') return 'both';
  if (mode === 'swipe') return own;
  return own === mode ? 'both' : 'none';
}

/**
 * The one side shown when the view cannot be split (in XR, or with no screen position, as in
 * `featuresAt`): the mode's side, and `after` for swipe.
 */
export function wholeViewSide(mode: CompareMode): ComparisonSide {
  return mode === 'swipe' ? 'after' : mode;
}

/**
 * The side drawn at a horizontal position on the canvas (fraction of its width from the left,
 * 0…1): in swipe mode `before` left of the divider and `after` from it rightwards; otherwise
 * the mode's side.
 */
export function sideAtFraction(mode: CompareMode, split: number, x: number): ComparisonSide {
  if (mode !== 'swipe') return mode;
  return x < split ? 'before' : 'after';
}
