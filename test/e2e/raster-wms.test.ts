/**
 * WMS 1.3.0 in SWEREF 99 TM against a local stand-in on another origin (allowed by the
 * server's policy, as an operator allows the municipality's map server): GetMap requests carry
 * CRS=EPSG:3006 and a BBOX with the northing first; tiles draw; a tile answered with a service
 * exception document is a transparent hole and a warning naming the service's words; a
 * service that only answers exceptions puts its layer in error while the other keeps drawing.
 */
import { describe, expect, inject, it } from 'vitest';
import { fromWgs84 } from '../../src/geo/index.ts';
import { loadScene, useApp, waitIdle } from './harness/twin.ts';
import { projectDown, shootDown, type DownCamera } from './raster/screen.ts';
import { standInRequests, TILE_RGB } from './raster/wms-stand-in.ts';

const ORIGIN = { lon: 17.9379, lat: 62.6323, height: 28 };
const PLANE = ORIGIN.height - 0.4;
/** A point 400 m west of the origin: every tile containing it is answered with an exception. */
const HOLE = { lon: 17.93, lat: 62.6323 };
const FILLED = { lon: 17.9379, lat: 62.6355 };
const [HOLE_E, HOLE_N] = fromWgs84('EPSG:3006', HOLE.lon, HOLE.lat);
/** The stand-in's own parameters in the layer's URL: the tag its request log is read by, and where the exception is. */
const TAG = 'raster-wms-test';
const wmsUrl = inject('wmsUrl');

describe('WMS in SWEREF 99 TM from a local stand-in', () => {
  // start from an empty scene: the demo's load is not what these tests are about
  const session = useApp('?scene=/fixtures/scenes/empty.json&lang=en');

  const cam: DownCamera = { origin: { ...ORIGIN, height: PLANE }, above: 1500, fov: 60, width: 1280, height: 800 };

  it('should load both layers: tiles with one hole, and a service that only answers exceptions', async () => {
    const { page } = session.app;
    await loadScene(page, {
      version: 1,
      title: 'WMS stand-in',
      origin: ORIGIN,
      layers: [
        { id: 'wms', type: 'raster', service: 'wms', name: 'Karta (WMS)', url: `${wmsUrl}geoserver/wms?map=${TAG}&hole=${HOLE_E},${HOLE_N}`, layers: 'historiska:karta', crs: 'EPSG:3006', bounds: [17.915, 62.624, 17.96, 62.641] },
        { id: 'broken', type: 'raster', service: 'wms', name: 'Saknas', url: `${wmsUrl}broken?map=${TAG}`, layers: 'historiska:saknas', crs: 'EPSG:3006', bounds: [17.915, 62.624, 17.96, 62.641] },
      ],
      ground: { colour: '#303030' },
    });
    await page.evaluate((v) => window.twin.setView(v), { lon: ORIGIN.lon, lat: ORIGIN.lat, height: PLANE + cam.above, heading: 0, pitch: -90, fov: cam.fov });
    await waitIdle(page);
    const [good, broken] = await page.evaluate(() => window.twin.layers());
    expect(good).toMatchObject({ id: 'wms', state: 'ready', notes: ['WMS 1.3.0 GetMap in EPSG:3006 (SWEREF 99 TM), 256 px tiles.'] });
    expect(good!.error).toBeUndefined();
    expect(good!.warnings).toEqual([expect.stringMatching(/^\d+ tiles? shown transparent: service exception: TileOutOfRange: No data for this part of the map \(test\) \(…\/geoserver\/wms\?/)]);
    expect(broken).toMatchObject({ id: 'broken', state: 'error' });
    expect(broken!.error).toMatch(/^No tile could be loaded: service exception: LayerNotDefined: Could not find layer historiska:saknas \(…\/broken\?/);
    expect(session.app.errors.pageErrors).toEqual([]);
  });

  it('should ask in EPSG:3006 with the northing first, square 256 px tiles, keeping the URL’s own parameters', async () => {
    const getMaps = (await standInRequests(wmsUrl, TAG)).filter((q) => q.get('REQUEST') === 'GetMap');
    expect(getMaps.length).toBeGreaterThan(0);
    for (const q of getMaps) {
      expect(Object.fromEntries([...q].filter(([k]) => k !== 'BBOX' && k !== 'LAYERS' && k !== 'HOLE'))).toMatchObject({ SERVICE: 'WMS', VERSION: '1.3.0', CRS: 'EPSG:3006', WIDTH: '256', HEIGHT: '256', FORMAT: 'image/png', TRANSPARENT: 'TRUE', STYLES: '' });
      const [minN, minE, maxN, maxE] = q.get('BBOX')!.split(',').map(Number);
      // SWEREF 99 TM at Härnösand: northings near 6 950 000, eastings near 650 000
      expect(minN).toBeGreaterThan(6_000_000);
      expect(minE).toBeLessThan(1_100_000);
      expect(maxN! - minN!).toBeCloseTo(maxE! - minE!, 6);
    }
    // both layers asked; the first one's URL parameters went along with every request
    const karta = getMaps.filter((q) => q.get('LAYERS') === 'historiska:karta');
    expect(karta.length).toBeGreaterThan(0);
    expect(getMaps.filter((q) => q.get('LAYERS') === 'historiska:saknas').length).toBeGreaterThan(0);
    for (const q of karta) expect(q.get('HOLE')).toBe(`${HOLE_E},${HOLE_N}`);
  });

  it('should draw the tiles, and a transparent hole (the ground) where the exception was', async () => {
    const png = await shootDown(session.app.page, 'raster-wms-stand-in', cam);
    const rgb = ({ lon, lat }: { lon: number; lat: number }): [number, number, number] => {
      const [x, y] = projectDown(cam, lon, lat);
      const o = (Math.floor(y) * png.width + Math.floor(x)) * 4;
      return [png.data[o]!, png.data[o + 1]!, png.data[o + 2]!];
    };
    const [r, g, b] = rgb(FILLED);
    expect(g).toBeGreaterThan(r + 40);
    expect(g).toBeGreaterThan(b + 40);
    expect(g).toBeGreaterThan(TILE_RGB[1] * 0.5);
    const [hr, hg, hb] = rgb(HOLE);
    expect(Math.max(hr, hg, hb) - Math.min(hr, hg, hb)).toBeLessThan(20); // the grey ground
  });
});
