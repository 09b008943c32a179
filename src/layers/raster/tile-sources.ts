/**
 * The image sources behind raster layers, on 3d-tiles-renderer's tiled image cache and tiling
 * scheme (ref-counted tiles, levels of detail, content bounds):
 *  - `XyzTileSource`: an XYZ or TMS pyramid in Web Mercator (the library's XYZ source, with
 *    our bounded, failure-tolerant fetch and the layer's bounds and zoom range);
 *  - `GridTileSource`: tiles on a grid in any CRS of the geo registry, each fetched from a URL
 *    the layer builds (WMS GetMap boxes, WMTS tile matrices);
 *  - `ImagePyramidSource`: one georeferenced image, cut into a pyramid of 256 px tiles on
 *    demand, so the ground refines towards full resolution as the camera comes closer.
 */
import type { Texture } from 'three';
import { TiledImageSource } from '3d-tiles-renderer/src/three/plugins/images/sources/TiledImageSource.js';
import { XYZImageSource } from '3d-tiles-renderer/src/three/plugins/images/sources/XYZImageSource.js';
import type { TilingLevelOptions } from '3d-tiles-renderer/src/three/plugins/images/utils/TilingScheme.js';
import type { CrsGridProjection } from './crs-projection';
import { bitmapTexture, isAbort, loadTileTexture, transparentTexture, type TileFetchContext } from './tile-textures';

import type { RadianBox } from './radian-box';

export interface XyzTileOptions {
  /** Template with {z}, {x}, {y} (rows from the north) or {-y} (rows from the south, TMS). */
  url: string;
  minZoom: number;
  maxZoom: number;
  tileSize: number;
  bounds: RadianBox | null;
}

export class XyzTileSource extends XYZImageSource {
  constructor(
    private readonly ctx: TileFetchContext,
    private readonly options: XyzTileOptions,
  ) {
    const levels = Array.from({ length: options.maxZoom + 1 }, (_, z) => (z < options.minZoom ? null : {}));
    super({ url: options.url, levels, tileDimension: options.tileSize });
  }

  override init(): Promise<void> {
    const done = super.init() as Promise<void>;
    if (this.options.bounds) this.tiling.setContentBounds(...this.options.bounds);
    return done;
  }

  override fetchItem([x, y, level]: number[], signal: AbortSignal): Promise<Texture> {
    return loadTileTexture(this.getUrl(x!, y!, level!), this.ctx, signal);
  }
}

export interface GridTileOptions {
  projection: CrsGridProjection;
  /** Per level, from 0 (`null` for a level the service lacks). */
  levels: (TilingLevelOptions | null)[];
  /** Whether tile rows count from the top (WMTS) rather than the bottom. */
  rowsFromTop: boolean;
  /** Where the layer has content; `null`: the whole grid. */
  bounds: RadianBox | null;
  /** The URL of one tile. */
  urlOf(x: number, y: number, level: number): string;
}

export class GridTileSource extends TiledImageSource {
  constructor(
    private readonly ctx: TileFetchContext,
    private readonly options: GridTileOptions,
  ) {
    super();
  }

  override init(): Promise<void> {
    const { tiling } = this;
    const o = this.options;
    tiling.flipY = o.rowsFromTop;
    tiling.setProjection(o.projection);
    o.levels.forEach((level, i) => {
      if (level) tiling.setLevel(i, level);
    });
    tiling.setContentBounds(...(o.bounds ?? (o.projection.getBounds() as RadianBox)));
    return Promise.resolve();
  }

  override getUrl(x: number, y: number, level: number): string {
    return this.options.urlOf(x, y, level);
  }

  override fetchItem([x, y, level]: number[], signal: AbortSignal): Promise<Texture> {
    return loadTileTexture(this.getUrl(x!, y!, level!), this.ctx, signal);
  }
}

/** Pixels of one pyramid tile. */
export const PYRAMID_TILE = 256;

/**
 * The pyramid of an image of `width` × `height` pixels: `maxLevel` is the level at full
 * resolution, and the normalized square spans three times the finest grid's extent (`span`
 * image pixels) with the image in its middle third, so that ground outside the image reads
 * transparent rather than the image's edge stretched outwards.
 */
export function pyramidLayout(width: number, height: number): { maxLevel: number; span: number } {
  const maxLevel = Math.max(0, Math.ceil(Math.log2(Math.max(width, height) / PYRAMID_TILE)));
  return { maxLevel, span: PYRAMID_TILE * 2 ** maxLevel };
}

export interface ImagePyramidOptions {
  projection: CrsGridProjection;
  bounds: RadianBox;
}

export class ImagePyramidSource extends TiledImageSource {
  private readonly maxLevel: number;
  private readonly span: number;

  /** `image` is decoded without flipping; the source owns it and closes it on `dispose()`. */
  constructor(
    private readonly image: ImageBitmap,
    private readonly options: ImagePyramidOptions,
  ) {
    super();
    ({ maxLevel: this.maxLevel, span: this.span } = pyramidLayout(image.width, image.height));
  }

  override init(): Promise<void> {
    const { tiling } = this;
    tiling.flipY = true;
    tiling.setProjection(this.options.projection);
    for (let level = 0; level <= this.maxLevel; level++) {
      const count = 3 * 2 ** level;
      tiling.setLevel(level, { tilePixelWidth: PYRAMID_TILE, tilePixelHeight: PYRAMID_TILE, tileCountX: count, tileCountY: count });
    }
    tiling.setContentBounds(...this.options.bounds);
    return Promise.resolve();
  }

  override getUrl(x: number, y: number, level: number): string {
    return `image-pyramid:${level}/${x}/${y}`;
  }

  override async fetchItem([x, y, level]: number[], signal: AbortSignal): Promise<Texture> {
    // image pixels per tile at this level; tile (0, 0) starts one span above and left of the image
    const k = PYRAMID_TILE * 2 ** (this.maxLevel - level!);
    const sx = x! * k - this.span;
    const sy = y! * k - this.span;
    const { width, height } = this.image;
    if (sx >= width || sy >= height || sx + k <= 0 || sy + k <= 0) return transparentTexture();
    try {
      // parts of the crop outside the image come out transparent
      const tile = await createImageBitmap(this.image, sx, sy, k, k, {
        resizeWidth: PYRAMID_TILE,
        resizeHeight: PYRAMID_TILE,
        resizeQuality: 'high',
        imageOrientation: 'flipY',
        premultiplyAlpha: 'none',
        colorSpaceConversion: 'none',
      });
      if (signal.aborted) {
        tile.close();
        throw new DOMException('The tile is no longer needed', 'AbortError');
      }
      return bitmapTexture(tile);
    } catch (e) {
      if (isAbort(e)) throw e;
      return transparentTexture();
    }
  }

  override dispose(): void {
    super.dispose();
    this.image.close();
  }
}
