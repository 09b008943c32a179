/**
 * Navigation as people use it: mouse (orbit, pan, wheel zoom), touch (one finger orbits, two
 * fingers pan and pinch, double-tap zooms) and keyboard (arrows, +/−, Home).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { GeoView } from '../../src/engine/camera-pose.ts';
import { launchBrowser, type LaunchedBrowser, type OpenedPage } from './harness/browser.ts';
import { openApp } from './harness/twin.ts';

const baseUrl = inject('baseUrl');
const START: GeoView = { lon: 17.9379, lat: 62.6218, height: 760, heading: 0, pitch: -38, fov: 50 };
const GROUND = 28;

const view = (page: Page) => page.evaluate(() => window.twin.view());

async function canvasCentre(page: Page) {
  const box = (await page.locator('canvas').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/**
 * Sends one frame's worth of touch points through CDP (Chromium turns them into pointer
 * events). `at` is the event time in seconds since the epoch, so gestures keep a human rhythm
 * however slowly the software renderer draws.
 */
async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[], at?: number) {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
    ...(at !== undefined ? { timestamp: at } : {}),
  });
}

describe('navigation', () => {
  let browser: LaunchedBrowser;
  let app: OpenedPage;
  let cdp: CDPSession;

  beforeAll(async () => {
    browser = await launchBrowser({ hasTouch: true });
    app = await openApp(browser, baseUrl);
    cdp = await app.page.context().newCDPSession(app.page);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await app.page.evaluate((v) => window.twin.setView(v), START);
  });

  describe('keyboard', () => {
    it('should zoom with + and − towards the screen centre', async () => {
      await app.page.locator('canvas').focus();
      await app.page.keyboard.press('+');
      const closer = await view(app.page);
      expect(closer.height).toBeLessThan(START.height - 50);
      await app.page.keyboard.press('-');
      await app.page.keyboard.press('-');
      expect((await view(app.page)).height).toBeGreaterThan(START.height + 50);
    });

    it('should move forward with ↑ and turn with ←/→, keeping the height', async () => {
      await app.page.locator('canvas').focus();
      await app.page.keyboard.press('ArrowUp');
      const moved = await view(app.page);
      expect(moved.lat).toBeGreaterThan(START.lat);
      expect(moved.height).toBeCloseTo(START.height, 0);
      await app.page.keyboard.press('ArrowRight');
      const turned = await view(app.page);
      expect(turned.heading).toBeGreaterThan(3);
      expect(turned.heading).toBeLessThan(20);
    });

    it('should tilt with Shift+↑/↓', async () => {
      await app.page.locator('canvas').focus();
      await app.page.keyboard.press('Shift+ArrowDown');
      expect((await view(app.page)).pitch).toBeLessThan(START.pitch - 3);
    });

    it('should fly back to the start view with Home', async () => {
      await app.page.evaluate(() => window.twin.setView({ lon: 17.95, lat: 62.64, height: 3000, heading: 200, pitch: -70 }));
      await app.page.locator('canvas').focus();
      await app.page.keyboard.press('Home');
      await expect
        .poll(() => view(app.page), { timeout: 15_000 })
        .toMatchObject({ lon: expect.closeTo(START.lon, 6), lat: expect.closeTo(START.lat, 6), height: expect.closeTo(START.height, 1) });
    });
  });

  describe('mouse', () => {
    it('should zoom towards the cursor with the wheel and never below the ground', async () => {
      const { x, y } = await canvasCentre(app.page);
      await app.page.mouse.move(x, y);
      await app.page.mouse.wheel(0, -400);
      const zoomed = await view(app.page);
      expect(zoomed.height).toBeLessThan(START.height * 0.7);
      for (let i = 0; i < 12; i++) await app.page.mouse.wheel(0, -1200);
      expect((await view(app.page)).height).toBeGreaterThan(GROUND + 1);
    });

    it('should orbit around the point under the cursor with a left drag', async () => {
      const { x, y } = await canvasCentre(app.page);
      await app.page.mouse.move(x, y);
      await app.page.mouse.down();
      await app.page.mouse.move(x + 200, y, { steps: 8 });
      await app.page.mouse.up();
      const orbited = await view(app.page);
      expect(Math.abs(((orbited.heading + 540) % 360) - 180)).toBeGreaterThan(20); // heading moved away from 0
      expect(orbited.height).toBeCloseTo(START.height, -1);
    });

    it('should pan with a right drag, keeping height and heading', async () => {
      const { x, y } = await canvasCentre(app.page);
      await app.page.mouse.move(x, y);
      await app.page.mouse.down({ button: 'right' });
      await app.page.mouse.move(x, y + 150, { steps: 6 });
      await app.page.mouse.up({ button: 'right' });
      const panned = await view(app.page);
      expect(panned.lat).toBeGreaterThan(START.lat + 0.0005); // dragging the ground down moves the camera north
      expect(panned.height).toBeCloseTo(START.height, 0);
      expect(panned.heading).toBeCloseTo(0, 3);
    });
  });

  describe('touch', () => {
    it('should orbit with one finger', async () => {
      const { x, y } = await canvasCentre(app.page);
      await touch(cdp, 'touchStart', [{ x, y }]);
      for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', [{ x: x + i * 25, y }]);
      await touch(cdp, 'touchEnd', []);
      const v = await view(app.page);
      expect(Math.abs(((v.heading + 540) % 360) - 180)).toBeGreaterThan(20);
    });

    it('should pinch to zoom with two fingers', async () => {
      const { x, y } = await canvasCentre(app.page);
      await touch(cdp, 'touchStart', [{ x: x - 40, y }, { x: x + 40, y }]);
      for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', [{ x: x - 40 - i * 20, y }, { x: x + 40 + i * 20, y }]);
      await touch(cdp, 'touchEnd', []);
      const v = await view(app.page);
      expect(v.height).toBeLessThan(START.height * 0.6);
      expect(v.heading).toBeCloseTo(0, 3);
    });

    it('should pan with two fingers moving together', async () => {
      const { x, y } = await canvasCentre(app.page);
      await touch(cdp, 'touchStart', [{ x: x - 40, y }, { x: x + 40, y }]);
      for (let i = 1; i <= 8; i++) await touch(cdp, 'touchMove', [{ x: x - 40 + i * 20, y }, { x: x + 40 + i * 20, y }]);
      await touch(cdp, 'touchEnd', []);
      const v = await view(app.page);
      expect(v.lon).toBeLessThan(START.lon - 0.0005); // dragging the ground east moves the camera west
      expect(v.height).toBeCloseTo(START.height, 0);
    });

    it('should zoom in on a double tap', async () => {
      const { x, y } = await canvasCentre(app.page);
      // two 80 ms taps, 120 ms apart
      const t0 = Date.now() / 1000;
      await touch(cdp, 'touchStart', [{ x, y }], t0);
      await touch(cdp, 'touchEnd', [], t0 + 0.08);
      await touch(cdp, 'touchStart', [{ x, y }], t0 + 0.2);
      await touch(cdp, 'touchEnd', [], t0 + 0.28);
      await expect.poll(async () => (await view(app.page)).height).toBeLessThan(START.height * 0.7);
    });

    it('should not zoom for two taps a second apart', async () => {
      const { x, y } = await canvasCentre(app.page);
      const t0 = Date.now() / 1000;
      await touch(cdp, 'touchStart', [{ x, y }], t0);
      await touch(cdp, 'touchEnd', [], t0 + 0.08);
      await touch(cdp, 'touchStart', [{ x, y }], t0 + 1.1);
      await touch(cdp, 'touchEnd', [], t0 + 1.18);
      await app.page.evaluate(() => new Promise(requestAnimationFrame));
      expect((await view(app.page)).height).toBeCloseTo(START.height, 3);
    });
  });
});
