/**
 * A georeferenced image with a world file in SWEREF 99 17 15 (EPSG:3014), rotated 12°, lands
 * within a metre of where it belongs: its marks are found on screen where a pinhole camera
 * puts their longitude/latitude, the centre mark's as PROJ (cs2cs) converts it, the others'
 * as proj4 does.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { toWgs84 } from '../../src/geo/index.ts';
import { crsToPixel, parseWorldFile } from '../../src/sources/raster/world-file.ts';
import { loadScene, useApp, waitIdle } from './harness/twin.ts';
import { GENERATED_URL, image, writeGenerated } from './raster/generated.ts';
import { metresPerPixel, projectDown, shootDown, type DownCamera } from './raster/screen.ts';

/** Härnösand in EPSG:3014 and in longitude/latitude, by PROJ (test/fixtures/geo/sweref99.output.json). */
const PROJ = (JSON.parse(readFileSync(new URL('../fixtures/geo/sweref99.output.json', import.meta.url), 'utf8')) as {
  points: { code: string; label: string; lon: number; lat: number; easting: number; northing: number }[];
}).points.find((p) => p.code === 'EPSG:3014' && /rn.sand/.test(p.label))!;

const ORIGIN = { lon: PROJ.lon, lat: PROJ.lat, height: 28 };
const PLANE = ORIGIN.height - 0.4;
const W = 480;
const H = 360;
const PIXEL = 0.5;
const TURN = (12 * Math.PI) / 180;
/** Marks: the PROJ point, and four more 70 m / 50 m away along the SWEREF 99 17 15 grid. */
const MARKS: [number, number][] = [
  [PROJ.easting, PROJ.northing],
  [PROJ.easting + 70, PROJ.northing + 50],
  [PROJ.easting - 70, PROJ.northing + 50],
  [PROJ.easting + 70, PROJ.northing - 50],
  [PROJ.easting - 70, PROJ.northing - 50],
];

/** A world file turned by TURN (counter-clockwise), with the PROJ point at the image centre. */
function worldFile(): string {
  const a = PIXEL * Math.cos(TURN);
  const d = PIXEL * Math.sin(TURN);
  const b = PIXEL * Math.sin(TURN);
  const e = -PIXEL * Math.cos(TURN);
  // the image centre (W/2, H/2 from the corner, i.e. W/2 − 0.5 from the first pixel's centre) on the PROJ point
  const c = PROJ.easting - (a * (W / 2 - 0.5) + b * (H / 2 - 0.5));
  const f = PROJ.northing - (d * (W / 2 - 0.5) + e * (H / 2 - 0.5));
  return [a, d, b, e, c, f].map((v) => v.toFixed(6)).join('\n') + '\n';
}

describe('a world-file image in EPSG:3014', () => {
  const session = useApp('?scene=/fixtures/scenes/empty.json&lang=en');
  const cam: DownCamera = { origin: { ...ORIGIN, height: PLANE }, above: 170, fov: 60, width: 1280, height: 800 };

  beforeAll(() => {
    const text = worldFile();
    const world = parseWorldFile(text);
    const marks = MARKS.map(([e, n]) => crsToPixel(world, e, n));
    const png = image(W, H, [225, 225, 215], (x, y) => {
      for (const [mx, my] of marks) {
        const dx = x + 0.5 - mx;
        const dy = y + 0.5 - my;
        if ((Math.abs(dx) < 1.5 && Math.abs(dy) < 9) || (Math.abs(dy) < 1.5 && Math.abs(dx) < 9)) return [220, 20, 20];
      }
      return null;
    });
    writeGenerated('marks-3014.png', png);
    writeGenerated('marks-3014.pgw', text);
  });

  it('should load the image and say where it is', async () => {
    const { page } = session.app;
    await loadScene(page, {
      version: 1,
      title: 'World file (test)',
      origin: ORIGIN,
      layers: [{ id: 'marks', type: 'raster', name: 'Marks', url: `${GENERATED_URL}marks-3014.png`, crs: 'EPSG:3014' }],
      ground: { colour: '#404040' },
    });
    await page.evaluate((v) => window.twin.setView(v), { lon: ORIGIN.lon, lat: ORIGIN.lat, height: PLANE + cam.above, heading: 0, pitch: -90, fov: cam.fov });
    await waitIdle(page);
    expect(await page.evaluate(() => window.twin.layers())).toEqual([
      { id: 'marks', type: 'raster', state: 'ready', notes: ['480 × 360 px image in EPSG:3014 (SWEREF 99 17 15), 0.50 m a pixel.'] },
    ]);
  });

  it('should put every mark within a metre of its place', async () => {
    const png = await shootDown(session.app.page, 'raster-world-file-3014', cam);
    const m = metresPerPixel(cam);
    const report: string[] = [];
    MARKS.forEach(([e, n], i) => {
      const [lon, lat] = i === 0 ? [PROJ.lon, PROJ.lat] : toWgs84('EPSG:3014', e, n);
      const [ex, ey] = projectDown(cam, lon!, lat!);
      // the centroid of the red pixels within 12 m of where the mark should be
      let sx = 0;
      let sy = 0;
      let count = 0;
      const r = Math.ceil(12 / m);
      for (let y = Math.floor(ey - r); y <= ey + r; y++) {
        for (let x = Math.floor(ex - r); x <= ex + r; x++) {
          const o = (y * png.width + x) * 4;
          if (png.data[o]! > 150 && png.data[o + 1]! < 90 && png.data[o + 2]! < 90) {
            sx += x + 0.5;
            sy += y + 0.5;
            count++;
          }
        }
      }
      expect(count, `mark ${i} not found near (${ex.toFixed(0)}, ${ey.toFixed(0)})`).toBeGreaterThan(20);
      const off = Math.hypot(sx / count - ex, sy / count - ey) * m;
      report.push(`mark ${i}: ${off.toFixed(2)} m`);
      expect(off, report.join(', ')).toBeLessThan(1);
    });
    console.log(`[e2e] world-file marks (EPSG:3014, ${m.toFixed(2)} m/px): ${report.join(', ')}`);
  });
});
