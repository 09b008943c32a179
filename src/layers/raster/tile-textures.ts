/**
 * Image tiles as three.js textures for 3d-tiles-renderer's overlays: downloaded through the
 * shared download queue (per-origin limits), bounded in time and size, and never failing the
 * overlay: a tile that cannot be shown becomes a transparent hole and a line in the layer's
 * `TileLog`. Only cancellation (the tile is no longer needed) rejects.
 */
import { SRGBColorSpace, Texture } from 'three';
import type { DownloadPriorityQueue } from '3d-tiles-renderer/core';
import { FetchFailure } from '../../sources/raster/fetch-bytes';
import { fetchTileImage } from '../../sources/raster/fetch-tile-image';
import type { TileLog } from './tile-log';

/** Where and within which limits one raster layer fetches its tiles. */
export interface TileFetchContext {
  queue: DownloadPriorityQueue;
  log: TileLog;
  /** Per tile, milliseconds from the start of its download. */
  timeoutMs: number;
  /** Per tile, bytes. */
  maxBytes: number;
}

/** A texture over a decoded, row-flipped bitmap, as the library's own sources make them. */
export function bitmapTexture(bitmap: ImageBitmap): Texture {
  const texture = new Texture(bitmap);
  texture.generateMipmaps = false;
  texture.colorSpace = SRGBColorSpace;
  texture.needsUpdate = true;
  return texture;
}

/** A 1 × 1 transparent texture: a tile that is not there. Each call makes its own (the cache disposes each). */
export async function transparentTexture(): Promise<Texture> {
  return bitmapTexture(await createImageBitmap(new ImageData(1, 1)));
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Downloads tile `url` as a texture; failures are logged and give a transparent tile. */
export async function loadTileTexture(url: string, ctx: TileFetchContext, signal: AbortSignal): Promise<Texture> {
  ctx.log.begin();
  let bitmap: ImageBitmap;
  try {
    bitmap = (await ctx.queue.add(url, { priority: -performance.now() }, () => fetchTileImage(url, { timeoutMs: ctx.timeoutMs, maxBytes: ctx.maxBytes, signal }), signal)) as ImageBitmap;
  } catch (e) {
    if (isAbort(e) || signal.aborted) {
      ctx.log.cancel();
      throw isAbort(e) ? e : new DOMException('The tile is no longer needed', 'AbortError');
    }
    ctx.log.fail(url, e instanceof FetchFailure ? e.message : `the tile could not be loaded (${(e as Error).message})`);
    return transparentTexture();
  }
  ctx.log.succeed();
  return bitmapTexture(bitmap);
}
