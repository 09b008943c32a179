/**
 * Issue 17, item 13: `?scene=` from another origin. Refused unless the operator allows that
 * origin (config.json / --allow-origin); an allowed scene says where it comes from.
 * "Another site" is a small HTTP server on another port that counts its requests.
 */

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../tools/server/staleness.ts';
import { startServer, type RunningServer } from '../../tools/server/start.ts';
import { launchBrowser, saveScreenshot, type LaunchedBrowser } from './harness/browser.ts';
import { openApp } from './harness/twin.ts';

const baseUrl = inject('baseUrl');
const quiet = { info() {}, warn: (m: string) => console.warn(m), error: (m: string, e?: unknown) => console.error(m, e ?? '') };

/** The demo scene with another title, its relative URLs made absolute against `appUrl`. */
function otherScene(appUrl: string): string {
  const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'public', 'scenes', 'demo.json'), 'utf8')) as { title: string; layers: { url: string }[] };
  const sceneUrl = new URL('scenes/demo.json', appUrl);
  return JSON.stringify({
    ...demo,
    $schema: undefined,
    title: 'Detaljplan från en annan webbplats',
    layers: demo.layers.map((l) => ({ ...l, url: new URL(l.url, sceneUrl).href })),
  });
}

let other: Server;
let otherOrigin: string;
let hits = 0;
let allowingApp: RunningServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  // The other site's scene draws the app's own demo tiles (absolute URLs on the allowing app).
  other = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(otherScene(allowingApp.url));
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  // An app server whose operator allows that origin (the e2e server does not).
  allowingApp = await startServer({ port: 0, logger: quiet, allowedOrigins: [otherOrigin] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await allowingApp?.close();
  await new Promise((resolve) => other?.close(resolve));
});

describe('?scene= from another origin', () => {
  it('is refused on a site that does not allow it: a notice, the site own scene, no request to the other site', async () => {
    hits = 0;
    const app = await openApp(browser, baseUrl, `?lang=sv&scene=${encodeURIComponent(`${otherOrigin}/scene.json`)}`);
    try {
      const alert = app.page.locator('.scene-refused');
      await expect.poll(() => alert.isVisible()).toBe(true);
      expect(await alert.textContent()).toContain('Länken ber om en scen från en annan webbplats');
      expect(await alert.locator('code').textContent()).toBe(otherOrigin);
      expect(await app.page.locator('.top-bar h1').textContent()).toBe('Härnösand – Sambiblioteket (demo)');
      expect(await app.page.locator('.scene-source').count()).toBe(0);
      expect(hits).toBe(0);
      saveScreenshot('scene-origin-refused', await app.page.screenshot());
      await alert.getByRole('button').click();
      expect(await alert.count()).toBe(0);
      expect(app.problems()).toEqual([]);
    } finally {
      await app.page.close();
    }
  });

  it('refuses a scene written into the link itself (data:)', async () => {
    const fake = `data:application/json,${encodeURIComponent(otherScene(baseUrl))}`;
    const app = await openApp(browser, baseUrl, `?lang=en&scene=${encodeURIComponent(fake)}`);
    try {
      await expect.poll(() => app.page.locator('.scene-refused').isVisible()).toBe(true);
      expect(await app.page.locator('.scene-refused code').textContent()).toBe('data:');
      expect(await app.page.locator('.top-bar h1').textContent()).toBe('Härnösand – Sambiblioteket (demo)');
    } finally {
      await app.page.close();
    }
  });

  it('loads on a site whose operator allows the origin, and says where it comes from', async () => {
    hits = 0;
    const query = `?scene=${encodeURIComponent(`${otherOrigin}/scene.json`)}`;
    for (const [lang, text, viewport] of [
      ['sv', 'Scen från', { width: 1280, height: 800 }],
      ['en', 'Scene from', { width: 390, height: 844 }],
    ] as const) {
      const app = await openApp(browser, allowingApp.url, `${query}&lang=${lang}`);
      try {
        await app.page.setViewportSize(viewport);
        expect(await app.page.locator('.top-bar h1').textContent()).toBe('Detaljplan från en annan webbplats');
        const notice = app.page.locator('.scene-source');
        expect(await notice.isVisible()).toBe(true);
        expect((await notice.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`${text} ${otherOrigin}`);
        expect(await app.page.locator('.scene-refused').count()).toBe(0);
        const layers = await app.page.evaluate(() => window.twin.layers());
        expect(layers.filter((l) => l.state !== 'ready')).toEqual([]);
        saveScreenshot(`scene-origin-allowed-${lang}-${viewport.width}x${viewport.height}`, await app.page.screenshot());
        expect(app.problems()).toEqual([]);
      } finally {
        await app.page.close();
      }
    }
    expect(hits).toBe(2);
  });
});
