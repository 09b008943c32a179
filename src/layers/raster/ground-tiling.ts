/**
 * The tiling of the raster ground: a quadtree in Web Mercator over the ground plane's square
 * (`GROUND_RADIUS` around the scene origin), from one tile for the whole square down to tiles
 * of about 40 m, with content where the rasters are. `GeneratedSurfacePlugin` builds a tile of
 * plane for each tile of it that the camera needs.
 */
import { ProjectionScheme } from '3d-tiles-renderer/src/three/plugins/images/utils/ProjectionScheme.js';
import { TilingScheme } from '3d-tiles-renderer/src/three/plugins/images/utils/TilingScheme.js';
import type { GeoOrigin } from '../../geo';
import { boxAround, GROUND_RADIUS, type RadianBox } from './radian-box';
/** Levels below the whole square: 2 · 40 km / 2¹¹ ≈ 39 m tiles at the finest (0.15 m a pixel). */
const LEVELS = 12;

/** The tiling of the raster ground of a scene at `origin`, with content in `content` (radians). */
export function groundTiling(origin: GeoOrigin, content: RadianBox): TilingScheme {
  const tiling = new TilingScheme();
  tiling.setProjection(new ProjectionScheme('EPSG:3857'));
  const square = boxAround(origin, GROUND_RADIUS);
  for (let level = 0; level < LEVELS; level++) {
    tiling.setLevel(level, { tilePixelWidth: 256, tilePixelHeight: 256, tileCountX: 2 ** level, tileCountY: 2 ** level, tileBounds: square });
  }
  tiling.setContentBounds(...content);
  return tiling;
}
