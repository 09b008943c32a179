/**
 * The drawing of the synthetic old map of the demo district, in the manner of a 19th-century
 * survey map: a smaller town on the street grid before the diagonal avenue was cut through,
 * stone houses in carmine hatching and wooden ones in ochre around their yards, the church,
 * the square, fields outside the town, a wider strait with ripple lines, and a cartouche that
 * says plainly that the map is synthetic. Everything comes from the town layout and the seed.
 */
import { area, centroid, offsetConvex, offsetPolyline, type Polygon, type Vec2 } from '../../lib/geom2d';
import type { Rng } from '../../lib/prng';
import type { TownLayout } from '../town';
import { disc, hex, type Canvas, type Paint, type Point } from './canvas';
import { drawText, textWidth } from './font';

/** Where the map's metres go on the (supersampled) canvas. */
export interface MapFrame {
  /** A point of the demo's east-north frame (metres) in canvas pixels. */
  toPixel(p: Vec2): Point;
  /** Canvas pixels per metre. */
  pixelsPerMetre: number;
}

const INK = hex('#3f2c1d');
const PAPER_DARK = hex('#d9c59b');
const STONE = hex('#b4433a');
const STONE_TINT = hex('#e9bfa5');
const WOOD = hex('#caa165');
const YARD = hex('#c8cf9a');
const FIELD = hex('#d9d8a6');
const FIELD_LINE = hex('#9d9a60');
const WATER = hex('#b7cdd0');
const WATER_LINE = hex('#6f8f99');
const CHURCH = hex('#7e2a22');
const TREE = hex('#5f6f3c');

/** The old town: blocks north of the strait whose centre lies inside this ellipse (metres). */
const OLD_TOWN = { rx: 280, ry: 250 };
/** Stone houses stand in the inner town. */
const STONE_TOWN = { rx: 175, ry: 160 };
/** Depth of the row of houses along a block's edge, metres. */
const HOUSE_DEPTH = 11;
/** The shore lay this much further out before the quays were built, metres. */
const OLD_SHORE = 10;

function inEllipse(c: Vec2, e: { rx: number; ry: number }): boolean {
  return (c[0] / e.rx) ** 2 + (c[1] / e.ry) ** 2 < 1;
}

/** Stripes `width` px wide every `spacing` px across direction `angle` (radians, canvas space). */
function stripes(angle: number, spacing: number, width: number): Paint {
  const cx = Math.cos(angle);
  const cy = Math.sin(angle);
  return (x, y) => {
    const d = (x * cx + y * cy) / spacing;
    return d - Math.floor(d) < width / spacing ? 1 : 0;
  };
}

/** A polyline lengthened at both ends by `by` metres along its end segments. */
function extend(line: readonly Vec2[], by: number): Vec2[] {
  const out = [...line];
  const push = (a: Vec2, b: Vec2): Vec2 => {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return [b[0] + ((b[0] - a[0]) / len) * by, b[1] + ((b[1] - a[1]) / len) * by];
  };
  out.unshift(push(line[1]!, line[0]!));
  out.push(push(line[line.length - 2]!, line[line.length - 1]!));
  return out;
}

/** Meadow: small tussocks scattered on a jittered grid of `cell` px. */
function meadow(cell: number, radius: number): Paint {
  return (x, y) => {
    const gx = Math.floor(x / cell);
    const gy = Math.floor(y / cell);
    const h = Math.imul(gx * 73856093 ^ gy * 19349663, 0x9e3779b1) >>> 0;
    const cx = (gx + 0.2 + 0.6 * ((h & 0xff) / 255)) * cell;
    const cy = (gy + 0.2 + 0.6 * (((h >>> 8) & 0xff) / 255)) * cell;
    return (h >>> 16) % 3 === 0 && (x - cx) ** 2 + (y - cy) ** 2 < radius * radius ? 1 : 0;
  };
}

export function drawTown(canvas: Canvas, town: TownLayout, frame: MapFrame, rng: Rng, areaHalf: number): void {
  const px = (poly: readonly Vec2[]) => poly.map((p) => frame.toPixel(p));
  const m = frame.pixelsPerMetre;

  // meadows around the surveyed grid
  const far = 5000;
  const sheet: Vec2[] = [[-far, -far], [far, -far], [far, far], [-far, far]];
  const grid: Vec2[] = [[-areaHalf, -areaHalf], [areaHalf, -areaHalf], [areaHalf, areaHalf], [-areaHalf, areaHalf]];
  canvas.fill([px(sheet), px(grid)], FIELD_LINE, 0.55, meadow(6 * m, 0.9 * m));
  // the grid's own direction on the canvas (y down): its angle from east, counter-clockwise
  const gridOnCanvas = -town.gridAngle;

  // fields and meadows where the modern town stands outside the old one
  const fields = town.gridBlocks.filter((b) => !(b.side === 'north' && inEllipse(centroid(b.polygon), OLD_TOWN)));
  for (const [i, b] of fields.entries()) {
    const inner = offsetConvex(b.polygon, 3) ?? b.polygon;
    const across = gridOnCanvas + (i % 2 === 0 ? 0 : Math.PI / 2);
    canvas.fill([px(inner)], FIELD, 0.55);
    canvas.fill([px(inner)], FIELD_LINE, 0.5, stripes(across, 5 * m, 0.7 * m));
    canvas.stroke(px([...inner, inner[0]!]), 0.9 * m, FIELD_LINE, 0.8);
  }

  // the strait, wider than today: water between the old shores, with ripple lines along them
  const north = extend(offsetPolyline(town.northShore, OLD_SHORE), 600);
  const south = extend(offsetPolyline(town.southShore, -OLD_SHORE), 600);
  const water = [...north, ...[...south].reverse()];
  canvas.fill([px(water)], WATER, 1);
  canvas.fill([px(water)], WATER_LINE, 0.35, stripes(Math.PI / 2, 4 * m, 0.55 * m));
  for (const [shore, side] of [
    [north, -1],
    [south, 1],
  ] as const) {
    for (const d of [5, 11, 19]) canvas.stroke(px(offsetPolyline(shore, side * d)), 0.6 * m, WATER_LINE, 0.7);
    canvas.stroke(px(shore), 1.6 * m, INK, 0.9);
  }

  // the old town: houses around yards, divided into plots
  const square = town.blocks.find((b) => b.kind === 'square');
  const church = town.blocks.find((b) => b.kind === 'church');
  const old = town.gridBlocks.filter((b) => b.side === 'north' && inEllipse(centroid(b.polygon), OLD_TOWN));
  for (const b of old) {
    const c = centroid(b.polygon);
    const outer = offsetConvex(b.polygon, 1) ?? b.polygon;
    const open = [square, church].find((s) => s && pointNear(centroid(s.polygon), b.polygon));
    if (open) {
      if (open === church) drawChurchyard(canvas, outer, town.gridAngle, frame, rng);
      canvas.stroke(px([...outer, outer[0]!]), 0.8 * m, INK, 0.85);
      continue;
    }
    const inner = area(outer) > 2200 ? offsetConvex(outer, HOUSE_DEPTH) : null;
    const stone = inEllipse(c, STONE_TOWN) || rng.fork(`block:${Math.round(c[0])},${Math.round(c[1])}`).chance(0.2);
    const rings = inner ? [px(outer), px(inner)] : [px(outer)];
    if (stone) {
      canvas.fill(rings, STONE_TINT, 0.9);
      canvas.fill(rings, STONE, 0.9, stripes(Math.PI / 4, 2.2 * m, 0.6 * m));
    } else canvas.fill(rings, WOOD, 0.75);
    if (inner) {
      canvas.fill([px(inner)], YARD, 0.35);
      drawPlots(canvas, outer, inner, frame, rng.fork(`plots:${Math.round(c[0])},${Math.round(c[1])}`));
      canvas.stroke(px([...inner, inner[0]!]), 0.5 * m, INK, 0.7);
    }
    canvas.stroke(px([...outer, outer[0]!]), 0.8 * m, INK, 0.9);
  }

  // labels
  if (square) drawText(canvas, 'STORA TORGET', ...frame.toPixel(centroid(square.polygon)), Math.round(1.6 * m), INK, { centre: true });
  if (church) {
    const [x, y] = frame.toPixel(centroid(church.polygon));
    drawText(canvas, 'DOMKYRKAN', x, y + 26 * m, Math.round(1.6 * m), INK, { centre: true });
  }
  const [wx, wy] = frame.toPixel([-40, (yAt(town.northShore, -40) + yAt(town.southShore, -40)) / 2]);
  drawText(canvas, 'SÖDRA SUNDET', wx, wy - 5 * m, Math.round(2.4 * m), WATER_LINE, { centre: true, spacing: 3 });
}

/** The y of a west → east polyline at `x` (linear between its points). */
function yAt(line: readonly Vec2[], x: number): number {
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i]!;
    const [bx, by] = line[i + 1]!;
    if (x >= ax && x <= bx) return ay + ((by - ay) * (x - ax)) / (bx - ax);
  }
  return line[x < line[0]![0] ? 0 : line.length - 1]![1];
}

/** Whether `p` lies inside the convex polygon `poly` (CCW). */
function pointNear(p: Vec2, poly: readonly Vec2[]): boolean {
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) < 0) return false;
  }
  return true;
}

/** Plot lines across the row of houses, every 12–20 m along each edge. */
function drawPlots(canvas: Canvas, outer: Polygon, inner: Polygon, frame: MapFrame, rng: Rng): void {
  const m = frame.pixelsPerMetre;
  for (let i = 0; i < outer.length; i++) {
    const a = outer[i]!;
    const b = outer[(i + 1) % outer.length]!;
    const ia = inner[i]!;
    const ib = inner[(i + 1) % inner.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    for (let s = rng.float(12, 20); s < len - 8; s += rng.float(12, 20)) {
      const t = s / len;
      const from: Vec2 = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      const to: Vec2 = [ia[0] + (ib[0] - ia[0]) * t, ia[1] + (ib[1] - ia[1]) * t];
      canvas.stroke([frame.toPixel(from), frame.toPixel(to)], 0.45 * m, INK, 0.75);
    }
  }
}

/** The churchyard: grass with trees, and the church, a cross of nave and transept. */
function drawChurchyard(canvas: Canvas, yard: Polygon, gridAngle: number, frame: MapFrame, rng: Rng): void {
  const m = frame.pixelsPerMetre;
  canvas.fill([yard.map((p) => frame.toPixel(p))], YARD, 0.6);
  const c = centroid(yard);
  const trees = rng.fork('churchyard');
  for (let i = 0; i < 40; i++) {
    const p: Vec2 = [c[0] + trees.float(-45, 45), c[1] + trees.float(-40, 40)];
    if (!pointNear(p, offsetConvex(yard, 4) ?? yard) || Math.hypot(p[0] - c[0], p[1] - c[1]) < 24) continue;
    const [x, y] = frame.toPixel(p);
    canvas.fill([disc(x, y, trees.float(1.6, 2.6) * m)], TREE, 0.8);
  }
  const rect = (u: number, v: number, hu: number, hv: number): Point[] => {
    const cos = Math.cos(gridAngle);
    const sin = Math.sin(gridAngle);
    return ([
      [-hu, -hv],
      [hu, -hv],
      [hu, hv],
      [-hu, hv],
    ] as const).map(([du, dv]) => frame.toPixel([c[0] + cos * (u + du) - sin * (v + dv), c[1] + sin * (u + du) + cos * (v + dv)]));
  };
  for (const part of [rect(0, 0, 18, 6), rect(-6, 0, 5, 11)]) canvas.fill([part], CHURCH, 1);
}

/** The sheet around the map: a double neat line, the cartouche, the scale bar and the north arrow. */
export function drawSheet(canvas: Canvas, options: { year: number; seed: number; pixelsPerMetre: number }): void {
  const { width: w, height: h } = canvas;
  const s = 2; // canvas pixels per final pixel
  const rect = (x0: number, y0: number, x1: number, y1: number): Point[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  const frameRing = (inset: number, thickness: number) => [rect(inset, inset, w - inset, h - inset), rect(inset + thickness, inset + thickness, w - inset - thickness, h - inset - thickness)];
  canvas.fill([rect(0, 0, w, h), rect(14 * s, 14 * s, w - 14 * s, h - 14 * s)], PAPER_DARK, 1);
  canvas.fill(frameRing(14 * s, 3 * s), INK, 1);
  canvas.fill(frameRing(21 * s, 1 * s), INK, 1);

  // the cartouche, top left
  const lines: { text: string; scale: number; gap: number }[] = [
    { text: 'HERNÖSAND', scale: 6 * s, gap: 10 },
    { text: `ÅR ${options.year}`, scale: 4 * s, gap: 14 },
    { text: 'SYNTETISK KARTA – INTE VERKLIG', scale: 2 * s, gap: 6 },
    { text: 'SYNTHETIC MAP – NOT A REAL PLACE', scale: 2 * s, gap: 6 },
    { text: `METACITY TWIN DEMO · FRÖ ${options.seed}`, scale: 2 * s, gap: 0 },
  ];
  const boxW = Math.max(...lines.map((l) => textWidth(l.text, l.scale))) + 40 * s;
  const boxH = lines.reduce((n, l) => n + 7 * l.scale + l.gap * s, 0) + 36 * s;
  const bx = 36 * s;
  const by = 36 * s;
  canvas.fill([rect(bx, by, bx + boxW, by + boxH)], hex('#f3e8cc'), 1);
  canvas.fill([rect(bx, by, bx + boxW, by + boxH), rect(bx + 3 * s, by + 3 * s, bx + boxW - 3 * s, by + boxH - 3 * s)], INK, 1);
  let y = by + 18 * s;
  for (const l of lines) {
    drawText(canvas, l.text, bx + boxW / 2, y, l.scale, INK, { centre: true });
    y += 7 * l.scale + l.gap * s;
  }

  // scale bar, bottom left: 0–500 m in 100 m fields
  const m = options.pixelsPerMetre;
  const x0 = 44 * s;
  const y0 = h - 56 * s;
  for (let i = 0; i < 5; i++) {
    const cell = rect(x0 + i * 100 * m, y0, x0 + (i + 1) * 100 * m, y0 + 6 * s);
    canvas.fill([cell], i % 2 === 0 ? INK : hex('#f3e8cc'), 1);
    canvas.stroke([...cell, cell[0]!], 1 * s, INK, 1);
    drawText(canvas, String(i * 100), x0 + i * 100 * m, y0 - 14 * s, 2 * s, INK, { centre: true });
  }
  drawText(canvas, '500 M', x0 + 500 * m + 6 * s, y0 - 14 * s, 2 * s, INK);

  // north arrow, top right (the sheet is drawn on the SWEREF 99 17 15 grid: up is grid north)
  const ax = w - 70 * s;
  const ay = 60 * s;
  canvas.fill(
    [
      [
        [ax, ay],
        [ax + 12 * s, ay + 46 * s],
        [ax, ay + 36 * s],
        [ax - 12 * s, ay + 46 * s],
      ],
    ],
    INK,
    1,
  );
  drawText(canvas, 'N', ax, ay + 52 * s, 4 * s, INK, { centre: true });
}
