/**
 * `parsePlan`: any supported zoning-plan file → `PlanDocument`. Pure TypeScript (proj4 through
 * src/geo, fast-xml-parser), so it runs in a Web Worker as well as in Node.
 */
import type { PlanDocument, PlanFormat } from './plan-document';
import type { CatalogueLookup } from './catalogue';
import { decodeUtf8 } from '../../shared/utf8';
import { detectPlanFormat } from './detect-format';
import { parseGeoJsonPlan, type GeoJsonPlanMapping } from './geojson-plan';
import { parseNgpDetaljplan } from './ngp-detaljplan';
import { PlanParseError } from './plan-error';
import type { PlanLimits } from './plan-limits';
import { parseSs637040 } from './ss637040';

export interface ParsePlanOptions {
  /**
   * CRS of coordinates whose file does not state one (`EPSG:3014`, `3006`, an OGC URN …).
   * Files that name their CRS keep it.
   */
  crs?: string;
  /** The format, or `auto` (default) to detect it from the content. */
  format?: PlanFormat | 'auto';
  /** Plain GeoJSON only: which properties hold the use, height, text, name and prickmark. */
  mapping?: GeoJsonPlanMapping;
  /** Catalogue of plan regulations to resolve UUIDs with (default: the shipped subset). */
  catalogue?: CatalogueLookup;
  /** Caps on the plan's vertices and polygons (default `PLAN_LIMITS`). */
  limits?: Partial<PlanLimits>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PlanParseError(`The plan is not valid JSON: ${(e as Error).message}.`);
  }
}

/**
 * Parses a zoning plan: NGP Detaljplan 4.1 JSON, SS 637040:2016 GML or plain GeoJSON, given as
 * text, bytes (UTF-8) or an already parsed JSON object.
 * Problems with single features are `warnings` on the result.
 * @throws PlanParseError when nothing at all can be read (unreadable or unrecognised input, an
 *   empty plan, no usable coordinate system), or when the plan exceeds a cap (`PLAN_LIMITS`)
 */
export function parsePlan(input: string | ArrayBuffer | Uint8Array | object, options: ParsePlanOptions = {}): PlanDocument {
  let data: string | object;
  if (input instanceof ArrayBuffer || input instanceof Uint8Array) data = decodeUtf8(input);
  else if (typeof input === 'string') data = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else if (input !== null && typeof input === 'object') data = input;
  else throw new PlanParseError(`Cannot read a plan from ${input === null ? 'null' : typeof input}.`);
  if (typeof data === 'string' && data.trim() === '') throw new PlanParseError('The plan file is empty.');

  const format = !options.format || options.format === 'auto' ? detectPlanFormat(data) : options.format;
  if (!format) {
    const head = typeof data === 'string' ? data.trimStart().slice(0, 40) : '';
    throw new PlanParseError(
      head.startsWith('<')
        ? 'Unrecognised XML: not an SS 637040:2016 plan (no DP_Data/DP_Plan elements in the namespace http://www.sis.se/ss637040).'
        : 'Unrecognised plan format: expected NGP Detaljplan 4.1 JSON, SS 637040:2016 GML or GeoJSON.',
    );
  }
  const common = { ...(options.crs ? { crs: options.crs } : {}), ...(options.catalogue ? { catalogue: options.catalogue } : {}), ...(options.limits ? { limits: options.limits } : {}) };
  switch (format) {
    case 'ss637040':
      if (typeof data !== 'string') throw new PlanParseError('SS 637040 plans are XML: pass the file as text or bytes.');
      return parseSs637040(data, common);
    case 'ngp-detaljplan-4.1':
      return parseNgpDetaljplan(typeof data === 'string' ? parseJson(data) : data, common);
    case 'geojson':
      return parseGeoJsonPlan(typeof data === 'string' ? parseJson(data) : data, { ...common, ...(options.mapping ? { mapping: options.mapping } : {}) });
  }
}
