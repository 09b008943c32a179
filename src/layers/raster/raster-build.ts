/**
 * What every raster source builder shares: the inputs (the layer, its resolved URLs, the
 * download queue, the opacity read while drawing) and the result (an initialised overlay, the
 * log of its tile requests, facts and problems for the layer panel).
 */
import type { DownloadPriorityQueue } from '3d-tiles-renderer/core';
import { DEG, getConverter } from '../../geo';
import type { RasterLayerSpec } from '../../spec';
import type { RasterOverlay } from './raster-overlay';
import type { TileLog } from './tile-log';
import type { RadianBox } from './radian-box';

export interface RasterSetup {
  spec: RasterLayerSpec;
  /** The layer's `url`, resolved against the scene document. */
  url: string;
  /** The layer's `worldFile`, resolved, when given. */
  worldFileUrl?: string;
  queue: DownloadPriorityQueue;
  /** The overlay's opacity while drawing (allocation-free). */
  opacityOf: () => number;
  /** Aborts downloads of the set-up (capabilities, image, world file). */
  signal: AbortSignal;
}

export interface RasterBuild {
  overlay: RasterOverlay;
  log: TileLog;
  /** Facts for the layer panel (the CRS used, the image size). */
  notes: string[];
  /** Problems that do not stop the layer. */
  warnings: string[];
}

/** Degrees [west, south, east, north] → radians. */
export function radianBox(b: readonly [number, number, number, number]): RadianBox {
  return [b[0] * DEG, b[1] * DEG, b[2] * DEG, b[3] * DEG];
}

/** The box in `crs` (x easting, y northing) around a longitude/latitude box in degrees; its edges are sampled. */
export function crsBoxOfLonLat(crs: string, b: readonly [number, number, number, number]): { minX: number; minY: number; maxX: number; maxY: number } {
  const conv = getConverter('EPSG:4326', crs);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const n = 8;
  for (let i = 0; i <= n; i++) {
    const lon = b[0] + ((b[2] - b[0]) * i) / n;
    const lat = b[1] + ((b[3] - b[1]) * i) / n;
    for (const [x, y] of [conv.forward(lon, b[1]), conv.forward(lon, b[3]), conv.forward(b[0], lat), conv.forward(b[2], lat)]) {
      minX = Math.min(minX, x!);
      maxX = Math.max(maxX, x!);
      minY = Math.min(minY, y!);
      maxY = Math.max(maxY, y!);
    }
  }
  return { minX, minY, maxX, maxY };
}
