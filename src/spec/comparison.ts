/**
 * Comparisons: "before / after" pairs that the viewer can toggle between or show side by
 * side with a swipe divider (proposal against today, old map against new).
 *
 * A side is either a set of layers or a time:
 *  - layers: a layer listed on one side is drawn only on that side; layers a comparison does
 *    not list are drawn on both. A layer may not be on both sides of one comparison (that
 *    would mean the same as listing it on neither), and it may take part in several;
 *  - times: each side shows the scene at its time (see `time.ts`); a layer whose time covers
 *    one side's time and not the other's is drawn on that side only (`resolveComparison`).
 * Both sides of one comparison are of the same kind.
 */
import { z } from 'zod';
import { identifier } from './primitives';
import { parseTime, spanCovers, timeText } from './time';

const displayName = z
  .string({ error: 'expected a display name' })
  .min(1, { error: 'expected a non-empty display name' });

export const comparisonSideSchema = z
  .strictObject({
    name: displayName.describe('What users see for this side, e.g. "Idag" or "Förslag".'),
    layers: z
      .array(identifier, { error: 'expected an array of layer ids' })
      .optional()
      .describe('Ids of the layers drawn only on this side (may be empty). Give either `layers` or `time`.'),
    time: timeText
      .optional()
      .describe('The time this side shows (e.g. "1880" or "2030"): the layers whose time covers it. Give either `layers` or `time`.'),
  })
  .describe('One side of a comparison: a set of layers or a time');

export const comparisonSchema = z
  .strictObject({
    id: identifier.describe('Unique id of the comparison within the scene.'),
    name: displayName.describe('What users see for the comparison, e.g. "Kvarteret Sundsbryggan".'),
    before: comparisonSideSchema.describe('Today, or the older state: shown first, and on the left of the swipe divider.'),
    after: comparisonSideSchema.describe('The proposal, or the newer state: on the right of the swipe divider.'),
  })
  .describe('A before / after pair of layer sets, toggled or swiped in the viewer');

export type ComparisonSideSpec = z.output<typeof comparisonSideSchema>;
/** A comparison as the scene document writes it. */
export type ComparisonSpec = z.output<typeof comparisonSchema>;

/** A side with its layers known: listed, or (for a time) the layers of that time only. */
export interface ResolvedComparisonSide {
  name: string;
  layers: string[];
  /** The side's time, for a comparison of two times. */
  time?: string;
}

/** A comparison with both sides resolved to layers (`resolveComparison`). */
export interface Comparison {
  id: string;
  name: string;
  before: ResolvedComparisonSide;
  after: ResolvedComparisonSide;
}

/** The two sides of a comparison; `before` is the left half of the swipe view. */
export type ComparisonSide = 'before' | 'after';

/** Whether a comparison's sides are two times (rather than two layer sets). */
export function isTimeComparison(c: Pick<ComparisonSpec, 'before'>): boolean {
  return c.before.time !== undefined;
}

/**
 * The comparison with its sides as layer lists. For two times, a side lists the layers whose
 * `time` covers its time but not the other side's; layers without a time, or covering both,
 * are drawn on both sides, and those covering neither are for the timeline to hide.
 */
export function resolveComparison(c: ComparisonSpec, layers: readonly { id: string; time?: string }[]): Comparison {
  if (!isTimeComparison(c)) {
    return { id: c.id, name: c.name, before: { name: c.before.name, layers: c.before.layers ?? [] }, after: { name: c.after.name, layers: c.after.layers ?? [] } };
  }
  const at = (time: string) => {
    const span = parseTime(time);
    return typeof span === 'string' ? NaN : span.start;
  };
  const a = at(c.before.time!);
  const b = at(c.after.time!);
  const before: string[] = [];
  const after: string[] = [];
  for (const layer of layers) {
    if (layer.time === undefined) continue;
    const span = parseTime(layer.time);
    if (typeof span === 'string') continue;
    const inA = spanCovers(span, a);
    const inB = spanCovers(span, b);
    if (inA && !inB) before.push(layer.id);
    else if (inB && !inA) after.push(layer.id);
  }
  return {
    id: c.id,
    name: c.name,
    before: { name: c.before.name, layers: before, time: c.before.time! },
    after: { name: c.after.name, layers: after, time: c.after.time! },
  };
}

/** Where a zod `superRefine` context reports an issue (the subset used here). */
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; input: unknown; message: string }): void;
}

/** Checks that each side is a layer set or a time, both sides alike, two different times. */
function checkSideKinds(c: ComparisonSpec, i: number, ctx: IssueSink): boolean {
  let ok = true;
  for (const side of ['before', 'after'] as const) {
    const s = c[side];
    if ((s.layers === undefined) === (s.time === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['comparisons', i, side], input: s, message: 'expected either "layers" (a list of layer ids) or "time" (e.g. "1880"), not both or neither' });
      ok = false;
    }
  }
  if (!ok) return false;
  if ((c.before.time === undefined) !== (c.after.time === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['comparisons', i], input: c, message: 'expected both sides to be times or both to be layer lists' });
    return false;
  }
  if (c.before.time !== undefined) {
    const a = parseTime(c.before.time);
    const b = parseTime(c.after.time!);
    if (typeof a !== 'string' && typeof b !== 'string' && a.start === b.start) {
      ctx.addIssue({ code: 'custom', path: ['comparisons', i, 'after', 'time'], input: c.after.time, message: `expected another time than the before side's ("${c.before.time}")` });
    }
    return false;
  }
  return true;
}

/**
 * Cross-checks of `comparisons` against the rest of the scene: unique ids, sides that are
 * layer sets or times, layer ids that exist, each layer at most once per comparison, and at
 * least one layer per comparison of layer sets.
 */
export function checkComparisons(comparisons: readonly ComparisonSpec[], layerIds: readonly string[], ctx: IssueSink): void {
  const known = new Set(layerIds);
  const knownList = layerIds.length > 0 ? layerIds.join(', ') : 'none defined';
  const seen = new Map<string, number>();
  comparisons.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['comparisons', i, 'id'], input: c.id, message: `expected a unique comparison id (comparisons[${first}] has it too)` });
    } else seen.set(c.id, i);
    if (!checkSideKinds(c, i, ctx)) return;

    if (c.before.layers!.length === 0 && c.after.layers!.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['comparisons', i], input: c, message: 'both sides are empty: list at least one layer id in before.layers or after.layers' });
    }
    const placed = new Map<string, string>();
    for (const side of ['before', 'after'] as const) {
      c[side].layers!.forEach((id, j) => {
        const path = ['comparisons', i, side, 'layers', j];
        if (!known.has(id)) {
          ctx.addIssue({ code: 'custom', path, input: id, message: `expected the id of a layer in this scene (${knownList})` });
          return;
        }
        const where = placed.get(id);
        if (where === undefined) placed.set(id, `${side}.layers[${j}]`);
        else if (where.startsWith(side)) {
          ctx.addIssue({ code: 'custom', path, input: id, message: `expected each layer once (${where} has it too)` });
        } else {
          ctx.addIssue({
            code: 'custom',
            path,
            input: id,
            message: `expected a layer on one side only (${where} has it too; a layer drawn on both sides is simply left out of the comparison)`,
          });
        }
      });
    }
  });
}
