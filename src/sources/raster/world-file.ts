/**
 * World files (`.pgw`, `.jgw`, `.tfw`, `.wld`): six numbers, one a line, that place an
 * image's pixels in a CRS (Esri's convention, also GDAL's):
 *
 *   A  x size of a pixel            x = A·col + B·row + C
 *   D  rotation (y change per col)  y = D·col + E·row + F
 *   B  rotation (x change per row)
 *   E  y size of a pixel (negative when rows run south)
 *   C  x of the CENTRE of the upper-left pixel
 *   F  y of the CENTRE of the upper-left pixel
 *
 * where `col`, `row` count pixels from the upper-left pixel's centre. x is the easting (or
 * longitude), y the northing (or latitude), in the CRS the layer names.
 */

/** The affine map from pixel (col, row) to CRS (x, y) of a world file. */
export interface WorldFile {
  a: number;
  d: number;
  b: number;
  e: number;
  c: number;
  f: number;
}

/** Parses world-file text; throws an `Error` saying what is wrong. */
export function parseWorldFile(text: string): WorldFile {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length !== 6) {
    throw new Error(`the world file has ${lines.length} value line${lines.length === 1 ? '' : 's'}; expected 6 numbers, one a line (A, D, B, E, C, F)`);
  }
  const values = lines.map((line, i) => {
    // a decimal comma is a common mistake of spreadsheet exports: refuse it rather than misread it
    if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(line)) throw new Error(`line ${i + 1} of the world file is not a number: "${line.slice(0, 40)}"`);
    return Number(line);
  });
  const [a, d, b, e, c, f] = values as [number, number, number, number, number, number];
  if (Math.abs(a * e - b * d) < 1e-18) throw new Error('the world file maps the image to a line or a point (its pixel sizes A, E and rotations B, D give no area)');
  return { a, d, b, e, c, f };
}

/** The CRS position of a point given in pixel coordinates from the image's upper-left CORNER. */
export function pixelToCrs(w: WorldFile, px: number, py: number): [number, number] {
  // world files refer to pixel centres: the corner of the upper-left pixel is at col = row = −0.5
  const col = px - 0.5;
  const row = py - 0.5;
  return [w.a * col + w.b * row + w.c, w.d * col + w.e * row + w.f];
}

/** The pixel coordinates (from the upper-left corner) of a CRS position. */
export function crsToPixel(w: WorldFile, x: number, y: number): [number, number] {
  const det = w.a * w.e - w.b * w.d;
  const dx = x - w.c;
  const dy = y - w.f;
  const col = (w.e * dx - w.b * dy) / det;
  const row = (-w.d * dx + w.a * dy) / det;
  return [col + 0.5, row + 0.5];
}

/** The world file's URL for an absolute image URL: `.png` → `.pgw`, `.jpg`/`.jpeg` → `.jgw`, `.tif` → `.tfw`, else `.wld`. */
export function worldFileUrl(imageUrl: string): string {
  const u = new URL(imageUrl);
  const m = /\.([a-z0-9]+)$/i.exec(u.pathname);
  const ext = m?.[1]?.toLowerCase() ?? '';
  const wld = ext === 'png' ? 'pgw' : ext === 'jpg' || ext === 'jpeg' ? 'jgw' : ext === 'tif' || ext === 'tiff' ? 'tfw' : 'wld';
  u.pathname = (m ? u.pathname.slice(0, -m[0].length) : u.pathname) + '.' + wld;
  return u.href;
}
