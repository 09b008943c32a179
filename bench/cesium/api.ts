/**
 * The contract between the CesiumJS benchmark page (./main.ts) and the runner (../run.ts).
 * Types only: nothing here reaches either bundle.
 */

import type { GeoView } from '../../src/engine/camera-pose.ts';

/** A camera as `window.twin.view()` gives it (`fov` VERTICAL, degrees); the Cesium page converts it. */
export type BenchView = GeoView;

export interface CesiumLoadOptions {
  /** `Cesium3DTileset.maximumScreenSpaceError` (pixels). */
  maximumScreenSpaceError: number;
  /** Give up after this many milliseconds. */
  timeoutMs: number;
}

export interface CesiumLoadResult {
  /**
   * From just before `Cesium3DTileset.fromUrl` to the third consecutive rendered frame with
   * `tileset.tilesLoaded` (the rule of our `twin.idle()`).
   */
  loadMs: number;
  /** Frames rendered during the load (Cesium advances its loading once per frame). */
  frames: number;
  /** The frustum as set: horizontal (`frustum.fov`) and vertical (`frustum.fovy`), degrees. */
  fovDeg: number;
  fovyDeg: number;
  aspect: number;
  /** Tileset statistics as of the frame that finished the load. */
  atLoad: CesiumStats;
  /** How often `allTilesLoaded` fired during the load (more than once: it fired early). */
  allTilesLoadedEvents: number;
}

export interface CesiumStats {
  /** `statistics.numberOfTilesWithContentReady` (tiles with content in memory; empty tiles excluded). */
  tilesLoaded: number;
  /** Tiles selected for rendering in the last frame. */
  tilesSelected: number;
  /** Draw commands of the tileset in the last frame (the globe's are not counted). */
  tilesetCommands: number;
  /** Triangles of the selected tiles in the last frame. */
  triangles: number;
  /** Tiles that failed to load. */
  failed: number;
}

export interface CesiumBench {
  load(tilesetUrl: string, view: BenchView, options: CesiumLoadOptions): Promise<CesiumLoadResult>;
  stats(): CesiumStats;
}

declare global {
  interface Window {
    bench: CesiumBench;
  }
}
