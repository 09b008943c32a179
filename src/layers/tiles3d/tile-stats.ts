/** Typed access to `TilesRenderer.stats`, which exists at runtime but not in the .d.ts. */
import type { TilesRenderer } from '3d-tiles-renderer/three';
import * as core from '3d-tiles-renderer/core';

export interface TilesRendererStats {
  inCacheSinceLoad: number;
  inCache: number;
  queued: number;
  downloading: number;
  parsing: number;
  loaded: number;
  failed: number;
  inFrustum: number;
  used: number;
  active: number;
  visible: number;
}

export function tilesStats(tiles: TilesRenderer): TilesRendererStats {
  return (tiles as unknown as { stats: TilesRendererStats }).stats;
}

/** Root tileset loading state, one of 3d-tiles-renderer's loading-state constants. */
export function rootLoadingState(tiles: TilesRenderer): number {
  return (tiles as unknown as { rootLoadingState: number }).rootLoadingState;
}

// exported by the package at runtime, missing from its .d.ts
const states = core as unknown as { LOADED: number; FAILED: number };
export const ROOT_LOADED = states.LOADED;
export const ROOT_FAILED = states.FAILED;

/** `true` between 3d-tiles-renderer's `tiles-load-start` and `tiles-load-end`. */
export function isLoading(tiles: TilesRenderer): boolean {
  return (tiles as unknown as { isLoading: boolean }).isLoading;
}
