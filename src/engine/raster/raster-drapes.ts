/**
 * Where raster layers are draped: every surface that receives drapes (ground tilesets, i.e.
 * `tiles3d` layers with `receivesDrape`, and the raster ground that stands for the ground
 * plane) gets one 3d-tiles-renderer `ImageOverlayPlugin`, which composites every raster
 * layer's overlay into that surface's materials, in the scene's layer order (later layers on
 * top). Buildings never get one, so maps colour the ground under them and not their walls.
 *
 * The plugin is registered on a receiver only while there is at least one raster, so scenes
 * without maps draw exactly as before.
 */
import type { ImageOverlay, ImageOverlayPlugin } from '3d-tiles-renderer/plugins';
import type { TilesRenderer } from '3d-tiles-renderer/three';

import type { RadianBox } from '../../layers/raster/radian-box';

export type { RadianBox } from '../../layers/raster/radian-box';

export interface DrapedOverlay {
  overlay: ImageOverlay;
  /** Draw order: the layer's index in the scene (higher is drawn over lower). */
  order: number;
  /** Where the overlay has content. */
  bounds: RadianBox;
  /**
   * Makes the plugin that drapes overlays on one receiver. It comes with the overlay (from the
   * lazily loaded raster code), so scenes without rasters never load the plugin.
   */
  createPlugin(options: { enableTileSplitting: boolean }): ImageOverlayPlugin;
}

interface Receiver {
  tiles: TilesRenderer;
  tileSplitting: boolean;
  plugin: ImageOverlayPlugin | null;
}

interface PluginInternals {
  pendingTiles: Map<unknown, unknown>;
  processQueue: { items: unknown[]; currJobs: number };
}

export class RasterDrapes {
  private readonly overlays: DrapedOverlay[] = [];
  private readonly receivers: Receiver[] = [];
  private readonly listeners = new Set<() => void>();
  /** Increments whenever overlays come or go (the raster ground follows their bounds). */
  revision = 0;

  /** Drapes `entry.overlay` on every receiver; returns the function that takes it away again. */
  addOverlay(entry: DrapedOverlay): () => void {
    this.overlays.push(entry);
    for (const r of this.receivers) this.attach(r, entry);
    this.changed();
    return () => {
      const i = this.overlays.indexOf(entry);
      if (i < 0) return;
      this.overlays.splice(i, 1);
      for (const r of this.receivers) this.detach(r, entry);
      this.changed();
    };
  }

  /** Changes an overlay's draw order (its layer moved in the scene). */
  setOrder(overlay: ImageOverlay, order: number): void {
    const entry = this.overlays.find((o) => o.overlay === overlay);
    if (!entry || entry.order === order) return;
    entry.order = order;
    for (const r of this.receivers) r.plugin?.setOverlayOrder(overlay, order);
  }

  /**
   * Makes `tiles` receive every raster; returns the function that stops it. `tileSplitting`
   * lets the plugin split coarse tiles so a map can be shown finer than the tile's own detail
   * (wanted for ground tilesets; not for the raster ground, which has a level per map level).
   */
  addReceiver(tiles: TilesRenderer, options: { tileSplitting: boolean }): () => void {
    const receiver: Receiver = { tiles, tileSplitting: options.tileSplitting, plugin: null };
    this.receivers.push(receiver);
    for (const entry of this.overlays) this.attach(receiver, entry);
    return () => {
      const i = this.receivers.indexOf(receiver);
      if (i < 0) return;
      this.receivers.splice(i, 1);
      if (receiver.plugin) tiles.unregisterPlugin(receiver.plugin);
      receiver.plugin = null;
    };
  }

  /** The rasters draped now. */
  list(): readonly DrapedOverlay[] {
    return this.overlays;
  }

  /** Whether any receiver's plugin still composes textures. */
  isBusy(): boolean {
    for (const r of this.receivers) {
      const p = r.plugin as unknown as PluginInternals | null;
      if (p && (p.pendingTiles.size > 0 || p.processQueue.items.length > 0 || p.processQueue.currJobs > 0)) return true;
    }
    return false;
  }

  /** Calls `listener` when rasters come or go; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private attach(r: Receiver, entry: DrapedOverlay): void {
    if (!r.plugin) {
      r.plugin = entry.createPlugin({ enableTileSplitting: r.tileSplitting });
      r.tiles.registerPlugin(r.plugin);
    }
    r.plugin.addOverlay(entry.overlay, entry.order);
  }

  private detach(r: Receiver, entry: DrapedOverlay): void {
    if (!r.plugin) return;
    r.plugin.deleteOverlay(entry.overlay);
    if (this.overlays.length === 0) {
      r.tiles.unregisterPlugin(r.plugin);
      r.plugin = null;
    }
  }

  private changed(): void {
    this.revision++;
    for (const l of this.listeners) l();
  }
}
