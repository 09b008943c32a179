/**
 * Comparisons of two times and the timeline are one choice seen two ways: showing a time
 * comparison's before (or after) side is standing on the timeline at that side's time. This
 * keeps them in step: choosing a side moves the timeline there (crossfading); moving the
 * timeline to one side's time shows that side; moving it elsewhere ends the comparison (its
 * control then switches it on again). The swipe view is the comparison's own.
 */
import { parseTime, type Comparison, type SceneDocument } from '../spec';
import { findComparison, sceneComparisons, type CompareState, type CompareStore, type ComparisonSide } from './compare-store';
import type { SceneStore } from './scene-store';
import { initialStep, sceneTimeline, stepAt } from './timeline';
import type { TimelineStore } from './timeline-store';

/** The timeline step of a time comparison's side, or `null` (no timeline, or a comparison of layers). */
export function sideStep(doc: SceneDocument | null, comparison: Comparison, side: ComparisonSide): number | null {
  const time = comparison[side].time;
  const timeline = sceneTimeline(doc);
  if (time === undefined || !timeline) return null;
  const span = parseTime(time);
  return typeof span === 'string' ? null : stepAt(timeline, span.start);
}

/** The active comparison when it is one of two times. */
export function activeTimeComparison(doc: SceneDocument | null, compare: Pick<CompareState, 'activeId'>): Comparison | null {
  const c = findComparison(sceneComparisons(doc), compare.activeId);
  return c && c.before.time !== undefined ? c : null;
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
    const c = activeTimeComparison(doc, cs);
    if (!c) return;
    const before = sideStep(doc, c, 'before');
    const after = sideStep(doc, c, 'after');
    if (t.step === before && cs.mode !== 'before') cs.setMode('before');
    else if (t.step === after && cs.mode !== 'after') cs.setMode('after');
    else if (t.step !== before && t.step !== after) cs.setActive(null);
  });
  return () => {
    offCompare();
    offTimeline();
  };
}
