/**
 * Comparisons of two times and the timeline are one choice seen two ways: showing a time
 * comparison's before (or after) side is standing on the timeline at that side's time. This
 * keeps them in step: choosing a side moves the timeline there (crossfading); moving the
 * timeline to one side's time shows that side; moving it to a time the active comparison does
 * not have makes the first time comparison that has it active (or none). The swipe view is
 * the comparison's own.
 */
import { parseTime, type Comparison, type SceneDocument } from '../spec';
import { findComparison, sceneComparisons, shownOnSide, type CompareState, type CompareStore, type ComparisonSide } from './compare-store';
import type { SceneStore } from './scene-store';
import { initialStep, sceneTimeline, shownAtStep, stepAt } from './timeline';
import type { TimelineStore } from './timeline-store';

/** The timeline step of a time comparison's side, or `null` (no timeline, or a comparison of layers). */
export function sideStep(doc: SceneDocument | null, comparison: Comparison, side: ComparisonSide): number | null {
  const time = comparison[side].time;
  const timeline = sceneTimeline(doc);
  if (time === undefined || !timeline) return null;
  const span = parseTime(time);
  return typeof span === 'string' ? null : stepAt(timeline, span.start);
}

/**
 * Whether `comparison` shows layer `id` on `side`: a comparison of layer sets as it lists them;
 * one of two times where the timeline shows the layer at that side's time (so a layer of
 * neither time, which both sides' lists leave out, is shown on neither).
 */
export function shownOnComparisonSide(doc: SceneDocument | null, comparison: Comparison, id: string, side: ComparisonSide): boolean {
  const step = sideStep(doc, comparison, side);
  return step === null ? shownOnSide(comparison, id, side) : shownAtStep(sceneTimeline(doc), id, step);
}

/** The side of a time comparison whose time is at timeline step `step`, or `null`. */
function sideAt(doc: SceneDocument | null, c: Comparison, step: number): ComparisonSide | null {
  if (sideStep(doc, c, 'before') === step) return 'before';
  if (sideStep(doc, c, 'after') === step) return 'after';
  return null;
}

/** The active comparison when it is one of two times. */
export function activeTimeComparison(doc: SceneDocument | null, compare: Pick<CompareState, 'activeId'>): Comparison | null {
  const c = findComparison(sceneComparisons(doc), compare.activeId);
  return c && c.before.time !== undefined ? c : null;
}

/**
 * Whether the timeline shows layer `id` at `step`; in the swipe view of a comparison of two
 * times, at either of its times (each half shows one).
 */
export function shownByTimeline(doc: SceneDocument | null, compare: Pick<CompareState, 'activeId' | 'mode'>, step: number, id: string): boolean {
  const timeline = sceneTimeline(doc);
  const c = compare.mode === 'swipe' ? activeTimeComparison(doc, compare) : null;
  if (!c) return shownAtStep(timeline, id, step);
  const a = sideStep(doc, c, 'before');
  const b = sideStep(doc, c, 'after');
  return (a !== null && shownAtStep(timeline, id, a)) || (b !== null && shownAtStep(timeline, id, b));
}

/** Where a newly loaded scene's timeline stands: the shown side's time of an active time comparison, else today. */
export function openingStep(doc: SceneDocument | null, compare: Pick<CompareState, 'activeId' | 'mode'>): number {
  const timeline = sceneTimeline(doc);
  if (!timeline) return 0;
  const c = activeTimeComparison(doc, compare);
  if (c && compare.mode !== 'swipe') return sideStep(doc, c, compare.mode) ?? initialStep(timeline);
  return initialStep(timeline);
}

/** Starts keeping the timeline and time comparisons in step; returns the function that stops it. */
export function linkTimelineAndComparisons(scene: SceneStore, compare: CompareStore, timeline: TimelineStore): () => void {
  const offCompare = compare.subscribe((s, prev) => {
    if (s.activeId === prev.activeId && s.mode === prev.mode) return;
    if (s.mode === 'swipe') return;
    const doc = scene.getState().doc;
    const c = activeTimeComparison(doc, s);
    const step = c ? sideStep(doc, c, s.mode) : null;
    if (step !== null && step !== timeline.getState().step) timeline.getState().setStep(step);
  });
  const offTimeline = timeline.subscribe((t, prev) => {
    if (t.step === prev.step && t.move === prev.move) return;
    if (t.drag !== null) return;
    const doc = scene.getState().doc;
    const cs = compare.getState();
    const active = findComparison(sceneComparisons(doc), cs.activeId);
    // a comparison of layer sets is independent of the timeline
    if (active && active.before.time === undefined) return;
    const side = active ? sideAt(doc, active, t.step) : null;
    if (active && side) {
      if (cs.mode !== side) cs.setMode(side);
      return;
    }
    for (const c of sceneComparisons(doc) ?? []) {
      const other = c.before.time !== undefined ? sideAt(doc, c, t.step) : null;
      if (other) {
        // one update, so the comparison's link does not see the new id with the old mode
        compare.setState({ activeId: c.id, mode: other });
        return;
      }
    }
    if (active) cs.setActive(null);
  });
  return () => {
    offCompare();
    offTimeline();
  };
}
