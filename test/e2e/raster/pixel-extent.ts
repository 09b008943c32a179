/**
 * The extremes of a set of pixels, for finding a map's corners: its topmost row (at the middle
 * of that row), its leftmost and rightmost columns (at their middles), and the two ends of its
 * bottom row. Positions are pixel indices (add ½ for centres).
 */
export interface PixelCorners {
  north: [number, number];
  west: [number, number];
  east: [number, number];
  southWest: [number, number];
  southEast: [number, number];
}

interface Span {
  min: number;
  max: number;
}

export class PixelExtent {
  private readonly rows = new Map<number, Span>();
  private readonly cols = new Map<number, Span>();

  add(x: number, y: number): void {
    const r = this.rows.get(y);
    if (r) (r.min = Math.min(r.min, x)), (r.max = Math.max(r.max, x));
    else this.rows.set(y, { min: x, max: x });
    const c = this.cols.get(x);
    if (c) (c.min = Math.min(c.min, y)), (c.max = Math.max(c.max, y));
    else this.cols.set(x, { min: y, max: y });
  }

  corners(): PixelCorners {
    const ys = [...this.rows.keys()].sort((a, b) => a - b);
    const xs = [...this.cols.keys()].sort((a, b) => a - b);
    if (ys.length === 0) throw new Error('PixelExtent: no pixels');
    const mid = (s: Span) => (s.min + s.max) / 2;
    const top = ys[0]!;
    const bottom = ys.at(-1)!;
    const left = xs[0]!;
    const right = xs.at(-1)!;
    return {
      north: [mid(this.rows.get(top)!), top],
      west: [left, mid(this.cols.get(left)!)],
      east: [right, mid(this.cols.get(right)!)],
      southWest: [this.rows.get(bottom)!.min, bottom],
      southEast: [this.rows.get(bottom)!.max, bottom],
    };
  }
}
