/**
 * Pass 2 (distribute): convert every pass-1 record to ENU metres and spill it into the file
 * of its cell in a fixed grid (the anchor is the footprint's centroid), through a writer
 * with a fixed memory budget. Cells with more than `maxPerTile` records are split into
 * quadrants on disk, recursively.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { toEnu, type EnuConverter } from './enu';
import type { BuildingsOptions } from './options';
import { BucketWriter, decodeRecord, encodeRecord, readRecordFiles } from './records';
import { cellKey, cellOf, type Cell, type Square } from './tiling';

/**
 * Spills the records of `stage1` (then removed) into the cells of level `l0` of `square`,
 * splits the overfull ones, and returns the top cells sorted by row, then column.
 */
export function distribute(
  stage1: string,
  written: number,
  enu: EnuConverter,
  square: Square,
  l0: number,
  maxPerTile: number,
  tmp: string,
  o: Pick<BuildingsOptions, 'progress' | 'writeBudget'>,
): Cell[] {
  const cellsDir = join(tmp, 'cells');
  mkdirSync(cellsDir);
  const cellPath = (k: string) => join(cellsDir, `${k}.bin`);
  const grid = new BucketWriter<string>(cellPath, o.writeBudget);
  {
    const bar = o.progress?.('placing', written);
    let n = 0;
    for (const raw of readRecordFiles([stage1])) {
      const r = toEnu(decodeRecord(raw), enu);
      const [cx, cy] = cellOf(square, l0, r.ax, r.ay);
      grid.append(cellKey(l0, cx, cy), encodeRecord(r));
      if ((++n & 4095) === 0) bar?.tick('', 4096);
    }
    grid.flush();
    bar?.done(`${grid.counts.size} cells of level ${l0}`);
  }
  rmSync(stage1, { force: true });
  const maxLevel = Math.min(l0 + 10, 24);
  const cells: Cell[] = [];
  for (const [k, count] of grid.counts) {
    const [level, x, y] = k.split('_').map(Number) as [number, number, number];
    const cell: Cell = { level, x, y, count, file: cellPath(k), children: [] };
    splitCell(cell, square, maxPerTile, maxLevel, cellPath, o.writeBudget);
    cells.push(cell);
  }
  cells.sort((a, b) => a.y - b.y || a.x - b.x);
  return cells;
}

/** Splits an overfull cell into quadrant files, recursively, until each holds ≤ maxPerTile. */
function splitCell(cell: Cell, sq: Square, maxPerTile: number, maxLevel: number, pathOf: (k: string) => string, budget?: number): void {
  if (cell.count <= maxPerTile || cell.level >= maxLevel || !cell.file) return;
  const level = cell.level + 1;
  const w = new BucketWriter<string>(pathOf, budget);
  for (const raw of readRecordFiles([cell.file])) {
    // anchor: offsets 8 and 16
    const [cx, cy] = cellOf(sq, level, raw.readDoubleLE(8), raw.readDoubleLE(16));
    w.append(cellKey(level, cx, cy), Buffer.from(raw));
  }
  w.flush();
  if (w.counts.size === 1 && [...w.counts.values()][0] === cell.count) {
    // all in one quadrant: keep splitting that one (identical anchors stop at maxLevel)
  }
  rmSync(cell.file, { force: true });
  cell.file = null;
  for (const [k, count] of w.counts) {
    const [l, x, y] = k.split('_').map(Number) as [number, number, number];
    const child: Cell = { level: l, x, y, count, file: pathOf(k), children: [] };
    splitCell(child, sq, maxPerTile, maxLevel, pathOf, budget);
    cell.children.push(child);
  }
  cell.children.sort((a, b) => a.y - b.y || a.x - b.x);
}
