/**
 * Measuring in a browser against the demo's known geometry (tools/demo, seed 1585): the height
 * of a flat roof above the ground, the distance between two roofs (their height difference
 * exactly), and the area of a roof outline, each picked with real clicks on the canvas from
 * straight above, where a point's pixel follows from the camera by the pinhole model.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, VIEWPORT } from './harness/browser.ts';
import { useApp, waitIdle } from './harness/twin.ts';
import { centroidOf, DEMO_PROPOSAL, polygonArea, toGeo, type EastNorth } from './harness/demo-geometry.ts';

const FOV = 50;
const CAMERA_UP = 80;
const houseA = DEMO_PROPOSAL.find((b) => b.name === 'Sundsbryggan hus A')!;
const houseB = DEMO_PROPOSAL.find((b) => b.name === 'Sundsbryggan hus B')!;
const a = centroidOf(houseA.footprint);
const b = centroidOf(houseB.footprint);
const centre: EastNorth = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

/** Where the camera looks straight down from, CAMERA_UP metres above the ground. */
let over: EastNorth = centre;

async function lookDownOn(page: Page, p: EastNorth) {
  over = p;
  const cam = toGeo(p, CAMERA_UP);
  await page.evaluate((v) => window.twin.setView({ ...v, heading: 0, pitch: -89.99, fov: 50 }), { lon: cam.lon, lat: cam.lat, height: cam.height });
  await waitIdle(page);
}

/** The canvas pixel of a point `up` metres above the ground, seen from CAMERA_UP metres straight above `over`, north up. */
function pixel([e, n]: EastNorth, up: number): { x: number; y: number } {
  const depth = CAMERA_UP - up;
  const half = depth * Math.tan(((FOV / 2) * Math.PI) / 180);
  const aspect = VIEWPORT.width / VIEWPORT.height;
  const ndcX = (e - over[0]) / (half * aspect);
  const ndcY = (n - over[1]) / half;
  return { x: ((ndcX + 1) / 2) * VIEWPORT.width, y: ((1 - ndcY) / 2) * VIEWPORT.height };
}

async function click(page: Page, p: EastNorth, up: number) {
  const { x, y } = pixel(p, up);
  await page.mouse.click(x, y);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
}

const measurement = (page: Page) => page.evaluate(() => window.twin.measure());

describe('measuring', () => {
  const session = useApp('?lang=sv');

  it('should look straight down on the point houses with the proposal shown', async () => {
    const { page } = session.app;
    expect(houseA).toMatchObject({ roof: 'flat', height: 22.4 });
    expect(houseB).toMatchObject({ roof: 'flat', height: 19.2 });
    await page.evaluate(() => window.twin.setCompare({ mode: 'after' }));
    await lookDownOn(page, centre);
    expect(await measurement(page)).toBeNull();
    await page.getByRole('button', { name: /Mät/ }).click();
    await page.getByTestId('measure-panel').waitFor();
    expect((await measurement(page))!.mode).toBe('distance');
  });

  it('should measure the height of a flat roof above the ground', async () => {
    const { page } = session.app;
    await page.getByTestId('measure-panel').locator('[data-option="height"]').click();
    await click(page, a, houseA.height);
    const m = (await measurement(page))!;
    expect(m.mode).toBe('height');
    expect(m.height!.aboveGround).toBeCloseTo(houseA.height, 1);
    expect(Math.abs(m.height!.aboveGround - houseA.height)).toBeLessThan(0.05);
    expect(await page.getByTestId('measure-figures').innerText()).toMatch(/Över marken\s+22,4 m/);
  });

  it('should measure the distance between two roofs: their height difference exactly, the centres’ distance across', async () => {
    const { page } = session.app;
    await page.getByTestId('measure-panel').locator('[data-option="distance"]').click();
    await click(page, a, houseA.height);
    await click(page, b, houseB.height);
    const m = (await measurement(page))!;
    const across = Math.hypot(b[0] - a[0], b[1] - a[1]);
    expect(m.points).toHaveLength(2);
    expect(Math.abs(m.distance!.vertical - (houseB.height - houseA.height))).toBeLessThan(0.05);
    expect(Math.abs(m.distance!.horizontal - across)).toBeLessThan(0.2);
    expect(m.distance!.straight).toBeCloseTo(Math.hypot(m.distance!.horizontal, m.distance!.vertical), 9);
    console.log(`[measure] hus A → hus B: ${m.distance!.horizontal.toFixed(3)} m across (generator: ${across.toFixed(3)}), ${m.distance!.vertical.toFixed(3)} m height difference (generator: ${(houseB.height - houseA.height).toFixed(3)})`);
    saveScreenshot('measure-distance', await page.screenshot({ timeout: 120_000 }));
  }, 180_000);

  it('should measure the area of a polygon drawn on a roof and close it on its first corner', async () => {
    const { page } = session.app;
    await page.getByTestId('measure-panel').locator('[data-option="area"]').click();
    // house A a little above the middle of the view, clear of the comparison control at the
    // top and the panels at the bottom
    await lookDownOn(page, [a[0], a[1] - 3]);
    // the roof's corners, 10 % in towards its centre so every click lands on the roof
    const corners = houseA.footprint.map(([e, n]) => [a[0] + (e - a[0]) * 0.9, a[1] + (n - a[1]) * 0.9] as EastNorth);
    // every corner lands on the canvas, not on a control over it
    const onCanvas = await page.evaluate((ps) => ps.map((p) => document.elementFromPoint(p.x, p.y)?.tagName), corners.map((c) => pixel(c, houseA.height)));
    expect(onCanvas).toEqual(['CANVAS', 'CANVAS', 'CANVAS', 'CANVAS']);
    for (const c of corners) await click(page, c, houseA.height);
    expect((await measurement(page))!.points).toHaveLength(4);
    expect((await measurement(page))!.closed).toBe(false);
    await click(page, corners[0]!, houseA.height);
    const m = (await measurement(page))!;
    expect(m.closed).toBe(true);
    expect(m.points).toHaveLength(4);
    const expected = polygonArea(corners);
    expect(Math.abs(m.area!.area - expected) / expected).toBeLessThan(0.02);
    console.log(`[measure] roof of hus A, 90 %: ${m.area!.area.toFixed(2)} m² (generator: ${expected.toFixed(2)} m²)`);
    expect(await page.getByTestId('measure-figures').innerText()).toMatch(/Yta\s+\d+ m²/);
    saveScreenshot('measure-area', await page.screenshot({ timeout: 120_000 }));
  }, 180_000);

  it('should stop measuring when the panel closes, and clicks select buildings again', async () => {
    const { page } = session.app;
    await page.getByTestId('measure-panel').getByRole('button', { name: 'Stäng', exact: true }).click();
    expect(await measurement(page)).toBeNull();
    await expect(page.evaluate(() => window.twin.setMeasure({ mode: 'volume' as never }))).rejects.toThrow(/mode must be distance, height, area or null/);
    expect(session.app.problems()).toEqual([]);
  });
});
