/** The hand-made broken tilesets in test/fixtures/tiles/ (for viewer error handling). */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geodeticToEcef } from '../../../src/geo/ellipsoid';
import { TRUNCATED_GLB_BYTES, writeBrokenFixtures } from '../../../tools/demo/fixtures';
import { DEMO_ORIGIN } from '../../../tools/demo/origin';
import { parseGlb, readGlbHeader, GLB_MAGIC } from '../../../tools/lib/glb';
import type { Tileset } from '../../../tools/lib/tileset';
import { writeHostileTiles } from '../../../tools/fixtures/hostile-tiles';

const DIR = join(import.meta.dirname, '../../fixtures/tiles');

function nearOrigin(ts: Tileset): number {
  const m = ts.root.transform!;
  const o = geodeticToEcef(DEMO_ORIGIN.lon, DEMO_ORIGIN.lat, DEMO_ORIGIN.height);
  return Math.hypot(m[12]! - o[0], m[13]! - o[1], m[14]! - o[2]);
}

describe('broken tileset fixtures', () => {
  it('broken-json is not valid JSON', () => {
    const text = readFileSync(join(DIR, 'broken-json/tileset.json'), 'utf8');
    expect(text).toContain('"asset"');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('missing-content is a valid tileset whose content does not exist', () => {
    const ts = JSON.parse(readFileSync(join(DIR, 'missing-content/tileset.json'), 'utf8')) as Tileset;
    expect(ts.asset.version).toBe('1.1');
    expect(nearOrigin(ts)).toBeLessThan(1000);
    const uri = ts.root.content!.uri;
    expect(uri).toMatch(/\.glb$/);
    expect(existsSync(join(DIR, 'missing-content', uri))).toBe(false);
  });

  it('truncated-glb points at a GLB cut off after its header', () => {
    const ts = JSON.parse(readFileSync(join(DIR, 'truncated-glb/tileset.json'), 'utf8')) as Tileset;
    expect(nearOrigin(ts)).toBeLessThan(1000);
    const bytes = new Uint8Array(readFileSync(join(DIR, 'truncated-glb', ts.root.content!.uri)));
    expect(bytes.byteLength).toBe(TRUNCATED_GLB_BYTES);
    const h = readGlbHeader(bytes);
    expect(h.magic).toBe(GLB_MAGIC);
    expect(h.version).toBe(2);
    expect(h.length).toBeGreaterThan(bytes.byteLength);
    expect(() => parseGlb(bytes)).toThrow();
  });

  it('are reproduced byte for byte by tools/demo/fixtures.ts', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'fixtures-'));
    try {
      const files = await writeBrokenFixtures(tmp);
      expect(files.length).toBe(4);
      for (const f of files) expect(readFileSync(join(tmp, f)).equals(readFileSync(join(DIR, f))), f).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('hostile tile fixtures', () => {
  it('are reproduced byte for byte by tools/fixtures/hostile-tiles.ts', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hostile-'));
    try {
      writeHostileTiles(tmp);
      for (const f of ['lying-b3dm/tile.b3dm', 'lying-b3dm/tileset.json', 'tileset-cycle/a.json', 'tileset-cycle/b.json']) {
        expect(readFileSync(join(tmp, f)).equals(readFileSync(join(import.meta.dirname, '../../fixtures/hostile', f))), f).toBe(true);
      }
      expect(readFileSync(join(tmp, 'lying-b3dm/tile.b3dm')).byteLength).toBe(64);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
