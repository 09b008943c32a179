/**
 * `zoning`: a detaljplan (Swedish zoning plan) from Lantmäteriet's NGP Detaljplan 4.1 JSON,
 * SS 637040:2016 GML, or plain GeoJSON. Use areas are draped on the ground and on tiles in
 * Boverket's colours; maximum heights become translucent envelope volumes.
 */
import { z } from 'zod';
import { layerBaseShape } from '../layer-base';
import { ellipsoidHeight } from '../primitives';
import type { LayerKindSpec } from '../layer-registry';

const property = z.string({ error: 'expected a property name' }).min(1, { error: 'expected a property name' });

export const zoningLayerSchema = z
  .strictObject({
    type: z.literal('zoning'),
    ...layerBaseShape,
    format: z
      .enum(['auto', 'ngp-detaljplan-4.1', 'ss637040', 'geojson'], { error: 'expected auto, ngp-detaljplan-4.1, ss637040 or geojson' })
      .default('auto')
      .describe('File format; `auto` detects it from the content.'),
    crs: z
      .string({ error: 'expected a CRS code such as "EPSG:3014"' })
      .regex(/^EPSG:\d+$/, { error: 'expected a CRS code such as "EPSG:3014"' })
      .optional()
      .describe('CRS of the plan’s coordinates when the file does not state it (SWEREF 99 zones EPSG:3006–3018).'),
    groundHeight: ellipsoidHeight
      .optional()
      .describe(
        'Height of the ground under the plan above the WGS84 ellipsoid, metres: where draping is centred and what heights “over the ground” (nockhöjd) stand on. Default: the scene origin’s height.',
      ),
    drapeRange: z
      .number({ error: 'expected a height range in metres' })
      .positive({ error: 'expected a positive height range in metres' })
      .max(2000, { error: 'expected a height range in metres (≤ 2000)' })
      .default(25)
      .describe(
        'Half-height of the draping volume around the ground height, metres: terrain and tile surfaces within ±this range are coloured. Raise it for hilly plans (taller volumes cost more fill rate).',
      ),
    volumes: z.boolean({ error: 'expected true or false' }).default(true).describe('Whether maximum-height envelopes are drawn.'),
    mapping: z
      .strictObject({
        use: property.optional().describe('Property holding the use code (B, C, GATA, PARK, …).'),
        maxHeight: property.optional().describe('Property holding the maximum height over the ground, metres.'),
        text: property.optional().describe('Property holding the regulation text.'),
        name: property.optional().describe('Property holding a name.'),
        noBuild: property.optional().describe('Property that marks prickmark (no-build land) when true.'),
      })
      .optional()
      .describe('For plain GeoJSON: which feature properties hold the use, maximum height and text.'),
  })
  .describe('Zoning plan (detaljplan): NGP Detaljplan 4.1 JSON, SS 637040 GML or GeoJSON');

export type ZoningLayerSpec = z.output<typeof zoningLayerSchema>;

/** Plan-like property names of plain GeoJSON plans. */
const PLAN_PROPERTIES = ['anvandning', 'användning', 'nockhojd', 'nockhöjd', 'bestammelseformulering'];

/**
 * Confidence that a sample is a plan: SS 637040 XML, the NGP media type or geometry properties,
 * or GeoJSON with plan-like properties; as parsed JSON or as the first bytes of a large file.
 */
function sampleScore(sample: unknown): number {
  if (typeof sample === 'string') {
    const head = sample.slice(0, 65_536);
    if (/<(?:\w+:)?DP_Data[\s>]|ss637040/.test(head.slice(0, 4096))) return 1;
    if (!/^\s*\{/.test(head)) return 0;
    if (/"feature:mediatyp"\s*:\s*"[^"]*detaljplan/.test(head) || /"(?:plangeometri|bestammelsegeometri)"\s*:/.test(head)) return 1;
    return /"type"\s*:\s*"FeatureCollection"/.test(head) && PLAN_PROPERTIES.some((k) => head.includes(`"${k}"`)) ? 0.8 : 0;
  }
  if (typeof sample !== 'object' || sample === null) return 0;
  const s = sample as Record<string, unknown>;
  if (typeof s['feature:mediatyp'] === 'string' && s['feature:mediatyp'].includes('detaljplan')) return 1;
  if (s.type !== 'FeatureCollection' || !Array.isArray(s.features)) return 0;
  const first = s.features[0] as { properties?: Record<string, unknown> } | undefined;
  const props = first?.properties ?? {};
  if ('bestammelsegeometri' in props || 'plangeometri' in props) return 1;
  return PLAN_PROPERTIES.some((k) => Object.hasOwn(props, k)) ? 0.8 : 0;
}

export const zoningLayerKind: LayerKindSpec<typeof zoningLayerSchema> = {
  type: 'zoning',
  title: 'Zoning plan (detaljplan)',
  schema: zoningLayerSchema,
  detect(url, sample) {
    if (sample !== undefined) return sampleScore(sample);
    const path = url.split(/[?#]/)[0]!.toLowerCase();
    if (/detaljplan|plankarta/.test(path) && /\.(json|geojson|xml|gml)$/.test(path)) return 0.9;
    if (/\.gml$/.test(path)) return 0.6;
    return 0;
  },
};
