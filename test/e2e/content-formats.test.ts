/**
 * Tile formats beyond the demo's glb: composite (cmpt) tiles, and old content seen in the
 * wild (a b3dm with the deprecated header layout). Both fixtures wrap the proposal's glb
 * (tools/fixtures/): its roofs, read from the glb in Node, are where the canvas must show them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../tools/server/staleness.ts';
import { saveScreenshotForPeople } from './harness/browser.ts';
import { expectCanvasDrawn, expectGeometryAt, shootCanvas, SKY } from './harness/canvas.ts';
import { roofPoints } from './harness/roofs.ts';
import { loadScene, useApp } from './harness/twin.ts';

const PROPOSAL_GLB = `${REPO_ROOT}/tiles/harnosand-proposal/content/0_0_0.glb`;
const fixtureTransform = (name: string) => (JSON.parse(readFileSync(`${REPO_ROOT}/test/fixtures/tiles/${name}/tileset.json`, 'utf8')) as { root: { transform: number[] } }).root.transform;

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
    saveScreenshotForPeople('legacy-b3dm', await session.app.page.screenshot());
    const shot = await shootCanvas(session.app.page, 'legacy-b3dm');
    expectCanvasDrawn(shot, { minCoverage: 0.002, minColours: 100 }); // ~1 % of the canvas; a blank one 0
    const roofs = await roofPoints(PROPOSAL_GLB, fixtureTransform('legacy-b3dm'), 3);
    expectGeometryAt(shot, roofs.map((at, i) => ({ name: `roof ${i + 1} of the legacy b3dm`, at })), { unlike: [SKY], radius: 2 });
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
    saveScreenshotForPeople('cmpt', await session.app.page.screenshot());
    const shot = await shootCanvas(session.app.page, 'cmpt');
    expectCanvasDrawn(shot, { minCoverage: 0.002, minColours: 100 }); // ~1 % of the canvas; a blank one 0
    // the first inner tile at the proposal's place, the second 90 m east of it (its RTC_CENTER)
    const first = await roofPoints(PROPOSAL_GLB, fixtureTransform('cmpt'), 2);
    const second = await roofPoints(PROPOSAL_GLB, fixtureTransform('cmpt'), 2, [90, 0, 0]);
    expectGeometryAt(
      shot,
      [...first.map((at, i) => ({ name: `roof ${i + 1} of the first inner tile`, at })), ...second.map((at, i) => ({ name: `roof ${i + 1} of the second inner tile`, at }))],
      { unlike: [SKY], radius: 2 },
    );
    expect(session.app.errors.pageErrors).toEqual([]);
  });
});
