/**
 * The load lifecycle in the real app: a good scene after a failed first one (setView, idle and
 * enterXR on an emulated Quest 3), overlapping loadScene calls answered out of order (the
 * responses are held back by the test, so the first-issued call finishes last), a plan whose
 * drawing fails after it was read, and a plan draped on ground 20 m above its ground height,
 * tapped at an oblique angle.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { eastNorthUpToEcef, ecefToGeodetic } from '../../src/geo/index.ts';
import { launchBrowser, saveScreenshot, type LaunchedBrowser } from './harness/browser.ts';
import { waitIdle } from './harness/twin.ts';
import { xrFrames } from './harness/xr.ts';

const baseUrl = inject('baseUrl');
const ORIGIN = { lon: 17.9379, lat: 62.6323, height: 28 };

function groundScene(title: string, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    title,
    origin: ORIGIN,
    ground: { colour: '#9a9a9a' },
    layers: [{ id: 'ground', type: 'tiles3d', name: 'Mark', url: '/tiles/harnosand-ground/tileset.json', pickable: false }],
    viewpoints: [{ id: 'start', name: 'Start', lon: 17.9379, lat: 62.6263, height: 420, heading: 0, pitch: -45 }],
    startViewpoint: 'start',
    ...extra,
  };
}

/** A response the test releases when it wants; `asked` resolves when the page has requested it. */
function heldResponse(body: unknown): { handler: (route: Route) => Promise<void>; asked: Promise<void>; release(): void } {
  let release!: () => void;
  let onAsked!: () => void;
  const open = new Promise<void>((r) => (release = r));
  const asked = new Promise<void>((r) => (onAsked = r));
  return {
    asked,
    release,
    handler: async (route) => {
      onAsked();
      await open;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    },
  };
}

async function openBare(browser: LaunchedBrowser, query: string): Promise<Page> {
  const { page } = await browser.openPage(new URL(query, baseUrl).href);
  await page.waitForFunction(() => typeof window.twin === 'object');
  return page;
}

describe('the load lifecycle', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should let setView, idle and enterXR follow a good scene loaded after a failed first one (emulated Quest 3)', async () => {
    const opened = await browser.openPage(new URL('?emulate=quest3&xrAdaptive=0&scene=/fixtures/scenes/absent.json', baseUrl).href);
    const { page } = opened;
    try {
      await page.waitForFunction(() => typeof window.twin === 'object');
      expect(await page.evaluate(() => window.twin.ready.then(() => 'resolved', (e: Error) => e.message))).toMatch(/absent\.json: HTTP 404/);
      await page.evaluate((s) => window.twin.loadScene(s), groundScene('Good after bad'));
      await page.evaluate(() => window.twin.setView({ lon: 17.9379, lat: 62.628, height: 300, heading: 10, pitch: -40 }));
      const view = await page.evaluate(() => window.twin.view());
      expect(view).toMatchObject({ lon: expect.closeTo(17.9379, 7), lat: expect.closeTo(62.628, 7), height: expect.closeTo(300, 2), heading: expect.closeTo(10, 4) });
      await waitIdle(page, 60_000);
      expect(await page.evaluate(() => window.twin.layers())).toEqual([expect.objectContaining({ id: 'ground', state: 'ready' })]);
      await page.evaluate(() => window.twin.enterXR());
      await xrFrames(page, 3);
      expect(await page.evaluate(() => window.twin.xr())).toMatchObject({ presenting: true, mode: 'immersive-vr' });
      saveScreenshot('lifecycle-xr-after-failed-first-scene', await page.screenshot());
      await page.evaluate(() => window.twin.exitXR());
      expect((await page.evaluate(() => window.twin.xr())).presenting).toBe(false);
      // twin.ready keeps its meaning: the first scene, which failed
      expect(await page.evaluate(() => window.twin.ready.then(() => 'resolved', () => 'rejected'))).toBe('rejected');
      expect(opened.errors.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('should show the latest loadScene when the first-issued one finishes last, with an addLayer issued meanwhile on the new scene', async () => {
    const page = await openBare(browser, '?scene=/fixtures/scenes/empty.json');
    try {
      await page.evaluate(() => window.twin.ready);
      const a = heldResponse(groundScene('Scene A', { viewpoints: [{ id: 'start', name: 'A', lon: 17.93, lat: 62.62, height: 900, heading: 90, pitch: -60 }] }));
      const b = heldResponse(groundScene('Scene B'));
      await page.route('**/lifecycle/a.json', a.handler);
      await page.route('**/lifecycle/b.json', b.handler);
      const outcomeA = page.evaluate(() => window.twin.loadScene('/lifecycle/a.json').then(() => 'resolved', (e: Error) => `${e.name}: ${e.message}`));
      await a.asked;
      const outcomeB = page.evaluate(() => window.twin.loadScene('/lifecycle/b.json').then(() => 'resolved', (e: Error) => `${e.name}: ${e.message}`));
      await b.asked;
      // issued while B loads: it belongs to B
      const added = page.evaluate(() => window.twin.addLayer({ url: '/tiles/harnosand-proposal/tileset.json' }).catch((e: Error) => `rejected: ${e.message}`));
      b.release();
      expect(await outcomeB).toBe('resolved');
      expect(await added).toBe('harnosand-proposal');
      a.release();
      expect(await outcomeA).toMatch(/^AbortError: loadScene\(\/lifecycle\/a\.json\) was replaced by a later loadScene call/);
      await page.evaluate(() => window.twin.sceneReady());
      await waitIdle(page, 60_000);
      const scene = await page.evaluate(() => window.twin.scene()!);
      expect(scene.title).toBe('Scene B');
      expect(scene.layers.map((l) => l.id)).toEqual(['ground', 'harnosand-proposal']);
      const view = await page.evaluate(() => window.twin.view());
      expect(view).toMatchObject({ lat: expect.closeTo(62.6263, 6), height: expect.closeTo(420, 1), pitch: expect.closeTo(-45, 4) });
      expect(await page.locator('h1').innerText()).toBe('Scene B');
      expect(await page.locator('.scene-error').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('should put a plan whose drawing fails after it was read into error, and let idle() resolve', async () => {
    const page = await openBare(browser, '?scene=/fixtures/scenes/empty.json');
    try {
      await page.evaluate(() => window.twin.ready);
      // the label atlas is the first thing drawn on the main thread after the worker's reply:
      // make its canvas fail as an out-of-memory canvas would
      await page.evaluate(() => {
        CanvasRenderingContext2D.prototype.strokeText = () => {
          throw new RangeError('the label atlas could not be allocated');
        };
      });
      const planLayer = { id: 'plan', type: 'zoning', name: 'Detaljplan', url: '/plans/harnosand-sundsbryggan.json', groundHeight: 28 };
      await page.evaluate((s) => window.twin.loadScene(s), groundScene('Plan that cannot be drawn', { layers: [planLayer] }));
      await waitIdle(page, 30_000);
      const [layer] = await page.evaluate(() => window.twin.layers());
      expect(layer).toMatchObject({ id: 'plan', state: 'error', error: expect.stringMatching(/^The plan was read but could not be drawn: the label atlas could not be allocated/) });
      expect(await page.locator('[data-layer-id="plan"] .layer-error').innerText()).toMatch(/could not be drawn/);
      // nothing half-built is left to pick
      expect(await page.evaluate(() => window.twin.featuresAt(17.9379, 62.6323))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('should pick a plan draped on ground 20 m above its ground height where the ray meets that ground, at −30°', async () => {
    const opened = await browser.openPage(new URL('?scene=/fixtures/scenes/empty.json&lang=sv', baseUrl).href);
    const { page } = opened;
    try {
      await page.evaluate(() => window.twin.ready);
      const raised = groundScene('Raised ground', {
        layers: [
          { id: 'ground', type: 'tiles3d', name: 'Mark', url: '/tiles/harnosand-ground/tileset.json', pickable: false, heightOffset: 20 },
          { id: 'plan', type: 'zoning', name: 'Detaljplan', url: '/plans/harnosand-sundsbryggan.json', groundHeight: 28, drapeRange: 25 },
        ],
      });
      await page.evaluate((s) => window.twin.loadScene(s), raised);
      await waitIdle(page, 60_000);
      // a point whose regulations differ from those 20 m / tan 30° = 34.6 m further north
      // (where a ray at −30° would meet a flat surface at the plan's ground height), each
      // the same 4 m around, so that no rounding decides
      const shift = 20 / Math.tan(Math.PI / 6);
      const found = await page.evaluate((northShift) => {
        const texts = (lon: number, lat: number) =>
          window.twin
            .featuresAt(lon, lat)
            .filter((f) => f.layerId === 'plan' && f.properties.kind !== 'detaljplan')
            .map((f) => String(f.properties.bestammelseformulering))
            .sort()
            .join('\u0001');
        const mLat = 1 / 111_320;
        const mLon = 1 / (111_320 * Math.cos((62.6323 * Math.PI) / 180));
        const steady = (lon: number, lat: number) => {
          const t = texts(lon, lat);
          return t !== '' && [[4, 0], [-4, 0], [0, 4], [0, -4]].every(([e, n]) => texts(lon + e! * mLon, lat + n! * mLat) === t) ? t : null;
        };
        for (let n = -300; n <= 300; n += 6) {
          for (let e = -300; e <= 300; e += 6) {
            const lon = 17.9379 + e * mLon;
            const lat = 62.6323 + n * mLat;
            const here = steady(lon, lat);
            const there = here && steady(lon, lat + northShift * mLat);
            if (here && there && here !== there) return { lon, lat, here: here.split('\u0001'), there: there.split('\u0001') };
          }
        }
        return null;
      }, shift);
      expect(found, 'a point with other regulations 34.6 m north').not.toBeNull();
      // the camera 120 m from the point along the view, looking north 30° down
      const enu = eastNorthUpToEcef({ lon: found!.lon, lat: found!.lat, height: 48 });
      const d = 120;
      const cam = [0, 1, 2].map((i) => enu[12 + i]! - enu[4 + i]! * d * Math.cos(Math.PI / 6) + enu[8 + i]! * d * Math.sin(Math.PI / 6)) as [number, number, number];
      const [lon, lat, height] = ecefToGeodetic(...cam);
      await page.evaluate((v) => window.twin.setView(v), { lon, lat, height, heading: 0, pitch: -30 });
      await waitIdle(page, 60_000);
      const { w, h } = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
      await page.mouse.click(w / 2, h / 2);
      const panel = page.getByTestId('zoning-info');
      await panel.waitFor();
      const text = await panel.innerText();
      saveScreenshot('lifecycle-raised-ground-pick', await page.screenshot());
      for (const t of found!.here) expect(text, `${t} applies at the point the ray meets the ground`).toContain(t);
      for (const t of found!.there.filter((x) => !found!.here.includes(x))) expect(text, `${t} applies 34.6 m further on only`).not.toContain(t);
      expect(opened.errors.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
