/**
 * The demo scene (`public/scenes/demo.json`) is written by `npm run tools -- demo` from the
 * same constants as the demo tilesets. The writer's output must equal the committed file, and
 * running the command must reproduce the committed scene and tiles/ byte for byte.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateScene } from '../../../src/spec';
import { main } from '../../../tools/cli';
import { DEMO_TILESETS } from '../../../tools/demo/generate';
import { DEFAULT_DEMO_SEED, DEMO_GROUND_HEIGHT, DEMO_ORIGIN } from '../../../tools/demo/origin';
import { DEMO_PLAN_FILE, DEMO_PLAN_PATH } from '../../../tools/demo/plan';
import { DEMO_OLD_MAP_URL, DEMO_PLAN_URL, DEMO_PROPOSAL_YEAR, DEMO_SCENE_PATH, DEMO_TODAY_YEAR, demoScene, demoSceneText, SEA_PLANE_BELOW_WATER, seaPlaneHeight, writeDemoScene } from '../../../tools/demo/scene';
import { OLD_MAP_DIR, OLD_MAP_FILE, OLD_MAP_WORLD_FILE } from '../../../tools/demo/old-map/old-map';
import { WATER_LEVEL } from '../../../tools/demo/town';
import { validateFile } from '../../../tools/validate/validate';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const COMMITTED = readFileSync(join(REPO, DEMO_SCENE_PATH), 'utf8');
const COMMITTED_PLAN = readFileSync(join(REPO, DEMO_PLAN_PATH), 'utf8');
const COMMITTED_MAPS = hashes(join(REPO, OLD_MAP_DIR));

const temps: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'demo-scene-'));
  temps.push(d);
  return d;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) visit(p);
      else out[relative(dir, p).split('\\').join('/')] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  visit(dir);
  return out;
}

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s), isTTY: false } } };
}

describe('demo scene writer', () => {
  it('writes exactly the committed public/scenes/demo.json', () => {
    expect(demoSceneText()).toBe(COMMITTED);
  });

  it('the committed scene validates against the scene spec', () => {
    const result = validateScene(JSON.parse(COMMITTED));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('comes from the demo constants: origin, tilesets, sea plane, seed, synthetic attribution', () => {
    const doc = demoScene();
    expect(doc.$schema).toBe('../schema/scene.v1.json');
    expect(doc.origin).toEqual({ lon: DEMO_ORIGIN.lon, lat: DEMO_ORIGIN.lat, height: DEMO_GROUND_HEIGHT });
    const tiled = doc.layers!.filter((l) => l.type === 'tiles3d');
    expect(tiled.map((l) => l.url)).toEqual(['harnosand-ground', 'harnosand-buildings', 'harnosand-today', 'harnosand-proposal'].map((n) => `../tiles/${n}/tileset.json`));
    expect([...DEMO_TILESETS].sort()).toEqual(tiled.map((l) => (l.url as string).split('/')[2]).sort());
    expect(doc.layers!.map((l) => [l.id, l.type])).toEqual([
      ['ground', 'tiles3d'],
      ['map-1880', 'raster'],
      ['buildings', 'tiles3d'],
      ['today', 'tiles3d'],
      ['proposal', 'tiles3d'],
      ['plan', 'zoning'],
    ]);
    // the timeline (and the comparisons of times) decide what is drawn, so nothing is hidden by its own flag
    expect(doc.layers!.every((l) => l.visible !== false)).toBe(true);
    // the ground plane is the sea, just under the water surface of the ground tileset
    const water = DEMO_GROUND_HEIGHT + WATER_LEVEL;
    expect(doc.ground!.height).toBe(seaPlaneHeight());
    expect(doc.ground!.height).toBeCloseTo(water - SEA_PLANE_BELOW_WATER, 9);
    expect(doc.ground!.height).toBe(26.3);
    expect(doc.ground!.height!).toBeLessThan(water);
    expect(JSON.stringify(doc.attribution)).toContain('SYNTHETIC');
    expect(doc.layers!.find((l) => l.id === 'buildings')!.attribution).toContain(`seed ${DEFAULT_DEMO_SEED}`);
    expect(doc.viewpoints!.map((v) => v.id)).toEqual(['overview', 'library', 'strait', 'high', 'sundsbryggan-street', 'sundsbryggan-plan']);
    // a resident's eye height over the demo ground
    expect(doc.viewpoints!.find((v) => v.id === 'sundsbryggan-street')!.height).toBeCloseTo(DEMO_GROUND_HEIGHT + 1.7, 6);
    expect(doc.startViewpoint).toBe('overview');
  });

  it('puts its layers on a timeline: the synthetic 1880 map, today and the proposal', () => {
    const doc = demoScene();
    const time = Object.fromEntries(doc.layers!.map((l) => [l.id, l.time]));
    expect(time).toEqual({
      ground: undefined,
      'map-1880': '1880',
      buildings: `${DEMO_TODAY_YEAR}/..`,
      today: String(DEMO_TODAY_YEAR),
      proposal: String(DEMO_PROPOSAL_YEAR),
      plan: `${DEMO_TODAY_YEAR}/${DEMO_PROPOSAL_YEAR}`,
    });
    const map = doc.layers!.find((l) => l.id === 'map-1880')!;
    expect(map).toMatchObject({ type: 'raster', url: DEMO_OLD_MAP_URL, crs: 'EPSG:3014', name: 'Karta 1880 (syntetisk)' });
    expect(map.attribution).toMatch(/^SYNTHETIC historical map .* not a real map$/);
    expect(new URL(DEMO_OLD_MAP_URL, 'http://host/scenes/demo.json').pathname).toBe(`/maps/${OLD_MAP_FILE}`);
    expect(existsSync(join(REPO, OLD_MAP_DIR, OLD_MAP_FILE))).toBe(true);
    expect(existsSync(join(REPO, OLD_MAP_DIR, OLD_MAP_WORLD_FILE))).toBe(true);
  });

  it('has the plan layer and the today/proposal comparison', () => {
    const doc = demoScene();
    const plan = doc.layers!.find((l) => l.id === 'plan')!;
    expect(plan).toMatchObject({ type: 'zoning', name: 'Detaljplan: Kvarteret Sundsbryggan (samråd)', url: DEMO_PLAN_URL, format: 'ngp-detaljplan-4.1' });
    expect(plan.attribution).toContain('Synthetic');
    // the scene is served at /scenes/demo.json and public/plans/ at /plans/
    expect(new URL(DEMO_PLAN_URL, 'http://host/scenes/demo.json').pathname).toBe(`/${DEMO_PLAN_PATH.replace(/^public\//, '')}`);
    expect(existsSync(join(REPO, DEMO_PLAN_PATH))).toBe(true);
    expect(doc.comparisons).toEqual([
      { id: 'sundsbryggan', name: 'Kvarteret Sundsbryggan', before: { name: 'Idag', time: '2026' }, after: { name: 'Förslag', time: '2030' } },
      { id: 'then-and-now', name: 'Härnösand 1880 och idag', before: { name: '1880', time: '1880' }, after: { name: 'Idag', time: '2026' } },
    ]);
  });

  it('names another seed in the attribution, and still validates', async () => {
    const file = join(tempDir(), 'scenes', 'demo.json');
    const text = await writeDemoScene(file, 7);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(text).toContain('(seed 7)');
    expect(validateScene(JSON.parse(text)).ok).toBe(true);
  });
});

describe('npm run tools -- demo', () => {
  it('reproduces the committed scene and tiles/ byte for byte, in the app layout that validate understands', async () => {
    const root = tempDir();
    const t = io();
    expect(await main(['demo', '-o', join(root, 'tiles'), '-q'], t.io)).toBe(0);
    expect(readFileSync(join(root, 'public', 'scenes', 'demo.json'), 'utf8')).toBe(COMMITTED);
    expect(readFileSync(join(root, 'public', 'plans', DEMO_PLAN_FILE), 'utf8')).toBe(COMMITTED_PLAN);
    expect(hashes(join(root, 'public', 'maps'))).toEqual(COMMITTED_MAPS);
    expect(hashes(join(root, 'tiles'))).toEqual(hashes(join(REPO, 'tiles')));
    // public/scenes/demo.json → ../tiles/… is served from <root>/tiles/
    const report = validateFile(join(root, 'public', 'scenes', 'demo.json'), { deep: true });
    expect(report.issues).toEqual([]);
    expect(report.tiles).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('--scene chooses the file; --no-scene writes none', async () => {
    const root = tempDir();
    const scene = join(root, 'elsewhere', 'scene.json');
    expect(await main(['demo', '-o', join(root, 'a'), '--scene', scene, '--seed', '3', '-q'], io().io)).toBe(0);
    expect(readFileSync(scene, 'utf8')).toContain('(seed 3)');
    // the plan goes where the scene's ../plans/ URL points
    expect(readFileSync(join(root, 'plans', DEMO_PLAN_FILE), 'utf8')).toContain('SYNTETISK-DP-3');
    expect(existsSync(join(root, 'public'))).toBe(false);
    expect(await main(['demo', '-o', join(root, 'b'), '--no-scene', '-q'], io().io)).toBe(0);
    expect(existsSync(join(root, 'public'))).toBe(false);
    expect(readdirSync(join(root, 'plans'))).toEqual([DEMO_PLAN_FILE]);
    expect(readdirSync(join(root, 'maps')).sort()).toEqual([OLD_MAP_FILE, OLD_MAP_WORLD_FILE].sort());
    const both = io();
    expect(await main(['demo', '-o', join(root, 'c'), '--no-scene', '--scene', scene], both.io)).toBe(2);
    expect(both.out.stderr).toContain('--scene and --no-scene exclude each other');
  }, 60_000);
});
