/**
 * WMTS 1.0.0 GetCapabilities, read as far as a tiled raster needs it: the layer's formats,
 * tile URL templates, bounding box and the tile matrix set it links to (CRS, and per level the
 * identifier, scale, top-left corner, tile size and matrix size). GeoServer/GeoWebCache,
 * Lantmäteriet and Origo's services write this shape.
 */
import { XMLParser } from 'fast-xml-parser';
import { getCrs, hasCrs, normaliseCrsCode } from '../../geo';
import { resolveTemplateUrl } from './resolve-url';

export interface WmtsTileMatrix {
  identifier: string;
  scaleDenominator: number;
  /** Top-left corner as (x easting/longitude, y northing/latitude), whatever the CRS axis order. */
  topLeft: [number, number];
  tileWidth: number;
  tileHeight: number;
  matrixWidth: number;
  matrixHeight: number;
}

export interface WmtsLayerInfo {
  /** Canonical CRS code of the tile matrix set, e.g. `EPSG:3006`. */
  crs: string;
  matrices: WmtsTileMatrix[];
  /** RESTful tile template (`{TileMatrix}`, `{TileRow}`, `{TileCol}`…), or `null` for KVP only. */
  template: string | null;
  /** The GetTile KVP endpoint, when the service offers one. */
  kvpUrl: string | null;
  /** The layer's WGS84 bounding box, degrees [west, south, east, north], when given. */
  bounds: [number, number, number, number] | null;
  formats: string[];
  styles: string[];
  /** Default values of the layer's dimensions (e.g. Time). */
  dimensions: Record<string, string>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
});

type Node = Record<string, unknown>;

function list(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((n): n is Node => typeof n === 'object' && n !== null);
}

function text(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && typeof (v as Node)['#text'] === 'string') return ((v as Node)['#text'] as string).trim();
  if (Array.isArray(v)) return text(v[0]);
  return '';
}

function numbers(v: unknown): number[] {
  return text(v)
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
}

/** Reads the capabilities for `layer` in `tileMatrixSet`; throws an `Error` naming what is missing. */
export function readWmtsCapabilities(xml: string, layer: string, tileMatrixSet: string, baseUrl: string): WmtsLayerInfo {
  if (/<!ENTITY/i.test(xml.slice(0, 4096))) throw new Error('the capabilities document declares XML entities; it is not read');
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    throw new Error(`the capabilities are not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
  const caps = doc.Capabilities as Node | undefined;
  if (!caps) {
    if ('ExceptionReport' in doc || 'ServiceExceptionReport' in doc) throw new Error('the service answered the capabilities request with an exception');
    throw new Error('this is not a WMTS capabilities document (no <Capabilities>)');
  }
  const contents = (caps.Contents ?? {}) as Node;
  const layers = list(contents.Layer);
  const found = layers.find((l) => text(l.Identifier) === layer);
  if (!found) throw new Error(`the service has no layer "${layer}" (it has ${layers.map((l) => text(l.Identifier)).slice(0, 12).join(', ') || 'none'})`);
  const links = list(found.TileMatrixSetLink).map((l) => text(l.TileMatrixSet));
  if (!links.includes(tileMatrixSet)) throw new Error(`layer "${layer}" has no tile matrix set "${tileMatrixSet}" (it has ${links.join(', ') || 'none'})`);
  const set = list(contents.TileMatrixSet).find((s) => text(s.Identifier) === tileMatrixSet);
  if (!set) throw new Error(`the capabilities do not define the tile matrix set "${tileMatrixSet}"`);

  const crsText = text(set.SupportedCRS);
  let crs: string;
  try {
    crs = normaliseCrsCode(crsText);
  } catch {
    throw new Error(`tile matrix set "${tileMatrixSet}" has no usable CRS ("${crsText}")`);
  }
  if (!hasCrs(crs)) throw new Error(`tile matrix set "${tileMatrixSet}" is in ${crs}, which the geo registry does not know`);
  const northFirst = ['north-east', 'lat-lon'].includes(getCrs(crs).axisOrder);
  const matrices = list(set.TileMatrix).map((m): WmtsTileMatrix => {
    const corner = numbers(m.TopLeftCorner);
    const tm: WmtsTileMatrix = {
      identifier: text(m.Identifier),
      scaleDenominator: Number(text(m.ScaleDenominator)),
      topLeft: northFirst ? [corner[1]!, corner[0]!] : [corner[0]!, corner[1]!],
      tileWidth: Number(text(m.TileWidth)),
      tileHeight: Number(text(m.TileHeight)),
      matrixWidth: Number(text(m.MatrixWidth)),
      matrixHeight: Number(text(m.MatrixHeight)),
    };
    const values = [tm.scaleDenominator, ...tm.topLeft, tm.tileWidth, tm.tileHeight, tm.matrixWidth, tm.matrixHeight];
    if (!tm.identifier || !values.every((v) => Number.isFinite(v)) || tm.tileWidth <= 0 || tm.matrixWidth <= 0) {
      throw new Error(`tile matrix "${tm.identifier || '?'}" of "${tileMatrixSet}" is incomplete`);
    }
    return tm;
  });
  if (matrices.length === 0) throw new Error(`tile matrix set "${tileMatrixSet}" has no tile matrices`);
  matrices.sort((a, b) => b.scaleDenominator - a.scaleDenominator);

  const resource = list(found.ResourceURL).find((r) => text(r['@resourceType']) === 'tile');
  const template = resource ? resolveTemplateUrl(text(resource['@template']), baseUrl) : null;
  let kvpUrl: string | null = null;
  const ops = list((caps.OperationsMetadata as Node | undefined)?.Operation);
  const getTile = ops.find((o) => text(o['@name']) === 'GetTile');
  if (getTile) {
    const gets = list(list((list(getTile.DCP)[0] ?? {}).HTTP)[0]?.Get);
    const kvp = gets.find((g) => /kvp/i.test(JSON.stringify(g.Constraint ?? 'kvp'))) ?? gets[0];
    const href = kvp ? text(kvp['@href']) : '';
    if (href) kvpUrl = new URL(href, baseUrl).href;
  }
  if (!template && !kvpUrl) throw new Error(`layer "${layer}" has neither a tile URL template nor a GetTile endpoint`);

  const box = list(found.WGS84BoundingBox)[0];
  let bounds: WmtsLayerInfo['bounds'] = null;
  if (box) {
    const lo = numbers(box.LowerCorner);
    const hi = numbers(box.UpperCorner);
    if (lo.length >= 2 && hi.length >= 2 && [...lo, ...hi].every(Number.isFinite)) bounds = [lo[0]!, lo[1]!, hi[0]!, hi[1]!];
  }
  const dimensions: Record<string, string> = {};
  for (const d of list(found.Dimension)) {
    const id = text(d.Identifier);
    if (id) dimensions[id] = text(d.Default) || text(d.Value);
  }
  return {
    crs,
    matrices,
    template,
    kvpUrl,
    bounds,
    formats: [found.Format].flat().map(text).filter(Boolean),
    styles: list(found.Style).map((s) => text(s.Identifier)),
    dimensions,
  };
}
