/**
 * Cheap detection of a zoning plan's format from its first bytes or its top-level object:
 * NGP Detaljplan 4.1 JSON, SS 637040:2016 GML or plain GeoJSON.
 */
import type { PlanFormat } from './plan-document';
import { isRecord } from '../../shared/is-record';
import { decodeUtf8 } from '../../shared/utf8';

/** The media type of NGP Detaljplan 4.x feature collections (`feature:mediatyp`). */
export const NGP_DETALJPLAN_MEDIA_TYPE = 'application/vnd.lm.detaljplan.v4+json';

/** How many characters of a text sample are looked at. */
const SAMPLE_CHARS = 16_384;


function detectFromObject(value: Record<string, unknown>): PlanFormat | undefined {
  if ('feature:mediatyp' in value) return 'ngp-detaljplan-4.1';
  const features = value.features;
  if (value.type === 'FeatureCollection' && Array.isArray(features)) {
    const first = features.find(isRecord);
    const props = first && isRecord(first.properties) ? first.properties : undefined;
    if (props && ('feature:typ' in props || 'plangeometri' in props || 'bestammelsegeometri' in props)) return 'ngp-detaljplan-4.1';
    return 'geojson';
  }
  if (value.type === 'Feature') return 'geojson';
  return undefined;
}

function detectFromText(text: string): PlanFormat | undefined {
  const head = text.slice(0, SAMPLE_CHARS).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) {
    return /sis\.se\/ss637040|<(?:\w+:)?DP_(?:Data|Plan|Grans|Omrade)\b/.test(head) ? 'ss637040' : undefined;
  }
  if (head.startsWith('{')) {
    if (/"feature:mediatyp"|"feature:typ"|"plangeometri"|"bestammelsegeometri"/.test(head)) return 'ngp-detaljplan-4.1';
    if (/"type"\s*:\s*"(?:FeatureCollection|Feature)"/.test(head)) return 'geojson';
  }
  return undefined;
}

/**
 * The plan format of a sample: a string (the file's text or its beginning), bytes, or a parsed
 * JSON object. Looks at the first 16 KiB of text at most.
 * @returns the format, or `undefined` when the sample looks like none of them
 */
export function detectPlanFormat(sample: string | ArrayBuffer | Uint8Array | object): PlanFormat | undefined {
  if (typeof sample === 'string') return detectFromText(sample);
  if (sample instanceof ArrayBuffer || sample instanceof Uint8Array) {
    const bytes = sample instanceof Uint8Array ? sample : new Uint8Array(sample);
    return detectFromText(decodeUtf8(bytes.subarray(0, SAMPLE_CHARS * 4)));
  }
  return isRecord(sample) ? detectFromObject(sample) : undefined;
}
