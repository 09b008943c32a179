/**
 * `service: "wms"`: GetMap requests on a square grid of tiles laid over the layer's bounds in
 * the CRS it names (so a SWEREF 99 service is asked in SWEREF 99, BBOX northing first in WMS
 * 1.3.0). Levels go down to about 0.1 m a pixel; the grid spans three times the bounds, so the
 * ground beyond them reads transparent.
 */
import { getCrs } from '../../geo';
import { wmsGetMapUrl } from '../../sources/raster/wms-request';
import { boxFrame, CrsGridProjection } from './crs-projection';
import { RasterOverlay } from './raster-overlay';
import { crsBoxOfLonLat, radianBox, type RasterBuild, type RasterSetup } from './raster-build';
import { TileLog } from './tile-log';
import { GridTileSource } from './tile-sources';
import { RASTER_LIMITS } from '../../sources/raster/raster-limits';

/** The finest pixel a WMS layer is asked for: metres, or degrees for a geographic CRS. */
const FINEST_PIXEL = { metre: 0.1, degree: 1e-6 } as const;
const MAX_LEVELS = 26;

/** The square grid of a WMS layer in `crs`: its normalized square in CRS units and its level count. */
export function wmsGrid(crs: string, bounds: readonly [number, number, number, number] | undefined, tileSize: number) {
  const def = getCrs(crs);
  let box: { minX: number; minY: number; maxX: number; maxY: number };
  let pad = 3;
  if (bounds) box = crsBoxOfLonLat(def.code, bounds);
  else if (def.bounds?.projected) {
    const p = def.bounds.projected;
    box = { minX: p.minEasting, minY: p.minNorthing, maxX: p.maxEasting, maxY: p.maxNorthing };
    pad = 1;
  } else {
    const g = def.bounds?.geographic ?? { west: -180, south: -90, east: 180, north: 90 };
    box = def.units === 'degree' ? { minX: g.west, minY: g.south, maxX: g.east, maxY: g.north } : crsBoxOfLonLat(def.code, [g.west, g.south, g.east, g.north]);
    pad = 1;
  }
  const side = Math.max(box.maxX - box.minX, box.maxY - box.minY) * pad;
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const finest = FINEST_PIXEL[def.units === 'degree' ? 'degree' : 'metre'];
  const levels = Math.min(MAX_LEVELS, Math.max(1, Math.ceil(Math.log2(side / (tileSize * finest))) + 1));
  return { frame: boxFrame(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2), levels };
}

export async function buildWmsRaster(setup: RasterSetup): Promise<RasterBuild> {
  const { spec } = setup;
  const crs = getCrs(spec.crs ?? 'EPSG:3857').code;
  const { frame, levels } = wmsGrid(crs, spec.bounds, spec.tileSize);
  const projection = new CrsGridProjection(crs, frame);
  const log = new TileLog();
  const T = spec.tileSize;
  const source = new GridTileSource(
    { queue: setup.queue, log, ...RASTER_LIMITS.tile },
    {
      projection,
      levels: Array.from({ length: levels }, (_, l) => ({ tilePixelWidth: T, tilePixelHeight: T, tileCountX: 2 ** l, tileCountY: 2 ** l })),
      rowsFromTop: false,
      bounds: spec.bounds ? radianBox(spec.bounds) : null,
      urlOf(x, y, level) {
        const n = 2 ** level;
        const [minX, minY] = projection.normalizedToCrs(x / n, y / n);
        const [maxX, maxY] = projection.normalizedToCrs((x + 1) / n, (y + 1) / n);
        return wmsGetMapUrl(setup.url, {
          version: spec.version,
          layers: spec.layers!,
          ...(spec.styles !== undefined ? { styles: spec.styles } : {}),
          crs,
          bbox: { minX: minX!, minY: minY!, maxX: maxX!, maxY: maxY! },
          width: T,
          height: T,
          format: spec.format,
          transparent: spec.transparent,
          ...(spec.timeParameter && spec.time !== undefined ? { time: spec.time } : {}),
        });
      },
    },
  );
  const overlay = new RasterOverlay(source, setup.opacityOf);
  await overlay.ready();
  const notes = [`WMS ${spec.version} GetMap in ${crs} (${getCrs(crs).name}), ${T} px tiles.`];
  const warnings = spec.bounds ? [] : [`No "bounds": the whole area of ${crs} is tiled. Give the layer’s bounds to request only where it has content.`];
  return { overlay, log, notes, warnings };
}
