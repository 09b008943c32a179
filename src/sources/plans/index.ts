/**
 * Zoning plans (detaljplaner): parsers for NGP Detaljplan 4.1 JSON, SS 637040:2016 GML and plain
 * GeoJSON into one `PlanDocument`, Boverket's catalogue of plan regulations, use codes and colours.
 */
export type * from './plan-document';
export { parsePlan, type ParsePlanOptions } from './parse-plan';
export { detectPlanFormat, NGP_DETALJPLAN_MEDIA_TYPE } from './detect-format';
export { PlanParseError } from './plan-error';
export { PLAN_LIMITS, type PlanLimits } from './plan-limits';
export { DEFAULT_GEOJSON_MAPPING, type GeoJsonPlanMapping } from './geojson-plan';
export {
  CATALOGUE_ATTRIBUTION,
  SHIPPED_CATALOGUE,
  catalogueEntry,
  catalogueFromBoverketApi,
  type CatalogueEntry,
  type CatalogueLookup,
} from './catalogue';
export { FALLBACK_COLOUR, PLAN_COLOURS, colourForUse, colourHex } from './palette';
export { classifyUseText, listUseCodes, normaliseUseCode, useCodeInfo, type UseCodeInfo } from './use-codes';
