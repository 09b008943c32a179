/**
 * End to end: synthetic footprints near Härnösand → `buildings` → 3D Tiles 1.1, loaded in our
 * viewer (through `window.twin`) and in CesiumJS 1.145 as an independent client.
 *
 * The input (500 footprints, 5 of them broken on purpose) and the tileset are generated in
 * beforeAll into test/fixtures/.generated/buildings/ (gitignored; served at
 * /fixtures/.generated/). The whole dataset is viewed at a screen-space error target of
 * 0.01 px, so that every tile with content loads in both viewers: both must load exactly the
 * tiles with content that tileset.json lists, with no failure.
 *
 * Screenshots (test-results/): buildings-overview.png, buildings-close.png (ours),
 * buildings-cesium.png (CesiumJS).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { convertBuildings, type BuildingsResult } from '../../tools/buildings/convert.ts';
import { writeSyntheticFootprints, type SyntheticResult } from '../../tools/buildings/synthetic.ts';
import { REPO_ROOT } from '../../tools/server/staleness.ts';
import { launchBrowser, saveScreenshot, screenshotStats, type LaunchedBrowser, type OpenedPage } from './harness/browser.ts';
import { ensureCesiumPage, loadInCesium } from './harness/cesium.ts';
import { loadScene, openApp, tilesetCentre, viewLookingAt } from './harness/twin.ts';

const baseUrl = inject('baseUrl');
const fixturesUrl = inject('fixturesUrl');
const OUT = join(REPO_ROOT, 'test', 'fixtures', '.generated', 'buildings');
const ERROR_TARGET = 0.01;
const FOV = 60;

interface TileJson {
  boundingVolume: { box: number[] };
  transform?: number[];
  content?: { uri: string };
  contents?: { uri: string }[];
  children?: TileJson[];
}

function contentTiles(t: TileJson): number {
  return (t.content || t.contents ? 1 : 0) + (t.children ?? []).reduce((n, c) => n + contentTiles(c), 0);
}

interface InputFeature {
  id: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown[] };
}

describe('buildings: synthetic footprints in our viewer and in CesiumJS', () => {
  let browser: LaunchedBrowser;
  let app: OpenedPage;
  let input: SyntheticResult;
  let result: BuildingsResult;
  let tileset: { root: TileJson };
  let tilesetUrl: string;
  let view: ReturnType<typeof viewLookingAt> & { fov: number };

  beforeAll(async () => {
    const cesium = ensureCesiumPage();
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    input = writeSyntheticFootprints(join(OUT, 'input.geojson'), { count: 500, lon: 17.94, lat: 62.63, invalidEvery: 100 });
    result = await convertBuildings({ input: join(OUT, 'input.geojson'), outDir: join(OUT, 'tiles'), maxPerTile: 60 });
    tileset = JSON.parse(readFileSync(join(OUT, 'tiles', 'tileset.json'), 'utf8')) as { root: TileJson };
    tilesetUrl = new URL('.generated/buildings/tiles/tileset.json', fixturesUrl).href;
    const centre = tilesetCentre(tileset as Parameters<typeof tilesetCentre>[0]);
    view = { ...viewLookingAt({ ...centre, height: 0 }, centre.radius * 1.2), fov: FOV };
    browser = await launchBrowser();
    app = await openApp(browser, baseUrl, '?scene=/fixtures/scenes/empty.json');
    await cesium;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('should convert every valid footprint and report the broken ones', () => {
    expect(result.features).toEqual({ read: 500, written: 495, skipped: 5 });
    expect(result.skippedSample.map((s) => s.id)).toEqual(input.invalidIds);
    expect(result.tiles.contents).toBeGreaterThan(4);
    expect(contentTiles(tileset.root)).toBe(result.tiles.contents);
  });

  it('should load every tile in our viewer with every building, and draw them', async () => {
    await loadScene(app.page, {
      version: 1,
      title: 'buildings e2e (synthetic)',
      origin: { lon: result.origin.lon, lat: result.origin.lat, height: 0 },
      layers: [{ id: 'buildings', type: 'tiles3d', name: 'Synthetic buildings', url: tilesetUrl, errorTarget: ERROR_TARGET }],
      viewpoints: [{ id: 'all', name: 'all', ...view }],
      startViewpoint: 'all',
    });
    const [layer] = await app.page.evaluate(() => window.twin.layers());
    expect(layer, JSON.stringify(layer)).toMatchObject({ id: 'buildings', state: 'ready' });
    expect(layer!.featureCount).toBe(495);
    const stats = await app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles.failed).toBe(0);
    expect(stats.tiles.visible).toBeGreaterThan(0);
    expect(stats.tiles.loaded).toBe(result.tiles.contents);
    expect(stats.triangles).toBeGreaterThan(495 * 10);
    const png = await app.page.screenshot();
    saveScreenshot('buildings-overview', png);
    const s = screenshotStats(png);
    expect(s.variance).toBeGreaterThan(20);
    expect(app.errors.pageErrors).toEqual([]);
    expect(app.errors.failedRequests).toEqual([]);
    expect(app.errors.badResponses).toEqual([]);
  });

  it('should return a building with its properties where its footprint is', async () => {
    const fc = JSON.parse(readFileSync(join(OUT, 'input.geojson'), 'utf8')) as { features: InputFeature[] };
    // a civic block (with a courtyard) and a plain building with a height attribute
    const civic = fc.features.find((f) => f.properties.name && !input.invalidIds.includes(f.id))!;
    const plain = fc.features.find((f, i) => i > 200 && typeof f.properties.height === 'number' && !f.properties.name && !input.invalidIds.includes(f.id))!;
    for (const f of [plain, civic]) {
      const outer = (f.geometry.coordinates[0] as [number, number][]).slice(0, -1);
      // a point inside the roof: between the outer ring's first vertex and the opposite one, near the first
      const a = outer[0]!;
      const c = outer[Math.floor(outer.length / 2)]!;
      const at = { lon: a[0] + (c[0] - a[0]) * 0.2, lat: a[1] + (c[1] - a[1]) * 0.2 };
      const hits = await app.page.evaluate(({ lon, lat }) => window.twin.featuresAt(lon, lat), at);
      expect(hits[0]?.layerId, `${f.id} at ${at.lon}, ${at.lat}`).toBe('buildings');
      expect(hits[0]!.properties).toMatchObject({ id: f.id, twin_id: f.id, use: f.properties.use, year: f.properties.year });
      if (typeof f.properties.height === 'number') {
        expect(hits[0]!.properties).toMatchObject({ height: f.properties.height, twin_height: f.properties.height, twin_height_source: 'height' });
      }
    }
    // close up on the civic block
    const outer = civic.geometry.coordinates[0] as [number, number][];
    const close = viewLookingAt({ lon: outer[0]![0], lat: outer[0]![1], height: 0 }, 90);
    await app.page.evaluate((v) => window.twin.setView(v), { ...close, fov: FOV });
    await app.page.evaluate(() => window.twin.idle());
    saveScreenshot('buildings-close', await app.page.screenshot());
    expect(app.errors.pageErrors).toEqual([]);
  });

  it('should load the same tiles in CesiumJS, with no failure', async () => {
    const cesium = await loadInCesium(browser, baseUrl, tilesetUrl, view, { maximumScreenSpaceError: ERROR_TARGET, timeoutMs: 60_000 });
    try {
      saveScreenshot('buildings-cesium', await cesium.page.screenshot());
      expect(cesium.result.atLoad.failed).toBe(0);
      expect(cesium.stats.failed).toBe(0);
      expect(cesium.result.atLoad.tilesLoaded).toBe(result.tiles.contents);
      expect(cesium.opened.errors.pageErrors).toEqual([]);
      expect(cesium.opened.errors.badResponses).toEqual([]);
    } finally {
      await cesium.page.close();
    }
  });
});
