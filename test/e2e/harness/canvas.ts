/**
 * "Does it draw?" checks that look at the 3D canvas only: the page's panels are hidden for the
 * shot and the image is cropped to the canvas, so text, buttons and panels can no longer make
 * a blank 3D view look busy. Probes then read colours at the pixels where geometry must be
 * (projected from geographic points with `twin.view()`, test/e2e/harness/projection.ts).
 *
 *   const shot = await shootCanvas(page, 'demo-start');
 *   expectCanvasDrawn(shot, { minVariance: 100, minColours: 200 });
 *   expectGeometryAt(shot, [{ name: 'library roof', at: { lon, lat, height } }], { unlike: [SKY] });
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { addStyleSheet, imageStats, saveScreenshot, type ScreenshotStats } from './browser.ts';
import { canvasPointOf, type GeoPoint, type ViewPose } from './projection.ts';

export type Rgb = [number, number, number];

/** The app's sky (src/scene/Viewer.tsx SKY_COLOUR): what its canvas shows where nothing is drawn. */
export const SKY: Rgb = [0xcd, 0xdb, 0xe6];

/**
 * The app's 3D canvas: three.js marks its canvas with `data-engine`. (In XR the emulator moves
 * the canvas out of `.twin-canvas` into its own container, so the class would not find it.)
 */
export const APP_CANVAS = 'canvas[data-engine^="three.js"]';

export interface CanvasShot {
  /** The canvas alone, at CSS pixel size. */
  png: PNG;
  /** `twin.view()` when the shot was taken (null on pages without the app). */
  view: ViewPose | null;
  /** test-results/<name>-canvas.png, for a failure message. */
  file: string;
}

/**
 * Screenshot of the canvas alone: every other element is hidden (`visibility`, restored after),
 * and the image is cropped to the canvas's box. Saved as test-results/<name>-canvas.png.
 */
export async function shootCanvas(page: Page, name: string, selector = APP_CANVAS): Promise<CanvasShot> {
  const canvas = page.locator(selector).first();
  const box = await canvas.boundingBox();
  if (!box || box.width < 1 || box.height < 1) throw new Error(`shootCanvas: no visible ${selector} on the page`);
  const removeStyle = await addStyleSheet(page, `body * { visibility: hidden !important; } ${selector} { visibility: visible !important; }`);
  try {
    // two frames: the style applies, and the compositor shows the canvas alone
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const buf = await page.screenshot({ clip: box, scale: 'css' });
    const view = await page.evaluate(() => (typeof window.twin === 'object' ? window.twin.view() : null));
    return { png: PNG.sync.read(buf), view, file: saveScreenshot(`${name}-canvas`, buf) };
  } finally {
    await removeStyle();
  }
}

export interface CanvasStats extends ScreenshotStats {
  /** Fraction (0–1) of the canvas's pixels that differ from {@link SKY} by more than 12 in some channel. */
  coverage: number;
}

/** Variance, mean luma, distinct colours and the share not showing sky, of the canvas alone. */
export function canvasStats(shot: CanvasShot): CanvasStats {
  const { png } = shot;
  let covered = 0;
  for (let o = 0; o < png.data.length; o += 4) {
    if (Math.max(Math.abs(png.data[o]! - SKY[0]), Math.abs(png.data[o + 1]! - SKY[1]), Math.abs(png.data[o + 2]! - SKY[2])) > 12) covered++;
  }
  return { ...imageStats(png), coverage: covered / (png.width * png.height) };
}

/**
 * Fails unless the canvas alone shows a picture, above each floor given: luma variance and
 * distinct colours (for views full of geometry), coverage (for sparse geometry over the sky).
 * A canvas that draws nothing has variance 0, one colour and coverage 0.
 */
export function expectCanvasDrawn(shot: CanvasShot, floors: { minVariance?: number; minColours?: number; minCoverage?: number }): CanvasStats {
  const s = canvasStats(shot);
  const what = `canvas alone (${shot.file}): ${JSON.stringify({ variance: Math.round(s.variance), distinctColours: s.distinctColours, coverage: Number(s.coverage.toFixed(4)) })}`;
  if (floors.minVariance !== undefined) expect(s.variance, `luma variance of the ${what}`).toBeGreaterThan(floors.minVariance);
  if (floors.minColours !== undefined) expect(s.distinctColours, `distinct colours of the ${what}`).toBeGreaterThan(floors.minColours);
  if (floors.minCoverage !== undefined) expect(s.coverage, `share of the ${what} not showing sky`).toBeGreaterThan(floors.minCoverage);
  return s;
}

/** Mean colour of the (2r+1)² block around a canvas pixel (clamped to the canvas). */
export function meanColour(shot: CanvasShot, x: number, y: number, r = 3): Rgb {
  const { png } = shot;
  const cx = Math.round(x);
  const cy = Math.round(y);
  const sum = [0, 0, 0];
  let n = 0;
  for (let py = Math.max(0, cy - r); py <= Math.min(png.height - 1, cy + r); py++) {
    for (let px = Math.max(0, cx - r); px <= Math.min(png.width - 1, cx + r); px++) {
      const o = (py * png.width + px) * 4;
      for (let c = 0; c < 3; c++) sum[c]! += png.data[o + c]!;
      n++;
    }
  }
  return sum.map((v) => Math.round(v / n)) as Rgb;
}

/** Mean absolute RGB difference (0–255) of two same-sized images, over the columns [x0, x1). */
export function meanDifference(a: PNG, b: PNG, x0 = 0, x1 = a.width): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`meanDifference: ${a.width}×${a.height} against ${b.width}×${b.height}`);
  let sum = 0;
  let n = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = x0; x < x1; x++) {
      const o = (y * a.width + x) * 4;
      sum += Math.abs(a.data[o]! - b.data[o]!) + Math.abs(a.data[o + 1]! - b.data[o + 1]!) + Math.abs(a.data[o + 2]! - b.data[o + 2]!);
      n += 3;
    }
  }
  return sum / n;
}

/** The largest difference of one channel (0–255). */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** The canvas pixel that shows a geographic point; fails if the point is behind the camera or off the canvas. */
export function pixelOf(shot: CanvasShot, at: GeoPoint, margin = 4): { x: number; y: number } {
  if (!shot.view) throw new Error('pixelOf: the shot has no twin.view()');
  const p = canvasPointOf(shot.view, { width: shot.png.width, height: shot.png.height }, at);
  const inside = p.depth > 0 && p.x >= margin && p.y >= margin && p.x <= shot.png.width - margin && p.y <= shot.png.height - margin;
  expect(inside, `${JSON.stringify(at)} projects to ${Math.round(p.x)}, ${Math.round(p.y)} (depth ${Math.round(p.depth)} m), outside the ${shot.png.width}×${shot.png.height} canvas`).toBe(true);
  return { x: p.x, y: p.y };
}

/** Mean colour where a geographic point appears. */
export function colourAt(shot: CanvasShot, at: GeoPoint, r = 3): Rgb {
  const { x, y } = pixelOf(shot, at);
  return meanColour(shot, x, y, r);
}

export interface Probe {
  /** What must be drawn there, for the failure message ("the library's roof"). */
  name: string;
  at: GeoPoint;
}

/**
 * Fails unless, at the pixel of each probe, the canvas shows something other than each colour of
 * `unlike` (by more than `minDistance` in some channel): what would be there without the
 * geometry, e.g. {@link SKY} and the bare ground measured in the same shot.
 */
export function expectGeometryAt(shot: CanvasShot, probes: Probe[], opts: { unlike: Rgb[]; minDistance?: number; radius?: number }): Rgb[] {
  const minDistance = opts.minDistance ?? 24;
  return probes.map((probe) => {
    const { x, y } = pixelOf(shot, probe.at);
    const got = meanColour(shot, x, y, opts.radius ?? 3);
    for (const bg of opts.unlike) {
      expect(colourDistance(got, bg), `${probe.name} at pixel ${Math.round(x)}, ${Math.round(y)} of ${shot.file} is rgb(${got}), too close to rgb(${bg}) (what shows without it)`).toBeGreaterThan(minDistance);
    }
    return got;
  });
}
