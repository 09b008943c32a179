/**
 * What a raster source may cost: each download has a time and a size limit (a server that
 * does not answer, or a body that never ends, costs at most these), and a georeferenced image
 * a decoded size. Real data stays far below them: a 256 px map tile is 10–100 KiB, a scanned
 * map sheet 5–50 MiB and 10–40 megapixels, a world file six short lines.
 */
import type { FetchBytesOptions } from './fetch-bytes';

type Limit = Readonly<Pick<FetchBytesOptions, 'timeoutMs' | 'maxBytes'>>;

const MIB = 1_048_576;

export interface RasterLimits {
  /** One tile of XYZ/TMS, WMS or WMTS: 20 s (a WMS renders on demand), 16 MiB. */
  tile: Limit;
  /** A georeferenced image (PNG or JPEG): 60 s, 96 MiB. */
  image: Limit;
  /** Its world file: 15 s, 64 KiB. */
  worldFile: Limit;
  /** A WMTS GetCapabilities document: 20 s, 8 MiB. */
  capabilities: Limit;
  /** Largest image decoded, pixels (64 megapixels: 256 MB of RGBA) … */
  imagePixels: number;
  /** … and pixels a side (the largest texture a WebGL 2 GPU may allow). */
  imageSide: number;
}

export const RASTER_LIMITS: Readonly<RasterLimits> = Object.freeze({
  tile: { timeoutMs: 20_000, maxBytes: 16 * MIB },
  image: { timeoutMs: 60_000, maxBytes: 96 * MIB },
  worldFile: { timeoutMs: 15_000, maxBytes: 64 * 1024 },
  capabilities: { timeoutMs: 20_000, maxBytes: 8 * MIB },
  imagePixels: 64e6,
  imageSide: 32_768,
});
