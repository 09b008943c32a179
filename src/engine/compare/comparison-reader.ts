/**
 * Reads the active before / after comparison for per-frame code and picking: which
 * comparison, which mode, where the divider is, and which side is drawn at a screen point.
 * Allocation-free; reads the stores with `getState()`.
 */
import type { Comparison } from '../../spec';
import { comparisonApplies, findComparison, sceneComparisons, sideAtFraction, wholeViewSide, type CompareMode, type CompareStore, type ComparisonSide } from '../../state/compare-store';
import type { SceneStore } from '../../state/scene-store';

export class ComparisonReader {
  constructor(
    private readonly scene: SceneStore,
    private readonly compare: CompareStore,
  ) {}

  /**
   * The active comparison of the current scene while it decides what is drawn, or `null`
   * (every layer drawn as its spec and the timeline say). A comparison of two times decides
   * only in swipe mode; its before and after modes are the timeline's.
   */
  active(): Comparison | null {
    const { activeId, mode } = this.compare.getState();
    const c = findComparison(sceneComparisons(this.scene.getState().doc), activeId);
    return comparisonApplies(c, mode) ? c : null;
  }

  mode(): CompareMode {
    return this.compare.getState().mode;
  }

  /** Divider position: fraction of the canvas width from the left, 0…1. */
  split(): number {
    return this.compare.getState().split;
  }

  /** Whether the view is drawn in two halves now: a comparison is active, in swipe mode, not in XR. */
  isSplit(presenting: boolean): boolean {
    return !presenting && this.mode() === 'swipe' && this.active() !== null;
  }

  /**
   * The side drawn at a horizontal canvas position in NDC (−1 left … 1 right); with `null`
   * (no screen position, as for `featuresAt`) or in XR, the side shown on the whole view
   * (`after` in swipe mode). `null` when no comparison is active.
   */
  sideAt(ndcX: number | null, presenting: boolean): ComparisonSide | null {
    if (this.active() === null) return null;
    const mode = this.mode();
    if (ndcX === null || presenting) return wholeViewSide(mode);
    return sideAtFraction(mode, this.split(), (ndcX + 1) / 2);
  }
}
