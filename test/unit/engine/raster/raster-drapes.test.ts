/** RasterDrapes: one overlay plugin per receiving surface, only while there are rasters. */
import { describe, expect, it, vi } from 'vitest';
import type { ImageOverlay, ImageOverlayPlugin } from '3d-tiles-renderer/plugins';
import type { TilesRenderer } from '3d-tiles-renderer/three';
import { RasterDrapes, type DrapedOverlay } from '../../../../src/engine/raster/raster-drapes';

class FakePlugin {
  overlays = new Map<unknown, number>();
  pendingTiles = new Map();
  processQueue = { items: [] as unknown[], currJobs: 0 };
  constructor(readonly options: { enableTileSplitting: boolean }) {}
  addOverlay(o: unknown, order: number) {
    this.overlays.set(o, order);
  }
  deleteOverlay(o: unknown) {
    this.overlays.delete(o);
  }
  setOverlayOrder(o: unknown, order: number) {
    this.overlays.set(o, order);
  }
}

function fakeTiles() {
  const plugins: FakePlugin[] = [];
  return {
    plugins,
    tiles: {
      registerPlugin: vi.fn((p: FakePlugin) => plugins.push(p)),
      unregisterPlugin: vi.fn((p: FakePlugin) => plugins.splice(plugins.indexOf(p), 1).length > 0),
    } as unknown as TilesRenderer,
  };
}

const overlay = (name: string, order = 0): DrapedOverlay => ({
  overlay: { name } as unknown as ImageOverlay,
  order,
  bounds: [0, 0, 1, 1],
  createPlugin: (options) => new FakePlugin(options) as unknown as ImageOverlayPlugin,
});

describe('RasterDrapes', () => {
  it('should register no plugin on a receiver until there is a raster, and remove it with the last one', () => {
    const drapes = new RasterDrapes();
    const ground = fakeTiles();
    drapes.addReceiver(ground.tiles, { tileSplitting: true });
    expect(ground.plugins).toHaveLength(0);
    const a = overlay('a', 1);
    const stopA = drapes.addOverlay(a);
    expect(ground.plugins).toHaveLength(1);
    expect(ground.plugins[0]!.options).toEqual({ enableTileSplitting: true });
    expect([...ground.plugins[0]!.overlays]).toEqual([[a.overlay, 1]]);
    const b = overlay('b', 3);
    const stopB = drapes.addOverlay(b);
    expect(ground.plugins[0]!.overlays.size).toBe(2);
    stopA();
    expect(ground.plugins).toHaveLength(1);
    stopB();
    expect(ground.plugins).toHaveLength(0);
    stopB(); // twice is harmless
  });

  it('should drape existing rasters on a receiver that comes later, and let go of it', () => {
    const drapes = new RasterDrapes();
    const a = overlay('a');
    drapes.addOverlay(a);
    const surface = fakeTiles();
    const stop = drapes.addReceiver(surface.tiles, { tileSplitting: false });
    expect(surface.plugins[0]!.options).toEqual({ enableTileSplitting: false });
    expect(surface.plugins[0]!.overlays.has(a.overlay)).toBe(true);
    drapes.setOrder(a.overlay, 7);
    expect(surface.plugins[0]!.overlays.get(a.overlay)).toBe(7);
    stop();
    expect(surface.plugins).toHaveLength(0);
  });

  it('should tell listeners when rasters come and go, and report pending work of its plugins', () => {
    const drapes = new RasterDrapes();
    const ground = fakeTiles();
    drapes.addReceiver(ground.tiles, { tileSplitting: true });
    const listener = vi.fn();
    const off = drapes.subscribe(listener);
    const stop = drapes.addOverlay(overlay('a'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(drapes.list()).toHaveLength(1);
    expect(drapes.isBusy()).toBe(false);
    ground.plugins[0]!.processQueue.currJobs = 1;
    expect(drapes.isBusy()).toBe(true);
    stop();
    expect(listener).toHaveBeenCalledTimes(2);
    off();
  });
});
