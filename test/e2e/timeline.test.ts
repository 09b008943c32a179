/**
 * The demo's timeline: from the synthetic 1880 map to today and to the proposal, through
 * `window.twin.time()` / `setTime()`, `?time=`, the control (click, keys, drag to crossfade,
 * touch) and the swipe view of two times. What is drawn is read from the canvas alone
 * (test/e2e/harness/canvas.ts); whole-page pictures of each state go to
 * test-results/for-people/ for people to look at.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { launchBrowser, saveScreenshotForPeople } from './harness/browser.ts';
import { expectCanvasDrawn, meanDifference, shootCanvas } from './harness/canvas.ts';
import { openApp, useApp, waitIdle } from './harness/twin.ts';
import { fingerDrag } from './harness/touch.ts';

const baseUrl = inject('baseUrl');

const time = (page: Page) => page.evaluate(() => window.twin.time());

async function setTime(page: Page, value: number | string): Promise<void> {
  await page.evaluate((v) => window.twin.setTime(v), value);
  await waitIdle(page);
}

/** Pixels where two same-sized pictures differ by more than 24 in some channel, and their box [x0, y0, x1, y1]. */
function changedPixels(a: PNG, b: PNG): { count: number; box: [number, number, number, number] } {
  let count = 0;
  const box: [number, number, number, number] = [a.width, a.height, -1, -1];
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const o = (y * a.width + x) * 4;
      if (Math.max(Math.abs(a.data[o]! - b.data[o]!), Math.abs(a.data[o + 1]! - b.data[o + 1]!), Math.abs(a.data[o + 2]! - b.data[o + 2]!)) <= 24) continue;
      count++;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return { count, box };
}

/** The canvas alone, checked to show a picture (the district from above: ground, water, roofs or the map). */
async function canvasPicture(page: Page, name: string): Promise<PNG> {
  const shot = await shootCanvas(page, name);
  expectCanvasDrawn(shot, { minVariance: 50, minColours: 200 });
  return shot.png;
}

/**
 * A swipe view's halves against the whole view at each side's time: left of the divider (at
 * `split`, a fraction of the width) closer to `left`, right of it closer to `right`.
 */
function expectHalves(swipe: PNG, left: PNG, right: PNG, split: number): { left: [number, number]; right: [number, number] } {
  const at = Math.round(swipe.width * split);
  const margin = Math.round(swipe.width * 0.03);
  const l: [number, number] = [meanDifference(swipe, left, 0, at - margin), meanDifference(swipe, right, 0, at - margin)];
  const r: [number, number] = [meanDifference(swipe, right, at + margin, swipe.width), meanDifference(swipe, left, at + margin, swipe.width)];
  expect(l[0], `left of the divider: difference to its own time ${l[0].toFixed(1)}, to the other ${l[1].toFixed(1)}`).toBeLessThan(l[1] / 2);
  expect(r[0], `right of the divider: difference to its own time ${r[0].toFixed(1)}, to the other ${r[1].toFixed(1)}`).toBeLessThan(r[1] / 2);
  return { left: l, right: r };
}

describe('the demo’s timeline on a desktop', () => {
  const session = useApp('?lang=sv');
  const shots: Record<string, PNG> = {};

  it('should open today, on a timeline of the synthetic map, today and the proposal', async () => {
    const { page } = session.app;
    expect(await time(page)).toEqual({
      time: '2026',
      step: 1,
      position: 1,
      steps: [
        { time: '1880', label: '1880', layers: ['map-1880'] },
        { time: '2026', label: 'Idag', layers: ['buildings', 'today', 'plan'] },
        { time: '2030', label: 'Förslag', layers: ['buildings', 'proposal', 'plan'] },
      ],
    });
    expect(await page.evaluate(() => window.twin.compare())).toMatchObject({ id: 'sundsbryggan', mode: 'before' });
    expect((await page.evaluate(() => window.twin.layers())).find((l) => l.id === 'map-1880')).toMatchObject({ type: 'raster', state: 'ready' });
    shots.today = await canvasPicture(page, 'timeline-today');
    saveScreenshotForPeople('timeline-today-desktop', await page.screenshot());
  });

  it('should step into the past: the old map on the ground, the buildings gone, and back', async () => {
    const { page } = session.app;
    expect((await page.evaluate(() => window.twin.featuresAt(17.9379, 62.6323))).some((f) => f.layerId === 'buildings')).toBe(true);
    await setTime(page, 1880);
    expect(await time(page)).toMatchObject({ time: '1880', step: 0, position: 0 });
    // the comparison that has 1880 is the one shown
    expect(await page.evaluate(() => window.twin.compare())).toMatchObject({ id: 'then-and-now', mode: 'before' });
    expect(await page.evaluate(() => window.twin.featuresAt(17.9379, 62.6323))).toEqual([]);
    shots.past = await canvasPicture(page, 'timeline-1880');
    saveScreenshotForPeople('timeline-1880-desktop', await page.screenshot());
    expect(meanDifference(shots.today!, shots.past)).toBeGreaterThan(12);
    // the map's credit is shown with it, and only then
    expect(await page.locator('.attribution').innerText()).toContain('SYNTHETIC historical map');
    await setTime(page, '2030-06-01');
    expect(await time(page)).toMatchObject({ time: '2030', step: 2 });
    expect(await page.evaluate(() => window.twin.compare())).toMatchObject({ id: 'sundsbryggan', mode: 'after' });
    expect(await page.locator('.attribution').innerText()).not.toContain('SYNTHETIC historical map');
    shots.proposal = await canvasPicture(page, 'timeline-2030');
    saveScreenshotForPeople('timeline-2030-desktop', await page.screenshot());
    // the proposal's block changes and nothing else: a patch of changed pixels, small beside the view
    const changed = changedPixels(shots.today!, shots.proposal);
    expect(changed.count, `pixels changed from today to 2030: ${JSON.stringify(changed)}`).toBeGreaterThan(300);
    expect(changed.box[2] - changed.box[0], `width of the changed patch: ${JSON.stringify(changed)}`).toBeLessThan(shots.today!.width / 8);
    await setTime(page, 2026);
    // back where it started: the same picture as at first
    expect(meanDifference(shots.today!, await canvasPicture(page, 'timeline-today-again'))).toBeLessThan(2);
  });

  it('should crossfade the map between neighbouring steps', async () => {
    const { page } = session.app;
    await page.evaluate(() => void window.twin.setTime(1880, { duration: 6000 }));
    await page.waitForFunction(() => window.twin.time().position < 0.75, undefined, { timeout: 30_000 });
    const { position } = await time(page);
    expect(position).toBeGreaterThan(0);
    expect(position).toBeLessThan(1);
    await page.waitForFunction(() => window.twin.time().position === 0, undefined, { timeout: 60_000 });
    await waitIdle(page);
  });

  it('should move with the control: a click on a year, the arrow keys, and a drag that fades by hand', async () => {
    const { page } = session.app;
    const control = page.getByTestId('timeline');
    const steps = control.locator('.timeline-step');
    expect(await steps.allInnerTexts()).toEqual(['1880', '2026\nIdag', '2030\nFörslag']);
    for (const box of await Promise.all((await steps.all()).map((b) => b.boundingBox()))) {
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    await steps.nth(2).click();
    await page.waitForFunction(() => window.twin.time().position === 2, undefined, { timeout: 30_000 });
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('aria-pressed')))).toEqual(['false', 'false', 'true']);
    const handle = control.getByRole('slider');
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.twin.time().position === 1, undefined, { timeout: 30_000 });
    await page.keyboard.press('Home');
    await page.waitForFunction(() => window.twin.time().position === 0, undefined, { timeout: 30_000 });
    expect(await handle.getAttribute('aria-valuetext')).toBe('1880');
    await waitIdle(page);
    // drag the handle a third of the way to 2026 and hold: the map is drawn, fainter
    const from = (await handle.boundingBox())!;
    const to = (await steps.nth(1).boundingBox())!;
    const x0 = from.x + from.width / 2;
    const y = from.y + from.height / 2;
    await page.mouse.move(x0, y);
    await page.mouse.down();
    await page.mouse.move(x0 + (to.x + to.width / 2 - x0) / 3, y, { steps: 6 });
    await page.waitForFunction(() => Math.abs(window.twin.time().position - 1 / 3) < 0.08, undefined, { timeout: 10_000 });
    const faded = await canvasPicture(page, 'timeline-crossfade');
    saveScreenshotForPeople('timeline-crossfade-desktop', await page.screenshot());
    await page.mouse.up();
    await page.waitForFunction(() => Number.isInteger(window.twin.time().position), undefined, { timeout: 30_000 });
    await waitIdle(page);
    // a third of the way, the buildings are still away and the map shows at two thirds:
    // the picture lies between 1880's and the ground's without the map
    const toPast = meanDifference(faded, shots.past!);
    const toToday = meanDifference(faded, shots.today!);
    expect(toPast, `crossfade against 1880: ${toPast.toFixed(1)}, against today ${toToday.toFixed(1)}`).toBeGreaterThan(1);
    expect(toPast).toBeLessThan(meanDifference(shots.past!, shots.today!));
  });

  it('should swipe between 1880 and today, each half at its time', async () => {
    const { page } = session.app;
    await page.evaluate(() => window.twin.setCompare({ id: 'then-and-now', mode: 'swipe', split: 0.5 }));
    await waitIdle(page);
    const swipe = await canvasPicture(page, 'timeline-swipe');
    saveScreenshotForPeople('timeline-swipe-desktop', await page.screenshot());
    expect(await page.locator('.timeline-now').innerText()).toBe('1880 | 2026 · Idag');
    await setTime(page, 2026);
    const today = await canvasPicture(page, 'timeline-swipe-today');
    await setTime(page, 1880);
    const past = await canvasPicture(page, 'timeline-swipe-1880');
    // left of the divider as 1880, right of it as today
    expectHalves(swipe, past, today, 0.5);
  });

  it('should open at ?time=', async () => {
    const { page } = await session.browser.openPage(new URL('?lang=en&time=2030', baseUrl).href);
    try {
      await page.evaluate(() => window.twin.ready);
      expect(await page.evaluate(() => window.twin.time())).toMatchObject({ time: '2030', step: 2 });
    } finally {
      await page.close();
    }
  });
});

describe('the demo’s timeline on a phone (touch)', () => {
  it('should step with a tap, crossfade, and swipe 1880 against today with a finger', async () => {
    const browser = await launchBrowser({ hasTouch: true, viewport: { width: 390, height: 844 } });
    try {
      const { page } = await openApp(browser, baseUrl, '?lang=sv');
      const steps = page.getByTestId('timeline').locator('.timeline-step');
      for (const box of await Promise.all((await steps.all()).map((b) => b.boundingBox()))) {
        expect(box!.width).toBeGreaterThanOrEqual(44);
        expect(box!.height).toBeGreaterThanOrEqual(44);
      }
      const today = await canvasPicture(page, 'timeline-phone-today');
      await steps.nth(0).tap();
      // a tap crossfades: the drawn position passes between the steps on its way
      await page.waitForFunction(() => window.twin.time().step === 0, undefined, { timeout: 10_000 });
      await page.waitForFunction(() => window.twin.time().position === 0, undefined, { timeout: 30_000 });
      await waitIdle(page);
      const past = await canvasPicture(page, 'timeline-phone-1880');
      expect(meanDifference(today, past)).toBeGreaterThan(8);
      saveScreenshotForPeople('timeline-1880-phone', await page.screenshot());
      await steps.nth(2).tap();
      await page.waitForFunction(() => window.twin.time().position === 2, undefined, { timeout: 30_000 });
      await waitIdle(page);
      saveScreenshotForPeople('timeline-2030-phone', await page.screenshot());

      // the comparison control: 1880 against today, swiped, the divider dragged with a finger
      await page.locator('.compare-choice').selectOption('then-and-now');
      await page.locator('.compare-control [data-mode="swipe"]').tap();
      await waitIdle(page);
      expect(await page.evaluate(() => window.twin.compare())).toMatchObject({ id: 'then-and-now', mode: 'swipe' });
      const grip = (await page.locator('.swipe-grip').boundingBox())!;
      const canvas = (await page.locator('canvas').first().boundingBox())!;
      const x0 = grip.x + grip.width / 2;
      const y = grip.y + grip.height / 2;
      // the grip is where a finger can reach it, not under the panels
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.swipe-handle') !== null, [x0, y])).toBe(true);
      const x1 = canvas.x + canvas.width * 0.65;
      await fingerDrag(page, { x: x0, y }, { x: x1, y });
      const split = (await page.evaluate(() => window.twin.compare()))!.split;
      expect(split).toBeCloseTo(0.65, 2);
      await waitIdle(page);
      const swipe = await canvasPicture(page, 'timeline-phone-swipe');
      saveScreenshotForPeople('timeline-swipe-phone', await page.screenshot());
      expectHalves(swipe, past, today, split);
    } finally {
      await browser.close();
    }
    // a browser and the demo of its own, then three steps and a swipe: more than one test's usual time
  }, 240_000);
});
