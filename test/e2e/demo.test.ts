/**
 * The demo as a visitor sees it: `dist/` served, the synthetic Härnösand scene loaded in
 * headless Chromium, tiles drawn, buildings pickable, panels working, nothing broken.
 *
 * Screenshots: test-results/demo-start-canvas.png is examined (the canvas alone); the others,
 * under test-results/for-people/, are for people to look at.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../tools/server/staleness.ts';
import { saveScreenshotForPeople } from './harness/browser.ts';
import { colourAt, colourDistance, expectCanvasDrawn, expectGeometryAt, shootCanvas, SKY, type Rgb } from './harness/canvas.ts';
import { centreGroundPoint } from './harness/projection.ts';
import { tilesetCentre, useApp, waitIdle } from './harness/twin.ts';

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const LIBRARY = { lon: 17.9379, lat: 62.6323 };

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

  it('should draw the ground plane and the library on the canvas, with no page errors and no failed requests', async () => {
    const { page } = session.app;
    saveScreenshotForPeople('demo-start', await page.screenshot());
    const shot = await shootCanvas(page, 'demo-start');
    // the canvas alone: a blank one has variance 0 and one colour; the district scores ~440 and ~8 000
    expectCanvasDrawn(shot, { minVariance: 100, minColours: 1000 });
    const doc = await page.evaluate(() => window.twin.scene()!);
    // the strait south of the library: only the ground plane (water) there, in the scene's ground colour
    const water = colourAt(shot, { lon: LIBRARY.lon, lat: 62.627, height: doc.ground!.height! });
    expect(colourDistance(water, hex(doc.ground!.colour)), `water rgb(${water}) vs ground ${doc.ground!.colour}`).toBeLessThan(16);
    // the library's roof, over the ground: neither sky nor water
    const [library] = (await page.evaluate(({ lon, lat }) => window.twin.featuresAt(lon, lat), LIBRARY)).filter((h) => h.layerId === 'buildings');
    expect(library!.properties.name).toBe('Sambiblioteket');
    const roof = doc.origin.height + (library!.properties.height as number);
    expectGeometryAt(shot, [{ name: "the library's roof", at: { ...LIBRARY, height: roof } }], { unlike: [SKY, water] });
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
    const hits = await session.app.page.evaluate(({ lon, lat }) => window.twin.featuresAt(lon, lat), LIBRARY);
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
    saveScreenshotForPeople('demo-picked', await session.app.page.screenshot());
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
    saveScreenshotForPeople('demo-strait', await session.app.page.screenshot());
  });

  it("should fly to a layer from its zoom button: the proposal's site under the screen centre, seen from below 200 m at −40°", async () => {
    const { page } = session.app;
    await page.locator('[data-layer-id="proposal"] .zoom-to').click();
    // the proposal block lies a few hundred metres from the library; its view looks north at it from ~150 m
    await expect.poll(async () => (await page.evaluate(() => window.twin.view())).height, { timeout: 20_000 }).toBeLessThan(200);
    await waitIdle(page);
    const [v, doc] = await page.evaluate(() => [window.twin.view(), window.twin.scene()!] as const);
    expect(v.pitch).toBeCloseTo(-40, 1);
    // the view's centre ray meets the ground inside the proposal's footprint (its tileset's box, from tileset.json)
    const proposal = JSON.parse(readFileSync(`${REPO_ROOT}/tiles/harnosand-proposal/tileset.json`, 'utf8')) as Parameters<typeof tilesetCentre>[0] & { root: { boundingVolume: { box: number[] } } };
    const site = tilesetCentre(proposal);
    const box = proposal.root.boundingVolume.box;
    const footprintRadius = Math.hypot(Math.hypot(box[3]!, box[4]!, box[5]!), Math.hypot(box[6]!, box[7]!, box[8]!));
    const ground = centreGroundPoint(v, doc.origin.height)!;
    expect(ground, 'the centre ray reaches the ground').not.toBeNull();
    const metres = Math.hypot((ground.lon - site.lon) * 111_320 * Math.cos((site.lat * Math.PI) / 180), (ground.lat - site.lat) * 110_570);
    expect(metres, `centre of the view ${JSON.stringify(ground)} vs the proposal ${JSON.stringify(site)}`).toBeLessThan(footprintRadius);
    saveScreenshotForPeople('demo-zoom-to-proposal', await page.screenshot());
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
