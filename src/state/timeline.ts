/**
 * The scene's timeline, derived from its document: one step for each moment that layers (or
 * the sides of a comparison of two times) declare, in order, e.g. 1880 map · 2026 today ·
 * 2030 proposal. At a step, a layer with a time is shown when its time covers the step's
 * day; layers without a time are always shown. Between two neighbouring steps (while the
 * timeline moves or is dragged) layers crossfade: `layerWeight` is 1 − f for a layer of the
 * earlier step only, f for one of the later step only, 1 for one of both.
 *
 * Pure and allocation-free per frame: the timeline of a document is built once.
 */
import { parseTime, spanCovers, todayDayNumber, type SceneDocument, type TimeSpan } from '../spec';

export interface TimelineStep {
  /** The step's time as written (`"1880"`, `"1960-06-14"`), the shortest among those starting that day. */
  time: string;
  /** Its first day (days since 1970-01-01). */
  day: number;
  /** What the step is called: the name a comparison gives that time, else `time`. */
  label: string;
  /** Ids of the layers shown at this step that have a time. */
  layers: string[];
}

export interface Timeline {
  steps: TimelineStep[];
  /** For each layer with a time, by id: whether it is shown at each step. */
  shownAt: Map<string, boolean[]>;
}

const built = new WeakMap<SceneDocument, Timeline | null>();

/** The timeline of a document, or `null` when no layer (and no comparison) has a time. Built once per document. */
export function sceneTimeline(doc: SceneDocument | null | undefined): Timeline | null {
  if (!doc) return null;
  if (built.has(doc)) return built.get(doc)!;
  const timeline = buildTimeline(doc);
  built.set(doc, timeline);
  return timeline;
}

function buildTimeline(doc: SceneDocument): Timeline | null {
  const spans = new Map<string, TimeSpan>();
  for (const layer of doc.layers) {
    if (typeof layer.time !== 'string') continue;
    const span = parseTime(layer.time);
    if (typeof span !== 'string') spans.set(layer.id, span);
  }
  const starts = new Map<number, { time: string; label: string | null }>();
  const addStart = (day: number, text: string, label: string | null) => {
    const known = starts.get(day);
    if (!known) starts.set(day, { time: text, label });
    else {
      if (text.length < known.time.length) known.time = text;
      known.label ??= label;
    }
  };
  for (const span of spans.values()) if (span.startText !== null) addStart(span.start, span.startText, null);
  for (const c of doc.comparisons ?? []) {
    for (const side of [c.before, c.after]) {
      if (side.time === undefined) continue;
      const span = parseTime(side.time);
      if (typeof span !== 'string' && span.startText !== null) addStart(span.start, span.startText, side.name);
    }
  }
  if (starts.size === 0) return null;
  const days = [...starts.keys()].sort((a, b) => a - b);
  const steps = days.map((day): TimelineStep => {
    const s = starts.get(day)!;
    const layers = [...spans].filter(([, span]) => spanCovers(span, day)).map(([id]) => id);
    return { time: s.time, day, label: s.label ?? s.time, layers };
  });
  const shownAt = new Map<string, boolean[]>();
  for (const [id, span] of spans) shownAt.set(id, days.map((d) => spanCovers(span, d)));
  return { steps, shownAt };
}

/** The step in force at `day`: the last one that starts on or before it, else the first. */
export function stepAt(timeline: Timeline, day: number): number {
  let found = 0;
  for (let i = 0; i < timeline.steps.length; i++) if (timeline.steps[i]!.day <= day) found = i;
  return found;
}

/** Where a scene opens: the step in force today. */
export function initialStep(timeline: Timeline, today = todayDayNumber()): number {
  return stepAt(timeline, today);
}

/**
 * How much of a layer is shown at timeline `position` (a step index, fractional between two
 * steps), 0…1. Layers without a time: 1.
 */
export function layerWeight(timeline: Timeline | null, layerId: string, position: number): number {
  if (!timeline) return 1;
  const shown = timeline.shownAt.get(layerId);
  if (!shown) return 1;
  const last = shown.length - 1;
  const p = Math.min(last, Math.max(0, position));
  const i = Math.floor(p);
  const f = p - i;
  const a = shown[i]! ? 1 : 0;
  if (f === 0 || i >= last) return a;
  const b = shown[i + 1]! ? 1 : 0;
  return a * (1 - f) + b * f;
}

/** Whether a layer is shown at step `step` (layers without a time always are). */
export function shownAtStep(timeline: Timeline | null, layerId: string, step: number): boolean {
  const shown = timeline?.shownAt.get(layerId);
  return !shown || shown[step] === true;
}
