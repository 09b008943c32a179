/**
 * The XR side of the app, outside React: the @react-three/xr store (session, input sources),
 * a small view-state store (support, presenting, mode, scale, menu), per-frame counters and
 * the adaptive quality loop. The canvas part (`XrScene`) reads it with `getState()` per frame;
 * the DOM button and `window.twin` call `enter`, `exit` and `setScale`.
 */
import { createXRStore, type XRStore } from '@react-three/xr';
import { createStore } from 'zustand/vanilla';
import { Vector3, type Object3D } from 'three';
import { AdaptiveQuality } from './adaptive-quality';
import type { XrSupport } from './support';
import { cellCentre, type MenuLayout } from './menu/menu-layout';
import type { MenuItem, XrScale } from './menu/menu-model';

export type { XrScale };
export type XrMode = 'immersive-vr' | 'immersive-ar';

export interface XrViewState {
  /** Whether `immersive-vr` / `immersive-ar` sessions can be requested here. */
  supportsVr: boolean;
  supportsAr: boolean;
  presenting: boolean;
  mode: XrMode | null;
  scale: XrScale;
  /** Whether the in-scene menu is shown. */
  menuOpen: boolean;
  /** Why the last request to enter failed, or `null`. */
  error: string | null;
}

/** `window.twin.xr()`. */
export interface XrInfo {
  /** Whether an `immersive-vr` session can be requested. */
  supported: boolean;
  /** Whether an `immersive-ar` session can be requested. */
  supportsAr: boolean;
  presenting: boolean;
  mode: XrMode | null;
  scale: XrScale;
  /** XR frames rendered with a viewer pose since the page opened. */
  frames: number;
  /** Views (eyes) in the last XR frame: `stats()` draw calls and triangles are summed over them. */
  views: number;
  /** Multiplier of every tiles layer's error target now: XR profile × adaptive loop (1 on desktop). */
  errorScale: number;
  /** The adaptive loop's own factor, 1 … 4 (raised while frames run long). */
  adaptiveFactor: number;
  /** Mean XR frame interval over the last frames, milliseconds. */
  frameMs: number;
  /** XR origin in the scene frame: position (metres) and scale (world metres per room metre). */
  origin: { x: number; y: number; z: number; scale: number };
  /** The teleport arc: whether the user aims, whether its end is a valid target, and where (scene frame). */
  teleport: { aiming: boolean; valid: boolean; target: [number, number, number] | null };
}

/** `window.twin.xrMenu()`: the in-scene menu as drawn now. */
export interface XrMenuInfo {
  open: boolean;
  items: {
    id: string;
    label: string;
    kind: MenuItem['kind'];
    checked: boolean;
    /** Centre of the item in the room (XR reference space, metres); `null` before the menu is placed. */
    room: [number, number, number] | null;
  }[];
}

/** What the menu component publishes for `menuInfo` (mutable, written on redraw). */
export interface XrMenuState {
  items: MenuItem[];
  layout: MenuLayout | null;
  /** The panel mesh, a descendant of the XR origin. */
  panel: Object3D | null;
}

/** Mutable per-frame figures, written by the canvas each frame (never React state). */
export interface XrCounters {
  frames: number;
  views: number;
  frameMs: number;
  origin: { x: number; y: number; z: number; scale: number };
  teleport: { aiming: boolean; valid: boolean; x: number; y: number; z: number };
}

export interface XrRuntime {
  readonly store: XRStore;
  readonly view: ReturnType<typeof createXrViewStore>;
  readonly counters: XrCounters;
  readonly quality: AdaptiveQuality;
  readonly menu: XrMenuState;
  /** Starts a session; rejects (and sets `view.error`) when it cannot. */
  enter(mode: XrMode): Promise<void>;
  /** Ends the session; resolves once it has ended, rejects (and sets `view.error`) when it cannot be ended. */
  exit(): Promise<void>;
  setScale(scale: XrScale): void;
  info(errorScale: number): XrInfo;
  menuInfo(): XrMenuInfo;
  dispose(): void;
}

function createXrViewStore() {
  return createStore<XrViewState>()(() => ({
    supportsVr: false,
    supportsAr: false,
    presenting: false,
    mode: null,
    scale: 'street',
    menuOpen: true,
    error: null,
  }));
}

/** Prefers 72 Hz (the Quest's steadiest budget), else the lowest rate of at least 72. */
export function pickFrameRate(rates: ArrayLike<number>): number | false {
  const sorted = Array.from(rates).sort((a, b) => a - b);
  return sorted.find((r) => r >= 72) ?? sorted[sorted.length - 1] ?? false;
}

export interface XrRuntimeOptions {
  /** Absolute URL of the folder with the WebXR input-profile JSON (`profilesList.json`). */
  baseAssetPath: string;
  /** What `detectXrSupport` found. */
  support: XrSupport;
  /** Whether the adaptive quality loop runs (default true). */
  adaptive?: boolean;
}

export function createXrRuntime(options: XrRuntimeOptions): XrRuntime {
  const store = createXRStore({
    emulate: false,
    offerSession: false,
    enterGrantedSession: false,
    baseAssetPath: options.baseAssetPath,
    foveation: 0.5,
    frameRate: pickFrameRate,
    // the profiles' JSON is served locally; their glTF models are not shipped
    controller: { model: false, teleportPointer: false, grabPointer: false },
    hand: { model: false, teleportPointer: false, grabPointer: false, touchPointer: false },
    gaze: false,
    screenInput: false,
  });
  const view = createXrViewStore();
  view.setState({ supportsVr: options.support.vr, supportsAr: options.support.ar });
  const counters: XrCounters = {
    frames: 0,
    views: 0,
    frameMs: 0,
    origin: { x: 0, y: 0, z: 0, scale: 1 },
    teleport: { aiming: false, valid: false, x: 0, y: 0, z: 0 },
  };
  const quality = new AdaptiveQuality();
  const menu: XrMenuState = { items: [], layout: null, panel: null };
  quality.enabled = options.adaptive ?? true;

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.session === prev.session && s.mode === prev.mode) return;
    const presenting = s.session != null;
    view.setState({ presenting, mode: presenting ? (s.mode as XrMode | null) : null });
  });

  return {
    store,
    view,
    counters,
    quality,
    menu,
    async enter(mode) {
      const v = view.getState();
      if (v.presenting) return;
      if (mode === 'immersive-vr' ? !v.supportsVr : !v.supportsAr) throw new Error(`${mode} is not supported on this device`);
      view.setState({ error: null, menuOpen: true });
      try {
        const session = await store.enterXR(mode);
        if (!session) throw new Error(`the ${mode} session could not be started`);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        view.setState({ error: message });
        throw new Error(`enterXR(${mode}): ${message}`);
      }
    },
    async exit() {
      const session = store.getState().session;
      if (!session) return;
      let off = () => {};
      const ended = new Promise<void>((resolve) => {
        off = store.onSessionEnd(resolve);
      });
      try {
        await session.end();
        await ended;
      } catch (e) {
        // ending can fail because the session ended meanwhile: then there is nothing to report
        if (store.getState().session !== session) return;
        const reason = e instanceof Error ? e.message : String(e);
        view.setState({ error: `The session could not be ended (${reason})` });
        throw new Error(`exitXR: the session could not be ended (${reason})`, { cause: e });
      } finally {
        off();
      }
    },
    setScale(scale) {
      view.setState({ scale });
    },
    info(errorScale) {
      const v = view.getState();
      return {
        supported: v.supportsVr,
        supportsAr: v.supportsAr,
        presenting: v.presenting,
        mode: v.mode,
        scale: v.scale,
        frames: counters.frames,
        views: counters.views,
        errorScale,
        adaptiveFactor: quality.factor,
        frameMs: Math.round(counters.frameMs * 100) / 100,
        origin: { ...counters.origin },
        teleport: {
          aiming: counters.teleport.aiming,
          valid: counters.teleport.valid,
          target: counters.teleport.aiming && counters.teleport.valid ? [counters.teleport.x, counters.teleport.y, counters.teleport.z] : null,
        },
      };
    },
    menuInfo() {
      const { layout, panel } = menu;
      const origin = store.getState().origin;
      panel?.updateWorldMatrix(true, false);
      return {
        open: view.getState().menuOpen && view.getState().presenting,
        items: (layout?.cells ?? []).map((cell) => {
          let room: [number, number, number] | null = null;
          if (layout && panel && origin) {
            const c = cellCentre(layout, cell);
            const p = panel.localToWorld(new Vector3(c.x, c.y, 0));
            origin.worldToLocal(p);
            room = [p.x, p.y, p.z];
          }
          return { id: cell.item.id, label: cell.item.label, kind: cell.item.kind, checked: cell.item.checked, room };
        }),
      };
    },
    dispose() {
      unsubscribe();
      store.destroy();
    },
  };
}
