/**
 * `window.twin`: the stable, read-only automation API used by kiosk operators and the
 * end-to-end tests. Documented in the README; change it only by adding.
 */
import { applyGeoView, readGeoView, type GeoView } from '../engine/camera-pose';
import type { EngineStats } from '../engine/engine';
import type { LayerState } from '../state/layer-status-store';
import { COMPARE_MODES, findComparison, sceneComparisons, type CompareMode } from '../state/compare-store';
import { instantOf, type LayerInput, type SceneDocument } from '../spec';
import { sceneTimeline, stepAt } from '../state/timeline';
import { openingStep } from '../state/time-comparisons';
import { completeLayer, resolveScene } from './load-scene';
import type { Runtime } from '../engine/runtime';
import type { XrInfo, XrMenuInfo, XrMode, XrRuntime, XrScale } from '../xr/xr-runtime';

export interface TwinLayerInfo {
  id: string;
  type: string;
  state: LayerState;
  error?: string;
  warnings?: string[];
  /** Facts that are not problems, e.g. the axis order a plan was read in. */
  notes?: string[];
  featureCount?: number;
}

export interface TwinFeature {
  layerId: string;
  properties: Record<string, unknown>;
}

/** `window.twin.compare()`: the active comparison and how it is shown. */
export interface TwinComparison {
  id: string;
  name: string;
  mode: CompareMode;
  /** Divider position in swipe mode: fraction of the canvas width from the left, 0…1. */
  split: number;
  before: { name: string; layers: string[] };
  after: { name: string; layers: string[] };
}

/** `window.twin.setCompare()`: what to change; `id: null` turns comparing off. */
export interface TwinCompareChange {
  id?: string | null;
  mode?: CompareMode;
  split?: number;
}

/** One step of `window.twin.time().steps`. */
export interface TwinTimeStep {
  /** The step's time as the scene writes it, e.g. `"1880"`. */
  time: string;
  /** What the step is called (a comparison's name for that time, else `time`). */
  label: string;
  /** Ids of the layers with a time that are shown at this step. */
  layers: string[];
}

/** `window.twin.time()`: where the timeline stands. */
export interface TwinTime {
  /** The step's time the timeline is at (or moving to), or `null` when the scene has no times. */
  time: string | null;
  /** Its index in `steps`; 0 without a timeline. */
  step: number;
  /** The position drawn now: `step`, or a fraction between two steps while crossfading. */
  position: number;
  steps: TwinTimeStep[];
}

/** `window.twin.setTime()` options. */
export interface SetTimeOptions {
  /** Crossfade length, milliseconds; 0 (default) jumps. */
  duration?: number;
}

export interface SetViewOptions {
  /** Animation length, milliseconds; 0 (default) jumps. */
  duration?: number;
}

export interface TwinApi {
  readonly version: string;
  /** Resolves when the first scene is validated and its first frame drawn; rejects if the scene is invalid. */
  readonly ready: Promise<void>;
  /** Resolves when no tile or layer work is pending (checked over 3 consecutive frames). */
  idle(): Promise<void>;
  stats(): EngineStats;
  layers(): TwinLayerInfo[];
  featuresAt(lon: number, lat: number): TwinFeature[];
  view(): GeoView;
  setView(view: Partial<GeoView> & { lon: number; lat: number; height: number }, options?: SetViewOptions): Promise<void>;
  /** A copy of the current scene document. */
  scene(): SceneDocument | null;
  loadScene(urlOrDocument: string | object): Promise<void>;
  addLayer(layer: Partial<LayerInput> & { url: string }): Promise<string>;
  removeLayer(id: string): boolean;
  /** The active before / after comparison, or `null` when none is active. */
  compare(): TwinComparison | null;
  /** Chooses the comparison, mode and divider position; resolves after the next frame. Rejects on unknown ids or bad values. */
  setCompare(change: TwinCompareChange): Promise<void>;
  /**
   * The XR state: whether a VR session is supported, presenting, its mode, the scale
   * (street level or table-top), XR frames so far, and the current error-target scale.
   */
  xr(): XrInfo;
  /** Enters `immersive-vr` (default; `'vr'` for short) or `immersive-ar` (`'ar'`); rejects when unsupported. */
  enterXR(mode?: XrMode | 'vr' | 'ar'): Promise<void>;
  /** Ends the XR session (the desktop view resumes where it was); resolves once it has ended. */
  exitXR(): Promise<void>;
  /** Street level (1:1) or table-top in XR. */
  setXrScale(scale: XrScale): void;
  /** The in-scene menu: its items and where they are in the room. */
  xrMenu(): XrMenuInfo;
  /** Where the timeline stands, and its steps (the times the scene's layers declare). */
  time(): TwinTime;
  /**
   * Moves the timeline to the step in force at a year (`1880`, `"1880"`) or ISO date: the last
   * step at or before it (the first step for earlier times). Resolves once it is drawn there;
   * rejects for a scene without times or a value that is not a year or a date.
   */
  setTime(yearOrIsoDate: number | string, options?: SetTimeOptions): Promise<void>;
}

const IDLE_FRAMES = 3;

export interface TwinApiHooks {
  /** Applies the start view of a freshly loaded scene. */
  onSceneLoaded(doc: SceneDocument): Promise<void> | void;
  /** The XR runtime, when the app has one. */
  xr?: XrRuntime;
}

export function createTwinApi(rt: Runtime, version: string, ready: Promise<void>, hooks: TwinApiHooks): TwinApi {
  const { engine } = rt;

  async function idle(): Promise<void> {
    await ready;
    let quiet = 0;
    while (quiet < IDLE_FRAMES) {
      await engine.clock.afterFrames(1);
      const byId = rt.status.getState().byId;
      const layers = rt.scene.getState().doc?.layers ?? [];
      const mounted = engine.mountedRevision === rt.scene.getState().revision && layers.every((l) => engine.layer(l.id));
      const layersSettled = layers.every((l) => byId[l.id] !== undefined && byId[l.id]!.state !== 'loading');
      quiet = !engine.isBusy() && layersSettled && mounted && !rt.controller?.flying ? quiet + 1 : 0;
    }
  }

  const api: TwinApi = {
    version,
    ready,
    idle,
    stats: () => engine.stats(),
    layers() {
      const doc = rt.scene.getState().doc;
      const byId = rt.status.getState().byId;
      return (doc?.layers ?? []).map((l) => {
        const s = byId[l.id];
        const info: TwinLayerInfo = { id: l.id, type: l.type, state: s?.state ?? 'loading' };
        if (s?.error) info.error = s.error;
        if (s?.warnings.length) info.warnings = [...s.warnings];
        if (s?.notes?.length) info.notes = [...s.notes];
        if (s?.featureCount !== undefined) info.featureCount = s.featureCount;
        return info;
      });
    },
    featuresAt(lon, lat) {
      return engine.featuresAt(lon, lat).map((f) => ({ layerId: f.layerId, properties: structuredClone(f.properties) }));
    },
    view() {
      if (!engine.camera) throw new Error('twin.view(): the viewer has not started yet; await twin.ready');
      return { ...readGeoView(engine.camera, engine.frame) };
    },
    async setView(view, options = {}) {
      await ready;
      const camera = engine.camera!;
      const current = readGeoView(camera, engine.frame);
      const target = { heading: current.heading, pitch: current.pitch, fov: current.fov, ...view };
      const duration = options.duration ?? 0;
      if (duration > 0 && rt.controller) await rt.controller.flyTo(target, duration);
      else {
        rt.controller?.cancelFlight();
        applyGeoView(camera, engine.frame, target);
      }
      await engine.clock.afterFrames(1);
    },
    scene() {
      const doc = rt.scene.getState().doc;
      return doc ? structuredClone(doc) : null;
    },
    async loadScene(source) {
      try {
        const { doc, baseUrl } = await resolveScene(source, document.baseURI);
        engine.setOrigin(doc.origin);
        rt.selection.getState().select(null);
        rt.scene.getState().setScene(doc, baseUrl);
        rt.compare.getState().reset(doc.comparisons);
        rt.timeline.getState().reset(openingStep(doc, rt.compare.getState()));
        await hooks.onSceneLoaded(doc);
      } catch (e) {
        rt.scene.getState().setLoadError((e as Error).message);
        throw e;
      }
    },
    async addLayer(input) {
      const state = rt.scene.getState();
      if (!state.doc) throw new Error('addLayer: no scene is loaded');
      const taken = new Set(state.doc.layers.map((l) => l.id));
      const layer = await completeLayer(input, state.baseUrl, taken);
      rt.scene.getState().addLayer(layer);
      return layer.id;
    },
    xr() {
      const errorScale = engine.tileQuality.errorScale;
      if (hooks.xr) return hooks.xr.info(errorScale);
      return { supported: false, supportsAr: false, presenting: false, mode: null, scale: 'street', frames: 0, views: 0, errorScale, adaptiveFactor: 1, frameMs: 0, origin: { x: 0, y: 0, z: 0, scale: 1 }, teleport: { aiming: false, valid: false, target: null } };
    },
    async enterXR(mode = 'immersive-vr') {
      if (!hooks.xr) throw new Error('enterXR: this page has no XR support');
      await ready;
      await hooks.xr.enter(mode === 'vr' ? 'immersive-vr' : mode === 'ar' ? 'immersive-ar' : mode);
      await hooks.xr.store.requestFrame();
    },
    async exitXR() {
      await hooks.xr?.exit();
      await engine.clock.afterFrames(1);
    },
    setXrScale(scale) {
      if (scale !== 'street' && scale !== 'table') throw new Error(`setXrScale: expected 'street' or 'table', got ${String(scale)}`);
      hooks.xr?.setScale(scale);
    },
    xrMenu() {
      return hooks.xr?.menuInfo() ?? { open: false, items: [] };
    },
    time() {
      const timeline = sceneTimeline(rt.scene.getState().doc);
      const { step } = rt.timeline.getState();
      if (!timeline) return { time: null, step: 0, position: 0, steps: [] };
      return {
        time: timeline.steps[step]?.time ?? null,
        step,
        position: engine.timeline?.position ?? step,
        steps: timeline.steps.map((s) => ({ time: s.time, label: s.label, layers: [...s.layers] })),
      };
    },
    async setTime(value, options = {}) {
      await ready;
      if (typeof value !== 'number' && typeof value !== 'string') throw new Error(`setTime: expected a year or an ISO date, got ${JSON.stringify(value)}`);
      const day = instantOf(value);
      if (typeof day === 'string') throw new Error(`setTime: expected a year or an ISO date: ${day}`);
      const timeline = sceneTimeline(rt.scene.getState().doc);
      if (!timeline) throw new Error('setTime: this scene has no times (no layer declares a "time")');
      const duration = options.duration ?? 0;
      if (!(duration >= 0)) throw new Error(`setTime: duration must be ≥ 0 ms, got ${JSON.stringify(options.duration)}`);
      rt.timeline.getState().setStep(stepAt(timeline, day), duration);
      do await engine.clock.afterFrames(1);
      while (engine.timeline?.animating());
      await engine.clock.afterFrames(1);
    },
    removeLayer(id) {
      const removed = rt.scene.getState().removeLayer(id);
      if (removed) rt.status.getState().remove(id);
      return removed;
    },
    compare() {
      const { activeId, mode, split } = rt.compare.getState();
      const c = findComparison(sceneComparisons(rt.scene.getState().doc), activeId);
      if (!c) return null;
      return {
        id: c.id,
        name: c.name,
        mode,
        split,
        before: { name: c.before.name, layers: [...c.before.layers] },
        after: { name: c.after.name, layers: [...c.after.layers] },
      };
    },
    async setCompare(change) {
      if (typeof change !== 'object' || change === null) throw new Error('setCompare: expected { id?, mode?, split? }');
      const { id, mode, split } = change;
      const comparisons = sceneComparisons(rt.scene.getState().doc) ?? [];
      if (id !== undefined && id !== null && !findComparison(comparisons, id)) {
        throw new Error(`setCompare: no comparison "${String(id)}" in this scene (${comparisons.map((c) => c.id).join(', ') || 'none defined'})`);
      }
      if (mode !== undefined && !COMPARE_MODES.includes(mode)) {
        throw new Error(`setCompare: mode must be ${COMPARE_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
      }
      if (split !== undefined && !(typeof split === 'number' && split >= 0 && split <= 1)) {
        throw new Error(`setCompare: split must be a number from 0 to 1, got ${JSON.stringify(split)}`);
      }
      const store = rt.compare.getState();
      if (id !== undefined) store.setActive(id);
      if (mode !== undefined) store.setMode(mode);
      if (split !== undefined) store.setSplit(split);
      await engine.clock.afterFrames(1);
    },
  };
  return Object.freeze(api);
}
