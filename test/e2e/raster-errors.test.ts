/**
 * Broken rasters say what is wrong on their own layer, and the rest keeps drawing: missing
 * tiles (404) as transparent holes with a warning, or an error when none exists; an
 * unreachable server; a world file that does not parse or is written northing first; bounds
 * written latitude first; an image far too large for the GPU.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../src/geo/index.ts';
import { expectCanvasDrawn, shootCanvas } from './harness/canvas.ts';
import { loadScene, useApp, waitIdle } from './harness/twin.ts';
import { clearGenerated, GENERATED_URL, image, pngHeaderClaiming, tileAt, writeGenerated } from './raster/generated.ts';

const ORIGIN = { lon: 17.9379, lat: 62.6323, height: 28 };
const BOUNDS: [number, number, number, number] = [17.93, 62.629, 17.946, 62.636];
const ZOOM = 16;

/** A server that does not answer (the discard port; the e2e server's policy allows it, so the request fails as unreachable). */
const UNREACHABLE = 'http://127.0.0.1:9/wms';

describe('broken rasters', () => {
  const session = useApp('?scene=/fixtures/scenes/empty.json&lang=en');
  let partialTiles = 0;

  beforeAll(() => {
    clearGenerated();
    // half the zoom-16 tiles over BOUNDS exist (a chequerboard), the others are missing
    const [x0, y0] = tileAt(BOUNDS[0], BOUNDS[3], ZOOM);
    const [x1, y1] = tileAt(BOUNDS[2], BOUNDS[1], ZOOM);
    const tile = image(256, 256, [200, 180, 120]);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        if ((x + y) % 2 === 0) {
          writeGenerated(`partial/${ZOOM}/${x}/${y}.png`, tile);
          partialTiles++;
        }
      }
    }
    const [e, n] = fromWgs84('EPSG:3014', ORIGIN.lon, ORIGIN.lat);
    writeGenerated('small.png', image(64, 64, [200, 180, 120]));
    writeGenerated('bad-world.png', image(64, 64, [200, 180, 120]));
    writeGenerated('bad-world.pgw', '1,0\n0\n0\n-1,0\n185295\n6947589\n');
    writeGenerated('northing-first.png', image(64, 64, [200, 180, 120]));
    writeGenerated('northing-first.pgw', ['1', '0', '0', '-1', n.toFixed(1), e.toFixed(1)].join('\n'));
    writeGenerated('huge.png', pngHeaderClaiming(40_000, 40_000));
    writeGenerated('huge.pgw', ['1', '0', '0', '-1', e.toFixed(1), n.toFixed(1)].join('\n'));
  });

  it('should give each layer its own state and words, and keep drawing the good one', async () => {
    const { page } = session.app;
    const tiles = (path: string) => `${GENERATED_URL}${path}/{z}/{x}/{y}.png`;
    await loadScene(page, {
      version: 1,
      title: 'Broken rasters (test)',
      origin: ORIGIN,
      layers: [
        { id: 'ground', type: 'tiles3d', name: 'Ground', url: '/tiles/harnosand-ground/tileset.json', pickable: false },
        { id: 'holes', type: 'raster', name: 'Holes', url: tiles('partial'), minZoom: ZOOM, maxZoom: ZOOM, bounds: BOUNDS },
        { id: 'missing', type: 'raster', name: 'Missing', url: tiles('nowhere'), minZoom: ZOOM, maxZoom: ZOOM, bounds: BOUNDS },
        { id: 'unreachable', type: 'raster', service: 'wms', name: 'Unreachable', url: UNREACHABLE, layers: 'a', crs: 'EPSG:3006', bounds: BOUNDS },
        { id: 'bad-world', type: 'raster', name: 'Bad world file', url: `${GENERATED_URL}bad-world.png`, crs: 'EPSG:3014' },
        { id: 'no-world', type: 'raster', name: 'No world file', url: `${GENERATED_URL}small.png`, crs: 'EPSG:3014' },
        { id: 'northing-first', type: 'raster', name: 'Northing first', url: `${GENERATED_URL}northing-first.png`, crs: 'EPSG:3014' },
        { id: 'swapped', type: 'raster', name: 'Swapped bounds', url: tiles('partial'), minZoom: ZOOM, maxZoom: ZOOM, bounds: [62.629, 17.93, 62.636, 17.946] },
        { id: 'huge', type: 'raster', name: 'Huge', url: `${GENERATED_URL}huge.png`, crs: 'EPSG:3014' },
      ],
      viewpoints: [{ id: 'v', name: 'Over', lon: 17.938, lat: 62.624, height: 700, heading: 0, pitch: -60 }],
      startViewpoint: 'v',
      ground: { colour: '#56809c' },
    });
    await waitIdle(page);
    const byId = Object.fromEntries((await page.evaluate(() => window.twin.layers())).map((l) => [l.id, l]));
    expect(byId.ground).toMatchObject({ state: 'ready' });
    expect(byId.holes!.state).toBe('ready');
    expect(byId.holes!.warnings).toEqual([expect.stringMatching(/^\d+ tiles? shown transparent: HTTP 404 Not Found \(…\/16\/\d+\/\d+\.png( and \d+ more)?\)$/)]);
    expect(byId.missing).toMatchObject({ state: 'error', error: expect.stringMatching(/^No tile could be loaded: HTTP 404 Not Found \(…\/16\/\d+\/\d+\.png, and \d+ more tiles\)$/) });
    expect(byId.unreachable).toMatchObject({ state: 'error', error: expect.stringMatching(/^No tile could be loaded: the server could not be reached \(/) });
    expect(byId['bad-world']).toMatchObject({ state: 'error', error: 'The world file bad-world.pgw does not parse: line 1 of the world file is not a number: "1,0".' });
    expect(byId['no-world']).toMatchObject({ state: 'error', error: 'The world file small.pgw could not be loaded: HTTP 404 Not Found.' });
    expect(byId['northing-first']).toMatchObject({ state: 'error', error: expect.stringMatching(/^The coordinates look like northing first \(6947\d+\.\d, 185\d+\.\d\): a world file gives the easting \(line 5\) before the northing \(line 6\)\.$/) });
    expect(byId.swapped).toMatchObject({ state: 'error', error: expect.stringMatching(/^"bounds" look like \[south, west, north, east\] \(latitude first\): as written they put the map \d+ km from the scene; \[17\.93, 62\.629, 17\.946, 62\.636\] would put it here\.$/) });
    expect(byId.huge).toMatchObject({ state: 'error', error: 'The image is 40000 × 40000 px (6.4 GB decoded), too large to show: at most 64 megapixels and 32768 px a side. Cut it into tiles (e.g. with gdal2tiles) and use "service": "tiles".' });
    const stats = await page.evaluate(() => window.twin.stats());
    expect(stats.triangles).toBeGreaterThan(0);
    // the rest keeps drawing: the ground, and the tiles of the layer with holes
    expectCanvasDrawn(await shootCanvas(page, 'raster-errors'), { minVariance: 20, minColours: 100 });
    expect(stats.tiles.failed).toBeGreaterThan(0);
    expect(partialTiles).toBeGreaterThan(1);
    expect(session.app.errors.pageErrors).toEqual([]);
  });

  it('should show the errors in the layer panel as text', async () => {
    const { page } = session.app;
    const alert = page.locator('[data-layer-id="huge"] .layer-error');
    expect(await alert.innerText()).toMatch(/^The image is 40000 × 40000 px/);
    expect(await page.locator('[data-layer-id="holes"] .layer-warnings summary').innerText()).toBe('1 warning');
  });
});
