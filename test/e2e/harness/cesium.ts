/**
 * CesiumJS in the e2e tests, as a second, independent 3D Tiles client to cross-check our output.
 *
 * Reuses the benchmark's CesiumJS page (bench/cesium/, built by bench/lib/cesium-build.ts into
 * bench-results/cesium-dist/ once and cached by its inputs' hash) and its `window.bench` API:
 * `Cesium3DTileset.fromUrl`, a camera set like ours (vertical fov converted to Cesium's), and
 * "loaded" = `tileset.tilesLoaded` on 3 consecutive rendered frames with the same camera (the rule
 * of our `twin.idle()`), counting `tileFailed` events. test/e2e/global-setup.ts serves the page at
 * /cesium/.
 *
 *   await ensureCesiumPage();
 *   const r = await loadInCesium(browser, baseUrl, tilesetUrl, view, { maximumScreenSpaceError: 1 });
 *   expect(r.result.atLoad.failed).toBe(0);
 */
import type { Page } from 'playwright-core';
import type { BenchView, CesiumLoadOptions, CesiumLoadResult, CesiumStats } from '../../../bench/cesium/api.ts';
import '../../../bench/cesium/api.ts'; // window.bench's type
import { CESIUM_MOUNT, ensureCesiumBuilt, type CesiumBuild } from '../../../bench/lib/cesium-build.ts';
import type { LaunchedBrowser, OpenedPage } from './browser.ts';

export type { BenchView as CesiumView, CesiumLoadResult, CesiumStats };

let built: Promise<CesiumBuild> | null = null;

/** Builds the CesiumJS page if its inputs changed (about 30 s the first time, cached afterwards). */
export function ensureCesiumPage(log: (m: string) => void = (m) => console.log(m)): Promise<CesiumBuild> {
  built ??= ensureCesiumBuilt(log);
  return built;
}

export interface CesiumRun {
  opened: OpenedPage;
  page: Page;
  result: CesiumLoadResult;
  /** Statistics after the load (same camera, a few frames later). */
  stats: CesiumStats;
}

/**
 * Opens the CesiumJS page in a new tab and loads one tileset with the given camera; resolves when
 * its tiles are loaded (3 quiet frames). The tab stays open (close `opened.page`) for screenshots.
 */
export async function loadInCesium(
  browser: LaunchedBrowser,
  baseUrl: string,
  tilesetUrl: string,
  view: Omit<BenchView, 'fov'> & { fov?: number },
  options: Partial<CesiumLoadOptions> = {},
): Promise<CesiumRun> {
  await ensureCesiumPage();
  const opened = await browser.openPage(new URL(`${CESIUM_MOUNT}/`, baseUrl).href);
  const { page } = opened;
  await page.waitForFunction(() => typeof window.bench === 'object', undefined, { timeout: 30_000 });
  const result = await page.evaluate(
    ({ url, view, options }) => window.bench.load(url, view, options),
    {
      url: tilesetUrl,
      view: { fov: 60, ...view },
      options: { maximumScreenSpaceError: options.maximumScreenSpaceError ?? 16, timeoutMs: options.timeoutMs ?? 60_000 },
    },
  );
  const stats = await page.evaluate(() => window.bench.stats());
  return { opened, page, result, stats };
}
