/**
 * Bad input never takes the app down: a broken tileset, a 404 tile, a truncated glb or an
 * unreachable server puts only that layer into `error`, with a message, while the rest of the
 * scene keeps rendering. An invalid scene document is refused with every issue listed.
 */
import { describe, expect, inject, it } from 'vitest';
import { saveScreenshotForPeople } from './harness/browser.ts';
import { expectCanvasDrawn, expectGeometryAt, shootCanvas, SKY } from './harness/canvas.ts';
import { loadScene, useApp } from './harness/twin.ts';

const baseUrl = inject('baseUrl');
const origin = { lon: 17.9379, lat: 62.6323, height: 28 };
const overview = { id: 'o', name: 'o', lon: 17.9379, lat: 62.6218, height: 760, heading: 0, pitch: -38 };

function brokenScene() {
  return {
    version: 1,
    title: 'Broken layers',
    origin,
    layers: [
      { id: 'buildings', type: 'tiles3d', name: 'Buildings', url: '/tiles/harnosand-buildings/tileset.json' },
      { id: 'broken-json', type: 'tiles3d', name: 'Broken JSON', url: '/fixtures/tiles/broken-json/tileset.json' },
      { id: 'missing-content', type: 'tiles3d', name: 'Missing tile', url: '/fixtures/tiles/missing-content/tileset.json' },
      { id: 'truncated-glb', type: 'tiles3d', name: 'Truncated glb', url: '/fixtures/tiles/truncated-glb/tileset.json' },
      { id: 'no-tileset', type: 'tiles3d', name: 'Missing tileset', url: '/fixtures/tiles/nowhere/tileset.json' },
      { id: 'unreachable', type: 'tiles3d', name: 'Unreachable server', url: 'http://127.0.0.1:9/tileset.json' },
    ],
    viewpoints: [overview],
    startViewpoint: 'o',
  };
}

describe('bad input', () => {
  const session = useApp('?scene=/fixtures/scenes/empty.json');

  it('should put each broken layer into error with a message and keep drawing the others', async () => {
    await loadScene(session.app.page, brokenScene());
    const layers = Object.fromEntries((await session.app.page.evaluate(() => window.twin.layers())).map((l) => [l.id, l]));
    expect(layers.buildings).toMatchObject({ state: 'ready' });
    expect(layers['broken-json']).toMatchObject({ state: 'error', error: expect.stringMatching(/^Could not load the tileset broken-json\/tileset\.json: not valid JSON/) });
    expect(layers['missing-content']).toMatchObject({ state: 'error', error: expect.stringMatching(/1 tile failed to load; first: .*\.glb: HTTP 404 \(not found\)/) });
    expect(layers['truncated-glb']).toMatchObject({ state: 'error', error: expect.stringMatching(/1 tile failed to load; first: .*\.glb: content is truncated or corrupt/) });
    expect(layers['no-tileset']).toMatchObject({ state: 'error', error: expect.stringMatching(/HTTP 404/) });
    expect(layers.unreachable).toMatchObject({ state: 'error', error: expect.stringMatching(/^Could not load the tileset 127\.0\.0\.1:9\/tileset\.json: server unreachable/) });

    const stats = await session.app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles.visible).toBeGreaterThan(0);
    saveScreenshotForPeople('errors-broken-layers', await session.app.page.screenshot());
    // the buildings still draw, over the sky (this scene has no ground plane): the library's roof among them
    const shot = await shootCanvas(session.app.page, 'errors-broken-layers');
    const s = expectCanvasDrawn(shot, { minCoverage: 0.01, minColours: 500 }); // ~5 % of the canvas; a blank one 0
    console.log(`[e2e] errors: canvas alone ${JSON.stringify(s)}`);
    const [library] = (await session.app.page.evaluate(({ lon, lat }) => window.twin.featuresAt(lon, lat), origin)).filter((h) => h.layerId === 'buildings');
    expect(library!.properties.name).toBe('Sambiblioteket');
    expectGeometryAt(shot, [{ name: "the library's roof", at: { ...origin, height: origin.height + (library!.properties.height as number) } }], { unlike: [SKY] });
    expect(session.app.errors.pageErrors).toEqual([]);
  });

  it('should refuse hostile tiles (test/fixtures/hostile) with a clear error on their layer', async () => {
    const page = session.app.page;
    await loadScene(page, {
      ...brokenScene(),
      title: 'Hostile tiles',
      layers: [
        { id: 'buildings', type: 'tiles3d', name: 'Buildings', url: '/tiles/harnosand-buildings/tileset.json' },
        { id: 'lying', type: 'tiles3d', name: 'Lying b3dm header', url: '/fixtures/hostile/lying-b3dm/tileset.json' },
        { id: 'cycle', type: 'tiles3d', name: 'Tilesets in a circle', url: '/fixtures/hostile/tileset-cycle/a.json' },
      ],
    }, 60_000);
    const layers = Object.fromEntries((await page.evaluate(() => window.twin.layers())).map((l) => [l.id, l]));
    expect(layers.buildings).toMatchObject({ state: 'ready' });
    expect(layers.lying).toMatchObject({ state: 'error', error: expect.stringMatching(/1 tile failed to load; first: lying-b3dm\/tile\.b3dm: .*b3dm header says its batch table JSON has 1500000000 bytes, but the tile has only 44/) });
    expect(layers.cycle).toMatchObject({ state: 'error', error: expect.stringMatching(/external tilesets nest more than 16 deep \(the limit/) });
    expect(session.app.errors.pageErrors).toEqual([]);
    await loadScene(page, brokenScene());
  });

  it('should show each layer error as text in the layer panel', async () => {
    const alert = session.app.page.locator('[data-layer-id="missing-content"] .layer-error');
    await expect.poll(() => alert.innerText()).toMatch(/HTTP 404/);
    expect(await session.app.page.locator('.layer-error').count()).toBe(5);
  });

  it('should refuse an invalid scene with the path of each problem, keeping the current scene', async () => {
    const message = await session.app.page.evaluate(() =>
      window.twin
        .loadScene({ version: 1, title: 'Bad', origin: { lon: 17, lat: 62 }, layers: [{ id: 'x', type: 'tiles3d', name: 'X', url: 42 }] })
        .then(
          () => 'accepted',
          (e: Error) => e.message,
        ),
    );
    expect(message).toContain('layers[0].url: expected a URL, got 42');
    const banner = session.app.page.locator('.scene-error');
    await expect.poll(() => banner.innerText()).toContain('layers[0].url: expected a URL, got 42');
    expect((await session.app.page.evaluate(() => window.twin.scene()))!.title).toBe('Broken layers');
    saveScreenshotForPeople('errors-invalid-scene', await session.app.page.screenshot());
    await banner.getByRole('button').click();
    await banner.waitFor({ state: 'detached' });
  });

  it('should never inject text from data as HTML', async () => {
    await loadScene(session.app.page, {
      version: 1,
      title: '<img src=x onerror="window.__pwned=1">',
      origin,
      layers: [{ id: 'evil', type: 'tiles3d', name: '<b onclick="window.__pwned=1">bold</b>', url: '/fixtures/tiles/nowhere/tileset.json' }],
    });
    expect(await session.app.page.locator('h1').innerText()).toBe('<img src=x onerror="window.__pwned=1">');
    expect(await session.app.page.locator('[data-layer-id="evil"] .layer-name').innerText()).toBe('<b onclick="window.__pwned=1">bold</b>');
    expect(await session.app.page.locator('.app img, .app b').count()).toBe(0);
    expect(await session.app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('should report a scene URL that does not exist, and reject twin.ready', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(new URL('?scene=/fixtures/scenes/absent.json', baseUrl).href);
    const outcome = await page.evaluate(() => window.twin.ready.then(() => 'resolved', (e: Error) => e.message));
    expect(outcome).toMatch(/absent\.json: HTTP 404/);
    await expect.poll(() => page.locator('.scene-error').innerText(), { timeout: 10_000 }).toMatch(/HTTP 404/);
    await page.close();
  });
});
