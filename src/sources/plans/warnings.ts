/** Collects per-feature warnings while a plan is parsed. */
import type { PlanWarning } from './plan-document';

export class WarningList {
  readonly items: PlanWarning[] = [];

  /** Adds one warning; `featureId` names the feature concerned, when there is one. */
  add(featureId: string | undefined, message: string): void {
    this.items.push(featureId === undefined ? { message } : { featureId, message });
  }
}
