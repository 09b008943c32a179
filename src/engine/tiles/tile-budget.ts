/**
 * One memory budget for all tilesets. 3d-tiles-renderer shares a single LRU cache and
 * download/parse queues between renderers by default; we size that shared cache here.
 */
import type { TilesRenderer } from '3d-tiles-renderer/three';

export interface TileBudget {
  /** Bytes of tile content kept before least-recently-used tiles are unloaded. */
  maxBytes: number;
  /** Bytes always kept (no unloading below this). */
  minBytes: number;
  /** Most tiles downloading at once per server origin. */
  maxDownloadsPerOrigin: number;
}

/** Desktop default: up to 400 MB of tile content, 250 MB kept warm. */
export const DESKTOP_BUDGET: TileBudget = { maxBytes: 400e6, minBytes: 250e6, maxDownloadsPerOrigin: 12 };

/** XR profile: a tighter cache for a headset's memory (Quest 3: 8 GB shared with the system). */
export const XR_BUDGET: TileBudget = { maxBytes: 200e6, minBytes: 120e6, maxDownloadsPerOrigin: 8 };

/** Applies the budget to the (shared) cache and download queue of `tiles`. */
export function applyTileBudget(tiles: TilesRenderer, budget: TileBudget): void {
  tiles.lruCache.maxBytesSize = budget.maxBytes;
  tiles.lruCache.minBytesSize = budget.minBytes;
  (tiles.downloadQueue as unknown as { maxJobsPerOrigin: number }).maxJobsPerOrigin = budget.maxDownloadsPerOrigin;
}
