/**
 * A raster layer's overlay for 3d-tiles-renderer's `ImageOverlayPlugin`. Its opacity is read
 * when the ground's shaders are drawn, from the layer: its own opacity, its visibility, the
 * timeline's crossfade weight and, in a comparison's swipe view, the half being drawn (the
 * layer's root object is hidden for the other half). So one overlay on many ground tiles
 * follows all of these without touching their materials.
 */
import { TiledImageOverlay } from '3d-tiles-renderer/plugins';
import type { TiledImageSource } from '3d-tiles-renderer/src/three/plugins/images/sources/TiledImageSource.js';

interface RegionSource {
  dispose(): void;
}

export class RasterOverlay extends TiledImageOverlay {
  /** `opacityOf` is called while drawing: it must not allocate. */
  constructor(imageSource: TiledImageSource, opacityOf: () => number) {
    // the published .d.ts gives TiledImageOverlay no constructor options; it takes { imageSource }
    super(...([{ imageSource }] as unknown as []));
    // an accessor on the instance replaces the value the base constructor stored
    Object.defineProperty(this, 'opacity', { get: opacityOf, set: () => {}, configurable: true, enumerable: true });
  }

  /** The image source (tiles, levels, projection). */
  get source(): TiledImageSource {
    return (this as unknown as { imageSource: TiledImageSource }).imageSource;
  }

  /** Initialises the source (capabilities, levels); rejects with the reason. Idempotent. */
  ready(): Promise<void> {
    return (this as unknown as { init(): Promise<void> }).init();
  }

  /**
   * Frees every tile and composed texture. Call after removing the overlay from every plugin:
   * their releases finish in microtasks (the library's cache deletes released entries then, and
   * refuses to dispose them before), so disposal waits for the next task.
   */
  dispose(): void {
    const region = (this as unknown as { regionImageSource: RegionSource | null }).regionImageSource;
    setTimeout(() => {
      try {
        if (region) region.dispose();
        else this.source.dispose();
      } catch (e) {
        console.warn('A raster overlay could not be disposed cleanly:', e);
      }
    }, 0);
  }
}
