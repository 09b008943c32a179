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
 * Screenshots: the canvas alone, examined (test-results/buildings-{overview,close}-canvas.png);
 * for people only (test-results/for-people/): buildings-overview.png, buildings-close.png (ours)
 * and buildings-cesium.png (CesiumJS, whose tile counts are checked instead).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { convertBuildings, type BuildingsResult } from '../../tools/buildings/convert.ts';
import { writeSyntheticFootprints, type SyntheticResult } from '../../tools/buildings/synthetic.ts';
import { REPO_ROOT } from '../../tools/server/staleness.ts';
import { launchBrowser, saveScreenshotForPeople, type LaunchedBrowser, type OpenedPage } from './harness/browser.ts';
import { expectCanvasDrawn, expectGeometryAt, shootCanvas, SKY, type Probe } from './harness/canvas.ts';
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

/**
 * Points inside the `count` largest footprints that have a height, at half that height: from
 * above, such a point projects onto its own building (or one in front of it), never onto sky.
 */
function insideBuildings(features: InputFeature[], skip: string[], count: number): Probe[] {
  const k = 111_320 * Math.cos((62.63 * Math.PI) / 180);
  const sized = features
    .filter((f) => !skip.includes(f.id) && typeof f.properties.height === 'number' && !f.properties.name)
    .map((f) => {
      const ring = (f.geometry.coordinates[0] as [number, number][]).slice(0, -1);
      let area = 0;
      for (let i = 0; i < ring.length; i++) {
        const [a, b] = [ring[i]!, ring[(i + 1) % ring.length]!];
        area += (a[0] * b[1] - b[0] * a[1]) * k * 110_570;
      }
      const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      return { f, area: Math.abs(area) / 2, at: { lon, lat, height: (f.properties.height as number) / 2 } };
    })
    .filter((x) => x.f.geometry.type === 'Polygon' && (x.f.geometry.coordinates[0] as unknown[]).length === 5) // rectangles: the vertex mean is inside
    .sort((a, b) => b.area - a.area);
  return sized.slice(0, count).map((x) => ({ name: `building ${x.f.id}`, at: x.at }));
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
    saveScreenshotForPeople('buildings-overview', await app.page.screenshot());
    const shot = await shootCanvas(app.page, 'buildings-overview');
    expectCanvasDrawn(shot, { minCoverage: 0.01, minColours: 200 }); // ~5 % of the canvas; a blank one 0
    const fc = JSON.parse(readFileSync(join(OUT, 'input.geojson'), 'utf8')) as { features: InputFeature[] };
    expectGeometryAt(shot, insideBuildings(fc.features, input.invalidIds, 6), { unlike: [SKY], radius: 1 });
    expect(app.errors.pageErrors).toEqual([]);
    expect(app.errors.failedRequests).toEqual([]);
    expect(app.errors.badResponses).toEqual([]);
  });

  it('should return a building with its properties where its footprint is, and draw it there close up', async () => {
    const fc = JSON.parse(readFileSync(join(OUT, 'input.geojson'), 'utf8')) as { features: InputFeature[] };
    // a civic block (with a courtyard) and a plain building with a height attribute
    const civic = fc.features.find((f) => f.properties.name && !input.invalidIds.includes(f.id))!;
    const plain = fc.features.find((f, i) => i > 200 && typeof f.properties.height === 'number' && !f.properties.name && !input.invalidIds.includes(f.id))!;
    const inside = new Map<string, { lon: number; lat: number }>();
    for (const f of [plain, civic]) {
      const outer = (f.geometry.coordinates[0] as [number, number][]).slice(0, -1);
      // a point inside the roof: between the outer ring's first vertex and the opposite one, near the first
      const a = outer[0]!;
      const c = outer[Math.floor(outer.length / 2)]!;
      const at = { lon: a[0] + (c[0] - a[0]) * 0.2, lat: a[1] + (c[1] - a[1]) * 0.2 };
      inside.set(f.id, at);
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
    saveScreenshotForPeople('buildings-close', await app.page.screenshot());
    // inside the civic block where featuresAt found it, 2 m up: the block is drawn over that point
    const shot = await shootCanvas(app.page, 'buildings-close');
    expectGeometryAt(shot, [{ name: `the civic block ${civic.id}`, at: { ...inside.get(civic.id)!, height: 2 } }], { unlike: [SKY] });
    expect(app.errors.pageErrors).toEqual([]);
  });

  it('should load the same tiles in CesiumJS, with no failure', async () => {
    const cesium = await loadInCesium(browser, baseUrl, tilesetUrl, view, { maximumScreenSpaceError: ERROR_TARGET, timeoutMs: 60_000 });
    try {
      saveScreenshotForPeople('buildings-cesium', await cesium.page.screenshot());
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
