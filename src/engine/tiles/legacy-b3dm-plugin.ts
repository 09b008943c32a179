/**
 * A 3d-tiles-renderer plugin that upgrades legacy b3dm headers (see `legacy-b3dm.ts`) before
 * the renderer parses the tile. Other content passes through untouched.
 */
import type { TilesRenderer } from '3d-tiles-renderer/three';
import { b3dmLayout, upgradeB3dm } from './legacy-b3dm';

type Renderer = TilesRenderer & {
  parseTile(buffer: ArrayBuffer, tile: unknown, extension: string, url: string, signal: AbortSignal): Promise<void>;
};

export class LegacyB3dmPlugin {
  readonly name = 'LEGACY_B3DM_PLUGIN';
  /** Runs before other content plugins. */
  readonly priority = -100;
  private tiles: Renderer | null = null;

  init(tiles: TilesRenderer): void {
    this.tiles = tiles as Renderer;
  }

  /** Returns `null` (synchronously) for anything but a legacy b3dm, so the chain goes on. */
  parseTile(buffer: ArrayBuffer, tile: unknown, extension: string, url: string, signal: AbortSignal): Promise<void> | null {
    if (!this.tiles || !(buffer instanceof ArrayBuffer)) return null;
    const layout = b3dmLayout(new Uint8Array(buffer, 0, Math.min(buffer.byteLength, 28)));
    if (layout !== 'legacy-1' && layout !== 'legacy-2') return null;
    return this.tiles.parseTile(upgradeB3dm(buffer), tile, extension, url, signal);
  }
}
