/**
 * `raster`: a map or an aerial photo draped on the ground (ground tiles and the ground
 * plane, never buildings), from
 *  - `tiles`: an XYZ or TMS pyramid, `url` with `{z}/{x}/{y}` (Web Mercator, EPSG:3857);
 *  - `wms`: a WMS GetMap endpoint (1.3.0, or 1.1.1), requested in `crs`;
 *  - `wmts`: a WMTS service, `url` a GetCapabilities document or a RESTful template;
 *  - `image`: one georeferenced PNG or JPEG, placed by a world file in `crs` or by its corners.
 */
import { z } from 'zod';
import { hasCrs } from '../../geo/crs';
// every CRS the registry knows may georeference a raster
import '../../geo/crs-europe';
import { layerBaseShape } from '../layer-base';
import type { LayerKindSpec } from '../layer-registry';
import { url } from '../primitives';

export const RASTER_SERVICES = ['tiles', 'wms', 'wmts', 'image'] as const;
export type RasterService = (typeof RASTER_SERVICES)[number];

const crsCode = z
  .string({ error: 'expected a CRS code such as "EPSG:3006"' })
  .refine((code) => /^EPSG:\d+$/.test(code) && hasCrs(code), { error: 'expected a CRS code of the registry, e.g. "EPSG:3006", "EPSG:3014", "EPSG:3857" or "EPSG:4326"' });

const zoom = z
  .number({ error: 'expected a zoom level (0…24)' })
  .int({ error: 'expected a whole zoom level (0…24)' })
  .min(0, { error: 'expected a zoom level (0…24)' })
  .max(24, { error: 'expected a zoom level (0…24)' });

const coordinate = z.tuple([z.number({ error: 'expected a number' }), z.number({ error: 'expected a number' })], { error: 'expected [x, y]' });

const name = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });

export const rasterLayerSchema = z
  .strictObject({
    type: z.literal('raster'),
    ...layerBaseShape,
    service: z
      .enum(RASTER_SERVICES, { error: 'expected a service: tiles, wms, wmts or image' })
      .optional()
      .describe('How the raster is served. Default: `tiles` for a URL with {z}/{x}/{y}, `image` for a .png or .jpg URL.'),
    scheme: z
      .enum(['xyz', 'tms'], { error: 'expected a tile scheme: xyz or tms' })
      .default('xyz')
      .describe('`tiles` only: `xyz` counts tile rows from the north, `tms` from the south.'),
    bounds: z
      .tuple([z.number(), z.number(), z.number(), z.number()], { error: 'expected [west, south, east, north] in degrees' })
      .optional()
      .describe('Where the raster has content: [west, south, east, north], degrees (WGS84). Nothing is requested outside.'),
    minZoom: zoom.default(0).describe('`tiles` only: the coarsest zoom level the pyramid has.'),
    maxZoom: zoom.default(19).describe('`tiles` only: the finest zoom level the pyramid has.'),
    tileSize: z
      .number({ error: 'expected a tile size in pixels' })
      .int({ error: 'expected a whole tile size in pixels' })
      .min(64, { error: 'expected a tile size of 64 to 1024 pixels' })
      .max(1024, { error: 'expected a tile size of 64 to 1024 pixels' })
      .default(256)
      .describe('`tiles` and `wms`: width and height of one tile, pixels.'),
    crs: crsCode
      .optional()
      .describe('`wms`: the CRS to request (default EPSG:3857). `image`: the CRS of the world file or of `corners` (default for corners: EPSG:4326).'),
    layers: name('WMS layer names (comma-separated)').optional().describe('`wms`: the LAYERS to draw, comma-separated.'),
    styles: z.string({ error: 'expected WMS style names' }).optional().describe('`wms`: the STYLES parameter.'),
    format: name('an image MIME type, e.g. "image/png"').default('image/png').describe('`wms` and `wmts`: the image format to request.'),
    transparent: z.boolean({ error: 'expected true or false' }).default(true).describe('`wms`: request a transparent background.'),
    version: z.enum(['1.3.0', '1.1.1'], { error: 'expected a WMS version: 1.3.0 or 1.1.1' }).default('1.3.0').describe('`wms`: the protocol version.'),
    timeParameter: z
      .boolean({ error: 'expected true or false' })
      .default(false)
      .describe('`wms`: send the layer’s `time` as the TIME parameter (for time-enabled services).'),
    layer: name('a WMTS layer identifier').optional().describe('`wmts`: the layer identifier.'),
    tileMatrixSet: name('a WMTS tile matrix set identifier').optional().describe('`wmts`: the tile matrix set (e.g. "3006" or "GoogleMapsCompatible").'),
    style: name('a WMTS style identifier').default('default').describe('`wmts`: the style identifier.'),
    worldFile: url
      .optional()
      .describe('`image`: the world file (.pgw, .jgw, .tfw, .wld). Default: the image URL with the matching extension.'),
    corners: z
      .strictObject({
        topLeft: coordinate,
        topRight: coordinate,
        bottomRight: coordinate,
        bottomLeft: coordinate,
      })
      .optional()
      .describe('`image`: where the image corners lie, as [x, y] in `crs` (longitude, latitude in degrees for EPSG:4326).'),
  })
  .superRefine((layer, ctx) => {
    const issue = (path: string, message: string, input: unknown) => ctx.addIssue({ code: 'custom', path: [path], input, message });
    const service = rasterService(layer);
    if (service === null) {
      issue('service', 'expected a service: tiles, wms, wmts or image (the URL has no {z}/{x}/{y} and is not a .png or .jpg)', layer.service);
      return;
    }
    const only: Record<string, RasterService> = { layers: 'wms', styles: 'wms', layer: 'wmts', tileMatrixSet: 'wmts', worldFile: 'image', corners: 'image' };
    for (const [key, owner] of Object.entries(only)) {
      if ((layer as Record<string, unknown>)[key] !== undefined && owner !== service) issue(key, `is for service ${owner} only (this layer is ${service})`, (layer as Record<string, unknown>)[key]);
    }
    if (service === 'tiles') {
      if (!/\{\s*z\s*\}/i.test(layer.url) || !/\{\s*x\s*\}/i.test(layer.url) || !/\{\s*(?:y|-\s*y|reverseY)\s*\}/i.test(layer.url)) {
        issue('url', 'expected a tile URL template with {z}, {x} and {y}', layer.url);
      }
      if (layer.minZoom > layer.maxZoom) issue('minZoom', `expected minZoom ≤ maxZoom (${layer.maxZoom})`, layer.minZoom);
    }
    if (service === 'wms' && layer.layers === undefined) issue('layers', 'expected the WMS layer names to draw', undefined);
    if (service === 'wmts') {
      if (layer.layer === undefined) issue('layer', 'expected the WMTS layer identifier', undefined);
      if (layer.tileMatrixSet === undefined) issue('tileMatrixSet', 'expected the WMTS tile matrix set identifier', undefined);
    }
    if (service === 'image' && layer.corners === undefined && layer.crs === undefined) {
      issue('crs', 'expected the CRS of the world file, e.g. "EPSG:3014" (or give the image’s corners)', undefined);
    }
    if (layer.bounds) {
      const problem = boundsProblem(layer.bounds);
      if (problem) issue('bounds', problem, layer.bounds);
    }
  })
  .describe('Raster map or aerial photo draped on the ground: XYZ/TMS tiles, WMS, WMTS or a georeferenced image');

export type RasterLayerSpec = z.output<typeof rasterLayerSchema>;

/** The service a raster layer uses: its own `service`, else what the URL shows; `null` when neither tells. */
export function rasterService(layer: { service?: RasterService; url: string }): RasterService | null {
  if (layer.service) return layer.service;
  if (/\{\s*z\s*\}/i.test(layer.url)) return 'tiles';
  const path = layer.url.split(/[?#]/)[0]!.toLowerCase();
  if (/\.(png|jpe?g)$/.test(path)) return 'image';
  return null;
}

/**
 * What is wrong with [west, south, east, north] in degrees, or `null`. Latitude-first boxes
 * ([south, west, north, east], as some TMS descriptors write them) are named as such when the
 * values show it.
 */
export function boundsProblem(b: readonly [number, number, number, number]): string | null {
  const [west, south, east, north] = b;
  if (![west, south, east, north].every(Number.isFinite)) return 'expected [west, south, east, north] as finite numbers (degrees)';
  const latOk = (v: number) => v >= -90 && v <= 90;
  const lonOk = (v: number) => v >= -180 && v <= 180;
  if (!latOk(south) || !latOk(north)) {
    if (!latOk(south) && !latOk(north) && latOk(west) && latOk(east) && lonOk(south) && lonOk(north)) {
      return `expected [west, south, east, north] in degrees; these look like [south, west, north, east] (latitude first): try [${south}, ${west}, ${north}, ${east}]`;
    }
    return 'expected latitudes (south, north) within −90…90';
  }
  if (!lonOk(west) || !lonOk(east)) return 'expected longitudes (west, east) within −180…180';
  if (west >= east) return 'expected west < east';
  if (south >= north) return 'expected south < north';
  return null;
}

function sampleScore(sample: unknown): number {
  if (typeof sample !== 'string') return 0;
  const head = sample.slice(0, 4096);
  if (/<(?:\w+:)?(?:WMS_Capabilities|WMT_MS_Capabilities)[\s>]/.test(head)) return 0.9;
  if (/<(?:\w+:)?Capabilities[^>]*wmts/i.test(head)) return 0.9;
  if (/<TileMap[\s>]/.test(head)) return 0.9;
  return 0;
}

export const rasterLayerKind: LayerKindSpec<typeof rasterLayerSchema> = {
  type: 'raster',
  title: 'Raster map (XYZ/TMS tiles, WMS, WMTS, georeferenced image)',
  schema: rasterLayerSchema,
  detect(url, sample) {
    if (sample !== undefined) return sampleScore(sample);
    if (/\{\s*z\s*\}/i.test(url) && /\{\s*x\s*\}/i.test(url)) return 0.95;
    const lower = url.toLowerCase();
    const path = lower.split(/[?#]/)[0]!;
    if (/[?&]service=wm(t)?s\b/.test(lower) || /wmtscapabilities\.xml$/.test(path)) return 0.9;
    if (/\.(png|jpe?g)$/.test(path)) return 0.6;
    return 0;
  },
};
