/**
 * The one error a plan parser throws: nothing at all could be read from the input (unreadable
 * bytes, not a plan format, no features, no usable coordinate system), or the plan exceeds a
 * cap of ./plan-limits. Anything less is a `PlanWarning` on the document instead.
 */
import type { PlanWarning } from './plan-document';

export class PlanParseError extends Error {
  override readonly name = 'PlanParseError';
  /** Per-feature problems found before giving up (e.g. every feature had an unknown CRS). */
  readonly warnings: readonly PlanWarning[];

  constructor(message: string, warnings: readonly PlanWarning[] = []) {
    super(message);
    this.warnings = warnings;
  }
}
