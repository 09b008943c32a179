/**
 * Comparisons: "before / after" pairs of layer sets that the viewer can toggle between or
 * show side by side with a swipe divider (proposal against today, old map against new).
 *
 * A layer listed on one side is drawn only on that side; layers a comparison does not list
 * are drawn on both. A layer may not be on both sides of one comparison (that would mean
 * the same as listing it on neither), and it may take part in several comparisons.
 */
import { z } from 'zod';
import { identifier } from './primitives';

const displayName = z
  .string({ error: 'expected a display name' })
  .min(1, { error: 'expected a non-empty display name' });

export const comparisonSideSchema = z
  .strictObject({
    name: displayName.describe('What users see for this side, e.g. "Idag" or "Förslag".'),
    layers: z
      .array(identifier, { error: 'expected an array of layer ids' })
      .describe('Ids of the layers drawn only on this side (may be empty).'),
  })
  .describe('One side of a comparison');

export const comparisonSchema = z
  .strictObject({
    id: identifier.describe('Unique id of the comparison within the scene.'),
    name: displayName.describe('What users see for the comparison, e.g. "Kvarteret Sundsbryggan".'),
    before: comparisonSideSchema.describe('Today, or the older state: shown first, and on the left of the swipe divider.'),
    after: comparisonSideSchema.describe('The proposal, or the newer state: on the right of the swipe divider.'),
  })
  .describe('A before / after pair of layer sets, toggled or swiped in the viewer');

export type ComparisonSideSpec = z.output<typeof comparisonSideSchema>;
export type Comparison = z.output<typeof comparisonSchema>;

/** The two sides of a comparison; `before` is the left half of the swipe view. */
export type ComparisonSide = 'before' | 'after';

/** Where a zod `superRefine` context reports an issue (the subset used here). */
interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; input: unknown; message: string }): void;
}

/**
 * Cross-checks of `comparisons` against the rest of the scene: unique ids, layer ids that
 * exist, each layer at most once per comparison, and at least one layer per comparison.
 */
export function checkComparisons(comparisons: readonly Comparison[], layerIds: readonly string[], ctx: IssueSink): void {
  const known = new Set(layerIds);
  const knownList = layerIds.length > 0 ? layerIds.join(', ') : 'none defined';
  const seen = new Map<string, number>();
  comparisons.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['comparisons', i, 'id'], input: c.id, message: `expected a unique comparison id (comparisons[${first}] has it too)` });
    } else seen.set(c.id, i);

    if (c.before.layers.length === 0 && c.after.layers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['comparisons', i], input: c, message: 'both sides are empty: list at least one layer id in before.layers or after.layers' });
    }
    const placed = new Map<string, string>();
    for (const side of ['before', 'after'] as const) {
      c[side].layers.forEach((id, j) => {
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
