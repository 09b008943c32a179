/**
 * One raster tile: downloaded within limits, checked to be an image (a WMS or WMTS exception
 * document, an HTML error page or a truncated file is a failure of that tile, with the
 * service's own words), and decoded off the main thread with `createImageBitmap`.
 */
import { fetchBytes, FetchFailure, type FetchBytesOptions } from './fetch-bytes';
import { describeNonImage, readImageHeader } from './image-header';
import { looksLikeMarkup, readServiceException } from './service-exception';

/** Decoding as three.js textures expect it: rows flipped, colours untouched. */
export const BITMAP_OPTIONS: ImageBitmapOptions = { imageOrientation: 'flipY', premultiplyAlpha: 'none', colorSpaceConversion: 'none' };

/** Throws a `FetchFailure` when `bytes` are not an image, with what they are instead. */
export function checkImageBytes(bytes: Uint8Array, contentType: string): void {
  if (looksLikeMarkup(bytes)) {
    const exception = readServiceException(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)));
    if (exception) throw new FetchFailure(`service exception: ${exception}`);
  }
  if (!readImageHeader(bytes)) throw new FetchFailure(`the server sent ${describeNonImage(bytes, contentType)}, not an image`);
}

/** Downloads and decodes one tile image; rejects with a `FetchFailure` or an `AbortError`. */
export async function fetchTileImage(url: string, options: FetchBytesOptions): Promise<ImageBitmap> {
  const { bytes, contentType } = await fetchBytes(url, options);
  checkImageBytes(bytes, contentType);
  try {
    return await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), BITMAP_OPTIONS);
  } catch {
    throw new FetchFailure('the image could not be decoded (truncated or corrupt)');
  }
}
