/**
 * Boot: create the runtime, install `window.twin`, render the app, load the scene from
 * `?scene=` (or the demo) and open at `?view=` (or the scene's start view).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRuntime } from './engine/runtime';
import { createTwinApi, type TwinApi, type TwinApiHooks } from './app/twin-api';
import { checkSceneSource } from './app/scene-origin';
import { DEFAULT_SCENE_URL, parseUrlParams } from './app/url-params';
import { sceneSourceStore } from './state/scene-source-store';
import { startView } from './app/start-view';
import { applyGeoView } from './engine/camera-pose';
import { detectXrSupport } from './xr/support';
import type { EmulatedDevice } from './xr/emulator';
import { instantOf, type SceneDocument } from './spec';
import { sceneTimeline, stepAt } from './state/timeline';
import { App, type AppXr } from './ui/App';
import './ui/styles.css';

const runtime = createRuntime();
const params = parseUrlParams(location.search);

declare global {
  interface Window {
    twin: TwinApi;
    /** `?emulate=quest3` only: the emulated headset (iwer `XRDevice`), for studio checks and tests. */
    twinXrEmulator?: EmulatedDevice;
  }
}

// ?emulate=quest3: the emulated headset replaces navigator.xr before the app starts
if (params.emulate === 'quest3') {
  const { installQuest3Emulator } = await import('./xr/emulator');
  window.twinXrEmulator = await installQuest3Emulator();
}

/**
 * XR is loaded only where an immersive session is supported (or emulated). The app renders at
 * once and again with the XR part when it has loaded; `twin.ready` waits for both.
 */
async function loadXr(): Promise<AppXr | null> {
  const support = await detectXrSupport();
  if (!support.vr && !support.ar) return null;
  const [{ createXrRuntime }, { XrScene }] = await Promise.all([import('./xr/xr-runtime'), import('./xr/XrScene')]);
  const xrRuntime = createXrRuntime({ baseAssetPath: new URL('xr-profiles/', document.baseURI).href, support, adaptive: params.xrAdaptive });
  return { runtime: xrRuntime, Scene: XrScene };
}

let firstLoad = true;

/** `?time=`: the timeline opens at the step in force then (the scene must have times). */
function applyTimeParam(doc: SceneDocument, time: string): void {
  const timeline = sceneTimeline(doc);
  const day = instantOf(time);
  if (typeof day === 'string') runtime.scene.getState().setLoadError(`?time=${time}: expected a year or an ISO date (${day})`);
  else if (!timeline) runtime.scene.getState().setLoadError(`?time=${time}: this scene has no times`);
  else runtime.timeline.getState().reset(stepAt(timeline, day));
}

async function onSceneLoaded(doc: SceneDocument, isCurrent: () => boolean): Promise<void> {
  // the camera exists once the canvas has rendered a frame
  if (!runtime.engine.camera) await runtime.engine.clock.afterFrames(1);
  if (!isCurrent()) return; // a later loadScene has taken over the view
  const view = firstLoad && params.view ? params.view : startView(doc);
  if (firstLoad && params.time) applyTimeParam(doc, params.time);
  firstLoad = false;
  runtime.controller?.cancelFlight();
  applyGeoView(runtime.engine.camera!, runtime.engine.frame, view);
}

function goHome(): void {
  const doc = runtime.scene.getState().doc;
  if (doc) void runtime.controller?.flyTo(startView(doc));
}

let booted!: () => void;
const hooks: TwinApiHooks = { onSceneLoaded, booted: new Promise<void>((resolve) => (booted = resolve)) };
const twin = createTwinApi(runtime, __APP_VERSION__, hooks);
Object.defineProperty(window, 'twin', { value: twin, writable: false, configurable: false });

const root = createRoot(document.getElementById('root')!);
const renderApp = (xr: AppXr | null) =>
  root.render(
    <StrictMode>
      <App runtime={runtime} onHome={goHome} xr={xr} />
    </StrictMode>,
  );
renderApp(null);
loadXr()
  .then(
    (xr) => {
      hooks.xr = xr?.runtime;
      if (xr) renderApp(xr);
    },
    (e: unknown) => console.error('XR could not be loaded:', e),
  )
  .finally(booted);

if (params.viewError) runtime.scene.getState().setLoadError(params.viewError);

// A `?scene=` from an origin the site does not allow is refused (with a notice); its own scene
// loads instead. The outcome reaches twin.ready (and the banner on failure).
checkSceneSource(params.scene, document.baseURI)
  .then((source) => {
    if (source.kind !== 'refused') return twin.loadScene(params.scene);
    sceneSourceStore.getState().setRefused(source.origin);
    return twin.loadScene(DEFAULT_SCENE_URL);
  })
  .catch(() => {});
