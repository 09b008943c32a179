/**
 * A 3d-tiles-renderer plugin that caps how deep external tilesets nest (a tile whose content is
 * another tileset.json): a tileset that refers to itself, directly or through others, would
 * otherwise be loaded again and again without end. Past the cap the reference fails like a
 * broken tile, with a message naming the cap, so the layer ends in `error` and the rest stays.
 */
import type { TilesRenderer } from '3d-tiles-renderer/three';

/**
 * Most external tilesets in a chain below the root tileset. Real tilesets nest one to a few
 * levels (CesiumGS's TilesetWithRequestVolume: 1; Wageningen and the demo: 0).
 */
export const MAX_EXTERNAL_TILESET_DEPTH = 16;

interface TileLike {
  internal: { hasUnrenderableContent: boolean };
}

export class ExternalTilesetDepthPlugin {
  readonly name = 'EXTERNAL_TILESET_DEPTH_PLUGIN';
  /** Late among plugins, so that it sees the URL the others made. */
  readonly priority = 100;
  /** External tilesets above each tile (0 in the root tileset). */
  private readonly depths = new WeakMap<TileLike, number>();
  /** URLs refused, with the reason. */
  private readonly refused = new Map<string, string>();

  constructor(private readonly maxDepth = MAX_EXTERNAL_TILESET_DEPTH) {}

  init(_tiles: TilesRenderer): void {}

  preprocessNode(tile: TileLike, _tilesetDir: string, parent: TileLike | null): void {
    const above = parent ? (this.depths.get(parent) ?? 0) : 0;
    this.depths.set(tile, parent?.internal.hasUnrenderableContent ? above + 1 : above);
  }

  preprocessURL(url: string, tile: TileLike | null): string {
    if (tile?.internal.hasUnrenderableContent && (this.depths.get(tile) ?? 0) >= this.maxDepth) {
      this.refused.set(url, `external tilesets nest more than ${this.maxDepth} deep (the limit; does a tileset refer back to itself?), so this one was not loaded`);
    }
    return url;
  }

  /** Fails a refused URL; `null` (synchronously) for everything else, so the chain goes on. */
  fetchData(url: string): Promise<Response> | null {
    const reason = this.refused.get(url);
    return reason === undefined ? null : Promise.reject(new Error(reason));
  }

  dispose(): void {
    this.refused.clear();
  }
}
