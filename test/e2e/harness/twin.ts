/**
 * Helpers to drive the app through `window.twin` in a page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { TwinApi } from '../../../src/app/twin-api.ts';
import { eastNorthUpToEcef, ecefToGeodetic } from '../../../src/geo/index.ts';
import { launchBrowser, type LaunchedBrowser, type OpenedPage } from './browser.ts';

declare global {
  interface Window {
    twin: TwinApi;
  }
}

/** Opens the app at `baseUrl + query` and waits for `twin.ready` and `twin.idle()`. */
export async function openApp(browser: LaunchedBrowser, baseUrl: string, query = '', idleTimeoutMs = 90_000): Promise<OpenedPage> {
  const opened = await browser.openPage(new URL(query, baseUrl).href);
  await opened.page.waitForFunction(() => typeof window.twin === 'object');
  await opened.page.evaluate(() => window.twin.ready);
  await waitIdle(opened.page, idleTimeoutMs);
  return opened;
}

/** Waits for `twin.idle()`, failing with the layer states after `timeoutMs`. */
export async function waitIdle(page: Page, timeoutMs = 90_000): Promise<void> {
  const ok = await page.evaluate(
    (ms) => Promise.race([window.twin.idle().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]),
    timeoutMs,
  );
  if (!ok) {
    const layers = await page.evaluate(() => window.twin.layers());
    throw new Error(`twin.idle() did not resolve in ${timeoutMs} ms; layers: ${JSON.stringify(layers)}`);
  }
}

/** Loads a scene document (or URL) in the page and waits until idle. */
export async function loadScene(page: Page, scene: object | string, timeoutMs = 90_000): Promise<void> {
  await page.evaluate((s) => window.twin.loadScene(s), scene);
  await waitIdle(page, timeoutMs);
}

/** Geodetic centre and radius (metres) of a tileset's root bounding volume (JSON as in the spec). */
export function tilesetCentre(tileset: { root: { transform?: number[]; boundingVolume: Record<string, number[]> } }): {
  lon: number;
  lat: number;
  height: number;
  radius: number;
} {
  const bv = tileset.root.boundingVolume;
  if (bv.region) {
    const [w, s, e, n, h0, h1] = bv.region as [number, number, number, number, number, number];
    const deg = 180 / Math.PI;
    const radius = Math.hypot((e - w) * 6_371_000 * Math.cos((s + n) / 2), (n - s) * 6_371_000) / 2;
    return { lon: ((w + e) / 2) * deg, lat: ((s + n) / 2) * deg, height: (h0 + h1) / 2, radius };
  }
  const t = tileset.root.transform ?? [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
  let c: number[];
  let radius: number;
  if (bv.box) {
    const b = bv.box;
    c = b.slice(0, 3);
    radius = Math.hypot(...b.slice(3, 6)) + Math.hypot(...b.slice(6, 9)) + Math.hypot(...b.slice(9, 12));
  } else {
    const sp = bv.sphere!;
    c = sp.slice(0, 3);
    radius = sp[3]!;
  }
  const x = t[0]! * c[0]! + t[4]! * c[1]! + t[8]! * c[2]! + t[12]!;
  const y = t[1]! * c[0]! + t[5]! * c[1]! + t[9]! * c[2]! + t[13]!;
  const z = t[2]! * c[0]! + t[6]! * c[1]! + t[10]! * c[2]! + t[14]!;
  const [lon, lat, height] = ecefToGeodetic(x, y, z);
  return { lon, lat, height, radius };
}

/** A view `distance` metres south of a point and `distance·0.8` above it, looking north and down at it. */
export function viewLookingAt(p: { lon: number; lat: number; height: number }, distance: number) {
  const enu = eastNorthUpToEcef({ lon: p.lon, lat: p.lat, height: p.height });
  const north = [enu[4]!, enu[5]!, enu[6]!];
  const up = [enu[8]!, enu[9]!, enu[10]!];
  const up2 = distance * 0.8;
  const cam = [0, 1, 2].map((i) => enu[12 + i]! - north[i]! * distance + up[i]! * up2) as [number, number, number];
  const [lon, lat, height] = ecefToGeodetic(...cam);
  const pitch = -Math.atan2(up2, distance) * (180 / Math.PI);
  return { lon, lat, height, heading: 0, pitch };
}

/**
 * One browser with the app open, shared by the tests of a `describe` block: launched and
 * opened (at `baseUrl + query`, waiting for ready and idle) in `beforeAll`, closed in
 * `afterAll`. Read `.browser` and `.app` inside tests. `viewport` (CSS px) defaults to the
 * desktop's 1280×800; a smaller one makes every SwiftShader frame cheaper where the size is
 * not the point of the tests.
 */
export function useApp(query = '', opts: { viewport?: { width: number; height: number } } = {}): { readonly browser: LaunchedBrowser; readonly app: OpenedPage } {
  let browser: LaunchedBrowser | undefined;
  let app: OpenedPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(opts.viewport ? { viewport: opts.viewport } : {});
    app = await openApp(browser, inject('baseUrl'), query);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('useApp: the browser is not open (used outside a test?)');
      return browser;
    },
    get app() {
      if (!app) throw new Error('useApp: the app is not open (used outside a test?)');
      return app;
    },
  };
}
