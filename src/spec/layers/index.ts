/**
 * Every built-in layer kind, registered once. A new kind adds one import and one line here.
 */
import { registerLayerKind, getLayerKind } from '../layer-registry';
import { tiles3dLayerKind } from './tiles3d';
import { zoningLayerKind } from './zoning';
import { rasterLayerKind } from './raster';

for (const kind of [tiles3dLayerKind, zoningLayerKind, rasterLayerKind]) {
  if (!getLayerKind(kind.type)) registerLayerKind(kind);
}

export { tiles3dLayerKind, tiles3dLayerSchema, type Tiles3dLayerSpec } from './tiles3d';
export { zoningLayerKind, zoningLayerSchema, type ZoningLayerSpec } from './zoning';
export { rasterLayerKind, rasterLayerSchema, rasterService, boundsProblem, RASTER_SERVICES, type RasterLayerSpec, type RasterService } from './raster';
