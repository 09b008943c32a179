/**
 * Clears the selection (info panel, marker) when the comparison hides the picked feature's
 * layer, e.g. switching from "Förslag" back to "Idag" while a proposed building is open.
 * In swipe mode each layer is still drawn on its half, so the selection stays.
 */
import { findComparison, sceneComparisons, sideVisibility, type CompareStore } from '../../state/compare-store';
import type { SceneStore } from '../../state/scene-store';
import type { SelectionStore } from '../../state/selection-store';

/** Starts watching; returns the function that stops it. */
export function clearSelectionHiddenByComparison(scene: SceneStore, compare: CompareStore, selection: SelectionStore): () => void {
  return compare.subscribe((state) => {
    const picked = selection.getState().picked;
    if (!picked) return;
    const comparison = findComparison(sceneComparisons(scene.getState().doc), state.activeId);
    if (sideVisibility(comparison, state.mode, picked.layerId) === 'none') selection.getState().select(null);
  });
}
