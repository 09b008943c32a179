/**
 * Builds a raster layer's overlay from its spec, for the service it uses. Loaded lazily by
 * the raster view (with the XML parser and the projections), so scenes without rasters do not
 * pay for it.
 */
import { ImageOverlayPlugin } from '3d-tiles-renderer/plugins';
import { rasterService } from '../../spec';
import type { RasterBuild, RasterSetup } from './raster-build';
import { buildImageRaster } from './raster-image';
import { buildTilesRaster } from './raster-tiles';
import { buildWmsRaster } from './raster-wms';
import { buildWmtsRaster } from './raster-wmts';

export type { RasterBuild, RasterSetup } from './raster-build';

export function buildRaster(setup: RasterSetup): Promise<RasterBuild> {
  switch (rasterService(setup.spec)) {
    case 'tiles':
      return buildTilesRaster(setup);
    case 'wms':
      return buildWmsRaster(setup);
    case 'wmts':
      return buildWmtsRaster(setup);
    case 'image':
      return buildImageRaster(setup);
    default:
      return Promise.reject(new Error('the layer does not say which service it uses ("service": tiles, wms, wmts or image)'));
  }
}

/** The plugin that drapes raster overlays on one ground surface (see `RasterDrapes`). */
export function createOverlayPlugin(options: { enableTileSplitting: boolean }): ImageOverlayPlugin {
  return new ImageOverlayPlugin({ overlays: [], enableTileSplitting: options.enableTileSplitting } as never);
}
