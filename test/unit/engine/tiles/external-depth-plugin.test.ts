import { describe, expect, it } from 'vitest';
import { ExternalTilesetDepthPlugin, MAX_EXTERNAL_TILESET_DEPTH } from '../../../../src/engine/tiles/external-depth-plugin';

/** A chain of tiles as the renderer meets them: each refers to the next tileset (json content). */
function chain(plugin: ExternalTilesetDepthPlugin, length: number) {
  const tiles: { internal: { hasUnrenderableContent: boolean } }[] = [];
  for (let i = 0; i < length; i++) {
    const tile = { internal: { hasUnrenderableContent: true } };
    plugin.preprocessNode(tile, '', tiles[i - 1] ?? null);
    tiles.push(tile);
  }
  return tiles;
}

describe('ExternalTilesetDepthPlugin', () => {
  it('should let external tilesets nest up to the cap and fail the next one with a message naming it', async () => {
    const plugin = new ExternalTilesetDepthPlugin();
    const tiles = chain(plugin, MAX_EXTERNAL_TILESET_DEPTH + 1);
    for (let i = 0; i < MAX_EXTERNAL_TILESET_DEPTH; i++) {
      const url = `https://x.example/t${i}.json`;
      expect(plugin.preprocessURL(url, tiles[i]!)).toBe(url);
      expect(plugin.fetchData(url)).toBeNull();
    }
    const last = 'https://x.example/deep.json';
    plugin.preprocessURL(last, tiles[MAX_EXTERNAL_TILESET_DEPTH]!);
    await expect(plugin.fetchData(last)).rejects.toThrow('external tilesets nest more than 16 deep (the limit; does a tileset refer back to itself?), so this one was not loaded');
  });

  it('should count only external tilesets, not ordinary children', async () => {
    const plugin = new ExternalTilesetDepthPlugin(1);
    const root = { internal: { hasUnrenderableContent: false } };
    plugin.preprocessNode(root, '', null);
    let parent = root;
    for (let i = 0; i < 50; i++) {
      const child = { internal: { hasUnrenderableContent: false } };
      plugin.preprocessNode(child, '', parent);
      parent = child;
    }
    const ref = { internal: { hasUnrenderableContent: true } };
    plugin.preprocessNode(ref, '', parent);
    plugin.preprocessURL('https://x.example/one.json', ref);
    expect(plugin.fetchData('https://x.example/one.json')).toBeNull();
    const inner = { internal: { hasUnrenderableContent: true } };
    plugin.preprocessNode(inner, '', ref);
    plugin.preprocessURL('https://x.example/two.json', inner);
    await expect(plugin.fetchData('https://x.example/two.json')).rejects.toThrow(/nest more than 1 deep/);
  });
});
