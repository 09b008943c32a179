/**
 * `service: "wmts"`: tiles of a WMTS tile matrix set in its own CRS (SWEREF 99 sets included),
 * read from the service's GetCapabilities; or, for a Web Mercator set, a RESTful template.
 * Levels are the set's tile matrices, coarsest first; all share the set's top-left corner.
 */
import { getCrs } from '../../geo';
import type { RasterLayerSpec } from '../../spec';
import { fetchText } from '../../sources/raster/fetch-bytes';
import { readWmtsCapabilities, type WmtsLayerInfo, type WmtsTileMatrix } from '../../sources/raster/wmts-capabilities';
import { boxFrame, CrsGridProjection } from './crs-projection';
import { RasterOverlay } from './raster-overlay';
import { radianBox, type RasterBuild, type RasterSetup } from './raster-build';
import { TileLog } from './tile-log';
import { GridTileSource } from './tile-sources';
import { RASTER_LIMITS } from '../../sources/raster/raster-limits';

/** WMTS's standardised rendering pixel, metres (OGC 07-057r7, 6.1). */
const RENDERING_PIXEL = 0.00028;
/** Metres per degree on the WMTS reference sphere (2π · 6 378 137 m / 360). */
const METRES_PER_DEGREE = 111319.49079327357;

const WEB_MERCATOR_SETS = /^(GoogleMapsCompatible|WebMercatorQuad|EPSG:3857|EPSG:900913|3857|900913)$/i;
const HALF_WORLD = 20037508.342789244;

/** The Web Mercator quad tree as WMTS tile matrices, levels 0…maxZoom. */
export function webMercatorMatrices(maxZoom: number, tileSize: number): WmtsTileMatrix[] {
  return Array.from({ length: maxZoom + 1 }, (_, z) => ({
    identifier: String(z),
    scaleDenominator: (2 * HALF_WORLD) / (tileSize * 2 ** z) / RENDERING_PIXEL,
    topLeft: [-HALF_WORLD, HALF_WORLD] as [number, number],
    tileWidth: tileSize,
    tileHeight: tileSize,
    matrixWidth: 2 ** z,
    matrixHeight: 2 ** z,
  }));
}

/** Pixel size of a tile matrix in CRS units. */
function pixelSize(m: WmtsTileMatrix, units: 'metre' | 'degree'): number {
  return (m.scaleDenominator * RENDERING_PIXEL) / (units === 'degree' ? METRES_PER_DEGREE : 1);
}

function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\s*([A-Za-z]+)\s*\}/g, (whole, key: string) => {
    const hit = Object.keys(values).find((k) => k.toLowerCase() === key.toLowerCase());
    return hit !== undefined ? encodeURIComponent(values[hit]!) : whole;
  });
}

async function layerInfo(setup: RasterSetup): Promise<WmtsLayerInfo> {
  const { spec } = setup;
  if (/\{\s*TileMatrix\s*\}/i.test(setup.url)) {
    if (!WEB_MERCATOR_SETS.test(spec.tileMatrixSet!)) {
      throw new Error(
        `a WMTS URL template works only with a Web Mercator tile matrix set (GoogleMapsCompatible); for "${spec.tileMatrixSet}" give the service’s GetCapabilities URL, which defines its tile matrices`,
      );
    }
    return { crs: 'EPSG:3857', matrices: webMercatorMatrices(spec.maxZoom, spec.tileSize), template: setup.url, kvpUrl: null, bounds: null, formats: [], styles: [], dimensions: {} };
  }
  let xml: string;
  try {
    xml = await fetchText(setup.url, { ...RASTER_LIMITS.capabilities, signal: setup.signal });
  } catch (e) {
    throw new Error(`the WMTS capabilities could not be loaded: ${(e as Error).message}`);
  }
  return readWmtsCapabilities(xml, spec.layer!, spec.tileMatrixSet!, setup.url);
}

function tileUrl(info: WmtsLayerInfo, spec: RasterLayerSpec, m: WmtsTileMatrix, x: number, y: number): string {
  const dims: Record<string, string> = { ...info.dimensions };
  if (spec.timeParameter && spec.time !== undefined) dims.Time = spec.time;
  if (info.template) {
    return fillTemplate(info.template, { ...dims, TileMatrixSet: spec.tileMatrixSet!, TileMatrix: m.identifier, TileRow: String(y), TileCol: String(x), Style: spec.style });
  }
  const url = new URL(info.kvpUrl!);
  const q = url.searchParams;
  for (const [k, v] of Object.entries({ SERVICE: 'WMTS', REQUEST: 'GetTile', VERSION: '1.0.0', LAYER: spec.layer!, STYLE: spec.style, TILEMATRIXSET: spec.tileMatrixSet!, TILEMATRIX: m.identifier, TILEROW: String(y), TILECOL: String(x), FORMAT: spec.format, ...dims })) q.set(k, v);
  return url.href;
}

export async function buildWmtsRaster(setup: RasterSetup): Promise<RasterBuild> {
  const { spec } = setup;
  const info = await layerInfo(setup);
  const units = getCrs(info.crs).units === 'degree' ? 'degree' : 'metre';
  const first = info.matrices[0]!;
  const [x0, y0] = first.topLeft;
  for (const m of info.matrices) {
    const tol = pixelSize(m, units);
    if (Math.abs(m.topLeft[0] - x0) > tol || Math.abs(m.topLeft[1] - y0) > tol) {
      throw new Error(`tile matrix "${m.identifier}" starts at another top-left corner than "${first.identifier}"; such tile matrix sets are not supported`);
    }
  }
  let width = 0;
  let height = 0;
  for (const m of info.matrices) {
    const res = pixelSize(m, units);
    width = Math.max(width, m.matrixWidth * m.tileWidth * res);
    height = Math.max(height, m.matrixHeight * m.tileHeight * res);
  }
  const projection = new CrsGridProjection(info.crs, boxFrame(x0, y0 - height, x0 + width, y0));
  const log = new TileLog();
  const bounds = spec.bounds ?? info.bounds;
  const source = new GridTileSource(
    { queue: setup.queue, log, ...RASTER_LIMITS.tile },
    {
      projection,
      levels: info.matrices.map((m) => {
        const res = pixelSize(m, units);
        return { tilePixelWidth: m.tileWidth, tilePixelHeight: m.tileHeight, tileCountX: m.matrixWidth, tileCountY: m.matrixHeight, pixelWidth: width / res, pixelHeight: height / res };
      }),
      rowsFromTop: true,
      bounds: bounds ? radianBox(bounds) : null,
      urlOf: (x, y, level) => tileUrl(info, spec, info.matrices[level]!, x, y),
    },
  );
  const overlay = new RasterOverlay(source, setup.opacityOf);
  await overlay.ready();
  const warnings: string[] = [];
  if (info.formats.length > 0 && !info.formats.includes(spec.format) && !info.template) warnings.push(`The layer offers ${info.formats.join(', ')}, not ${spec.format}.`);
  const notes = [`WMTS, tile matrix set ${spec.tileMatrixSet} in ${info.crs} (${getCrs(info.crs).name}), ${info.matrices.length} levels.`];
  return { overlay, log, notes, warnings };
}
