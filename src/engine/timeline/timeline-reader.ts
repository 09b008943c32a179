/**
 * The timeline as drawn: its position moves towards the store's step over the move's
 * duration (eased), or follows a drag, and gives each layer its weight for that position
 * (crossfading between neighbouring steps). In the swipe view of a comparison of two times,
 * layers of either time are drawn (each on its half, by the comparison). Read per frame;
 * allocation-free after a document's timeline is built.
 */
import type { SceneDocument } from '../../spec';
import { findComparison, sceneComparisons, type CompareStore } from '../../state/compare-store';
import type { SceneStore } from '../../state/scene-store';
import { layerWeight, sceneTimeline, shownAtStep, type Timeline } from '../../state/timeline';
import type { TimelineStore } from '../../state/timeline-store';
import { sideStep } from '../../state/time-comparisons';

const swipeSteps = new WeakMap<SceneDocument, Map<string, [number, number] | null>>();

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

export class TimelineReader {
  /** The drawn position: a step index, fractional while crossfading. */
  position = 0;
  private from = 0;
  private elapsed = 0;
  private lastMove = -1;
  private lastDoc: SceneDocument | null = null;

  constructor(
    private readonly scene: SceneStore,
    private readonly compare: CompareStore,
    private readonly timeline: TimelineStore,
  ) {}

  /** The current scene's timeline, or `null`. */
  current(): Timeline | null {
    return sceneTimeline(this.scene.getState().doc);
  }

  /** Advances the drawn position by `dtMs` of animation. Call once a frame. */
  advance(dtMs: number): void {
    const t = this.timeline.getState();
    const doc = this.scene.getState().doc;
    if (doc !== this.lastDoc && t.move === this.lastMove) {
      // an edit of the document keeps the position; only clamp it to the steps there are
      const steps = sceneTimeline(doc)?.steps.length ?? 1;
      this.position = Math.min(this.position, steps - 1);
    }
    this.lastDoc = doc;
    if (t.drag !== null) {
      this.position = t.drag;
      this.lastMove = t.move;
      this.from = t.drag;
      this.elapsed = 0;
      return;
    }
    if (t.move !== this.lastMove) {
      this.lastMove = t.move;
      this.from = this.position;
      this.elapsed = 0;
    }
    if (this.position === t.step) return;
    this.elapsed += dtMs;
    const k = t.duration <= 0 ? 1 : Math.min(1, this.elapsed / t.duration);
    this.position = k >= 1 ? t.step : this.from + (t.step - this.from) * easeInOut(k);
  }

  /** Whether the drawn position is still moving to the step. */
  animating(): boolean {
    const t = this.timeline.getState();
    return t.drag === null && this.position !== t.step && this.current() !== null;
  }

  /** How much of layer `id` is drawn now, 0…1 (1 for layers without a time). */
  weight(id: string): number {
    const doc = this.scene.getState().doc;
    const timeline = sceneTimeline(doc);
    if (!timeline || !timeline.shownAt.has(id)) return 1;
    const swipe = this.swipeSteps(doc);
    if (swipe) return shownAtStep(timeline, id, swipe[0]) || shownAtStep(timeline, id, swipe[1]) ? 1 : 0;
    return layerWeight(timeline, id, this.position);
  }

  /** Whether layer `id` counts as shown now (for picking): weight ≥ ½. */
  shown(id: string): boolean {
    return this.weight(id) >= 0.5;
  }

  /** The steps of the two sides while a comparison of two times is swiped, else `null`. */
  private swipeSteps(doc: SceneDocument | null): [number, number] | null {
    const { activeId, mode } = this.compare.getState();
    if (mode !== 'swipe' || activeId === null || !doc) return null;
    let byId = swipeSteps.get(doc);
    if (!byId) swipeSteps.set(doc, (byId = new Map()));
    if (!byId.has(activeId)) {
      const c = findComparison(sceneComparisons(doc), activeId);
      const a = c ? sideStep(doc, c, 'before') : null;
      const b = c ? sideStep(doc, c, 'after') : null;
      byId.set(activeId, a !== null && b !== null ? [a, b] : null);
    }
    return byId.get(activeId)!;
  }
}
