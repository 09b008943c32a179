/**
 * A live layer as the engine sees it: something to raycast, ask for features and stats, and
 * poll for pending work. Each layer kind implements it over its own three.js objects.
 */
import type { Intersection, Object3D, Raycaster, Sphere, Vector3 } from 'three';

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

/**
 * Where a ray first meets a surface that is drawn (a layer's own geometry or the ground plane):
 * what a layer draped on other layers is picked at.
 */
export interface SurfaceHit {
  /** Scene-local point, metres. */
  readonly point: Vector3;
  /** World normal of the surface there (unit; up where the geometry has no faces). */
  readonly normal: Vector3;
  /** Distance from the ray origin, metres. */
  distance: number;
  /** The layer hit, or `null` for the ground plane. */
  layer: LayerHandle | null;
  /** Whether drapes colour that surface (ground and terrain tiles, the ground plane) or not (buildings). */
  receivesDrape: boolean;
}

export interface LayerHandle {
  readonly id: string;
  readonly type: string;
  /** Root object of the layer in the scene graph. */
  readonly object: Object3D;
  /**
   * `true` for a layer drawn onto other layers' surfaces (a plan draped on the ground): it has no
   * surface of its own, so `raycast` adds nothing, and `featuresAlong` is given the surface the
   * ray meets first.
   */
  readonly draped?: boolean;
  /** Appends hits of `raycaster` on this layer's visible geometry to `out`, nearest first not required. */
  raycast(raycaster: Raycaster, out: Intersection[]): void;
  /**
   * Features along the ray (nearest first); an empty array when nothing is hit. A `draped`
   * layer answers at `surface` (`null`: the ray meets nothing drawn).
   */
  featuresAlong(raycaster: Raycaster, surface?: SurfaceHit | null): FeatureHit[];
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
  /**
   * For layers of solid geometry (buildings, terrain): casts and receives the sun study's
   * shadows (`true`), or neither (`false`, the default), for what is loaded now and later.
   * Layers without it (draped plans, overlays) take no part in shadows or sun hours.
   */
  setShadows?(on: boolean): void;
}
