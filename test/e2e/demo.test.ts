/**
 * The demo as a visitor sees it: `dist/` served, the synthetic Härnösand scene loaded in
 * headless Chromium, tiles drawn, buildings pickable, panels working, nothing broken.
 */
import { describe, expect, inject, it } from 'vitest';
import { saveScreenshot, screenshotStats } from './harness/browser.ts';
import { useApp, waitIdle } from './harness/twin.ts';

const baseUrl = inject('baseUrl');

describe('demo scene', () => {
  const session = useApp();

  it('should load every layer and draw visible tiles', async () => {
    const layers = await session.app.page.evaluate(() => window.twin.layers());
    expect(layers.map((l) => [l.id, l.state])).toEqual([
      ['ground', 'ready'],
      ['map-1880', 'ready'],
      ['buildings', 'ready'],
      ['today', 'ready'],
      ['proposal', 'ready'],
      ['plan', 'ready'],
    ]);
    expect(layers.find((l) => l.id === 'buildings')!.featureCount).toBeGreaterThan(100);
    const stats = await session.app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles.visible).toBeGreaterThan(0);
    expect(stats.tiles.failed).toBe(0);
    expect(stats.tiles.downloading).toBe(0);
    expect(stats.drawCalls).toBeGreaterThan(0);
    expect(stats.triangles).toBeGreaterThan(1000);
    expect(stats.frameMs).toBeGreaterThan(0);
    console.log(`[e2e] demo stats at the start view: ${JSON.stringify(stats)}`);
  });

  it('should render a non-blank picture with no page errors and no failed requests', async () => {
    const png = await session.app.page.screenshot();
    saveScreenshot('demo-start', png);
    const s = screenshotStats(png);
    expect(s.variance).toBeGreaterThan(200);
    expect(s.distinctColours).toBeGreaterThan(200);
    expect(session.app.errors.pageErrors).toEqual([]);
    expect(session.app.errors.consoleErrors).toEqual([]);
    expect(session.app.errors.failedRequests).toEqual([]);
    expect(session.app.errors.badResponses).toEqual([]);
  });

  it('should open at the start viewpoint', async () => {
    const [view, scene] = await session.app.page.evaluate(() => [window.twin.view(), window.twin.scene()!] as const);
    const start = scene.viewpoints.find((v) => v.id === scene.startViewpoint)!;
    expect(view.lon).toBeCloseTo(start.lon, 7);
    expect(view.lat).toBeCloseTo(start.lat, 7);
    expect(view.height).toBeCloseTo(start.height, 2);
    expect(view.pitch).toBeCloseTo(start.pitch, 4);
  });

  it('should return the library building at its place, with its metadata', async () => {
    const hits = await session.app.page.evaluate(() => window.twin.featuresAt(17.9379, 62.6323));
    const library = hits.find((h) => h.layerId === 'buildings');
    expect(library?.properties).toMatchObject({ name: 'Sambiblioteket', use: 'bibliotek', synthetic: true });
    expect(typeof library?.properties.height).toBe('number');
    // the ground layer is not pickable in the demo
    expect(hits.some((h) => h.layerId === 'ground')).toBe(false);
  });

  it('should say what the synthetic detaljplan allows in the Sundsbryggan courtyard', async () => {
    // the centre of the block (tools/demo/plan.ts): the courtyard's centrum area, with h4 and e1
    const hits = await session.app.page.evaluate(() => window.twin.featuresAt(17.941968, 62.631749));
    const plan = hits.filter((h) => h.layerId === 'plan');
    expect(plan.find((h) => h.properties.kind === 'detaljplan')?.properties).toMatchObject({ planStatus: 'samråd', planNamn: 'Detaljplan för Kvarteret Sundsbryggan (SYNTETISK demo)' });
    const provisions = plan.filter((h) => h.properties.kind !== 'detaljplan');
    expect(provisions.map((h) => h.properties.beteckning)).toEqual(['C', 'h4', 'e1', 'a1']);
    expect(provisions.find((h) => h.properties.beteckning === 'h4')!.properties.heightLimit).toEqual({ kind: 'nockhöjd', metres: 7, reference: 'mark' });
  });

  it('should show the info panel for a building clicked on screen, as text', async () => {
    await session.app.page.evaluate(() => window.twin.setView({ lon: 17.9379, lat: 62.6323, height: 350, heading: 0, pitch: -90 }));
    await waitIdle(session.app.page);
    const box = (await session.app.page.locator('canvas').boundingBox())!;
    await session.app.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const panel = session.app.page.getByTestId('info-panel');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => panel.innerText()).toContain('Sambiblioteket');
    expect(await panel.innerText()).toContain('bibliotek');
    saveScreenshot('demo-picked', await session.app.page.screenshot());
    await panel.getByRole('button').click();
    await panel.waitFor({ state: 'detached' });
  });

  it('should fly to a viewpoint chosen in the list', async () => {
    const target = await session.app.page.evaluate(() => window.twin.scene()!.viewpoints.find((v) => v.id === 'strait')!);
    await session.app.page.locator('[data-viewpoint-id="strait"]').click();
    await expect
      .poll(() => session.app.page.evaluate(() => window.twin.view()), { timeout: 20_000 })
      .toMatchObject({ lon: expect.closeTo(target.lon, 6), lat: expect.closeTo(target.lat, 6), height: expect.closeTo(target.height, 1) });
    await waitIdle(session.app.page);
    saveScreenshot('demo-strait', await session.app.page.screenshot());
  });

  it('should fly to show a whole layer from its zoom button', async () => {
    await session.app.page.locator('[data-layer-id="proposal"] .zoom-to').click();
    // the proposal block lies a few hundred metres from the library; its view looks north at it from ~150 m
    await expect
      .poll(async () => (await session.app.page.evaluate(() => window.twin.view())).height, { timeout: 20_000 })
      .toBeLessThan(200);
    await waitIdle(session.app.page);
    const v = await session.app.page.evaluate(() => window.twin.view());
    expect(v.pitch).toBeCloseTo(-40, 1);
    // the view's centre ray lands on the proposal's site: its features are under the screen centre
    saveScreenshot('demo-zoom-to-proposal', await session.app.page.screenshot());
  });

  it('should hide and show a layer from the layer panel', async () => {
    const checkbox = session.app.page.locator('[data-layer-id="buildings"] input[type="checkbox"]');
    await checkbox.uncheck();
    expect(await session.app.page.evaluate(() => window.twin.scene()!.layers.find((l) => l.id === 'buildings')!.visible)).toBe(false);
    const hidden = await session.app.page.evaluate(() => window.twin.featuresAt(17.9379, 62.6323));
    expect(hidden.some((h) => h.layerId === 'buildings')).toBe(false);
    await checkbox.check();
    const shown = await session.app.page.evaluate(() => window.twin.featuresAt(17.9379, 62.6323));
    expect(shown.some((h) => h.layerId === 'buildings')).toBe(true);
  });

  it('should switch the interface between Swedish and English', async () => {
    const heading = session.app.page.locator('#layers-heading');
    const before = await heading.innerText();
    await session.app.page.getByRole('button', { name: /^(Svenska|English)$/ }).click();
    const after = await heading.innerText();
    expect(new Set([before.toLowerCase(), after.toLowerCase()])).toEqual(new Set(['layers', 'lager']));
  });
});
