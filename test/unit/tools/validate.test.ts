/**
 * `npm run tools -- validate`: the committed demo tilesets and scene pass; hand-made broken
 * fixtures (test/fixtures/validate/) each give their specific message; the CesiumGS samples
 * and Wageningen from the shared data folder pass, or give only the known, justified findings.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../../tools/cli';
import { staticMounts } from '../../../tools/server/vite-static-plugin';
import { formatIssue, type Report } from '../../../tools/validate/report';
import { appSiteFor, localPathOf } from '../../../tools/validate/scene';
import { InputError, validateFile } from '../../../tools/validate/validate';
import { sharedData } from '../../shared-data';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIX = join(REPO, 'test/fixtures/validate');

function run(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s), isTTY: false } };
  return main(['validate', ...argv], io).then((code) => ({ code, ...out }));
}

const lines = (r: Report) => r.issues.map(formatIssue);

describe('validate: our demo', () => {
  it.each(['harnosand-buildings', 'harnosand-ground', 'harnosand-proposal'])('tiles/%s passes with no errors or warnings', (name) => {
    const r = validateFile(join(REPO, 'tiles', name, 'tileset.json'));
    expect(lines(r)).toEqual([]);
    expect(r.kind).toBe('tileset');
    expect(r.ok).toBe(true);
    expect(r.tiles).toBeGreaterThan(0);
    expect(r.contentFiles).toBe(r.tiles); // one glb per tile
  });

  it('the demo scene passes, with its tilesets (--deep) found where the app serves them', async () => {
    const r = validateFile(join(REPO, 'public/scenes/demo.json'), { deep: true });
    expect(lines(r)).toEqual([]);
    expect(r.kind).toBe('scene');
    expect(r.layers).toBe(6);
    expect(r.tiles).toBeGreaterThanOrEqual(4);
    const cli = await run(['public/scenes/demo.json', '--deep']);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^0 errors, 0 warnings, 6 layers, \d+ tiles, \d+ content files checked\n$/);
  });
});

describe('validate: scene layer URLs resolve as the app serves them', () => {
  it('a scene in public/ sees <repo>/tiles at /tiles, as the server mounts it', () => {
    const site = appSiteFor(join(REPO, 'public/scenes/demo.json'))!;
    expect(site.root).toBe(join(REPO, 'public'));
    const served = staticMounts(REPO).find((m) => m.url === '/tiles')!;
    expect(site.mounts).toEqual([{ url: served.url, dir: served.dir }]);
    const scene = join(REPO, 'public/scenes/demo.json');
    expect(localPathOf('../tiles/x/tileset.json', scene, site)).toBe(join(REPO, 'tiles/x/tileset.json'));
    expect(localPathOf('/tiles/x/tileset.json?v=2', scene, site)).toBe(join(REPO, 'tiles/x/tileset.json'));
    expect(localPathOf('../schema/scene.v1.json', scene, site)).toBe(join(REPO, 'public/schema/scene.v1.json'));
    expect(localPathOf('https://example.com/tileset.json', scene, site)).toBeNull();
  });

  it('elsewhere, relative URLs are relative paths and root-relative ones are not checked', () => {
    const scene = join(FIX, 'scenes/deep.json');
    expect(appSiteFor(scene)).toBeNull();
    expect(localPathOf('../good/tileset%20x.json#frag', scene, null)).toBe(join(FIX, 'good/tileset x.json'));
    expect(localPathOf('/data/tileset.json', scene, null)).toBeNull();
  });
});

describe('validate: broken fixtures', () => {
  it('a child box outside its parent: path and amount', () => {
    const r = validateFile(join(FIX, 'child-outside/tileset.json'));
    expect(lines(r)).toEqual([
      'ERROR tileset.json: root.children[1].children[0].boundingVolume: box reaches 12.50 m outside its parent\'s box (tolerance 0.01 m)',
    ]);
    // a larger tolerance lets it pass
    expect(validateFile(join(FIX, 'child-outside/tileset.json'), { tolerance: 13 }).ok).toBe(true);
  });

  it('a child geometric error larger than its parent\'s', () => {
    const r = validateFile(join(FIX, 'geometric-error/tileset.json'));
    expect(lines(r)).toEqual([
      'ERROR tileset.json: root.children[2].children[0].geometricError: 20 is larger than its parent\'s geometricError 10 (it must not grow from parent to child)',
    ]);
  });

  it('a missing content file', () => {
    const r = validateFile(join(FIX, 'missing-content/tileset.json'));
    expect(lines(r)).toEqual(['ERROR tileset.json: root.content: content/missing.glb: file not found']);
  });

  it('a truncated glb (header length larger than the file)', () => {
    const r = validateFile(join(FIX, 'truncated-glb/tileset.json'));
    expect(lines(r)[0]).toBe('ERROR tileset.json: root.content: content/truncated.glb: GLB header announces 92 bytes but there are 76 (truncated)');
    expect(r.errors).toBeGreaterThanOrEqual(1);
  });

  it('a glb with the wrong magic', () => {
    const r = validateFile(join(FIX, 'wrong-magic-glb/tileset.json'));
    expect(lines(r)).toEqual(['ERROR tileset.json: root.content: content/wrong-magic.glb: GLB has the wrong magic "glTX" (expected "glTF")']);
  });

  it('invalid JSON is an input error (exit 2) with line and column', async () => {
    expect(() => validateFile(join(FIX, 'invalid-json/tileset.json'))).toThrow(InputError);
    const cli = await run([relative(process.cwd(), join(FIX, 'invalid-json/tileset.json')), '--json']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/invalid-json\/tileset\.json: not valid JSON: .*line 8, column 3/);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') });
  });

  it('a scene with a bad layer URL and a layer file that does not exist', async () => {
    const r = validateFile(join(FIX, 'scenes/bad-layer-url.json'));
    expect(lines(r)).toEqual([
      'ERROR bad-layer-url.json: layers[2].url: expected a URL, got 42',
      'ERROR bad-layer-url.json: layers[1].url: ../nowhere/tileset.json: file not found',
    ]);
    const cli = await run([join(FIX, 'scenes/bad-layer-url.json')]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('bad-layer-url.json: layers[2].url: expected a URL, got 42\n');
    expect(cli.stdout).toContain('2 errors, 0 warnings, 3 layers checked\n');
  });

  it('--deep validates the tilesets of a scene\'s layers (remote ones are left alone)', () => {
    expect(validateFile(join(FIX, 'scenes/deep.json')).ok).toBe(true);
    const r = validateFile(join(FIX, 'scenes/deep.json'), { deep: true });
    expect(lines(r)).toEqual([
      'ERROR ../child-outside/tileset.json: root.children[1].children[0].boundingVolume: box reaches 12.50 m outside its parent\'s box (tolerance 0.01 m)',
    ]);
    expect(r.tiles).toBe(9);
  });

  it('a good hand-made tileset: transforms composed, sphere child, external tileset', () => {
    const r = validateFile(join(FIX, 'good/tileset.json'));
    expect(lines(r)).toEqual([]);
    expect(r.tiles).toBe(5); // 4 tiles + the external root
    expect(r.contentFiles).toBe(2); // box.glb (shared) and ext/tileset.json
  });

  it('malformed volumes, refine, transform, asset and errors, each at its path', () => {
    const got = lines(validateFile(join(FIX, 'bad-volumes/tileset.json')));
    expect(got).toEqual([
      'ERROR tileset.json: asset.version: missing (expected "1.0" or "1.1")',
      'ERROR tileset.json: geometricError: must not be negative, got -1',
      'ERROR tileset.json: root.refine: missing: the root tile must say "ADD" or "REPLACE"',
      'ERROR tileset.json: root.children[0].boundingVolume.box: expected 12 numbers (centre and three half-axes), got an array of 11 numbers',
      'WARN tileset.json: root.children[0].refine: must be upper case "ADD", got "add"',
      'ERROR tileset.json: root.children[1].boundingVolume.sphere[3]: the radius must not be negative, got -5',
      'ERROR tileset.json: root.children[1].refine: expected "ADD" or "REPLACE", got "MERGE"',
      'ERROR tileset.json: root.children[2].boundingVolume.region: minimum height (50 m) must not be greater than maximum height (10 m)',
      expect.stringMatching(/^ERROR tileset.json: root.children\[3\].boundingVolume.region\[0\]: west must be in \[-π, π\] radians, got 17.94 rad = .*\(degrees instead of radians\?\)$/),
      expect.stringMatching(/region\[2\]: east must be in/),
      expect.stringMatching(/region\[1\]: south must be in/),
      expect.stringMatching(/region\[3\]: north must be in/),
      'ERROR tileset.json: root.children[4].boundingVolume: region reaches 50.00 m outside its parent\'s region (tolerance 0.01 m)',
      'ERROR tileset.json: root.children[5].transform: expected 16 numbers (a column-major 4×4 matrix), got an array of 11 numbers',
      'ERROR tileset.json: root.children[5].boundingVolume: expected a box, region or sphere, but none is given',
      'ERROR tileset.json: root.children[6].geometricError: missing (every tile needs a geometric error)',
    ]);
  });

  it('a cycle of external tilesets is reported, not followed forever', () => {
    const r = validateFile(join(FIX, 'cycle/tileset.json'));
    expect(lines(r)).toEqual(['ERROR other.json: root.content: tileset.json: refers back to tileset.json, which contains this tile (a cycle of external tilesets)']);
  });

  it('an implicit tileset without its root subtree', () => {
    const r = validateFile(join(FIX, 'implicit-missing-subtree/tileset.json'));
    expect(lines(r)).toEqual([
      'ERROR tileset.json: root.implicitTiling.subtrees: subtrees/0/0/0.subtree: file not found (the root subtree of the implicit tileset, subtrees/0/0/0.subtree)',
    ]);
  });
});

describe('validate: command line', () => {
  it('exit codes: 0 clean, 1 errors, 2 input and usage problems', async () => {
    expect((await run(['tiles/harnosand-ground/tileset.json'])).code).toBe(0);
    expect((await run([join(FIX, 'child-outside/tileset.json')])).code).toBe(1);
    const missing = await run(['no/such/tileset.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: no/such/tileset.json: file not found\n');
    const neither = await run([join(FIX, 'neither.json')]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('neither a 3D Tiles tileset (with "asset" and "root") nor a scene document');
    for (const argv of [[], ['a.json', 'b.json'], ['a.json', '--tolerance', '-1'], ['a.json', '--max-tiles', 'x'], ['a.json', '--bogus']]) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
    }
  });

  it('--json prints the report; -q prints errors only', async () => {
    const j = await run([join(FIX, 'bad-volumes/tileset.json'), '--json']);
    expect(j.code).toBe(1);
    const report = JSON.parse(j.stdout) as Report;
    expect(report).toMatchObject({ kind: 'tileset', ok: false, errors: 15, warnings: 1, tiles: 8, contentFiles: 0 });
    expect(report.issues[0]).toEqual({ severity: 'ERROR', file: 'tileset.json', path: 'asset.version', message: 'missing (expected "1.0" or "1.1")' });
    const q = await run([join(FIX, 'bad-volumes/tileset.json'), '-q']);
    expect(q.stdout.trim().split('\n')).toHaveLength(15);
    expect(q.stdout).not.toContain('WARN');
    expect(q.stdout).not.toContain('errors,');
    const clean = await run(['tiles/harnosand-buildings/tileset.json', '-q']);
    expect(clean).toMatchObject({ code: 0, stdout: '' });
  });

  it('help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--deep');
    expect(r.stdout).toContain('Exit status: 0 no errors');
  });
});

// ---- shared data: the CesiumGS samples and Wageningen ----

function findTilesets(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...findTilesets(p));
    else if (e === 'tileset.json') out.push(p);
  }
  return out.sort();
}

const SAMPLES = sharedData('cesium-3d-tiles-samples', 'validate on the CesiumGS samples');
const WAGENINGEN = sharedData('wageningen-3dtiles-1.1/7-624-528/tileset.json', 'validate on Wageningen');

/**
 * Findings on the samples that are justified, not bugs of the validator:
 * - the copy of TilesetWithDiscreteLOD omits dragon_high.b3dm (files ≥ 4 MiB were left out;
 *   the data set's SOURCE.md says so), so that content is missing;
 * - the 1.0 samples predate the 8-byte alignment rule of 3D Tiles 1.0 (warnings).
 */
const KNOWN_ERRORS: Record<string, string[]> = {
  '1.0/TilesetWithDiscreteLOD/tileset.json': ['ERROR tileset.json: root.children[0].children[0].content: dragon_high.b3dm: file not found'],
};

describe.skipIf(!SAMPLES)('validate: the CesiumGS samples', () => {
  const samples = SAMPLES ?? '';
  const tilesets = SAMPLES ? findTilesets(SAMPLES) : [];

  it('finds the CesiumGS samples', () => {
    expect(tilesets.length).toBeGreaterThanOrEqual(20);
  });

  it.each(tilesets.map((t) => [relative(samples, t).split('\\').join('/'), t]))('%s: no errors but the known ones, only alignment warnings', (name, path) => {
    const r = validateFile(path);
    const errors = r.issues.filter((i) => i.severity === 'ERROR').map(formatIssue);
    expect(errors).toEqual(KNOWN_ERRORS[name] ?? []);
    for (const w of r.issues.filter((i) => i.severity === 'WARN')) expect(w.message).toMatch(/should be 8-byte aligned/);
    expect(r.tiles).toBeGreaterThan(0);
  });

  it('the implicit samples: every subtree and available content visited', () => {
    const quad = validateFile(join(samples, '1.1/SparseImplicitQuadtree/tileset.json'));
    const oct = validateFile(join(samples, '1.1/SparseImplicitOctree/tileset.json'));
    expect([quad.errors, quad.warnings, oct.errors, oct.warnings]).toEqual([0, 0, 0, 0]);
    expect(quad.tiles).toBeGreaterThan(20);
    expect(oct.tiles).toBeGreaterThan(20);
  });
});

describe.skipIf(!WAGENINGEN)('validate: Wageningen', () => {
  it('passes clean (pg2b3dm, implicit quadtree with a region, glb content)', () => {
    const r = validateFile(WAGENINGEN!);
    expect(lines(r)).toEqual([]);
    expect(r.tiles).toBe(17);
    expect(r.contentFiles).toBe(18); // 13 glb + 5 subtrees
  });
});
