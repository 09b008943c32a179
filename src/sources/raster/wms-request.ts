/**
 * WMS GetMap requests (OGC 06-042, WMS 1.3.0; and 1.1.1).
 *
 * The trap: WMS 1.3.0 writes BBOX in the CRS's own axis order. For EPSG:4326 that is
 * latitude first, and for SWEREF 99 (EPSG:3006–3018) northing first, as EPSG defines them;
 * Web Mercator (EPSG:3857) stays easting first. WMS 1.1.1 (with `SRS=`) is always
 * easting/longitude first. The registry's `axisOrder` decides.
 */
import { getCrs } from '../../geo';

/** A box in a CRS, easting/longitude as x, northing/latitude as y, whatever the axis order. */
export interface CrsBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface GetMapParams {
  /** `1.3.0` (default) or `1.1.1`. */
  version: '1.3.0' | '1.1.1';
  /** LAYERS, comma-separated. */
  layers: string;
  styles?: string;
  /** The CRS of `bbox`, e.g. `EPSG:3006`. */
  crs: string;
  bbox: CrsBox;
  /** Image size, pixels. */
  width: number;
  height: number;
  format: string;
  transparent: boolean;
  /** TIME, for services with a time dimension. */
  time?: string;
}

/** Whether WMS `version` writes the BBOX of `crs` northing/latitude first. */
export function bboxNorthingFirst(version: string, crs: string): boolean {
  if (version !== '1.3.0') return false;
  const order = getCrs(crs).axisOrder;
  return order === 'north-east' || order === 'lat-lon';
}

/** Shortest exact decimal text of a coordinate (no exponent for the magnitudes of maps). */
function coordText(v: number): string {
  const rounded = Math.round(v * 1e9) / 1e9;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** The BBOX parameter value for a box in `crs` under `version`. */
export function wmsBbox(version: string, crs: string, box: CrsBox): string {
  const values = bboxNorthingFirst(version, crs) ? [box.minY, box.minX, box.maxY, box.maxX] : [box.minX, box.minY, box.maxX, box.maxY];
  return values.map(coordText).join(',');
}

const OWN_KEYS = ['SERVICE', 'REQUEST', 'VERSION', 'LAYERS', 'STYLES', 'CRS', 'SRS', 'BBOX', 'WIDTH', 'HEIGHT', 'FORMAT', 'TRANSPARENT', 'TIME'];

/**
 * A GetMap URL: `base` keeps its own query parameters (e.g. GeoServer's workspace or a
 * MapServer `map=`), except the ones GetMap sets, whatever their case.
 */
export function wmsGetMapUrl(base: string, p: GetMapParams): string {
  const url = new URL(base);
  for (const key of [...url.searchParams.keys()]) if (OWN_KEYS.includes(key.toUpperCase())) url.searchParams.delete(key);
  const q = url.searchParams;
  q.set('SERVICE', 'WMS');
  q.set('REQUEST', 'GetMap');
  q.set('VERSION', p.version);
  q.set('LAYERS', p.layers);
  q.set('STYLES', p.styles ?? '');
  q.set(p.version === '1.3.0' ? 'CRS' : 'SRS', p.crs);
  q.set('BBOX', wmsBbox(p.version, p.crs, p.bbox));
  q.set('WIDTH', String(p.width));
  q.set('HEIGHT', String(p.height));
  q.set('FORMAT', p.format);
  q.set('TRANSPARENT', p.transparent ? 'TRUE' : 'FALSE');
  if (p.time !== undefined) q.set('TIME', p.time);
  return url.href;
}
