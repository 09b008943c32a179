/**
 * A minimal CesiumJS page, the benchmark baseline (bench/README.md). Built by bench/lib/cesium-build.ts
 * into bench-results/cesium-dist/ and served at /cesium/. Never imported by the app.
 *
 * No imagery, ellipsoid terrain, no sky box / sun / moon / atmosphere / fog, no ion token: it makes
 * no request except to its own origin. `CESIUM_BASE_URL` comes from the build's `define`.
 */
import { Cartesian3, Cesium3DTileset, CesiumWidget, EllipsoidTerrainProvider, Math as CesiumMath, PerspectiveFrustum } from 'cesium';
import type { BenchView, CesiumBench, CesiumLoadOptions, CesiumLoadResult, CesiumStats } from './api.ts';

const widget = new CesiumWidget('cesium', {
  baseLayer: false,
  terrainProvider: new EllipsoidTerrainProvider(),
  skyBox: false, // also no sun and no moon
  skyAtmosphere: false,
  requestRenderMode: false,
  useDefaultRenderLoop: true,
});
const scene = widget.scene;
scene.requestRenderMode = false;
scene.fog.enabled = false;
scene.globe.showGroundAtmosphere = false;
if (scene.sun) scene.sun.show = false;
if (scene.moon) scene.moon.show = false;

interface TilesetStatistics {
  numberOfTilesWithContentReady: number;
  selected: number;
  numberOfCommands: number;
  numberOfTrianglesSelected: number;
}

let tileset: Cesium3DTileset | null = null;
let failed = 0;
let last: CesiumStats = { tilesLoaded: 0, tilesSelected: 0, tilesetCommands: 0, triangles: 0, failed: 0 };

// statistics are cleared at the start of each frame: read them once the frame is drawn
scene.postRender.addEventListener(() => {
  if (!tileset) return;
  const s = (tileset as unknown as { statistics: TilesetStatistics }).statistics;
  last = {
    tilesLoaded: s.numberOfTilesWithContentReady,
    tilesSelected: s.selected,
    tilesetCommands: s.numberOfCommands,
    triangles: s.numberOfTrianglesSelected,
    failed,
  };
});

/** Cesium's `frustum.fov` is the angle of the WIDER side; ours (and three.js's) is vertical. */
function setCamera(view: BenchView): { fovDeg: number; fovyDeg: number; aspect: number } {
  const canvas = scene.canvas;
  const aspect = canvas.clientWidth / canvas.clientHeight;
  const frustum = scene.camera.frustum;
  if (!(frustum instanceof PerspectiveFrustum)) throw new Error('expected a perspective frustum');
  const vfov = CesiumMath.toRadians(view.fov);
  frustum.aspectRatio = aspect;
  frustum.fov = aspect > 1 ? 2 * Math.atan(Math.tan(vfov / 2) * aspect) : vfov;
  scene.camera.setView({
    destination: Cartesian3.fromDegrees(view.lon, view.lat, view.height),
    orientation: { heading: CesiumMath.toRadians(view.heading), pitch: CesiumMath.toRadians(view.pitch), roll: 0 },
  });
  return { fovDeg: CesiumMath.toDegrees(frustum.fov), fovyDeg: CesiumMath.toDegrees(frustum.fovy ?? Number.NaN), aspect };
}

/**
 * Loaded = `tileset.tilesLoaded` on QUIET_FRAMES consecutive rendered frames: the same rule as our
 * `twin.idle()`. `allTilesLoaded` alone is not enough: with implicit tiling it fires (with no tile
 * loaded) in the frame after the root subtree arrives, before the traversal has asked for content.
 */
const QUIET_FRAMES = 3;

async function load(url: string, view: BenchView, options: CesiumLoadOptions): Promise<CesiumLoadResult> {
  if (tileset) throw new Error('bench.load(): one tileset per page (open a fresh page)');
  const cam = setCamera(view);
  let frames = 0;
  let allTilesLoadedEvents = 0;
  const countFrames = scene.postRender.addEventListener(() => frames++);
  const t0 = performance.now();
  const ts = await Cesium3DTileset.fromUrl(url, { maximumScreenSpaceError: options.maximumScreenSpaceError });
  ts.tileFailed.addEventListener(() => failed++);
  ts.allTilesLoaded.addEventListener(() => allTilesLoadedEvents++);
  tileset = ts;
  const loaded = new Promise<number>((resolve, reject) => {
    let streak = 0;
    const timer = setTimeout(() => {
      done();
      reject(new Error(`Cesium: tiles not loaded after ${options.timeoutMs} ms (${JSON.stringify(last)})`));
    }, options.timeoutMs);
    // registered after the statistics listener above, so `last` is this frame's
    const off = scene.postRender.addEventListener(() => {
      streak = ts.tilesLoaded ? streak + 1 : 0;
      if (streak < QUIET_FRAMES) return;
      done();
      resolve(performance.now());
    });
    function done() {
      clearTimeout(timer);
      off();
    }
  });
  scene.primitives.add(ts);
  const t1 = await loaded;
  countFrames();
  return { loadMs: t1 - t0, frames, allTilesLoadedEvents, atLoad: { ...last, failed }, ...cam };
}

const bench: CesiumBench = {
  load,
  stats: () => ({ ...last, failed }),
};
window.bench = bench;
