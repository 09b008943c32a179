/**
 * `window.twin`, the automation API that kiosk operators and these tests rely on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { useApp, waitIdle } from './harness/twin.ts';

const baseUrl = inject('baseUrl');
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('window.twin', () => {
  const session = useApp();

  it('should expose the app version and be read-only', async () => {
    expect(await session.app.page.evaluate(() => window.twin.version)).toBe(pkg.version);
    const attempts = await session.app.page.evaluate(() => {
      const w = window as unknown as { twin: unknown };
      const before = w.twin;
      try {
        w.twin = {};
      } catch {
        /* strict-mode assignment to a read-only property */
      }
      let mutated = true;
      try {
        (window.twin as unknown as { stats: unknown }).stats = null;
      } catch {
        mutated = false;
      }
      return { replaced: w.twin !== before, mutated: mutated && window.twin.stats === null };
    });
    expect(attempts).toEqual({ replaced: false, mutated: false });
  });

  it('should move the camera with setView and report it back with view(), fov included', async () => {
    const target = { lon: 17.9401, lat: 62.6301, height: 180.5, heading: 123.4, pitch: -27.5, fov: 60 };
    await session.app.page.evaluate((v) => window.twin.setView(v), target);
    const view = await session.app.page.evaluate(() => window.twin.view());
    expect(view.lon).toBeCloseTo(target.lon, 9);
    expect(view.lat).toBeCloseTo(target.lat, 9);
    expect(view.height).toBeCloseTo(target.height, 3);
    expect(view.heading).toBeCloseTo(target.heading, 6);
    expect(view.pitch).toBeCloseTo(target.pitch, 6);
    expect(view.fov).toBeCloseTo(60, 9);
  });

  it('should keep heading and pitch when setView gives only a position, and animate when asked', async () => {
    const before = await session.app.page.evaluate(() => window.twin.view());
    const t0 = Date.now();
    await session.app.page.evaluate(() => window.twin.setView({ lon: 17.935, lat: 62.628, height: 400 }, { duration: 600 }));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(550);
    const after = await session.app.page.evaluate(() => window.twin.view());
    expect(after).toMatchObject({ lon: expect.closeTo(17.935, 9), lat: expect.closeTo(62.628, 9), height: expect.closeTo(400, 3) });
    expect(after.heading).toBeCloseTo(before.heading, 6);
    expect(after.pitch).toBeCloseTo(before.pitch, 6);
  });

  it('should open at ?view=lon,lat,height,heading,pitch', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(new URL('?view=17.936,62.629,250,45,-60', baseUrl).href);
    await page.evaluate(() => window.twin.ready);
    const v = await page.evaluate(() => window.twin.view());
    expect(v).toMatchObject({ lon: expect.closeTo(17.936, 9), lat: expect.closeTo(62.629, 9), height: expect.closeTo(250, 3) });
    expect(v.heading).toBeCloseTo(45, 6);
    expect(v.pitch).toBeCloseTo(-60, 6);
    await page.close();
  });

  it('should add a layer from a bare URL (relative to the scene document), detecting its type, and remove it again', async () => {
    // featureCount counts features in the tiles in view: look at the whole district
    await session.app.page.evaluate(() => window.twin.setView(window.twin.scene()!.viewpoints[0]!));
    const id = await session.app.page.evaluate(() => window.twin.addLayer({ url: '../tiles/harnosand-proposal/tileset.json' }));
    expect(id).toBe('harnosand-proposal');
    await waitIdle(session.app.page);
    const added = (await session.app.page.evaluate(() => window.twin.layers())).find((l) => l.id === id);
    expect(added, JSON.stringify(added)).toMatchObject({ type: 'tiles3d', state: 'ready', featureCount: 14 });
    const second = await session.app.page.evaluate(() => window.twin.addLayer({ type: 'tiles3d', url: '/tiles/harnosand-proposal/tileset.json', name: 'Again' }));
    expect(second).toBe('again');
    expect(await session.app.page.evaluate((i) => window.twin.removeLayer(i), id)).toBe(true);
    expect(await session.app.page.evaluate((i) => window.twin.removeLayer(i), second)).toBe(true);
    expect(await session.app.page.evaluate(() => window.twin.removeLayer('no-such-layer'))).toBe(false);
    expect((await session.app.page.evaluate(() => window.twin.layers())).map((l) => l.id)).toEqual(['ground', 'map-1880', 'buildings', 'today', 'proposal', 'plan']);
  });

  it('should detect a tileset from its content when the URL does not say', async () => {
    const tileset = { asset: { version: '1.1' }, geometricError: 0, root: { boundingVolume: { sphere: [0, 0, 0, 1] }, geometricError: 0 } };
    const url = `data:application/json,${encodeURIComponent(JSON.stringify(tileset))}`;
    const id = await session.app.page.evaluate((u) => window.twin.addLayer({ url: u, id: 'by-content', name: 'By content' }), url);
    expect(id).toBe('by-content');
    expect((await session.app.page.evaluate(() => window.twin.scene()!.layers.at(-1)))?.type).toBe('tiles3d');
    expect(await session.app.page.evaluate(() => window.twin.addLayer({ url: 'data:application/json,{"hello":1}' }).catch((e: Error) => e.message))).toMatch(
      /Could not tell what kind of layer .* is; give its "type"/,
    );
    await session.app.page.evaluate((i) => window.twin.removeLayer(i), id);
  });

  it('should refuse bad layers with a readable reason', async () => {
    const unknownType = await session.app.page.evaluate(() => window.twin.addLayer({ type: 'nope', url: 'x.json' }).catch((e: Error) => e.message));
    expect(unknownType).toMatch(/type: expected a layer type: tiles3d/);
    const badOpacity = await session.app.page.evaluate(() => window.twin.addLayer({ url: 'a/tileset.json', opacity: 3 }).catch((e: Error) => e.message));
    expect(badOpacity).toMatch(/opacity: expected an opacity between 0 and 1, got 3/);
    const duplicate = await session.app.page.evaluate(() => window.twin.addLayer({ id: 'buildings', url: 'a/tileset.json' }).catch((e: Error) => e.message));
    expect(duplicate).toMatch(/already exists/);
  });

  it('should hand out copies of the scene, not the live document', async () => {
    const title = await session.app.page.evaluate(() => {
      const copy = window.twin.scene()!;
      copy.title = 'changed';
      copy.layers.length = 0;
      return window.twin.scene()!.title;
    });
    expect(title).toBe('Härnösand – Sambiblioteket (demo)');
    expect(await session.app.page.evaluate(() => window.twin.layers().length)).toBe(6);
  });

  it('should load another scene by URL', async () => {
    await session.app.page.evaluate(() => window.twin.loadScene('/fixtures/scenes/empty.json'));
    expect(await session.app.page.evaluate(() => window.twin.scene()!.title)).toBe('Empty test scene');
    expect(await session.app.page.evaluate(() => window.twin.layers())).toEqual([]);
    await waitIdle(session.app.page);
    expect((await session.app.page.evaluate(() => window.twin.stats())).tiles).toEqual({ loaded: 0, visible: 0, downloading: 0, failed: 0 });
  });
});
