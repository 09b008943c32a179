/**
 * Tile formats beyond the demo's glb: composite (cmpt) tiles, and old content seen in the
 * wild (a b3dm with the deprecated header layout).
 */
import { describe, expect, inject, it } from 'vitest';
import { saveScreenshot, screenshotStats } from './harness/browser.ts';
import { loadScene, useApp } from './harness/twin.ts';

const baseUrl = inject('baseUrl');

describe('content formats', () => {
  const session = useApp('?scene=/fixtures/scenes/empty.json');

  it('should load a b3dm with the legacy 20-byte header and draw it', async () => {
    await loadScene(session.app.page, {
      version: 1,
      title: 'Legacy b3dm',
      origin: { lon: 17.9379, lat: 62.6323, height: 28 },
      layers: [{ id: 'legacy', type: 'tiles3d', name: 'Legacy b3dm', url: '/fixtures/tiles/legacy-b3dm/tileset.json' }],
      viewpoints: [{ id: 'v', name: 'v', lon: 17.9355, lat: 62.6290, height: 200, heading: 25, pitch: -35 }],
      startViewpoint: 'v',
    });
    const [layer] = await session.app.page.evaluate(() => window.twin.layers());
    expect(layer, JSON.stringify(layer)).toMatchObject({ state: 'ready' });
    const stats = await session.app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles).toMatchObject({ loaded: 1, failed: 0 });
    expect(stats.triangles).toBeGreaterThan(100);
    const png = await session.app.page.screenshot();
    saveScreenshot('legacy-b3dm', png);
    expect(screenshotStats(png).variance).toBeGreaterThan(50);
    expect(session.app.errors.pageErrors).toEqual([]);
  });

  it('should load a composite (cmpt) tile and draw every inner tile', async () => {
    await loadScene(session.app.page, {
      version: 1,
      title: 'Composite',
      origin: { lon: 17.9379, lat: 62.6323, height: 28 },
      layers: [{ id: 'cmpt', type: 'tiles3d', name: 'Composite', url: '/fixtures/tiles/cmpt/tileset.json' }],
      viewpoints: [{ id: 'v', name: 'v', lon: 17.9368, lat: 62.6283, height: 260, heading: 30, pitch: -35 }],
      startViewpoint: 'v',
    });
    const [layer] = await session.app.page.evaluate(() => window.twin.layers());
    expect(layer, JSON.stringify(layer)).toMatchObject({ state: 'ready' });
    const stats = await session.app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles).toMatchObject({ loaded: 1, failed: 0 });
    // two inner b3dm tiles, each the 14-building proposal
    expect(stats.drawCalls).toBeGreaterThanOrEqual(2);
    const png = await session.app.page.screenshot();
    saveScreenshot('cmpt', png);
    expect(screenshotStats(png).variance).toBeGreaterThan(50);
    expect(session.app.errors.pageErrors).toEqual([]);
  });
});
