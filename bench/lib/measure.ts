/**
 * One measured run of one viewer on one case, each in a fresh page: time to load the view, then
 * the mean requestAnimationFrame interval over N frames.
 */
import type { Page } from 'playwright-core';
import type { LaunchedBrowser, OpenedPage } from '../../test/e2e/harness/browser.ts';
import '../../test/e2e/harness/twin.ts'; // window.twin's type
import type { CesiumStats } from '../cesium/api.ts';
import '../cesium/api.ts'; // window.bench's type
import type { BenchCase } from './cases.ts';

export interface RunOptions {
  /** rAF intervals to average; 0 skips the frame measurement. */
  frames: number;
  /** Screen-space error target for both viewers (pixels). */
  errorTarget: number;
  /** Per-load timeout, ms. */
  timeoutMs: number;
  /** When set, a PNG of the loaded view is written here. */
  screenshot?: string;
}

export interface FrameSample {
  /** Mean interval over `frames` rAF callbacks, ms. */
  meanMs: number;
  medianMs: number;
  maxMs: number;
  frames: number;
}

export interface OursRun {
  /** `twin.loadScene(doc)` → `twin.idle()` (3 consecutive quiet frames). */
  loadMs: number;
  /** Frames rendered during the load. */
  loadFrames: number;
  tilesLoaded: number;
  tilesVisible: number;
  failed: number;
  frame: FrameSample | null;
  drawCalls: number;
  triangles: number;
  /** The camera as the app reports it once loaded (to check it matches the case). */
  view: { lon: number; lat: number; height: number; heading: number; pitch: number; fov: number };
  problems: string[];
}

export interface CesiumRun {
  /** `Cesium3DTileset.fromUrl` → 3 consecutive frames with `tileset.tilesLoaded`. */
  loadMs: number;
  /** Frames Cesium rendered while loading (it advances loading once per frame). */
  loadFrames: number;
  /** How often `allTilesLoaded` fired during the load. */
  allTilesLoadedEvents: number;
  /** Statistics as of the end of the load. */
  atLoad: CesiumStats;
  /** Statistics after the frame measurement. */
  stats: CesiumStats;
  frame: FrameSample | null;
  fovDeg: number;
  fovyDeg: number;
  problems: string[];
}

/** Frames skipped before measuring (fade-ins finishing, the first frame after an evaluate). */
const SETTLE_FRAMES = 5;

/** Mean / median / max rAF interval over `n` frames, measured in the page. */
export function measureFrames(page: Page, n: number): Promise<FrameSample> {
  return page.evaluate(
    ({ n, settle }) =>
      new Promise<FrameSample>((resolve) => {
        const stamps: number[] = [];
        let skip = settle;
        const step = (t: number) => {
          if (skip > 0) skip--;
          else stamps.push(t);
          if (stamps.length > n) {
            const dts = stamps.slice(1).map((s, i) => s - stamps[i]!);
            const sorted = [...dts].sort((a, b) => a - b);
            resolve({
              meanMs: (stamps[n]! - stamps[0]!) / n,
              medianMs: sorted[Math.floor(n / 2)]!,
              maxMs: sorted[n - 1]!,
              frames: n,
            });
          } else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { n, settle: SETTLE_FRAMES },
  );
}

function sceneFor(c: BenchCase, baseUrl: string, errorTarget: number) {
  return {
    version: 1,
    title: `bench: ${c.name}`,
    origin: c.origin,
    layers: [{ id: 'bench', type: 'tiles3d', name: c.name, url: new URL(c.tileset, baseUrl).href, errorTarget }],
    viewpoints: [{ id: 'bench', name: 'bench', ...c.view }],
    startViewpoint: 'bench',
  };
}

async function closePage(opened: OpenedPage): Promise<void> {
  await opened.page.close().catch(() => {});
}

/** Our app: open it on an empty scene, then time `twin.loadScene(doc)` → `twin.idle()`. */
export async function runOurs(browser: LaunchedBrowser, baseUrl: string, c: BenchCase, o: RunOptions): Promise<OursRun> {
  const opened = await browser.openPage(new URL('?scene=/bench-scenes/empty.json', baseUrl).href);
  try {
    const { page } = opened;
    await page.waitForFunction(() => typeof window.twin === 'object');
    await page.evaluate(() => window.twin.ready);
    await page.evaluate(() => window.twin.idle());
    const r = await page.evaluate(
      async ({ doc, timeoutMs }) => {
        let frames = 0;
        let counting = true;
        const count = () => {
          frames++;
          if (counting) requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
        const t0 = performance.now();
        await window.twin.loadScene(doc);
        const ok = await Promise.race([window.twin.idle().then(() => true), new Promise<boolean>((res) => setTimeout(() => res(false), timeoutMs))]);
        const loadMs = performance.now() - t0;
        counting = false;
        return { ok, loadMs, frames, layers: window.twin.layers(), view: window.twin.view(), stats: window.twin.stats() };
      },
      { doc: sceneFor(c, baseUrl, o.errorTarget), timeoutMs: o.timeoutMs },
    );
    if (!r.ok) throw new Error(`ours: twin.idle() did not resolve within ${o.timeoutMs} ms; layers: ${JSON.stringify(r.layers)}`);
    const layer = r.layers[0];
    if (layer?.state !== 'ready') throw new Error(`ours: layer is ${JSON.stringify(layer)}`);
    const frame = o.frames > 0 ? await measureFrames(page, o.frames) : null;
    const stats = await page.evaluate(() => window.twin.stats());
    if (o.screenshot) await page.screenshot({ path: o.screenshot });
    return {
      loadMs: r.loadMs,
      loadFrames: r.frames,
      tilesLoaded: r.stats.tiles.loaded,
      tilesVisible: r.stats.tiles.visible,
      failed: r.stats.tiles.failed,
      frame,
      drawCalls: stats.drawCalls,
      triangles: stats.triangles,
      view: r.view,
      problems: opened.problems(),
    };
  } finally {
    await closePage(opened);
  }
}

/** The CesiumJS page: `bench.load(url, view)` → first frame with `tileset.tilesLoaded`. */
export async function runCesium(browser: LaunchedBrowser, baseUrl: string, c: BenchCase, o: RunOptions): Promise<CesiumRun> {
  const opened = await browser.openPage(new URL('cesium/', baseUrl).href);
  try {
    const { page } = opened;
    await page.waitForFunction(() => typeof window.bench === 'object');
    const r = await page.evaluate(
      ({ url, view, options }) => window.bench.load(url, view, options),
      { url: new URL(c.tileset, baseUrl).href, view: c.view, options: { maximumScreenSpaceError: o.errorTarget, timeoutMs: o.timeoutMs } },
    );
    const frame = o.frames > 0 ? await measureFrames(page, o.frames) : null;
    const stats = await page.evaluate(() => window.bench.stats());
    if (o.screenshot) await page.screenshot({ path: o.screenshot });
    return { loadMs: r.loadMs, loadFrames: r.frames, allTilesLoadedEvents: r.allTilesLoadedEvents, atLoad: r.atLoad, stats, frame, fovDeg: r.fovDeg, fovyDeg: r.fovyDeg, problems: opened.problems() };
  } finally {
    await closePage(opened);
  }
}
