/**
 * Screen geometry for raster registration tests: where a point of the ground appears for a
 * camera looking straight down (a pinhole model written out here), and where a class of
 * pixels reaches its extremes in a screenshot.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { createSceneFrame, type GeoOrigin } from '../../../src/geo/index.ts';

/** Hides the DOM panels so that screenshots show only the canvas. */
export const HIDE_UI = '.top-bar, .side, .compare-control, .compare-swipe, .attribution, .loading-bar, .info-panel, .timeline, .xr-buttons { visibility: hidden !important; }';

export async function canvasScreenshot(page: Page): Promise<PNG> {
  const style = await page.addStyleTag({ content: HIDE_UI });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const png = PNG.sync.read(await page.screenshot());
  await style.evaluate((el) => (el as HTMLElement).remove());
  return png;
}

export interface DownCamera {
  /** Where the camera is: straight above `origin`'s ground point (the scene origin). */
  origin: GeoOrigin;
  /** Metres above the plane the map lies on. */
  above: number;
  /** Vertical field of view, degrees. */
  fov: number;
  width: number;
  height: number;
}

/**
 * Screen pixel (x right, y down; pixel centres at .5) of a longitude/latitude on the plane
 * tangent at the origin, for a camera straight above the origin looking down, north up.
 */
export function projectDown(cam: DownCamera, lon: number, lat: number): [number, number] {
  const [x, , z] = createSceneFrame(cam.origin).toLocal(lon, lat, cam.origin.height);
  const f = cam.height / 2 / Math.tan(((cam.fov / 2) * Math.PI) / 180);
  return [cam.width / 2 + (x / cam.above) * f, cam.height / 2 + (z / cam.above) * f];
}

/** Metres on the ground of a screen pixel offset, for the same camera. */
export function metresPerPixel(cam: DownCamera): number {
  return (2 * cam.above * Math.tan(((cam.fov / 2) * Math.PI) / 180)) / cam.height;
}

export interface Extremes {
  north: [number, number];
  west: [number, number];
  east: [number, number];
  southWest: [number, number];
  southEast: [number, number];
}

/** The extreme pixels (centres) of those for which `isMap` holds: topmost, leftmost, rightmost, and the bottom row's ends. */
export function extremes(png: PNG, isMap: (r: number, g: number, b: number) => boolean): Extremes {
  const rows = new Map<number, { min: number; max: number }>();
  const cols = new Map<number, { min: number; max: number }>();
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const o = (y * png.width + x) * 4;
      if (!isMap(png.data[o]!, png.data[o + 1]!, png.data[o + 2]!)) continue;
      const r = rows.get(y) ?? { min: Infinity, max: -Infinity };
      rows.set(y, { min: Math.min(r.min, x), max: Math.max(r.max, x) });
      const c = cols.get(x) ?? { min: Infinity, max: -Infinity };
      cols.set(x, { min: Math.min(c.min, y), max: Math.max(c.max, y) });
    }
  }
  const ys = [...rows.keys()].sort((a, b) => a - b);
  const xs = [...cols.keys()].sort((a, b) => a - b);
  const mid = (r: { min: number; max: number }) => (r.min + r.max) / 2 + 0.5;
  const top = ys[0]!;
  const bottom = ys.at(-1)!;
  return {
    north: [mid(rows.get(top)!), top + 0.5],
    west: [xs[0]! + 0.5, mid(cols.get(xs[0]!)!)],
    east: [xs.at(-1)! + 0.5, mid(cols.get(xs.at(-1)!)!)],
    southWest: [rows.get(bottom)!.min + 0.5, bottom + 0.5],
    southEast: [rows.get(bottom)!.max + 0.5, bottom + 0.5],
  };
}
