import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../tools/server/staleness.ts';
import { rewriteDecoderUrls, staticMounts } from '../../../tools/server/vite-static-plugin.ts';

const loaders = join(REPO_ROOT, 'node_modules', 'three', 'examples', 'jsm', 'loaders');

describe('twin-static plugin', () => {
  it('mounts tiles, the three decoders and the WebXR input profiles (JSON only)', () => {
    const mounts = staticMounts(REPO_ROOT);
    expect(mounts.map((m) => m.url)).toEqual(['/tiles', '/decoders/draco', '/decoders/basis', '/xr-profiles']);
    const profiles = mounts[3]!;
    expect(existsSync(join(profiles.dir, 'profilesList.json'))).toBe(true);
    expect(profiles.only?.test('oculus-touch-v3/profile.json')).toBe(true);
    expect(profiles.only?.test('oculus-touch-v3/left.glb')).toBe(false);
    for (const m of mounts.filter((x) => x.required)) expect(existsSync(m.dir), m.dir).toBe(true);
    expect(existsSync(join(mounts[1]!.dir, 'gltf', 'draco_decoder.wasm'))).toBe(true);
  });

  it.each([
    ['DRACOLoader.js', 5],
    ['KTX2Loader.js', 2],
  ])("rewrites three's default decoder URLs in %s to /decoders/", (file, expected) => {
    const { code, count } = rewriteDecoderUrls(readFileSync(join(loaders, file), 'utf8'));
    expect(count).toBe(expected);
    expect(code).not.toMatch(/\.\.\/libs\/(draco|basis)\//);
    expect(code).toContain('globalThis.document?.baseURI ?? import.meta.url');
  });

  it('rewrites to page-relative decoder paths', () => {
    const { code } = rewriteDecoderUrls("const A = new URL( '../libs/draco/gltf/draco_decoder.wasm', import.meta.url ).toString();");
    expect(code).toBe('const A = new URL("decoders/draco/gltf/draco_decoder.wasm", globalThis.document?.baseURI ?? import.meta.url).toString();');
  });
});
