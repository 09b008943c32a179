/**
 * Registration of a real historical map served as TMS tiles (Cluj, 1869, from
 * ../shared/data: its licence is unclear, so it is used here and never shipped): the map's
 * corners, read from the tiles with the Web Mercator formulas, land on the screen pixels a
 * pinhole camera puts them at, within 2 px, for a camera set with `setView`.
 */
import { describe, expect, it } from 'vitest';
import { sharedDataSet } from './harness/data.ts';
import { useApp, loadScene, waitIdle } from './harness/twin.ts';
import { mapCorners } from './raster/map-corners.ts';
import { extremes, metresPerPixel, projectDown, shootDown, type DownCamera } from './raster/screen.ts';

const TILES = sharedDataSet('historical-map-cluj-1869-tiles/tiles/', 'the Cluj TMS registration test');
const ORIGIN = { lon: 23.5922, lat: 46.775, height: 380 };
/** The map lies on the raster ground, 0.4 m under the scene's ground height (the ground plane's clearance). */
const PLANE = ORIGIN.height - 0.4;

/** Map pixels are the beige of the paper; the ground plane around them is magenta, lit. */
const isMap = (r: number, g: number, b: number) => g > 70 && !(r > 2 * g && b > 2 * g);

describe.skipIf(!TILES)('a TMS historical map (Cluj 1869) lands where its tiles say', () => {
  // start from an empty scene: the demo's load is not what these tests are about
  const session = useApp('?scene=/fixtures/scenes/empty.json&lang=en');
  const corners = TILES ? mapCorners(TILES.path, 16) : null;

  async function open(): Promise<void> {
    await loadScene(session.app.page, {
      version: 1,
      title: 'Cluj 1869 (test)',
      origin: ORIGIN,
      layers: [
        {
          id: 'cluj',
          type: 'raster',
          name: 'Cluj 1869',
          url: `${TILES!.url}{z}/{x}/{y}.png`,
          scheme: 'tms',
          minZoom: 13,
          maxZoom: 16,
          bounds: [23.558106, 46.749859, 23.631148, 46.798297],
          time: '1869',
        },
      ],
      ground: { colour: '#ff00ff' },
    });
  }

  async function look(cam: DownCamera, lon: number, lat: number): Promise<void> {
    const page = session.app.page;
    await page.evaluate((v) => window.twin.setView(v), { lon, lat, height: PLANE + cam.above, heading: 0, pitch: -90, fov: cam.fov });
    await waitIdle(page);
  }

  it('should load the tiles and be ready', async () => {
    await open();
    const [layer] = await session.app.page.evaluate(() => window.twin.layers());
    expect(layer).toMatchObject({ id: 'cluj', type: 'raster', state: 'ready' });
    expect(layer!.warnings).toBeUndefined();
    expect(session.app.errors.pageErrors).toEqual([]);
  });

  it('should put the map’s five corners within 2 px of where they belong (whole map in view)', async () => {
    const cam: DownCamera = { origin: { ...ORIGIN, height: PLANE }, above: 3500, fov: 90, width: 1280, height: 800 };
    await look(cam, ORIGIN.lon, ORIGIN.lat);
    const png = await shootDown(session.app.page, 'raster-cluj-overview', cam);
    const seen = extremes(png, isMap);
    const report: string[] = [];
    for (const key of ['north', 'west', 'east', 'southWest', 'southEast'] as const) {
      const c = corners![key];
      const [ex, ey] = projectDown(cam, c.lon, c.lat);
      const [sx, sy] = seen[key];
      report.push(`${key}: expected (${ex.toFixed(1)}, ${ey.toFixed(1)}), seen (${sx}, ${sy})`);
      expect(Math.hypot(sx - ex, sy - ey), report.join('; ')).toBeLessThanOrEqual(2);
    }
    console.log(`[e2e] Cluj corners at ${metresPerPixel(cam).toFixed(1)} m/px: ${report.join('; ')}`);
  });

  it('should put the north corner within 2 px from close by', async () => {
    const cam: DownCamera = { origin: { ...ORIGIN, height: PLANE }, above: 1200, fov: 60, width: 1280, height: 800 };
    const north = corners!.north;
    // a camera straight above the corner: project relative to a scene origin there
    await look(cam, north.lon, north.lat - 0.004);
    cam.origin = { lon: north.lon, lat: north.lat - 0.004, height: PLANE };
    const png = await shootDown(session.app.page, 'raster-cluj-north', cam);
    const [ex, ey] = projectDown(cam, north.lon, north.lat);
    const [sx, sy] = extremes(png, isMap).north;
    console.log(`[e2e] Cluj north corner at ${metresPerPixel(cam).toFixed(2)} m/px: expected (${ex.toFixed(1)}, ${ey.toFixed(1)}), seen (${sx}, ${sy})`);
    expect(Math.hypot(sx - ex, sy - ey)).toBeLessThanOrEqual(2);
  });
});
