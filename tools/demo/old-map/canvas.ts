/**
 * A small RGB raster for drawing the demo's synthetic old map in Node: polygons (even-odd,
 * several rings) filled with a colour or a per-pixel paint, strokes, circles, and a 2× box
 * downsample for smooth edges. Coordinates are pixels, x right, y down; a pixel is covered
 * when its centre is inside. Deterministic: the same calls give the same bytes.
 */

export type Rgb = readonly [number, number, number];
export type Point = readonly [number, number];
/** Per-pixel coverage 0…1 of a paint at pixel centre (x, y), e.g. hatching. */
export type Paint = (x: number, y: number) => number;

export function hex(colour: string): Rgb {
  const n = parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export class Canvas {
  readonly data: Float32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    const data = new Float32Array(width * height * 3);
    for (let i = 0; i < data.length; i += 3) {
      data[i] = background[0];
      data[i + 1] = background[1];
      data[i + 2] = background[2];
    }
    this.data = data;
  }

  /** Blends `colour` over pixel (x, y) with opacity `alpha`. */
  blend(x: number, y: number, colour: Rgb, alpha: number): void {
    if (alpha <= 0 || x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    const a = Math.min(1, alpha);
    const d = this.data;
    d[i] = d[i]! + (colour[0] - d[i]!) * a;
    d[i + 1] = d[i + 1]! + (colour[1] - d[i + 1]!) * a;
    d[i + 2] = d[i + 2]! + (colour[2] - d[i + 2]!) * a;
  }

  /** Every pixel gets `shade(x, y)` (−1…1): darker below 0, lighter above. */
  shade(shade: (x: number, y: number) => number): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const s = shade(x + 0.5, y + 0.5);
        const i = (y * this.width + x) * 3;
        for (let k = 0; k < 3; k++) this.data[i + k] = Math.max(0, Math.min(255, this.data[i + k]! * (1 + s)));
      }
    }
  }

  /** Fills the even-odd interior of `rings` with `colour` at `alpha`, or at `alpha × paint(x, y)`. */
  fill(rings: readonly (readonly Point[])[], colour: Rgb, alpha = 1, paint?: Paint): void {
    this.spans(rings, (y, from, to) => {
      for (let x = from; x <= to; x++) this.blend(x, y, colour, paint ? alpha * paint(x + 0.5, y + 0.5) : alpha);
    });
  }

  /**
   * Calls `visit(y, from, to)` for each run of pixels on row `y` whose centres lie inside the
   * even-odd interior of `rings`, clipped to the canvas.
   */
  private spans(rings: readonly (readonly Point[])[], visit: (y: number, from: number, to: number) => void): void {
    let minY = Infinity;
    let maxY = -Infinity;
    for (const ring of rings) for (const [, y] of ring) (minY = Math.min(minY, y)), (maxY = Math.max(maxY, y));
    const xs: number[] = [];
    for (let y = Math.max(0, Math.floor(minY)); y <= Math.min(this.height - 1, Math.ceil(maxY)); y++) {
      const cy = y + 0.5;
      xs.length = 0;
      for (const ring of rings) {
        for (let i = 0, n = ring.length; i < n; i++) {
          const [ax, ay] = ring[i]!;
          const [bx, by] = ring[(i + 1) % n]!;
          if (ay <= cy === by <= cy) continue;
          xs.push(ax + ((cy - ay) * (bx - ax)) / (by - ay));
        }
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
        const to = Math.min(this.width - 1, Math.floor(xs[k + 1]! - 0.5));
        if (from <= to) visit(y, from, to);
      }
    }
  }

  /** A polyline `width` pixels wide, with round joins and ends. */
  stroke(points: readonly Point[], width: number, colour: Rgb, alpha = 1): void {
    const h = width / 2;
    const rings: Point[][] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[i + 1]!;
      const len = Math.hypot(bx - ax, by - ay);
      if (len === 0) continue;
      const nx = (-(by - ay) / len) * h;
      const ny = ((bx - ax) / len) * h;
      rings.push([[ax + nx, ay + ny], [bx + nx, by + ny], [bx - nx, by - ny], [ax - nx, ay - ny]]);
    }
    for (const [x, y] of points) rings.push(disc(x, y, h));
    // the union of the segment quads and joint discs, so overlaps are not blended twice
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of rings) {
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    const x0 = Math.max(0, Math.floor(minX));
    const y0 = Math.max(0, Math.floor(minY));
    const bw = Math.min(this.width, Math.ceil(maxX) + 1) - x0;
    const bh = Math.min(this.height, Math.ceil(maxY) + 1) - y0;
    if (bw <= 0 || bh <= 0) return;
    const mask = new Uint8Array(bw * bh);
    for (const ring of rings) this.spans([ring], (y, from, to) => mask.fill(1, (y - y0) * bw + (from - x0), (y - y0) * bw + (to - x0) + 1));
    for (let k = 0; k < mask.length; k++) if (mask[k]) this.blend(x0 + (k % bw), y0 + Math.floor(k / bw), colour, alpha);
  }

  /** Half the size, each pixel the mean of four: smooth edges from a canvas drawn at twice the size. */
  downsample(): Canvas {
    const w = Math.floor(this.width / 2);
    const h = Math.floor(this.height / 2);
    const out = new Canvas(w, h, [0, 0, 0]);
    const src = this.data;
    const dst = out.data;
    const row = this.width * 3;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const a = (2 * y * this.width + 2 * x) * 3;
        const o = (y * w + x) * 3;
        for (let k = 0; k < 3; k++) dst[o + k] = (src[a + k]! + src[a + 3 + k]! + src[a + row + k]! + src[a + row + 3 + k]!) / 4;
      }
    }
    return out;
  }

  /** 8-bit RGB rows, top first. */
  rgb(): Uint8Array {
    const out = new Uint8Array(this.width * this.height * 3);
    for (let i = 0; i < out.length; i++) out[i] = Math.round(Math.max(0, Math.min(255, this.data[i]!)));
    return out;
  }
}

/** A 16-gon of radius `r` around (x, y). */
export function disc(x: number, y: number, r: number): Point[] {
  return Array.from({ length: 16 }, (_, i) => [x + r * Math.cos((i * Math.PI) / 8), y + r * Math.sin((i * Math.PI) / 8)] as Point);
}
