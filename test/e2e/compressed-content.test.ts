/**
 * Draco geometry and KTX2 (Basis Universal) textures, end to end: the committed fixture
 * test/fixtures/tiles/compressed/ (tools/fixtures/compressed-tileset.ts) holds a magenta
 * Draco-compressed box and a box textured with a green/blue checker in KTX2. The app must fetch
 * its decoders from its own /decoders/ folder (never a CDN), decode both, and draw them.
 */
import { PNG } from 'pngjs';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, saveScreenshot, type LaunchedBrowser, type OpenedPage } from './harness/browser.ts';
import { loadScene, openApp, viewLookingAt } from './harness/twin.ts';

const baseUrl = inject('baseUrl');
const fixturesUrl = inject('fixturesUrl');
const appOrigin = new URL(baseUrl).origin;

/** The fixture's ENU origin (ground level); the boxes stand 20 m west and 20 m east of it. */
const ORIGIN = { lon: 17.9379, lat: 62.6323, height: 28 };

function scene() {
  const view = viewLookingAt({ ...ORIGIN, height: ORIGIN.height + 10 }, 60);
  return {
    version: 1,
    title: 'Compressed content (Draco + KTX2)',
    origin: ORIGIN,
    layers: [{ id: 'compressed', type: 'tiles3d', name: 'Draco + KTX2', url: new URL('tiles/compressed/tileset.json', fixturesUrl).href }],
    viewpoints: [{ id: 'v', name: 'Both boxes', ...view }],
    startViewpoint: 'v',
  };
}

/**
 * Pixels of a vivid magenta, green or blue, told apart by which channels dominate. The renderer's
 * tone mapping shifts the fixture's pure colours (here magenta → ≈(247, 40, 228), green →
 * ≈(147, 228, 89), blue → ≈(0, 0, 227)), so exact matches would be brittle; the sky, the ground,
 * the UI and antialiased edges fall in none of the classes.
 */
function countColours(png: Buffer): { magenta: number; green: number; blue: number; total: number } {
  const img = PNG.sync.read(png);
  const out = { magenta: 0, green: 0, blue: 0, total: img.width * img.height };
  for (let o = 0; o < img.data.length; o += 4) {
    const r = img.data[o]!;
    const g = img.data[o + 1]!;
    const b = img.data[o + 2]!;
    if (r >= 150 && b >= 150 && g <= 0.5 * Math.min(r, b)) out.magenta++;
    else if (g >= 150 && g - Math.max(r, b) >= 60) out.green++;
    else if (b >= 150 && b - Math.max(r, g) >= 100) out.blue++;
  }
  return out;
}

describe('compressed tile content (Draco geometry, KTX2/Basis textures)', () => {
  let browser: LaunchedBrowser;
  let app: OpenedPage;
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // every request of every page and worker, from the very first navigation on
    browser.context.on('request', (req: Request) => requests.push(req.url()));
    app = await openApp(browser, baseUrl, '?scene=/fixtures/scenes/empty.json');
    await loadScene(app.page, scene());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should load the tileset with no failed tile', async () => {
    const [layer] = await app.page.evaluate(() => window.twin.layers());
    expect(layer, JSON.stringify(layer)).toMatchObject({ id: 'compressed', type: 'tiles3d', state: 'ready' });
    expect(layer!.error).toBeUndefined();
    const stats = await app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles.failed).toBe(0);
    expect(stats.tiles.loaded).toBeGreaterThanOrEqual(2);
    expect(stats.tiles.visible).toBeGreaterThanOrEqual(2);
    expect(stats.textures).toBeGreaterThan(0);
    expect(app.errors.pageErrors).toEqual([]);
  });

  it('should fetch the Draco and Basis decoders from the app itself', () => {
    const decoderRequests = requests.filter((u) => u.startsWith(appOrigin) && new URL(u).pathname.startsWith('/decoders/'));
    expect(decoderRequests.some((u) => new URL(u).pathname.startsWith('/decoders/draco/')), decoderRequests.join('\n')).toBe(true);
    expect(decoderRequests.some((u) => new URL(u).pathname.startsWith('/decoders/basis/')), decoderRequests.join('\n')).toBe(true);
    expect(requests.some((u) => u.endsWith('/tiles/compressed/draco.glb'))).toBe(true);
    expect(requests.some((u) => u.endsWith('/tiles/compressed/ktx2.glb'))).toBe(true);

    const failedDecoders = [...app.errors.failedRequests, ...app.errors.badResponses].filter((l) => l.includes('/decoders/'));
    expect(failedDecoders).toEqual([]);
    expect(app.problems()).toEqual([]);
  });

  it('should make no request outside the app server (no CDN)', () => {
    const offsite = requests.filter((u) => /^(https?|wss?):/i.test(u) && new URL(u).origin !== appOrigin);
    expect(offsite).toEqual([]);
  });

  it('should draw the magenta Draco box and the green/blue KTX2 checker', async () => {
    const png = await app.page.screenshot();
    const file = saveScreenshot('compressed-content', png);
    const c = countColours(png);
    const msg = `${file}: ${JSON.stringify(c)}`;
    // each box covers tens of thousands of pixels at this distance; ask for a solid share of that
    expect(c.magenta, msg).toBeGreaterThan(5_000);
    expect(c.green, msg).toBeGreaterThan(2_000);
    expect(c.blue, msg).toBeGreaterThan(2_000);
    // a checker, not a blend: both colours, in comparable amounts
    expect(Math.min(c.green, c.blue) / Math.max(c.green, c.blue), msg).toBeGreaterThan(0.3);
  });
});

describe('compressed tile content when a decoder cannot be had', () => {
  let browser: LaunchedBrowser;
  let app: OpenedPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    // the Basis transcoder is unreachable: KTX2 textures cannot be decoded
    await browser.context.route('**/decoders/basis/**', (route) => route.abort());
    app = await openApp(browser, baseUrl, '?scene=/fixtures/scenes/empty.json');
    await loadScene(app.page, scene());
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should put the layer into error naming the undecodable texture, and still draw the Draco box', async () => {
    const [layer] = await app.page.evaluate(() => window.twin.layers());
    expect(layer, JSON.stringify(layer)).toMatchObject({ state: 'error', error: expect.stringMatching(/a KTX2 texture could not be decoded/) });
    const counts = countColours(await app.page.screenshot());
    expect(counts.magenta).toBeGreaterThan(counts.total * 0.01);
    expect(app.errors.pageErrors).toEqual([]);
  });
});
