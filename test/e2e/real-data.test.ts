/**
 * Real tilesets from ../shared/data: Wageningen's buildings (3D Tiles 1.1, implicit quadtree,
 * EXT_mesh_features + EXT_structural_metadata) and CesiumGS's 1.0 and 1.1 samples.
 * Skipped, with a printed notice, where a data set is absent (an error under CI=true:
 * test/shared-data.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveScreenshotForPeople } from './harness/browser.ts';
import { colourDistance, expectCanvasDrawn, meanColour, shootCanvas, SKY } from './harness/canvas.ts';
import { sharedDataSet, type DataSet } from './harness/data.ts';
import { loadScene, useApp, tilesetCentre, viewLookingAt, waitIdle } from './harness/twin.ts';

const wageningen = sharedDataSet('wageningen-3dtiles-1.1', 'the Wageningen e2e test');
const samples = sharedDataSet('cesium-3d-tiles-samples', 'the CesiumGS samples e2e tests');

function readTileset(set: DataSet, rel: string) {
  return JSON.parse(readFileSync(join(set.path, rel), 'utf8')) as Parameters<typeof tilesetCentre>[0];
}

/** A one-layer scene centred on a tileset of a data set, with the camera looking at it from `factor` × its radius. */
function sceneFor(set: DataSet, rel: string, factor = 1.5) {
  const c = tilesetCentre(readTileset(set, rel));
  const local = Math.hypot(c.lon, c.lat) < 1e-3 || c.height < -1e6; // not georeferenced: shown at the origin
  const origin = local ? { lon: 17.9379, lat: 62.6323, height: 0 } : { lon: c.lon, lat: c.lat, height: c.height };
  const target = local ? { ...origin, height: c.radius / 3 } : origin;
  const view = viewLookingAt(target, Math.max(c.radius * factor, 3));
  return {
    scene: {
      version: 1,
      title: rel,
      origin,
      layers: [{ id: 'sample', type: 'tiles3d', name: rel, url: new URL(rel, set.url + '/').href, errorTarget: 4 }],
      viewpoints: [{ id: 'v', name: 'v', ...view }],
      startViewpoint: 'v',
    },
    local,
  };
}

describe.skipIf(!wageningen && !samples)('real tilesets from ../shared/data', () => {
  const session = useApp('?scene=/fixtures/scenes/empty.json');

  it.skipIf(!wageningen)('should load Wageningen (3D Tiles 1.1, implicit) with per-building metadata', async () => {
    const rel = '7-624-528/tileset.json';
    const { scene } = sceneFor(wageningen!, rel, 0.6);
    await loadScene(session.app.page, scene);
    const [layer] = await session.app.page.evaluate(() => window.twin.layers());
    expect(layer).toMatchObject({ id: 'sample', type: 'tiles3d', state: 'ready' });
    expect(layer!.featureCount).toBeGreaterThan(100);
    const stats = await session.app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles.visible).toBeGreaterThan(0);
    expect(stats.tiles.failed).toBe(0);
    expect(stats.drawCalls).toBeGreaterThan(0);

    // sample a grid around the centre: buildings there carry EXT_structural_metadata
    const c = tilesetCentre(readTileset(wageningen!, rel));
    const found = await session.app.page.evaluate(
      ({ lon, lat }) => {
        const out: { at: { lon: number; lat: number }; layerId: string; properties: Record<string, unknown> }[] = [];
        for (let i = -4; i <= 4; i++) {
          for (let j = -4; j <= 4; j++) {
            const at = { lon: lon + i * 0.0012, lat: lat + j * 0.0008 };
            out.push(...window.twin.featuresAt(at.lon, at.lat).map((h) => ({ at, ...h })));
          }
        }
        return out;
      },
      { lon: c.lon, lat: c.lat },
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.layerId).toBe('sample');
    expect(typeof found[0]!.properties.identificatie).toBe('string');
    expect(typeof found[0]!.properties.max_height).toBe('number');

    saveScreenshotForPeople('real-wageningen', await session.app.page.screenshot());
    // pale buildings over the sky (~3 % of the canvas; a blank canvas has 0)
    expectCanvasDrawn(await shootCanvas(session.app.page, 'real-wageningen'), { minCoverage: 0.01, minColours: 200 });
    // straight down onto the first building found: the centre of the canvas shows it, not the sky
    await session.app.page.evaluate((at) => window.twin.setView({ ...at, heading: 0, pitch: -90 }), { ...found[0]!.at, height: c.height + 400 });
    await waitIdle(session.app.page);
    const below = await shootCanvas(session.app.page, 'real-wageningen-building-below');
    const centre = meanColour(below, below.png.width / 2, below.png.height / 2);
    expect(colourDistance(centre, SKY), `building ${found[0]!.properties.identificatie} at the centre of ${below.file}: rgb(${centre})`).toBeGreaterThan(24);
    expect(session.app.errors.pageErrors).toEqual([]);
  });

  const samples11 = [
    '1.1/SparseImplicitQuadtree/tileset.json',
    '1.1/SparseImplicitOctree/tileset.json',
    '1.1/MultipleContents/tileset.json',
    '1.1/MetadataGranularities/tileset.json',
    '1.1/BoundingBoxTests/0_0_0-1_1_2/tileset.json',
  ];
  it.skipIf(!samples).each(samples11)('should load the CesiumGS %s sample (local coordinates, placed at the origin)', async (sample) => {
    const { scene, local } = sceneFor(samples!, sample);
    expect(local).toBe(true);
    await loadScene(session.app.page, scene);
    const [layer] = await session.app.page.evaluate(() => window.twin.layers());
    expect(layer!.state, JSON.stringify(layer)).toBe('ready');
    expect(layer!.warnings?.[0]).toMatch(/not georeferenced/);
    const stats = await session.app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles.loaded).toBeGreaterThan(0);
    expect(stats.tiles.failed).toBe(0);
    saveScreenshotForPeople(`real-${sample.replace(/[/.]/g, '_')}`, await session.app.page.screenshot());
    // small local models over the sky (the sparse quadtree covers ~0.1 % of the canvas; a blank one 0)
    expectCanvasDrawn(await shootCanvas(session.app.page, `real-${sample.replace(/[/.]/g, '_')}`), { minCoverage: 0.0004, minColours: 4 });
    expect(session.app.errors.pageErrors).toEqual([]);
  });

  it.skipIf(!samples)('should read a tileset that has metadata but no content', async () => {
    const { scene } = sceneFor(samples!, '1.1/TilesetWithFullMetadata/tileset.json');
    await loadScene(session.app.page, scene);
    const [layer] = await session.app.page.evaluate(() => window.twin.layers());
    expect(layer!.state).toBe('ready');
  });

  it.skipIf(!samples).each(['1.0/TilesetWithRequestVolume/tileset.json', '1.0/TilesetWithTreeBillboards/tileset.json'])(
    'should load the CesiumGS %s sample (b3dm, i3dm, pnts, external tilesets)',
    async (sample) => {
      const { scene, local } = sceneFor(samples!, sample, 1.2);
      expect(local).toBe(false);
      await loadScene(session.app.page, scene);
      const [layer] = await session.app.page.evaluate(() => window.twin.layers());
      expect(layer!.state, JSON.stringify(layer)).toBe('ready');
      const stats = await session.app.page.evaluate(() => window.twin.stats());
      expect(stats.tiles.loaded).toBeGreaterThan(0);
      saveScreenshotForPeople(`real-${sample.replace(/[/.]/g, '_')}`, await session.app.page.screenshot());
      expectCanvasDrawn(await shootCanvas(session.app.page, `real-${sample.replace(/[/.]/g, '_')}`), { minCoverage: 0.005, minColours: 50 });
      expect(session.app.errors.pageErrors).toEqual([]);
    },
  );

  it.skipIf(!samples)('should pick b3dm features through their 1.0 batch table', async () => {
    // the city tiles' batch tables carry each building's own position: pick right there
    const b3dm = readFileSync(join(samples!.path, '1.0/TilesetWithRequestVolume/city/ll.b3dm'));
    const ftJson = b3dm.readUInt32LE(12);
    const ftBin = b3dm.readUInt32LE(16);
    const btJson = b3dm.readUInt32LE(20);
    const batch = JSON.parse(b3dm.subarray(28 + ftJson + ftBin, 28 + ftJson + ftBin + btJson).toString('utf8')) as Record<string, number[]>;
    const { scene } = sceneFor(samples!, '1.0/TilesetWithRequestVolume/tileset.json', 1.2);
    await loadScene(session.app.page, scene);
    const deg = 180 / Math.PI;
    for (const i of [2, 7]) {
      const hits = await session.app.page.evaluate(([lon, lat]) => window.twin.featuresAt(lon!, lat!), [batch.Longitude![i]! * deg, batch.Latitude![i]! * deg]);
      expect(hits[0]?.properties, `building ${i}`).toMatchObject({ batchId: i, id: i, Longitude: batch.Longitude![i], Height: batch.Height![i] });
    }
  });

  it.skipIf(!samples)('should put the discrete-LOD sample into error when its finest tile 404s, keeping the coarser ones', async () => {
    // dragon_high.b3dm is missing from the copy (SOURCE.md); up close the renderer asks for it
    const { scene } = sceneFor(samples!, '1.0/TilesetWithDiscreteLOD/tileset.json', 0.8);
    await loadScene(session.app.page, scene);
    const [layer] = await session.app.page.evaluate(() => window.twin.layers());
    expect(layer!.state).toBe('error');
    expect(layer!.error).toMatch(/dragon_high\.b3dm: HTTP 404/);
    const stats = await session.app.page.evaluate(() => window.twin.stats());
    expect(stats.tiles.loaded).toBeGreaterThan(0);
    expect(session.app.errors.pageErrors).toEqual([]);
  });
});
