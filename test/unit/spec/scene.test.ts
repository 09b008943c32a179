import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScene, SpecError, validateScene, SCENE_VERSION } from '../../../src/spec';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/spec/${name}`, import.meta.url), 'utf8')) as unknown;

function baseScene(layers: unknown[] = []): Record<string, unknown> {
  return { version: 1, title: 'T', origin: { lon: 17.9379, lat: 62.6323, height: 30 }, layers };
}
const tiles = (over: Record<string, unknown> = {}) => ({ id: 'a', type: 'tiles3d', name: 'A', url: 'a/tileset.json', ...over });

function messages(input: unknown): string[] {
  const r = validateScene(input);
  if (r.ok) return [];
  return r.message.split('\n');
}

describe('scene spec', () => {
  describe('validateScene', () => {
    it('should fill defaults exactly as the golden output says', () => {
      const result = validateScene(fixture('minimal-scene.input.json'));
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value).toEqual(fixture('minimal-scene.output.json'));
    });

    it('should name the JSON path and the wrong value: layers[2].url: expected a URL, got 42', () => {
      const input = baseScene([tiles({ id: 'a' }), tiles({ id: 'b' }), tiles({ id: 'c', url: 42 })]);
      expect(messages(input)).toEqual(['layers[2].url: expected a URL, got 42']);
    });

    it('should report every issue, one per line', () => {
      const input = { ...baseScene([tiles({ opacity: 2 }), tiles({ id: 'b', visble: false })]), origin: { lon: 200, lat: 62 } };
      const lines = messages(input);
      expect(lines).toContain('origin.lon: expected a longitude in degrees (−180…180), got 200');
      expect(lines).toContain('layers[0].opacity: expected an opacity between 0 and 1, got 2');
      expect(lines).toContain('layers[1]: unknown property "visble"');
      expect(lines).toHaveLength(3);
    });

    it('should list the known layer types for an unknown type', () => {
      expect(messages(baseScene([tiles({ type: 'nope' })]))).toEqual(['layers[0].type: expected a layer type: tiles3d, zoning, raster, got "nope"']);
    });

    it('should say when a required field is missing', () => {
      const { title: _t, ...noTitle } = baseScene();
      expect(messages(noTitle)).toEqual(['title: expected a title, but it is missing']);
    });

    it('should reject duplicate layer ids, naming the first holder', () => {
      expect(messages(baseScene([tiles(), tiles()]))).toEqual(['layers[1].id: expected a unique layer id (layers[0] has it too), got "a"']);
    });

    it('should require startViewpoint to name a viewpoint', () => {
      const lines = messages({ ...baseScene(), startViewpoint: 'nowhere' });
      expect(lines).toEqual(['startViewpoint: expected the id of a viewpoint (none defined), got "nowhere"']);
    });

    it('should accept known CRS codes and refuse unknown ones', () => {
      expect(validateScene({ ...baseScene(), crs: 'EPSG:3014' }).ok).toBe(true);
      expect(messages({ ...baseScene(), crs: 'EPSG:9999' })[0]).toMatch(/^crs: expected a known CRS code .*got "EPSG:9999"$/);
    });

    it('should accept absolute and relative URLs but not blanks or other schemes', () => {
      for (const url of ['https://example.org/t/tileset.json', '../tiles/tileset.json', 'tileset.json', '/abs/tileset.json']) {
        expect(validateScene(baseScene([tiles({ url })])).ok, url).toBe(true);
      }
      for (const url of ['', ' padded', 'ftp://x/y', 'javascript:alert(1)']) {
        expect(validateScene(baseScene([tiles({ url })])).ok, url).toBe(false);
      }
    });
  });

  describe('versions', () => {
    it('should refuse a newer version with advice', () => {
      expect(messages({ ...baseScene(), version: SCENE_VERSION + 1 })).toEqual([
        `version: this scene is version ${SCENE_VERSION + 1}; this app reads versions up to ${SCENE_VERSION}. Update the app.`,
      ]);
    });
    it('should refuse documents without a version or that are not objects', () => {
      const { version: _v, ...noVersion } = baseScene();
      expect(messages(noVersion)).toEqual(['version: expected version 1, got nothing']);
      expect(messages([1, 2])).toEqual(['expected a scene document (a JSON object)']);
    });
  });

  describe('parseScene', () => {
    it('should throw a SpecError carrying every issue', () => {
      try {
        parseScene(baseScene([tiles({ url: 42 })]));
        expect.unreachable('parseScene accepted an invalid scene');
      } catch (e) {
        expect(e).toBeInstanceOf(SpecError);
        expect((e as SpecError).issues).toEqual([{ path: 'layers[0].url', message: 'expected a URL, got 42' }]);
      }
    });
  });
});
