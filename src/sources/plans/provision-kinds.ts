/**
 * The kinds of plan regulation as the NGP specification names them, in the order a plan map's
 * legend lists them: use of land and water, then design and extent, then administrative.
 */
import type { ProvisionKind } from './plan-document';

export const PROVISION_KIND_NAMES: Readonly<Record<ProvisionKind, string>> = {
  användning: 'användningsbestämmelse',
  egenskap: 'egenskapsbestämmelse',
  administrativ: 'administrativ bestämmelse',
};

/** Kind names in legend order. */
export const PROVISION_KIND_ORDER: readonly string[] = [PROVISION_KIND_NAMES.användning, PROVISION_KIND_NAMES.egenskap, PROVISION_KIND_NAMES.administrativ];
