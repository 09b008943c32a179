/**
 * Smoke test of the e2e harness itself: the in-process server (global-setup) serves the build,
 * missing files 404 instead of returning HTML, and headless Chromium has WebGL2 on SwiftShader.
 * The browser checks use data: pages, so they do not depend on the app.
 */

import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, saveScreenshot, screenshotStats, type LaunchedBrowser } from './harness/browser.ts';
import { canvasStats, expectCanvasDrawn, meanColour, shootCanvas, SKY } from './harness/canvas.ts';
import { sharedDataSet } from './harness/data.ts';
import { openApp } from './harness/twin.ts';

const baseUrl = inject('baseUrl');
const dataReadme = sharedDataSet('README.md', 'the check of the /data/ mount');

/** GET with the path sent byte-for-byte (fetch would normalise '..'). */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('server (global setup)', () => {
  it('serves index.html at the base URL', async () => {
    const res = await fetch(baseUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/<script[^>]+type="module"/);
  });

  it('answers 404 (not HTML) for a missing tile', async () => {
    const res = await fetch(new URL('tiles/nope.glb', baseUrl));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toMatch(/html/);
    expect(await res.text()).not.toMatch(/<html/i);
  });

  it('serves the decoders with their MIME types', async () => {
    const wasm = await fetch(new URL('decoders/draco/draco_decoder.wasm', baseUrl));
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const basis = await fetch(new URL('decoders/basis/basis_transcoder.js', baseUrl), { method: 'HEAD' });
    expect(basis.status).toBe(200);
    expect(basis.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('refuses directory traversal', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await rawGet(path);
      expect(res.status, path).not.toBe(200);
      expect(res.body, path).not.toContain('"metacity-twin"');
    }
  });

  it.skipIf(!dataReadme)('mounts the shared data at /data/', async () => {
    const res = await fetch(dataReadme!.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(dataReadme!.path, 'utf8'));
    expect((await fetch(new URL('nope/missing.json', dataReadme!.url))).status).toBe(404);
  });
});

describe('browser', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has WebGL2 on SwiftShader', async () => {
    const { page, problems } = await browser.openPage('about:blank');
    const gl = await page.evaluate(() => {
      const ctx = document.createElement('canvas').getContext('webgl2');
      if (!ctx) return null;
      const info = ctx.getExtension('WEBGL_debug_renderer_info');
      return { renderer: String(info ? ctx.getParameter(info.UNMASKED_RENDERER_WEBGL) : ctx.getParameter(ctx.RENDERER)) };
    });
    expect(gl).not.toBeNull();
    expect(gl!.renderer).toMatch(/swiftshader/i);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('records page errors, console errors and failed requests', async () => {
    const html = `<script>
      console.error('harness-console-error');
      fetch('http://127.0.0.1:9/unreachable').catch(() => {});
      setTimeout(() => { throw new Error('harness-page-error'); }, 0);
    </script>`;
    const { page, errors } = await browser.openPage(`data:text/html,${encodeURIComponent(html)}`);
    await expect.poll(() => errors.pageErrors.length + errors.failedRequests.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(errors.pageErrors.join('\n')).toContain('harness-page-error');
    expect(errors.consoleErrors.join('\n')).toContain('harness-console-error');
    expect(errors.failedRequests.join('\n')).toContain('127.0.0.1:9/unreachable');
    await page.close();
  });

  it('tells a blank screenshot from a drawn one', async () => {
    const blank = await browser.openPage('data:text/html,<body style="margin:0;background:#fff"></body>');
    const blankStats = screenshotStats(await blank.page.screenshot());
    expect(blankStats).toMatchObject({ width: 1280, height: 800, distinctColours: 1, variance: 0 });
    expect(blankStats.meanLuma).toBeCloseTo(255, 0);
    await blank.page.close();

    // A WebGL2 clear in two scissored halves: proves rendering reaches the screenshot.
    const html = `<body style="margin:0"><canvas id="c" width="1280" height="800"></canvas><script>
      const gl = document.getElementById('c').getContext('webgl2', { preserveDrawingBuffer: true });
      gl.enable(gl.SCISSOR_TEST);
      gl.scissor(0, 0, 640, 800); gl.clearColor(1, 0, 0, 1); gl.clear(gl.COLOR_BUFFER_BIT);
      gl.scissor(640, 0, 640, 800); gl.clearColor(0, 0, 1, 1); gl.clear(gl.COLOR_BUFFER_BIT);
    </script></body>`;
    const drawn = await browser.openPage(`data:text/html,${encodeURIComponent(html)}`);
    const png = await drawn.page.screenshot();
    saveScreenshot('harness-webgl2-halves', png);
    const s = screenshotStats(png);
    expect(s.distinctColours).toBeGreaterThanOrEqual(2);
    expect(s.variance).toBeGreaterThan(100);
    expect(drawn.problems()).toEqual([]);
    await drawn.page.close();
  });

  it('tells a canvas that draws nothing from a drawn one, whatever panels lie over it', async () => {
    // a busy panel of text and colours over a WebGL canvas cleared to the app's sky colour, or drawn in two halves
    const page = (draw: boolean) => `<body style="margin:0"><canvas id="c" width="1280" height="800" style="position:absolute;inset:0"></canvas>
      <div style="position:absolute;left:10px;top:10px;width:320px;padding:8px;background:linear-gradient(#fff,#258);font:14px sans-serif">${'Layers, viewpoints, a legend. '.repeat(40)}</div>
      <script>
        const gl = document.getElementById('c').getContext('webgl2', { preserveDrawingBuffer: true });
        gl.clearColor(${SKY.map((c) => c / 255).join(', ')}, 1); gl.clear(gl.COLOR_BUFFER_BIT);
        if (${draw}) { gl.enable(gl.SCISSOR_TEST); gl.scissor(640, 0, 640, 800); gl.clearColor(0.5, 0.2, 0.1, 1); gl.clear(gl.COLOR_BUFFER_BIT); }
      </script></body>`;
    const blank = await browser.openPage(`data:text/html,${encodeURIComponent(page(false))}`);
    const whole = screenshotStats(await blank.page.screenshot());
    expect(whole.variance, 'the panel alone makes the whole page look busy').toBeGreaterThan(200);
    const blankStats = canvasStats(await shootCanvas(blank.page, 'harness-canvas-blank', '#c'));
    expect(blankStats).toMatchObject({ width: 1280, height: 800, variance: 0, distinctColours: 1, coverage: 0 });
    await blank.page.close();
    const drawn = await browser.openPage(`data:text/html,${encodeURIComponent(page(true))}`);
    const shot = await shootCanvas(drawn.page, 'harness-canvas-drawn', '#c');
    expectCanvasDrawn(shot, { minVariance: 100, minColours: 1, minCoverage: 0.49 });
    expect(meanColour(shot, 960, 400)).toEqual([128, 51, 26]);
    expect(meanColour(shot, 100, 400), 'under the (hidden) panel: the canvas').toEqual(SKY);
    await drawn.page.close();
  });

  it("knows the app's sky: an empty scene's canvas is that one colour", async () => {
    const app = await openApp(browser, baseUrl, '?scene=/fixtures/scenes/empty.json');
    expect(canvasStats(await shootCanvas(app.page, 'harness-empty-scene'))).toMatchObject({ variance: 0, distinctColours: 1, coverage: 0 });
    expect(app.problems()).toEqual([]);
    await app.page.close();
  });
});
