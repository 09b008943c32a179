/**
 * The demo's timeline: from the synthetic 1880 map to today and to the proposal, through
 * `window.twin.time()` / `setTime()`, `?time=`, the control (click, keys, drag to crossfade,
 * touch) and the swipe view of two times. Screenshots of each state go to test-results/.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchBrowser, saveScreenshot } from './harness/browser.ts';
import { openApp, useApp, waitIdle } from './harness/twin.ts';
import { canvasScreenshot } from './raster/screen.ts';

const baseUrl = inject('baseUrl');

/** Mean absolute RGB difference (0–255) of two same-sized images over columns [x0, x1). */
function meanDiff(a: PNG, b: PNG, x0 = 0, x1 = a.width): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < a.height; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      const o = (y * a.width + x) * 4;
      sum += Math.abs(a.data[o]! - b.data[o]!) + Math.abs(a.data[o + 1]! - b.data[o + 1]!) + Math.abs(a.data[o + 2]! - b.data[o + 2]!);
      n += 3;
    }
  }
  return sum / n;
}

const time = (page: Page) => page.evaluate(() => window.twin.time());

async function setTime(page: Page, value: number | string): Promise<void> {
  await page.evaluate((v) => window.twin.setTime(v), value);
  await waitIdle(page);
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
    expect((await page.evaluate(() => window.twin.compare()))).toMatchObject({ id: 'sundsbryggan', mode: 'before' });
    expect((await page.evaluate(() => window.twin.layers())).find((l) => l.id === 'map-1880')).toMatchObject({ type: 'raster', state: 'ready' });
    shots.today = await canvasScreenshot(page);
    saveScreenshot('timeline-today-desktop', await page.screenshot());
  });

  it('should step into the past: the old map on the ground, the buildings gone, and back', async () => {
    const { page } = session.app;
    expect((await page.evaluate(() => window.twin.featuresAt(17.9379, 62.6323))).some((f) => f.layerId === 'buildings')).toBe(true);
    await setTime(page, 1880);
    expect(await time(page)).toMatchObject({ time: '1880', step: 0, position: 0 });
    // the comparison that has 1880 is the one shown
    expect(await page.evaluate(() => window.twin.compare())).toMatchObject({ id: 'then-and-now', mode: 'before' });
    expect(await page.evaluate(() => window.twin.featuresAt(17.9379, 62.6323))).toEqual([]);
    shots.past = await canvasScreenshot(page);
    saveScreenshot('timeline-1880-desktop', await page.screenshot());
    expect(meanDiff(shots.today!, shots.past)).toBeGreaterThan(12);
    // the map's credit is shown with it, and only then
    expect(await page.locator('.attribution').innerText()).toContain('SYNTHETIC historical map');
    await setTime(page, '2030-06-01');
    expect(await time(page)).toMatchObject({ time: '2030', step: 2 });
    expect(await page.evaluate(() => window.twin.compare())).toMatchObject({ id: 'sundsbryggan', mode: 'after' });
    expect(await page.locator('.attribution').innerText()).not.toContain('SYNTHETIC historical map');
    saveScreenshot('timeline-2030-desktop', await page.screenshot());
    await setTime(page, 2026);
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
    // drag the handle halfway to 2026 and hold: both are drawn, half each
    const from = (await handle.boundingBox())!;
    const to = (await steps.nth(1).boundingBox())!;
    const y = from.y + from.height / 2;
    await page.mouse.move(from.x + from.width / 2, y);
    await page.mouse.down();
    await page.mouse.move((from.x + from.width / 2 + to.x + to.width / 2) / 2, y, { steps: 6 });
    await page.waitForFunction(() => Math.abs(window.twin.time().position - 0.5) < 0.1, undefined, { timeout: 10_000 });
    saveScreenshot('timeline-crossfade-desktop', await page.screenshot());
    await page.mouse.up();
    await page.waitForFunction(() => Number.isInteger(window.twin.time().position), undefined, { timeout: 30_000 });
    await waitIdle(page);
  });

  it('should swipe between 1880 and today, each half at its time', async () => {
    const { page } = session.app;
    await page.evaluate(() => window.twin.setCompare({ id: 'then-and-now', mode: 'swipe', split: 0.5 }));
    await waitIdle(page);
    const swipe = await canvasScreenshot(page);
    saveScreenshot('timeline-swipe-desktop', await page.screenshot());
    expect(await page.locator('.timeline-now').innerText()).toBe('1880 | 2026 · Idag');
    await setTime(page, 2026);
    const today = await canvasScreenshot(page);
    await setTime(page, 1880);
    const past = await canvasScreenshot(page);
    const half = swipe.width / 2;
    // left of the divider as 1880, right of it as today
    expect(meanDiff(swipe, past, 0, half - 20)).toBeLessThan(meanDiff(swipe, today, 0, half - 20));
    expect(meanDiff(swipe, today, half + 20, swipe.width)).toBeLessThan(meanDiff(swipe, past, half + 20, swipe.width));
  });

  it('should open at ?time=', async () => {
    const { page } = await session.browser.openPage(new URL('?lang=en&time=2030', baseUrl).href);
    await page.evaluate(() => window.twin.ready);
    expect(await page.evaluate(() => window.twin.time())).toMatchObject({ time: '2030', step: 2 });
    await page.close();
  });
});

describe('the demo’s timeline on a phone (touch)', () => {
  it('should step with a tap, and look right at phone size', async () => {
    const browser = await launchBrowser({ hasTouch: true, viewport: { width: 390, height: 844 } });
    try {
      const { page } = await openApp(browser, baseUrl, '?lang=sv');
      const steps = page.getByTestId('timeline').locator('.timeline-step');
      await steps.nth(0).tap();
      await page.waitForFunction(() => window.twin.time().position === 0, undefined, { timeout: 30_000 });
      await waitIdle(page);
      saveScreenshot('timeline-1880-phone', await page.screenshot());
      await steps.nth(2).tap();
      await page.waitForFunction(() => window.twin.time().position === 2, undefined, { timeout: 30_000 });
      await waitIdle(page);
      saveScreenshot('timeline-2030-phone', await page.screenshot());
      await page.evaluate(() => window.twin.setCompare({ id: 'then-and-now', mode: 'swipe', split: 0.5 }));
      await waitIdle(page);
      saveScreenshot('timeline-swipe-phone', await page.screenshot());
    } finally {
      await browser.close();
    }
  });
});
