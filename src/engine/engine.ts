/**
 * The engine: a vanilla object shared by the canvas, the DOM UI and the automation API.
 * It knows the live layers (as `LayerHandle`s), the camera and renderer, and answers
 * picking, "features at a place" and statistics questions. It holds no React state.
 */
import { Matrix3, Raycaster, Sphere, Vector2, Vector3, type Intersection, type Material, type Object3D, type PerspectiveCamera, type Scene, type WebGLRenderer } from 'three';
import { createSceneFrame, type GeoOrigin, type SceneFrame } from '../geo';
import { localEnuAxes, type GeoView } from './camera-pose';
import type { FeatureHit, LayerHandle, SurfaceHit, TileCounts } from '../layers/layer-handle';
import { isDrapeReceiver } from '../layers/drape/drape-materials';
import { FrameClock } from './frame-clock';
import type { ComparisonReader } from './compare/comparison-reader';
import type { TimelineReader } from './timeline/timeline-reader';
import { shownOnSide, type ComparisonSide } from '../state/compare-store';
import { DESKTOP_BUDGET, type TileBudget } from './tiles/tile-budget';
import { RasterDrapes } from './raster/raster-drapes';

/**
 * How finely tiles are drawn now, read by every tiles layer each frame: its error target is
 * multiplied by `errorScale`, and the shared cache follows `budget`. The XR profile and its
 * adaptive loop write these; desktop keeps 1 and `DESKTOP_BUDGET`.
 */
export interface TileQuality {
  errorScale: number;
  budget: TileBudget;
}

/** `window.twin.stats()`: see the README for how each figure is counted. */
export interface EngineStats {
  /** Mean frame interval over the last 60 frames, milliseconds. */
  frameMs: number;
  /**
   * Draw calls in the last rendered frame. In XR both eyes together, as three.js counts them
   * (one `render()` draws each object once per eye): Quest 3's guidance of about 150 per eye
   * is 300 here.
   */
  drawCalls: number;
  /** Triangles in the last rendered frame; in XR both eyes together (500k per eye is 1M here). */
  triangles: number;
  /** Geometries held on the GPU. */
  geometries: number;
  /** Textures held on the GPU. */
  textures: number;
  tiles: TileCounts;
}

/** Hits closer together than this along a ray count as the same place, metres. */
const SAME_PLACE = 1e-3;

/**
 * Which of two features at the same place is picked first: a draped layer over a surface that
 * drapes colour (the plan drawn on the ground) before that surface's own features, and those
 * before a draped layer under a surface that refuses drapes (a building over the plan).
 */
const DRAPED_ON_RECEIVER = 0;
const OWN_SURFACE = 1;
const DRAPED_ON_OTHER = 2;

/** The index of the nearest hit in `_hits` from `from` on (within the raycaster's range), or `best` when none is nearer. */
function nearestHit(raycaster: Raycaster, from: number, best: number): number {
  for (let i = from; i < _hits.length; i++) {
    const d = _hits[i]!.distance;
    if (d < raycaster.near || d > raycaster.far || (best >= 0 && d >= _hits[best]!.distance)) continue;
    best = i;
  }
  return best;
}

/** Whether a hit at distance `d` of rank `rank` comes before one at `bestD` of `bestRank`. */
function comesBefore(d: number, rank: number, bestD: number, bestRank: number): boolean {
  return Math.abs(d - bestD) < SAME_PLACE ? rank < bestRank : d < bestD;
}

const _raycaster = new Raycaster();
const _ndc = new Vector2();
const _hits: Intersection[] = [];
const _origin = new Vector3();
const _sphere = new Sphere();
const _east = new Vector3();
const _north = new Vector3();
const _up = new Vector3();
const _down = new Vector3();
const _ahead = new Vector3();
const _normalMatrix = new Matrix3();
const _surface: SurfaceHit = { point: new Vector3(), normal: new Vector3(), distance: 0, layer: null, receivesDrape: false };
const _ranked: { hit: FeatureHit; rank: number }[] = [];

export class Engine {
  frame: SceneFrame;
  camera: PerspectiveCamera | null = null;
  gl: WebGLRenderer | null = null;
  scene: Scene | null = null;
  readonly clock = new FrameClock();
  /** The scene revision (`SceneState.revision`) whose layer views have mounted; `-1` before any. */
  mountedRevision = -1;
  /**
   * The active before / after comparison (set by the runtime). Picking, `featuresAt` and
   * surface hits skip layers that the comparison hides where the ray is.
   */
  compare: ComparisonReader | null = null;
  /**
   * The timeline as drawn (set by the runtime). Picking, `featuresAt` and surface hits skip
   * layers whose time is not shown now.
   */
  timeline: TimelineReader | null = null;
  readonly tileQuality: TileQuality = { errorScale: 1, budget: DESKTOP_BUDGET };
  /** The ground surfaces that receive raster layers, and the rasters draped on them. */
  readonly rasterDrapes = new RasterDrapes();
  /** The scene's ground plane (set by the canvas while it is drawn): a surface for picking while visible. */
  groundPlane: Object3D | null = null;
  /** Whether the sun study's light and shadows are in the scene now (`setSunShadows`). */
  sunShadows = false;
  private readonly handles = new Map<string, LayerHandle>();

  constructor(origin: GeoOrigin = { lon: 0, lat: 0, height: 0 }) {
    this.frame = createSceneFrame(origin);
  }

  /** Re-anchors the local frame (on loading a scene with another origin). */
  setOrigin(origin: GeoOrigin): void {
    const o = this.frame.origin;
    if (o.lon === origin.lon && o.lat === origin.lat && o.height === origin.height) return;
    this.frame = createSceneFrame(origin);
  }

  /** Registers a live layer; returns the function that unregisters it. */
  registerLayer(handle: LayerHandle): () => void {
    this.handles.set(handle.id, handle);
    if (this.sunShadows) handle.setShadows?.(true);
    return () => {
      if (this.handles.get(handle.id) === handle) this.handles.delete(handle.id);
    };
  }

  /** Turns the layers' part in the sun study's shadows on or off (called by the canvas's sun light). */
  setSunShadows(on: boolean): void {
    this.sunShadows = on;
    for (const h of this.handles.values()) h.setShadows?.(on);
  }

  layer(id: string): LayerHandle | undefined {
    return this.handles.get(id);
  }

  layerHandles(): IterableIterator<LayerHandle> {
    return this.handles.values();
  }

  /** `true` while any layer has pending work or the timeline is crossfading. */
  isBusy(): boolean {
    if (this.timeline?.animating()) return true;
    for (const h of this.handles.values()) if (h.isBusy()) return true;
    return false;
  }

  /** A raycaster through a point in normalised device coordinates (−1…1, y up). */
  raycasterAt(ndcX: number, ndcY: number): Raycaster | null {
    if (!this.camera) return null;
    _ndc.set(ndcX, ndcY);
    _raycaster.setFromCamera(_ndc, this.camera);
    return _raycaster;
  }

  /**
   * The comparison side drawn at a horizontal canvas position (NDC, −1 left … 1 right), or
   * with `null` the side shown on the whole view (`after` in swipe mode; always so in XR).
   * `null` when no comparison is active.
   */
  comparisonSideAt(ndcX: number | null): ComparisonSide | null {
    return this.compare?.sideAt(ndcX, this.gl?.xr.isPresenting ?? false) ?? null;
  }

  /** Whether the timeline shows layer `id` now and the active comparison (if any) draws it on `side`. */
  shownOn(id: string, side: ComparisonSide | null): boolean {
    if (this.timeline && !this.timeline.shown(id)) return false;
    return side === null || shownOnSide(this.compare!.active(), id, side);
  }

  /** The comparison side where a ray from the camera meets the screen (in XR: the whole view's). */
  sideOfRay(raycaster: Raycaster): ComparisonSide | null {
    if (!this.compare || !this.camera || !this.compare.isSplit(this.gl?.xr.isPresenting ?? false)) return this.comparisonSideAt(null);
    _ahead.copy(raycaster.ray.origin).addScaledVector(raycaster.ray.direction, 1).project(this.camera);
    return this.comparisonSideAt(_ahead.x);
  }

  /** Nearest hit on the geometry of any layer drawn where the ray meets the screen, or `null`. */
  raycastLayers(raycaster: Raycaster): Intersection | null {
    _hits.length = 0;
    const side = this.sideOfRay(raycaster);
    for (const h of this.handles.values()) if (this.shownOn(h.id, side)) h.raycast(raycaster, _hits);
    let best: Intersection | null = null;
    for (const hit of _hits) if (!best || hit.distance < best.distance) best = hit;
    _hits.length = 0;
    return best;
  }

  /**
   * The first surface drawn along a ray: the nearest hit (within the raycaster's near…far) on
   * the geometry of a visible layer shown on `side` (draped layers have none of their own), or
   * on the visible ground plane; `null` when there is none. The result is shared scratch,
   * valid until the next call.
   */
  surfaceAlong(raycaster: Raycaster, side: ComparisonSide | null = this.sideOfRay(raycaster)): SurfaceHit | null {
    _hits.length = 0;
    let best = -1;
    let bestLayer: LayerHandle | null = null;
    for (const h of this.handles.values()) {
      if (h.draped || !h.object.visible || !this.shownOn(h.id, side)) continue;
      const from = _hits.length;
      h.raycast(raycaster, _hits);
      const nearest = nearestHit(raycaster, from, best);
      if (nearest !== best) bestLayer = h;
      best = nearest;
    }
    const plane = this.groundPlane;
    if (plane?.visible) {
      const from = _hits.length;
      raycaster.intersectObject(plane, false, _hits);
      const nearest = nearestHit(raycaster, from, best);
      if (nearest !== best) bestLayer = null;
      best = nearest;
    }
    const hit = best >= 0 ? _hits[best]! : null;
    _hits.length = 0;
    if (!hit) return null;
    _surface.point.copy(hit.point);
    _surface.distance = hit.distance;
    _surface.layer = bestLayer;
    _surface.receivesDrape = isDrapeReceiver((hit.object as { material?: Material | Material[] }).material);
    if (hit.face) {
      _normalMatrix.getNormalMatrix(hit.object.matrixWorld);
      _surface.normal.copy(hit.face.normal).applyMatrix3(_normalMatrix).normalize();
    } else _surface.normal.set(0, 1, 0);
    return _surface;
  }

  /** The features of `h` along a ray; a draped layer's at `surface()` (computed once per pick). */
  private featuresOf(h: LayerHandle, raycaster: Raycaster, surface: () => SurfaceHit | null): { hits: FeatureHit[]; rank: number } {
    if (!h.draped) return { hits: h.featuresAlong(raycaster), rank: OWN_SURFACE };
    const s = surface();
    return { hits: h.featuresAlong(raycaster, s), rank: s && !s.receivesDrape ? DRAPED_ON_OTHER : DRAPED_ON_RECEIVER };
  }

  /** `surfaceAlong` computed on first use only (most picks have no draped layer). */
  private lazySurface(raycaster: Raycaster, side: ComparisonSide | null): () => SurfaceHit | null {
    let surface: SurfaceHit | null | undefined;
    return () => (surface === undefined ? (surface = this.surfaceAlong(raycaster, side)) : surface);
  }

  /**
   * The nearest feature with data under a screen point (NDC), or `null`. Layers the active
   * comparison hides there (in swipe mode: on that side of the divider) are skipped.
   */
  pickAt(ndcX: number, ndcY: number): FeatureHit | null {
    return this.pickGroupAt(ndcX, ndcY)[0] ?? null;
  }

  /** `pickGroupAlong` under a screen point (NDC). */
  pickGroupAt(ndcX: number, ndcY: number): FeatureHit[] {
    const raycaster = this.raycasterAt(ndcX, ndcY);
    return raycaster ? this.pickGroupAlong(raycaster, this.comparisonSideAt(ndcX)) : [];
  }

  /**
   * The nearest feature along a ray (e.g. an XR controller's), then the other features of its
   * layer at the same place (e.g. a plan and every regulation that applies there); empty when
   * nothing is hit. With a comparison active, only layers shown on `side` (default: the side
   * shown on the whole view). Draped layers answer where the ray meets the surface drawn
   * (`surfaceAlong`); at the same place a plan drawn on the ground comes before the ground's own
   * features, a building before the plan under it.
   */
  pickGroupAlong(raycaster: Raycaster, side: ComparisonSide | null = this.comparisonSideAt(null)): FeatureHit[] {
    let best: FeatureHit | null = null;
    let bestRank = OWN_SURFACE;
    let bestLayerHits: FeatureHit[] = [];
    const surface = this.lazySurface(raycaster, side);
    for (const h of this.handles.values()) {
      if (!this.shownOn(h.id, side)) continue;
      const { hits, rank } = this.featuresOf(h, raycaster, surface);
      for (const hit of hits) {
        if (best && !comesBefore(hit.distance, rank, best.distance, bestRank)) continue;
        best = hit;
        bestRank = rank;
        bestLayerHits = hits;
      }
    }
    if (!best) return [];
    const nearest = best;
    return [nearest, ...bestLayerHits.filter((f) => f !== nearest && Math.abs(f.distance - nearest.distance) < SAME_PLACE)];
  }

  /**
   * Features under a geographic point, from every layer, found with a vertical ray from
   * 10 km above the ellipsoid straight down (so what is visible from above is what counts).
   * With a comparison active, only layers of the side shown on the whole view count: the
   * mode's side, and `after` in swipe mode (there is no screen position to choose a half).
   */
  featuresAt(lon: number, lat: number): FeatureHit[] {
    const top = this.frame.toLocal(lon, lat, 10_000);
    const bottom = this.frame.toLocal(lon, lat, -1_000);
    _origin.set(top[0], top[1], top[2]);
    _down.set(bottom[0] - top[0], bottom[1] - top[1], bottom[2] - top[2]).normalize();
    _raycaster.set(_origin, _down);
    _raycaster.near = 0;
    _raycaster.far = 11_000;
    const side = this.comparisonSideAt(null);
    const surface = this.lazySurface(_raycaster, side);
    _ranked.length = 0;
    for (const h of this.handles.values()) {
      if (!this.shownOn(h.id, side)) continue;
      const { hits, rank } = this.featuresOf(h, _raycaster, surface);
      for (const hit of hits) _ranked.push({ hit, rank });
    }
    _raycaster.far = Infinity;
    // stable: the hits of one layer at one place keep their order
    _ranked.sort((a, b) => (Math.abs(a.hit.distance - b.hit.distance) < SAME_PLACE ? a.rank - b.rank : a.hit.distance - b.hit.distance));
    const out = _ranked.map((r) => r.hit);
    _ranked.length = 0;
    return out;
  }

  /**
   * A view that shows all of a layer: from the south, 40° down, far enough for its bounding
   * sphere to fit the vertical field of view. `null` while the layer's bounds are unknown.
   */
  viewOfLayer(id: string, fovDeg = this.camera?.fov ?? 50): Omit<GeoView, 'fov'> | null {
    const handle = this.handles.get(id);
    if (!handle?.boundingSphere?.(_sphere)) return null;
    const pitch = -40;
    const distance = Math.max(20, (_sphere.radius / Math.sin((fovDeg * Math.PI) / 360)) * 1.1);
    const c = _sphere.center;
    const [lon, lat] = this.frame.toGeodetic(c.x, c.y, c.z);
    localEnuAxes(this.frame, lon, lat, _east, _north, _up);
    const back = distance * Math.cos((pitch * Math.PI) / 180);
    const rise = -distance * Math.sin((pitch * Math.PI) / 180);
    _origin.copy(c).addScaledVector(_north, -back).addScaledVector(_up, rise);
    const [cLon, cLat, cHeight] = this.frame.toGeodetic(_origin.x, _origin.y, _origin.z);
    return { lon: cLon, lat: cLat, height: cHeight, heading: 0, pitch };
  }

  stats(): EngineStats {
    const info = this.gl?.info;
    const tiles: TileCounts = { loaded: 0, visible: 0, downloading: 0, failed: 0 };
    for (const h of this.handles.values()) {
      const c = h.tileCounts?.();
      if (!c) continue;
      tiles.loaded += c.loaded;
      tiles.visible += c.visible;
      tiles.downloading += c.downloading;
      tiles.failed += c.failed;
    }
    return {
      frameMs: Math.round(this.clock.meanFrameMs() * 100) / 100,
      drawCalls: info?.render.calls ?? 0,
      triangles: info?.render.triangles ?? 0,
      geometries: info?.memory.geometries ?? 0,
      textures: info?.memory.textures ?? 0,
      tiles,
    };
  }
}
