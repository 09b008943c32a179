/**
 * Screen geometry for raster registration tests: where a point of the ground appears for a
 * camera looking straight down (a pinhole model written out here, on the plane the maps lie
 * on, tangent at the origin), and where a class of pixels reaches its extremes in a shot of
 * the canvas (test/e2e/harness/canvas.ts `shootCanvas`).
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { shootCanvas } from '../harness/canvas.ts';
import { createSceneFrame, type GeoOrigin } from '../../../src/geo/index.ts';
import { PixelExtent, type PixelCorners } from './pixel-extent.ts';

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

/** The extreme pixels (centres) of those for which `isMap` holds: topmost, leftmost, rightmost, and the bottom row's ends. */
export function extremes(png: PNG, isMap: (r: number, g: number, b: number) => boolean): PixelCorners {
  const extent = new PixelExtent();
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const o = (y * png.width + x) * 4;
      if (isMap(png.data[o]!, png.data[o + 1]!, png.data[o + 2]!)) extent.add(x, y);
    }
  }
  const c = extent.corners();
  const centre = ([x, y]: [number, number]): [number, number] => [x + 0.5, y + 0.5];
  return { north: centre(c.north), west: centre(c.west), east: centre(c.east), southWest: centre(c.southWest), southEast: centre(c.southEast) };
}

/** The canvas alone (saved as test-results/<name>-canvas.png), checked to have the camera's size. */
export async function shootDown(page: Page, name: string, cam: DownCamera): Promise<PNG> {
  const { png, file } = await shootCanvas(page, name);
  expect([png.width, png.height], `the canvas of ${file}`).toEqual([cam.width, cam.height]);
  return png;
}
