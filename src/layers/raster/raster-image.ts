/**
 * `service: "image"`: one PNG or JPEG placed by a world file in a CRS of the geo registry, or
 * by its four corners. It is decoded once and cut into a pyramid of 256 px tiles on demand
 * (`ImagePyramidSource`), projected per vertex through the registry, so a map in SWEREF 99
 * lands where its coordinates say. Refused with a clear reason: a world file that does not
 * parse, coordinates outside the CRS (or in the wrong axis order), an image too large to show.
 */
import { getConverter, getCrs } from '../../geo';
import { fetchBytes, fetchText } from '../../sources/raster/fetch-bytes';
import { RASTER_LIMITS } from '../../sources/raster/raster-limits';
import { describeNonImage, readImageHeader } from '../../sources/raster/image-header';
import { parseWorldFile, pixelToCrs, worldFileUrl, type WorldFile } from '../../sources/raster/world-file';
import { CrsGridProjection, type NormalizedToCrs } from './crs-projection';
import { RasterOverlay } from './raster-overlay';
import type { RasterBuild, RasterSetup } from './raster-build';
import { TileLog } from './tile-log';
import type { RadianBox } from './radian-box';
import { ImagePyramidSource, pyramidLayout } from './tile-sources';

const { imagePixels: MAX_IMAGE_PIXELS, imageSide: MAX_IMAGE_SIDE } = RASTER_LIMITS;

type Corner = readonly [number, number];

/** Why an image of `width` × `height` px cannot be shown, or `null`. */
export function imageSizeProblem(width: number, height: number): string | null {
  if (width * height <= MAX_IMAGE_PIXELS && width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE) return null;
  const gb = (width * height * 4) / 1e9;
  return (
    `the image is ${width} × ${height} px (${gb >= 1 ? `${gb.toFixed(1)} GB` : `${Math.round(gb * 1000)} MB`} decoded), too large to show: ` +
    `at most ${MAX_IMAGE_PIXELS / 1e6} megapixels and ${MAX_IMAGE_SIDE} px a side. Cut it into tiles (e.g. with gdal2tiles) and use "service": "tiles"`
  );
}

/**
 * The world file that puts an image's corners (upper-left, upper-right, lower-left; corner
 * points, not pixel centres) where `corners` says, and how far the lower-right corner given is
 * from the one it implies, as a fraction of the diagonal.
 */
export function worldFileFromCorners(
  corners: { topLeft: Corner; topRight: Corner; bottomRight: Corner; bottomLeft: Corner },
  width: number,
  height: number,
): { world: WorldFile; misfit: number } {
  const { topLeft: tl, topRight: tr, bottomLeft: bl, bottomRight: br } = corners;
  const a = (tr[0] - tl[0]) / width;
  const d = (tr[1] - tl[1]) / width;
  const b = (bl[0] - tl[0]) / height;
  const e = (bl[1] - tl[1]) / height;
  const world = { a, d, b, e, c: tl[0] + a / 2 + b / 2, f: tl[1] + d / 2 + e / 2 };
  const px = tr[0] + bl[0] - tl[0];
  const py = tr[1] + bl[1] - tl[1];
  const diagonal = Math.hypot(px - tl[0], py - tl[1]);
  return { world, misfit: diagonal > 0 ? Math.hypot(br[0] - px, br[1] - py) / diagonal : 0 };
}

/** Why the image's corners cannot be in `crs` (outside its area, or northing first), or `null`. */
export function georeferenceProblem(crs: string, corners: readonly (readonly [number, number])[]): string | null {
  const def = getCrs(crs);
  const within = (x: number, y: number): boolean => {
    if (def.units === 'degree') return Math.abs(x) <= 180 && Math.abs(y) <= 90;
    const p = def.bounds?.projected;
    if (!p) return true;
    // a margin of a fifth of the area: maps may reach a little beyond EPSG's area of use
    const mx = (p.maxEasting - p.minEasting) / 5;
    const my = (p.maxNorthing - p.minNorthing) / 5;
    return x >= p.minEasting - mx && x <= p.maxEasting + mx && y >= p.minNorthing - my && y <= p.maxNorthing + my;
  };
  if (corners.every(([x, y]) => within(x, y))) return null;
  const [x, y] = corners[0]!;
  const fmt = (v: number) => (def.units === 'degree' ? v.toFixed(6) : v.toFixed(1));
  if (corners.every(([cx, cy]) => within(cy, cx))) {
    return def.units === 'degree'
      ? `the coordinates look like latitude first (${fmt(x)}, ${fmt(y)}); give longitude first`
      : `the coordinates look like northing first (${fmt(x)}, ${fmt(y)}): a world file gives the easting (line 5) before the northing (line 6)`;
  }
  return `the image would lie at (${fmt(x)}, ${fmt(y)}), outside ${def.code} (${def.name}): is "crs" right?`;
}

/** Normalized (u, v) → CRS for an image in the middle third of its pyramid's normalized square. */
export function pyramidFrame(world: WorldFile, span: number): NormalizedToCrs {
  const s3 = 3 * span;
  // pixel (px, py) from the upper-left corner: px = 3S·u − S, py = 2S − 3S·v; world files use pixel centres (−0.5)
  const px0 = -span - 0.5;
  const py0 = 2 * span - 0.5;
  return {
    ax: world.a * s3,
    bx: -world.b * s3,
    cx: world.a * px0 + world.b * py0 + world.c,
    ay: world.d * s3,
    by: -world.e * s3,
    cy: world.d * px0 + world.e * py0 + world.f,
  };
}

async function loadWorldFile(setup: RasterSetup, width: number, height: number): Promise<{ world: WorldFile; crs: string; warnings: string[] }> {
  const { spec } = setup;
  if (spec.corners) {
    const crs = spec.crs ?? 'EPSG:4326';
    const { world, misfit } = worldFileFromCorners(spec.corners, width, height);
    const warnings =
      misfit > 0.005
        ? [`The four corners are not a parallelogram in ${crs}: the image is placed by its top-left, top-right and bottom-left corners (the bottom-right one given is ${(misfit * 100).toFixed(1)} % of the diagonal away).`]
        : [];
    return { world, crs, warnings };
  }
  const url = setup.worldFileUrl ?? worldFileUrl(setup.url);
  let text: string;
  try {
    text = await fetchText(url, { ...RASTER_LIMITS.worldFile, signal: setup.signal });
  } catch (e) {
    throw new Error(`the world file ${url.split('/').pop()} could not be loaded: ${(e as Error).message}`);
  }
  try {
    return { world: parseWorldFile(text), crs: spec.crs!, warnings: [] };
  } catch (e) {
    throw new Error(`the world file ${url.split('/').pop()} does not parse: ${(e as Error).message}`);
  }
}

export async function buildImageRaster(setup: RasterSetup): Promise<RasterBuild> {
  let image: Awaited<ReturnType<typeof fetchBytes>>;
  try {
    image = await fetchBytes(setup.url, { ...RASTER_LIMITS.image, signal: setup.signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new Error(`the image could not be loaded: ${(e as Error).message}`);
  }
  const header = readImageHeader(image.bytes);
  if (!header) throw new Error(`the image URL gave ${describeNonImage(image.bytes, image.contentType)}, not a PNG or JPEG`);
  if (header.width > 0) {
    const tooLarge = imageSizeProblem(header.width, header.height);
    if (tooLarge) throw new Error(tooLarge);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([image.bytes as Uint8Array<ArrayBuffer>]), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  } catch {
    throw new Error('the image could not be decoded (truncated or corrupt, or too large for this browser)');
  }
  try {
    const tooLarge = imageSizeProblem(bitmap.width, bitmap.height);
    if (tooLarge) throw new Error(tooLarge);
    const { world, crs, warnings } = await loadWorldFile(setup, bitmap.width, bitmap.height);
    const W = bitmap.width;
    const H = bitmap.height;
    const corners = [pixelToCrs(world, 0, 0), pixelToCrs(world, W, 0), pixelToCrs(world, W, H), pixelToCrs(world, 0, H)];
    const wrong = georeferenceProblem(crs, corners);
    if (wrong) throw new Error(wrong);
    const { span } = pyramidLayout(W, H);
    const projection = new CrsGridProjection(crs, pyramidFrame(world, span));
    const s3 = 3 * span;
    const bounds = projection.fromNormalizedToCartographicRange([span / s3, (2 * span - H) / s3, (span + W) / s3, (2 * span) / s3]) as RadianBox;
    const source = new ImagePyramidSource(bitmap, { projection, bounds });
    const overlay = new RasterOverlay(source, setup.opacityOf);
    await overlay.ready();
    const metres = pixelMetres(world, crs, corners[0]!);
    const notes = [`${W} × ${H} px image in ${crs} (${getCrs(crs).name})${metres ? `, ${metres} a pixel` : ''}.`];
    return { overlay, log: new TileLog(), notes, warnings };
  } catch (e) {
    bitmap.close();
    throw e;
  }
}

/** The pixel size in words (`0.50 m`), when the CRS is in metres or convertible. */
function pixelMetres(world: WorldFile, crs: string, at: readonly [number, number]): string | null {
  if (getCrs(crs).units === 'metre') return `${Math.hypot(world.a, world.d).toFixed(2)} m`;
  const toMercator = getConverter(crs, 'EPSG:3857');
  const [x0, y0] = toMercator.forward(at[0], at[1]);
  const [x1, y1] = toMercator.forward(at[0] + world.a, at[1] + world.d);
  const lat = (at[1] * Math.PI) / 180;
  return `${(Math.hypot(x1! - x0!, y1! - y0!) * Math.cos(lat)).toFixed(2)} m`;
}
