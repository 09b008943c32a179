/**
 * The properties of a zoning hit, as `featuresAt` and the info panel receive them: plain data
 * (strings, numbers, booleans) with the plan's own Swedish field names where they exist.
 */
import type { PlanInfo, Provision } from '../../sources/plans/plan-document';
import { PROVISION_KIND_NAMES } from '../../sources/plans/provision-kinds';

function planSummary(plan: PlanInfo | undefined): Record<string, unknown> {
  if (!plan) return {};
  const out: Record<string, unknown> = { planId: plan.id };
  if (plan.name) out.planNamn = plan.name;
  if (plan.designation) out.planBeteckning = plan.designation;
  if (plan.status) out.planStatus = plan.status;
  return out;
}

/** Properties of one provision hit. */
export function provisionProperties(p: Provision, plan: PlanInfo | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: PROVISION_KIND_NAMES[p.kind],
    bestammelseformulering: p.text,
    values: p.values.map((v) => ({ ...v })),
  };
  if (p.designation) out.beteckning = p.designation;
  if (p.useCode) out.anvandning = p.useCode;
  if (p.landUse) out.anvandningsform = p.landUse;
  if (p.colourName) out.farg = p.colourName;
  if (p.colour) out.colour = p.colour;
  if (p.catalogueRef) out.planbestammelsekatalogreferens = p.catalogueRef;
  if (p.heightLimit) out.heightLimit = { ...p.heightLimit };
  if (p.noBuild) out.prickmark = true;
  out.id = p.id;
  return { ...out, ...planSummary(plan) };
}

/** Properties of the plan itself as a hit. */
export function planProperties(plan: PlanInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'detaljplan', ...planSummary(plan) };
  if (plan.purpose) out.syfte = plan.purpose;
  if (plan.decisions.length > 0) out.beslut = plan.decisions.map((d) => ({ ...d }));
  return out;
}
