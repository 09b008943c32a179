/**
 * A live layer as the engine sees it: something to raycast, ask for features and stats, and
 * poll for pending work. Each layer kind implements it over its own three.js objects.
 */
import type { Intersection, Object3D, Raycaster, Sphere } from 'three';

/** Tile counters of a tiled layer, as in `window.twin.stats().tiles`. */
export interface TileCounts {
  /** Tiles with content in memory. */
  loaded: number;
  /** Tiles drawn in the last frame. */
  visible: number;
  /** Tiles queued, downloading or parsing. */
  downloading: number;
  /** Tiles that failed to load. */
  failed: number;
}

/** A feature found under a ray, with its data properties. */
export interface FeatureHit {
  layerId: string;
  properties: Record<string, unknown>;
  /** Scene-local hit point, metres. */
  point: { x: number; y: number; z: number };
  /** Distance from the ray origin, metres. */
  distance: number;
}

export interface LayerHandle {
  readonly id: string;
  readonly type: string;
  /** Root object of the layer in the scene graph. */
  readonly object: Object3D;
  /** Appends hits of `raycaster` on this layer's visible geometry to `out`, nearest first not required. */
  raycast(raycaster: Raycaster, out: Intersection[]): void;
  /** Features along the ray (nearest first); an empty array when nothing is hit. */
  featuresAlong(raycaster: Raycaster): FeatureHit[];
  /** `true` while the layer still has loading or processing work queued. */
  isBusy(): boolean;
  /** Tile counters, for tiled layers. */
  tileCounts?(): TileCounts;
  /** The layer's bounds in the scene frame into `out`; `false` while unknown. */
  boundingSphere?(out: Sphere): boolean;
  /**
   * For layers that crossfade on the timeline (rasters): how much of the layer to draw now,
   * 0…1, set each frame before drawing. Layers without it are hidden while their weight is below ½.
   */
  setTimeWeight?(weight: number): void;
}
