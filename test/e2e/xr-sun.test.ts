/**
 * The sun study and measuring in the emulated headset (`?emulate=quest3`): the sun's controls in
 * the XR menu (the same registered controls as the desktop panel), shadows at street level
 * with their draw calls and triangles, and a distance measured with the controller's ray.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, screenshotStats } from './harness/browser.ts';
import { useApp, waitIdle } from './harness/twin.ts';
import { aimController, pressButton, setController, xrFrames, type Vec3 } from './harness/xr.ts';

const stats = (page: Page) => page.evaluate(() => window.twin.stats());

async function pressMenuItem(page: Page, id: string) {
  const menu = await page.evaluate(() => window.twin.xrMenu());
  const item = menu.items.find((i) => i.id === id);
  expect(item, `menu item ${id}`).toBeDefined();
  await aimController(page, 'right', [0.25, 1.25, -0.2], item!.room!);
  await xrFrames(page, 3);
  await pressButton(page, 'right', 'trigger', 2);
  await setController(page, 'right', [0.25, 1.25, -0.2], [0, 0, 0, 1]);
  return item!;
}

/** Mean of `n` samples of `stats()` taken a few XR frames apart. */
async function meanStats(page: Page, n = 4) {
  const out = { drawCalls: 0, triangles: 0, frameMs: 0 };
  for (let i = 0; i < n; i++) {
    await xrFrames(page, 3);
    const s = await stats(page);
    out.drawCalls += s.drawCalls / n;
    out.triangles += s.triangles / n;
  }
  out.frameMs = (await page.evaluate(() => window.twin.xr())).frameMs;
  return out;
}

describe('sun study and measuring in XR', () => {
  const ctx = useApp('?emulate=quest3&xrAdaptive=0&lang=en');

  it('should show the sun study’s controls in the XR menu, from the same data as the desktop panel', async () => {
    const { page } = ctx.app;
    await page.evaluate(() => window.twin.setSun({ date: '2026-06-21T18:00:00+02:00' }));
    // street level by Kvarteret Sundsbryggan
    await page.evaluate(() => window.twin.setView({ lon: 17.9408, lat: 62.63209, height: 29.7, heading: 122, pitch: 0, fov: 75 }));
    await waitIdle(page);
    await page.evaluate(() => window.twin.enterXR());
    await xrFrames(page, 5);
    const ids = (await page.evaluate(() => window.twin.xrMenu())).items.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining(['header:sun', 'sun:shadows', 'sun:day:equinox', 'sun:day:midsummer', 'sun:day:winter', 'sun:time:dec', 'sun:time:value', 'sun:time:inc', 'sun:play']),
    );
    expect(ids).toEqual(expect.arrayContaining(['header:measure', 'measure:mode:distance', 'measure:mode:height', 'measure:mode:area', 'measure:clear']));
    const menu = await page.evaluate(() => window.twin.xrMenu());
    expect(menu.items.find((i) => i.id === 'sun:day:midsummer')!.checked).toBe(true);
    expect(menu.items.find((i) => i.id === 'sun:time:value')!.label).toBe('Time of day 18:00');
  }, 300_000);

  it('should turn shadows on at street level and stay within the headset’s draw-call and triangle guidance', async () => {
    const { page } = ctx.app;
    await waitIdle(page);
    const off = await meanStats(page);
    await pressMenuItem(page, 'sun:shadows');
    await page.waitForFunction(() => window.twin.sun().shadows, undefined, { timeout: 60_000 });
    await waitIdle(page);
    const on = await meanStats(page);
    console.log(
      `[xr-sun] street level, both eyes: shadows off ${Math.round(off.drawCalls)} draw calls, ${Math.round(off.triangles)} triangles, ${off.frameMs.toFixed(0)} ms/frame; ` +
        `shadows on ${Math.round(on.drawCalls)} draw calls, ${Math.round(on.triangles)} triangles, ${on.frameMs.toFixed(0)} ms/frame (SwiftShader)`,
    );
    expect(on.drawCalls).toBeGreaterThan(off.drawCalls);
    // Quest 3 guidance: ~150 draw calls and 500k triangles per eye (stats() sums both eyes and the shadow passes)
    expect(on.drawCalls).toBeLessThan(300);
    expect(on.triangles).toBeLessThan(1_000_000);
    const shot = await page.screenshot({ timeout: 120_000 });
    saveScreenshot('xr-sun-street', shot);
    expect(screenshotStats(shot).distinctColours).toBeGreaterThan(50);
  }, 300_000);

  it('should step the time and choose the study day from the menu', async () => {
    const { page } = ctx.app;
    await pressMenuItem(page, 'sun:time:inc');
    await page.waitForFunction(() => window.twin.sun().date === '2026-06-21T19:00:00+02:00', undefined, { timeout: 60_000 });
    await pressMenuItem(page, 'sun:day:equinox');
    await page.waitForFunction(() => window.twin.sun().date.startsWith('2026-03-20T19:00'), undefined, { timeout: 60_000 });
    expect((await page.evaluate(() => window.twin.xrMenu())).items.find((i) => i.id === 'sun:time:value')!.label).toBe('Time of day 19:00');
  }, 300_000);

  it('should measure a distance on the ground with the controller’s ray', async () => {
    const { page } = ctx.app;
    await pressMenuItem(page, 'measure:mode:distance');
    await page.waitForFunction(() => window.twin.measure()?.mode === 'distance', undefined, { timeout: 60_000 });
    // two points on the ground to the right, clear of the menu: 2.24 m apart in the room (scale 1)
    const targets: Vec3[] = [
      [2.5, 0, -2],
      [3.5, 0, -4],
    ];
    for (const t of targets) {
      await aimController(page, 'right', [0.25, 1.25, -0.2], t);
      await xrFrames(page, 2);
      await pressButton(page, 'right', 'trigger', 2);
    }
    await page.waitForFunction(() => window.twin.measure()?.points.length === 2, undefined, { timeout: 60_000 });
    const m = (await page.evaluate(() => window.twin.measure()))!;
    expect(Math.abs(m.distance!.vertical)).toBeLessThan(0.3);
    expect(Math.abs(m.distance!.horizontal - Math.hypot(1, 2))).toBeLessThan(0.15);
    const shot = await page.screenshot({ timeout: 120_000 });
    saveScreenshot('xr-measure', shot);
    await page.evaluate(() => window.twin.exitXR());
    expect(ctx.app.problems()).toEqual([]);
  }, 300_000);
});
