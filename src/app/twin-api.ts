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
import { SceneLoads } from './scene-loads';
import type { Runtime } from '../engine/runtime';
import type { XrInfo, XrMenuInfo, XrMode, XrRuntime, XrScale } from '../xr/xr-runtime';
import { formatLocalIso, parseIsoInstant, sunPosition } from '../geo';
import { MEASURE_MODES, measureFigures, type MeasureFigures, type MeasureMode } from '../state/measure-store';
import type { SunHoursResult, SunHoursSideResult } from '../state/sun-hours-store';

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

/** `window.twin.sun()`: the sun of the sun study. */
export interface TwinSun {
  /** The study's instant, ISO 8601 in the scene's time zone with its offset, e.g. `2026-06-21T12:00:00+02:00`. */
  date: string;
  /** Degrees above the horizon at the scene origin, without refraction (negative: below it). */
  altitude: number;
  /** Degrees clockwise from north at the scene origin. */
  azimuth: number;
  /** Whether the sun lights the scene and casts shadows. */
  shadows: boolean;
}

/** `window.twin.setSun()`: what to change. */
export interface TwinSunChange {
  /** ISO 8601; with an offset it is that instant, without one a local time in the scene's time zone. */
  date?: string;
  shadows?: boolean;
}

/** `window.twin.measure()`: the current measurement. */
export interface TwinMeasurement extends MeasureFigures {
  /** `null` when measuring has been turned off but its points are still shown. */
  mode: MeasureMode | null;
  /** The picked points: degrees and metres above the ellipsoid. */
  points: { lon: number; lat: number; height: number }[];
  /** Whether an area's polygon is finished. */
  closed: boolean;
}

/** `window.twin.sunHours()`: the last sun-hours map, in figures. */
export interface TwinSunHours {
  /** The day, ISO 8601 local date. */
  date: string;
  /** Area of the open ground sampled, square metres, and the samples' spacing, metres. */
  area: number;
  samples: number;
  spacing: number;
  /** Hours between sunrise and sunset that day. */
  dayLength: number;
  /** Milliseconds in the worker, and from the request to the result. */
  computeMs: number;
  totalMs: number;
  /** Per side (`before` / `after` of the comparison, or `now`): hours of direct sun over the open area. */
  sides: SunHoursSideResult[];
}

export interface SetViewOptions {
  /** Animation length, milliseconds; 0 (default) jumps. */
  duration?: number;
}

export interface TwinApi {
  readonly version: string;
  /**
   * Resolves when the first scene is validated and its first frame drawn; rejects if the scene
   * cannot be loaded. (A boot load replaced by a later `loadScene` is followed by that one.)
   */
  readonly ready: Promise<void>;
  /**
   * Resolves when the scene shown now is drawn: after any `loadScene` in flight has settled,
   * the scene then shown has had a frame. Rejects with the reason while no scene is shown.
   */
  sceneReady(): Promise<void>;
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
  /** The sun study's instant and the sun's position at the scene origin. */
  sun(): TwinSun;
  /**
   * Sets the study's date and time and turns shadows on or off (stopping a playing day); resolves
   * once a frame is drawn with it. Rejects with the reason for a malformed date or value.
   */
  setSun(change: TwinSunChange): Promise<void>;
  /**
   * The current measurement (distance, height above the ground or area; metres and square
   * metres) with its points, or `null` when nothing is being measured.
   */
  measure(): TwinMeasurement | null;
  /** Starts measuring in a mode (taps and the XR trigger then pick points), or stops with `null`; clears the points. */
  setMeasure(change: { mode: MeasureMode | null }): void;
  /** The last sun-hours map (figures per side and the computation time), or `null`. */
  sunHours(): TwinSunHours | null;
  /**
   * Computes the sun-hours map of an area (`[lon, lat]` degrees, at least three corners) on the
   * sun study's day, for each side of the active comparison, shows it and resolves with its figures.
   */
  computeSunHours(request: { area: [number, number][] }): Promise<TwinSunHours>;
}

const IDLE_FRAMES = 3;

function sunHoursInfo(r: SunHoursResult): TwinSunHours {
  return {
    date: r.date,
    area: r.samples * r.grid.spacing ** 2,
    samples: r.samples,
    spacing: r.grid.spacing,
    dayLength: r.dayLength,
    computeMs: r.computeMs,
    totalMs: r.totalMs,
    sides: r.sides.map((s) => ({ ...s })),
  };
}
/** Frames `setSun` waits for the shadow module to load and draw before giving up. */
const SHADOW_FRAMES = 600;

export interface TwinApiHooks {
  /**
   * Applies the start view of a freshly shown scene; `isCurrent()` turns false once a later
   * `loadScene` has started (the view must then be left alone).
   */
  onSceneLoaded(doc: SceneDocument, isCurrent: () => boolean): Promise<void> | void;
  /** Settles when the app has started (the XR part loaded or found unsupported). */
  booted: Promise<void>;
  /** The XR runtime, when the app has one. */
  xr?: XrRuntime;
}

interface ResolvedScene {
  doc: SceneDocument;
  baseUrl: string;
}

export function createTwinApi(rt: Runtime, version: string, hooks: TwinApiHooks): TwinApi {
  const { engine } = rt;
  /** The frame count when the scene shown now was put up: a later frame has drawn it. */
  let shownAtFrame = -1;
  const loads = new SceneLoads<ResolvedScene>({
    resolve: (source) => resolveScene(source, document.baseURI),
    show({ doc, baseUrl }) {
      engine.setOrigin(doc.origin);
      rt.selection.getState().select(null);
      rt.scene.getState().setScene(doc, baseUrl);
      // after the scene: the timeline and the time comparisons read the new document
      rt.compare.getState().reset(doc.comparisons);
      rt.timeline.getState().reset(openingStep(doc, rt.compare.getState()));
      shownAtFrame = engine.clock.frames;
    },
    afterShow: ({ doc }, isCurrent) => hooks.onSceneLoaded(doc, isCurrent),
    fail: (message) => rt.scene.getState().setLoadError(message),
    hasScene: () => rt.scene.getState().doc !== null,
  });
  // settles once the app has drawn the outcome: the scene, or the banner with the reason
  const ready = loads.first.then(
    () => hooks.booted.then(() => engine.clock.afterFrames(2)),
    (e: unknown) =>
      hooks.booted
        .then(() => engine.clock.afterFrames(1))
        .then(() => {
          throw e;
        }),
  );
  ready.catch(() => {}); // the reason is shown on screen; readers of twin.ready get it

  async function sceneReady(): Promise<void> {
    await loads.settled();
    await hooks.booted;
    if (engine.clock.frames <= shownAtFrame) await engine.clock.afterFrames(1);
  }

  /** `sceneReady` for a member that needs a scene: its rejection names the member. */
  async function needScene(member: string): Promise<void> {
    try {
      await sceneReady();
    } catch (e) {
      throw new Error(`${member}: no scene is shown; the last loadScene failed: ${(e as Error).message}`, { cause: e });
    }
  }

  async function idle(): Promise<void> {
    await needScene('idle');
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
    sceneReady,
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
      await needScene('setView');
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
    loadScene: (source) => loads.load(source),
    async addLayer(input) {
      // the layer belongs to the scene being loaded now, else to the one shown
      const what = `addLayer(${typeof input?.url === 'string' ? input.url : '?'})`;
      const generation = await loads.target().catch((e: Error) => {
        throw new Error(`${what}: ${e.message}`, { cause: e });
      });
      const state = rt.scene.getState();
      if (!state.doc) throw new Error(`${what}: no scene is loaded`);
      const revision = state.revision;
      const taken = new Set(state.doc.layers.map((l) => l.id));
      const layer = await completeLayer(input, state.baseUrl, taken);
      if (loads.generation !== generation || rt.scene.getState().revision !== revision) {
        throw new Error(`${what}: the scene it was added to was replaced (loadScene) before the layer was ready; add it again to the new scene`);
      }
      rt.scene.getState().addLayer(layer);
      return layer.id;
    },
    xr() {
      const errorScale = engine.tileQuality.errorScale;
      if (hooks.xr) return hooks.xr.info(errorScale);
      return { supported: false, supportsAr: false, presenting: false, mode: null, scale: 'street', frames: 0, views: 0, errorScale, adaptiveFactor: 1, frameMs: 0, origin: { x: 0, y: 0, z: 0, scale: 1 }, teleport: { aiming: false, valid: false, target: null } };
    },
    async enterXR(mode = 'immersive-vr') {
      await needScene('enterXR');
      if (!hooks.xr) throw new Error('enterXR: this page has no XR support');
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
      if (typeof value !== 'number' && typeof value !== 'string') throw new Error(`setTime: expected a year or an ISO date, got ${JSON.stringify(value)}`);
      const day = instantOf(value);
      if (typeof day === 'string') throw new Error(`setTime: expected a year or an ISO date: ${day}`);
      await needScene('setTime');
      const timeline = sceneTimeline(rt.scene.getState().doc);
      if (!timeline) throw new Error('setTime: this scene has no times (no layer declares a "time")');
      const duration = options.duration ?? 0;
      if (!(duration >= 0)) throw new Error(`setTime: duration must be ≥ 0 ms, got ${JSON.stringify(options.duration)}`);
      rt.timeline.getState().setStep(stepAt(timeline, day), duration);
      do await engine.clock.afterFrames(1);
      while (engine.timeline?.animating());
      await engine.clock.afterFrames(1);
    },
    sun() {
      const { time, shadows } = rt.sun.getState();
      const place = rt.sunPlace();
      const p = sunPosition(time, place.lon, place.lat);
      return { date: formatLocalIso(time, place.timeZone), altitude: p.altitude, azimuth: p.azimuth, shadows };
    },
    async setSun(change) {
      if (typeof change !== 'object' || change === null) throw new Error('setSun: expected { date?, shadows? }');
      const { date, shadows } = change;
      if (shadows !== undefined && typeof shadows !== 'boolean') throw new Error(`setSun: shadows must be true or false, got ${JSON.stringify(shadows)}`);
      let time: number | undefined;
      if (date !== undefined) {
        if (typeof date !== 'string') throw new Error(`setSun: date must be an ISO 8601 string, got ${JSON.stringify(date)}`);
        try {
          time = parseIsoInstant(date, rt.sunPlace().timeZone);
        } catch (e) {
          throw new Error(`setSun: ${(e as Error).message}`);
        }
      }
      await ready;
      const store = rt.sun.getState();
      if (time !== undefined) {
        store.setPlaying(false);
        store.setTime(time);
      }
      if (shadows !== undefined) store.setShadows(shadows);
      // shadows load their module on first use: wait until the canvas draws them (or stops)
      const want = rt.sun.getState().shadows;
      for (let i = 0; i < SHADOW_FRAMES && engine.sunShadows !== want; i++) await engine.clock.afterFrames(1);
      if (engine.sunShadows !== want) throw new Error(`setSun: the shadows did not turn ${want ? 'on' : 'off'} within ${SHADOW_FRAMES} frames`);
      await engine.clock.afterFrames(1);
    },
    measure() {
      const { mode, points, closed } = rt.measure.getState();
      if (mode === null && points.length === 0) return null;
      const toGeo = (p: { x: number; y: number; z: number }) => {
        const [lon, lat, height] = engine.frame.toGeodetic(p.x, p.y, p.z);
        return { lon, lat, height };
      };
      return { mode, points: points.map(toGeo), closed, ...measureFigures(mode, points, closed) };
    },
    setMeasure(change) {
      const mode = (change as { mode?: unknown } | null)?.mode;
      if (mode !== null && !MEASURE_MODES.includes(mode as MeasureMode)) {
        throw new Error(`setMeasure: mode must be ${MEASURE_MODES.join(', ')} or null, got ${JSON.stringify(mode)}`);
      }
      const store = rt.measure.getState();
      store.setMode(mode as MeasureMode | null);
      store.clear();
    },
    sunHours() {
      const r = rt.sunHours.getState().result;
      return r ? sunHoursInfo(r) : null;
    },
    async computeSunHours(request) {
      const area = (request as { area?: unknown } | null)?.area;
      if (!Array.isArray(area) || area.length < 3 || !area.every((p) => Array.isArray(p) && p.length >= 2 && p.every((v: unknown) => typeof v === 'number' && Number.isFinite(v)))) {
        throw new Error('computeSunHours: expected { area: [[lon, lat], …] } with at least three corners');
      }
      await ready;
      const frame = engine.frame;
      const polygon = (area as [number, number][]).map(([lon, lat]) => {
        const [x, , z] = frame.toLocal(lon, lat, frame.origin.height);
        return [x, z] as [number, number];
      });
      const { computeAreaSunHours } = await import('../engine/sun/sun-hours-job');
      const result = await computeAreaSunHours(rt, polygon);
      await engine.clock.afterFrames(2);
      return sunHoursInfo(result);
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
