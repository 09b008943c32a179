/** `service: "tiles"`: an XYZ or TMS pyramid in Web Mercator. */
import { RasterOverlay } from './raster-overlay';
import { radianBox, type RasterBuild, type RasterSetup } from './raster-build';
import { TileLog } from './tile-log';
import { XyzTileSource } from './tile-sources';
import { RASTER_LIMITS } from '../../sources/raster/raster-limits';

/** A TMS template counts rows from the south: `{y}` becomes the library's `{-y}`. */
export function tileTemplate(url: string, scheme: 'xyz' | 'tms'): string {
  return scheme === 'tms' ? url.replace(/\{\s*y\s*\}/gi, '{-y}') : url;
}

export async function buildTilesRaster(setup: RasterSetup): Promise<RasterBuild> {
  const { spec } = setup;
  const log = new TileLog();
  const source = new XyzTileSource(
    { queue: setup.queue, log, ...RASTER_LIMITS.tile },
    {
      url: tileTemplate(setup.url, spec.scheme),
      minZoom: spec.minZoom,
      maxZoom: spec.maxZoom,
      tileSize: spec.tileSize,
      bounds: spec.bounds ? radianBox(spec.bounds) : null,
    },
  );
  const overlay = new RasterOverlay(source, setup.opacityOf);
  await overlay.ready();
  const notes = [`${spec.scheme.toUpperCase()} tiles, zoom ${spec.minZoom}–${spec.maxZoom}, Web Mercator (EPSG:3857).`];
  const warnings = spec.bounds ? [] : ['No "bounds": tiles are requested wherever the ground is, and missing ones are shown transparent. Give the map’s bounds to request only where it has content.'];
  return { overlay, log, notes, warnings };
}
